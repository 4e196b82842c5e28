import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { OrganisationDto, UserDto } from '@lianzhang/contracts';
import { LanguageService } from '../i18n/language.service';
import { testProviders } from '../testing';
import { ADMIN_ROUTES } from './admin.routes';

const ORGANISATION: OrganisationDto = {
  id: '6f1c2b4e-8a51-4c1e-9d2a-0b7c3e5f9a10',
  name: '青岛市工业和信息化局',
  kind: 'government',
  creditCode: null,
  regionCode: '370200',
  version: 1,
  createdAt: '2026-01-05T02:00:00.000Z',
};

const USERS: UserDto[] = [
  {
    id: '1d7e0c55-2b1a-4d3c-8e9f-5a6b7c8d9e01',
    username: 'admin',
    displayName: '省工信厅管理员',
    role: 'province_admin',
    organisationId: ORGANISATION.id,
    organisationName: ORGANISATION.name,
    regionCode: null,
    active: true,
    version: 1,
  },
  {
    id: '1d7e0c55-2b1a-4d3c-8e9f-5a6b7c8d9e02',
    username: 'city.qingdao',
    displayName: '青岛市协调员',
    role: 'city_coordinator',
    organisationId: ORGANISATION.id,
    organisationName: ORGANISATION.name,
    regionCode: '370200',
    active: false,
    version: 3,
  },
];

describe('admin section', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [...testProviders(), provideRouter([{ path: 'admin', children: ADMIN_ROUTES }])],
    });
    await TestBed.inject(LanguageService).init();
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  /** Lets answered requests resolve, then renders what they changed. */
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await TestBed.inject(ApplicationRef).whenStable();
  }

  it('opens on the users page under its own menu, and the users table filters', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/admin');
    expect(TestBed.inject(Router).url).toBe('/admin/users');

    const element = harness.routeNativeElement as HTMLElement;
    const nav = element.querySelector('[data-testid="admin-nav"]');
    expect(nav?.querySelectorAll('li').length).toBe(6);
    expect(nav?.textContent).toContain('督办规则');
    expect(nav?.querySelector('.ant-menu-item-selected')?.textContent).toContain('用户');

    const page = (items: UserDto[]) => ({ items, total: items.length, page: 1, pageSize: 20 });
    await settle();
    const first = http.expectOne((r) => r.url === '/api/users');
    expect(first.request.params.get('page')).toBe('1');
    expect(first.request.params.has('q')).toBe(false);
    first.flush(page(USERS));
    http.expectOne('/api/regions').flush([
      {
        code: '370200',
        nameZh: '青岛市',
        nameEn: 'Qingdao',
        level: 'city',
        parentCode: '370000',
      },
    ]);
    await settle();

    const rows = () => [...element.querySelectorAll<HTMLElement>('[data-testid="user-row"]')];
    expect(rows().map((r) => r.dataset['username'])).toEqual(['admin', 'city.qingdao']);
    expect(rows()[1]?.textContent).toContain('市级协调员');
    expect(rows()[1]?.textContent).toContain('青岛市工业和信息化局');
    expect(rows()[1]?.textContent).toContain('青岛市');
    expect(rows()[1]?.textContent).toContain('停用');

    // The api searches: typing sends the text (after a short pause) and shows its answer.
    const search = element.querySelector<HTMLInputElement>('#users-q') as HTMLInputElement;
    search.value = 'qingdao';
    search.dispatchEvent(new Event('input'));
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const searched = http.expectOne((r) => r.url === '/api/users');
    expect(searched.request.params.get('q')).toBe('qingdao');
    searched.flush(page(USERS.slice(1)));
    await settle();
    expect(rows().map((r) => r.dataset['username'])).toEqual(['city.qingdao']);
  });
});
