import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, type UrlTree } from '@angular/router';
import type { LoginResponse } from '@lianzhang/contracts';
import { firstValueFrom } from 'rxjs';
import { testProviders } from '../testing';
import { signedInGuard } from './auth.guard';
import { authInterceptor } from './auth.interceptor';
import { LanguageService } from '../i18n/language.service';
import { SessionStore } from './session.store';

const answer = (token: string): LoginResponse => ({
  accessToken: token,
  expiresIn: 900,
  user: {
    id: 'u1',
    username: 'leader.ngit.ic',
    displayName: '集成电路链长',
    role: 'chain_leader',
    organisation: { id: 'o1', name: '省工业和信息化厅', kind: 'government' },
    regionCode: null,
    permissions: ['me:read', 'task:assign'],
    chains: [{ id: 'c1', kind: 'leader' }],
    language: 'zh-CN',
  },
});

describe('SessionStore with the auth interceptor', () => {
  let session: SessionStore;
  let http: HttpTestingController;
  let client: HttpClient;
  let router: Router;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        ...testProviders(),
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    session = TestBed.inject(SessionStore);
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
    router = TestBed.inject(Router);
  });

  afterEach(() => http.verify());

  async function signIn(token = 'T1'): Promise<void> {
    const login = session.login({ username: 'leader.ngit.ic', password: 'Lianzhang@2026' });
    const request = http.expectOne('/api/auth/login');
    expect(request.request.headers.has('Authorization')).toBe(false);
    request.flush(answer(token));
    await login;
  }

  it('starts in the language the user chose on another device, and remembers a new choice for them', async () => {
    const languages = TestBed.inject(LanguageService);
    const login = session.login({ username: 'leader.ngit.ic', password: 'Lianzhang@2026' });
    const english = answer('T1');
    http
      .expectOne('/api/auth/login')
      .flush({ ...english, user: { ...english.user, language: 'en' } });
    await login;
    await waitUntil(() => languages.language() === 'en');

    const switched = session.useLanguage('zh-CN');
    await waitUntil(() => languages.language() === 'zh-CN');
    const saved = http.expectOne('/api/me/language');
    expect([saved.request.method, saved.request.body]).toEqual(['PUT', { language: 'zh-CN' }]);
    saved.flush(null, { status: 204, statusText: 'No Content' });
    await switched;
    expect(session.user()?.language).toBe('zh-CN');
  });

  it('signs in, keeps the token in memory and sends it with api calls', async () => {
    await signIn();
    expect(session.user()?.displayName).toBe('集成电路链长');
    expect(session.can('task:assign')).toBe(true);
    expect(session.can('audit:read')).toBe(false);
    const call = firstValueFrom(client.get('/api/tasks'));
    const request = http.expectOne('/api/tasks');
    expect(request.request.headers.get('Authorization')).toBe('Bearer T1');
    request.flush({ items: [] });
    await call;
  });

  it('refreshes once for concurrent 401s and repeats each call with the new token', async () => {
    await signIn();
    const first = firstValueFrom(client.get<{ n: number }>('/api/tasks'));
    const second = firstValueFrom(client.get<{ n: number }>('/api/chains'));
    http.expectOne('/api/tasks').flush({}, { status: 401, statusText: 'Unauthorized' });
    http.expectOne('/api/chains').flush({}, { status: 401, statusText: 'Unauthorized' });
    http.expectOne('/api/auth/refresh').flush(answer('T2'));
    // The refresh settles through a few promise turns before the calls are repeated.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const retried = http.match((r) => r.url === '/api/tasks' || r.url === '/api/chains');
    expect(retried.map((r) => r.request.headers.get('Authorization'))).toEqual([
      'Bearer T2',
      'Bearer T2',
    ]);
    retried.forEach((r, i) => r.flush({ n: i }));
    expect(await Promise.all([first, second])).toEqual([{ n: 0 }, { n: 1 }]);
  });

  it('sends the user to sign-in, with the page to come back to, when the session is over', async () => {
    await signIn();
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    jest.spyOn(router, 'url', 'get').mockReturnValue('/tasks/42');
    const call = firstValueFrom(client.get('/api/tasks'));
    http.expectOne('/api/tasks').flush({}, { status: 401, statusText: 'Unauthorized' });
    http.expectOne('/api/auth/refresh').flush({}, { status: 401, statusText: 'Unauthorized' });
    await expect(call).rejects.toMatchObject({ status: 401 });
    expect(session.user()).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { returnUrl: '/tasks/42' } });
  });

  it('lets a signed-in user through the guard and sends others to sign-in first', async () => {
    const guard = () =>
      TestBed.runInInjectionContext(() =>
        signedInGuard({} as never, { url: '/chains/c1' } as never),
      );
    const refused = guard() as UrlTree;
    expect(router.serializeUrl(refused)).toBe('/login?returnUrl=%2Fchains%2Fc1');
    await signIn();
    expect(guard()).toBe(true);
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((settle) => setTimeout(settle));
  expect(condition()).toBe(true);
}
