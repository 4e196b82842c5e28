import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import type { OrganisationDto, Page, RegionDto, UserDto } from '@lianzhang/contracts';
import { provideTranslocoScope } from '@jsverse/transloco';
import { LanguageService } from '../../i18n/language.service';
import { testProviders } from '../../testing';
import { ReferenceStore } from '../reference.store';
import { UserFormComponent } from './user-form.component';

const ORGANISATION: OrganisationDto = {
  id: '6f1c2b4e-8a51-4c1e-9d2a-0b7c3e5f9a10',
  name: '山东省工业和信息化厅',
  kind: 'government',
  creditCode: null,
  regionCode: '370000',
  version: 1,
  createdAt: '2026-01-05T02:00:00.000Z',
};

const REGIONS: RegionDto[] = [
  { code: '370000', nameZh: '山东省', nameEn: 'Shandong', level: 'province', parentCode: null },
  { code: '370200', nameZh: '青岛市', nameEn: 'Qingdao', level: 'city', parentCode: '370000' },
];

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  fixture.detectChanges();
  await fixture.whenStable();
  fixture.detectChanges();
}

function type(element: HTMLElement, selector: string, value: string): void {
  const input = element.querySelector<HTMLInputElement>(selector);
  if (!input) throw new Error(`no ${selector}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

/** The text of the form item a control sits in: its label, the control and its error. */
function item(element: HTMLElement, selector: string): string {
  return element.querySelector(selector)?.closest('nz-form-item')?.textContent ?? '';
}

/**
 * Picks a value of an nz-select as its (ngModelChange) reports it. jsdom has no layout,
 * so the select's virtual-scroll list never renders its options to click.
 */
async function choose(
  fixture: ComponentFixture<unknown>,
  testId: string,
  value: string,
): Promise<void> {
  const select = fixture.debugElement.query(By.css(`[data-testid="${testId}"]`));
  if (!select) throw new Error(`no ${testId}`);
  select.triggerEventHandler('ngModelChange', value);
  await settle(fixture);
}

describe('UserFormComponent', () => {
  let fixture: ComponentFixture<UserFormComponent>;
  let element: HTMLElement;
  let http: HttpTestingController;
  let saved: UserDto[];

  async function open(user: UserDto | null): Promise<void> {
    fixture = TestBed.createComponent(UserFormComponent);
    fixture.componentRef.setInput('user', user);
    saved = [];
    fixture.componentInstance.saved.subscribe((u) => saved.push(u));
    element = fixture.nativeElement;
    await settle(fixture);
    http.expectOne('/api/regions').flush(REGIONS);
    const search = http.expectOne((r) => r.url === '/api/organisations');
    expect(search.request.params.get('pageSize')).toBe('20');
    search.flush({
      items: [ORGANISATION],
      total: 1,
      page: 1,
      pageSize: 20,
    } satisfies Page<OrganisationDto>);
    await settle(fixture);
  }

  async function submit(): Promise<void> {
    element.querySelector<HTMLButtonElement>('[data-testid="user-save"]')?.click();
    await settle(fixture);
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [...testProviders(), provideTranslocoScope('admin'), ReferenceStore],
    });
    await TestBed.inject(LanguageService).init();
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    fixture.destroy();
    document.querySelectorAll('.cdk-overlay-container').forEach((e) => (e.innerHTML = ''));
  });

  it('labels every control', async () => {
    await open(null);
    for (const id of ['user-username', 'user-display-name', 'user-password']) {
      expect(element.querySelector(`label[for="${id}"]`)).not.toBeNull();
      expect(element.querySelector(`#${id}`)).not.toBeNull();
    }
    expect(element.querySelector('label[for="user-role"]')?.textContent).toContain('角色');
    expect(element.querySelector('label[for="user-organisation"]')?.textContent).toContain(
      '所属单位',
    );
  });

  it('shows the shared contract’s errors beside their fields and sends nothing', async () => {
    await open(null);
    type(element, '#user-username', '9 bad');
    type(element, '#user-password', 'short');
    await submit();

    expect(item(element, '#user-username')).toContain('用户名为 3–64 位小写字母');
    expect(item(element, '#user-display-name')).toContain('不能为空');
    expect(item(element, '#user-password')).toContain('密码至少 10 位');
    expect(item(element, '#user-display-name')).not.toContain('用户名为');
    http.expectNone('/api/users');
    expect(saved).toEqual([]);
  });

  it('asks a city coordinator for a city before sending', async () => {
    await open(null);
    type(element, '#user-username', 'city.jinan');
    type(element, '#user-display-name', '济南协调员');
    type(element, '#user-password', 'Lianzhang@2026');
    await choose(fixture, 'user-role', 'city_coordinator');
    await choose(fixture, 'organisation-select', ORGANISATION.id);
    await submit();
    expect(item(element, '#user-region')).toContain('市级协调员须指定所辖城市');
    http.expectNone('/api/users');
  });

  it('sends a valid user and shows the api’s field error next to the field', async () => {
    await open(null);
    type(element, '#user-username', 'Office.New');
    type(element, '#user-display-name', '新同事');
    type(element, '#user-password', 'Lianzhang@2026');
    await choose(fixture, 'user-role', 'chain_office');
    await choose(fixture, 'organisation-select', ORGANISATION.id);
    await submit();

    const post: TestRequest = http.expectOne({ method: 'POST', url: '/api/users' });
    expect(post.request.body).toEqual({
      username: 'office.new',
      displayName: '新同事',
      role: 'chain_office',
      organisationId: ORGANISATION.id,
      regionCode: null,
      password: 'Lianzhang@2026',
    });
    post.flush(
      {
        code: 'CONFLICT',
        message: '该内容已被他人修改，请刷新后重试',
        details: [{ path: 'username', message: '该用户名已被使用' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);
    expect(item(element, '#user-username')).toContain('该用户名已被使用');
    expect(item(element, '#user-display-name')).not.toContain('该用户名已被使用');
    expect(saved).toEqual([]);

    // Typing in the field clears its error; the next answer is a success.
    type(element, '#user-username', 'office.newer');
    await settle(fixture);
    expect(item(element, '#user-username')).not.toContain('该用户名已被使用');
    await submit();
    const user: UserDto = {
      id: '1d7e0c55-2b1a-4d3c-8e9f-5a6b7c8d9e01',
      username: 'office.newer',
      displayName: '新同事',
      role: 'chain_office',
      organisationId: ORGANISATION.id,
      organisationName: '测试单位',
      regionCode: null,
      active: true,
      version: 1,
    };
    http.expectOne({ method: 'POST', url: '/api/users' }).flush(user);
    await settle(fixture);
    expect(saved).toEqual([user]);
  });

  it('changes a user with the version it read', async () => {
    const user: UserDto = {
      id: '1d7e0c55-2b1a-4d3c-8e9f-5a6b7c8d9e01',
      username: 'office.ngit.ic',
      displayName: '链长办',
      role: 'chain_office',
      organisationId: ORGANISATION.id,
      organisationName: '测试单位',
      regionCode: null,
      active: true,
      version: 4,
    };
    await open(user);
    expect(element.querySelector('#user-username')).toBeNull();
    type(element, '#user-display-name', '链长办（集成电路）');
    element.querySelector<HTMLElement>('#user-active')?.click();
    await settle(fixture);
    await submit();
    const patch = http.expectOne({ method: 'PATCH', url: `/api/users/${user.id}` });
    expect(patch.request.body).toEqual({
      version: 4,
      displayName: '链长办（集成电路）',
      role: 'chain_office',
      organisationId: ORGANISATION.id,
      regionCode: null,
      active: false,
    });
    patch.flush({ ...user, displayName: '链长办（集成电路）', active: false, version: 5 });
    await settle(fixture);
    expect(saved[0]?.version).toBe(5);
  });
});
