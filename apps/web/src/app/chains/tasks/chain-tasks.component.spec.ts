import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import type { ChainDetailDto, Page, SessionUserDto, TaskDto } from '@lianzhang/contracts';
import { ROLE_PERMISSIONS, type Role } from '@lianzhang/domain';
import { provideTranslocoScope, TranslocoService } from '@jsverse/transloco';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { firstValueFrom } from 'rxjs';
import { SessionStore } from '../../auth/session.store';
import { LanguageService } from '../../i18n/language.service';
import { testProviders } from '../../testing';
import { ChainStore } from '../chain.store';
import { CHAINS_ICONS } from '../chains-icons';
import { ChainTasksComponent } from './chain-tasks.component';

const CHAIN = '11111111-1111-4111-8111-111111111111';

function task(
  id: string,
  status: TaskDto['status'],
  overdue = false,
  noticeLevel: TaskDto['noticeLevel'] = null,
): TaskDto {
  return {
    id,
    chainId: CHAIN,
    chainName: '集成电路',
    chainNameEn: 'Integrated circuits',
    title: `任务${id}`,
    description: '',
    status,
    priority: 'normal',
    dueDate: '2026-10-09',
    overdue,
    progress: 0,
    reportEveryWorkdays: null,
    assignee: { organisationId: 'o1', name: '浪潮电子' },
    coHandlers: [],
    shortBoardId: null,
    projectId: null,
    assignerUserId: 'u1',
    noticeLevel,
    party: 'assigner',
    allowedActions: [],
    version: 1,
    createdAt: '2026-09-01T00:00:00.000Z',
  };
}

const TASKS = [
  task('a', 'assigned'),
  task('b', 'in_progress', true, 'red'),
  task('c', 'in_progress'),
];

function setUp(role: Role): {
  fixture: ComponentFixture<ChainTasksComponent>;
  http: HttpTestingController;
} {
  TestBed.inject(SessionStore).user.set({
    id: 'u1',
    username: 'x',
    displayName: 'x',
    role,
    organisation: { id: 'o', name: 'o', kind: 'government' },
    regionCode: null,
    language: 'zh-CN',
    permissions: ROLE_PERMISSIONS[role],
    chains: [],
  } satisfies SessionUserDto);
  const store = TestBed.inject(ChainStore);
  store.id.set(CHAIN);
  store.detail.set({
    status: 'ready',
    value: { id: CHAIN, canEdit: true } as ChainDetailDto,
  });
  const fixture = TestBed.createComponent(ChainTasksComponent);
  fixture.detectChanges();
  return { fixture, http: TestBed.inject(HttpTestingController) };
}

describe('ChainTasksComponent', () => {
  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ChainTasksComponent],
      providers: [
        ...testProviders(),
        ChainStore,
        provideTranslocoScope('chains'),
        provideNzIconsPatch(CHAINS_ICONS),
      ],
    });
    await TestBed.inject(LanguageService).init();
    await firstValueFrom(TestBed.inject(TranslocoService).load('chains/zh-CN'));
  });

  async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
    await new Promise((done) => setTimeout(done));
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  it('lists the chain’s tasks as a table, then as a board with a column per status', async () => {
    const { fixture, http } = setUp('chain_office');
    const list = http.expectOne((r) => r.url === '/api/tasks');
    expect(list.request.params.get('chainId')).toBe(CHAIN);
    list.flush({ items: TASKS, total: 3, page: 1, pageSize: 100 } satisfies Page<TaskDto>);
    await settle(fixture);
    const element: HTMLElement = fixture.nativeElement;
    expect(element.querySelector('[data-testid="task-table"]')).not.toBeNull();
    expect(element.querySelectorAll('[data-testid="task-row"]')).toHaveLength(3);
    expect(element.querySelector('[data-testid="task-link"]')?.getAttribute('href')).toBe(
      '/tasks/a',
    );
    expect(element.querySelectorAll('[data-testid="task-overdue"]')).toHaveLength(1);
    expect(element.querySelector('[data-testid="task-notice"]')?.textContent?.trim()).toBe(
      '红牌督办',
    );

    element.querySelector<HTMLButtonElement>('[data-testid="task-view-board"]')?.click();
    await settle(fixture);
    expect(element.querySelector('[data-testid="task-table"]')).toBeNull();
    const columns = [...element.querySelectorAll('[data-testid="task-column"]')];
    expect(columns.map((c) => c.getAttribute('data-status'))).toEqual([
      'draft',
      'assigned',
      'accepted',
      'in_progress',
      'submitted',
      'returned',
      'done',
      'cancelled',
    ]);
    const inProgress = columns.find((c) => c.getAttribute('data-status') === 'in_progress');
    expect(inProgress?.querySelectorAll('[data-testid="task-card"]')).toHaveLength(2);
    expect(
      element
        .querySelector('[data-status="assigned"] [data-testid="task-card"]')
        ?.getAttribute('href'),
    ).toBe('/tasks/a');
    http.verify();
  });

  it('offers the create-and-assign form to those who may assign, and only to them', async () => {
    const office = setUp('chain_office');
    office.http
      .expectOne((r) => r.url === '/api/tasks')
      .flush({ items: [], total: 0, page: 1, pageSize: 100 });
    await settle(office.fixture);
    const button = office.fixture.nativeElement.querySelector('[data-testid="task-create"]');
    expect(button).not.toBeNull();
    button.click();
    await settle(office.fixture);
    expect(document.querySelector('[data-testid="task-form"]')).not.toBeNull();
    office.http.match(() => true).forEach((r) => r.flush([]));
    office.fixture.destroy();
  });

  it('shows no create button to a read-only analyst', async () => {
    const analyst = setUp('province_analyst');
    analyst.http
      .expectOne((r) => r.url === '/api/tasks')
      .flush({ items: [], total: 0, page: 1, pageSize: 100 });
    await settle(analyst.fixture);
    expect(analyst.fixture.nativeElement.querySelector('[data-testid="task-create"]')).toBeNull();
    expect(analyst.fixture.nativeElement.textContent).toContain('暂无任务');
  });
});
