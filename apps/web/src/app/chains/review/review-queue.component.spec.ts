import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import type {
  ChainDetailDto,
  Page,
  ProgressReportDto,
  SessionUserDto,
  ShortBoardDto,
  TaskDto,
} from '@lianzhang/contracts';
import { ROLE_PERMISSIONS } from '@lianzhang/domain';
import { provideTranslocoScope, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { SessionStore } from '../../auth/session.store';
import { LanguageService } from '../../i18n/language.service';
import { testProviders } from '../../testing';
import { ChainStore } from '../chain.store';
import type { AttachmentDto } from '../chains.client';
import { ReviewQueueComponent } from './review-queue.component';

const CHAIN = '11111111-1111-4111-8111-111111111111';
const TASK = '55555555-5555-4555-8555-555555555555';
const BOARD = '66666666-6666-4666-8666-666666666666';
const R1 = '77777777-7777-4777-8777-777777777771';
const R2 = '77777777-7777-4777-8777-777777777772';
const FILE = '88888888-8888-4888-8888-888888888888';

function report(id: string, overrides: Partial<ProgressReportDto>): ProgressReportDto {
  return {
    id,
    subjectType: 'task',
    subjectId: TASK,
    chainId: CHAIN,
    organisationId: 'org',
    organisationName: '浪潮电子',
    authorUserId: 'u2',
    percent: 60,
    narrative: '已完成设备选型',
    problems: '',
    needs: '',
    status: 'submitted',
    reviewReason: null,
    reviewedAt: null,
    version: 3,
    createdAt: '2026-09-24T08:00:00.000Z',
    ...overrides,
  };
}

/** The value, or a failed test when there is none. */
function present<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

const REPORTS: ProgressReportDto[] = [
  report(R1, { problems: '光刻胶供应不稳定', needs: '协调省内供应商' }),
  report(R2, {
    subjectType: 'short_board',
    subjectId: BOARD,
    percent: 30,
    narrative: '中试线调试中',
    version: 1,
  }),
];

const DETAIL = {
  id: CHAIN,
  nameZh: '集成电路',
  nameEn: 'Integrated circuits',
  canEdit: true,
  counts: { members: 0, nodes: 0, shortBoards: 0, projects: 0, openTasks: 0 },
  leaders: [],
} as unknown as ChainDetailDto;

const ATTACHMENT: AttachmentDto = {
  id: FILE,
  fileName: '评估报告.pdf',
  mime: 'application/pdf',
  size: 20480,
  sha256: 'x',
  uploadedByUserId: 'u2',
  createdAt: '2026-09-24T08:00:00.000Z',
};

describe('ReviewQueueComponent', () => {
  let fixture: ComponentFixture<ReviewQueueComponent>;
  let element: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ReviewQueueComponent],
      providers: [...testProviders(), ChainStore, provideTranslocoScope('chains')],
    });
    await TestBed.inject(LanguageService).init();
    await firstValueFrom(TestBed.inject(TranslocoService).load('chains/zh-CN'));
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(SessionStore).user.set({
      id: 'u1',
      username: 'office.ngit.ic',
      displayName: '链长办',
      role: 'chain_office',
      organisation: { id: 'o1', name: '省工信厅', kind: 'government' },
      regionCode: null,
      language: 'zh-CN',
      permissions: ROLE_PERMISSIONS.chain_office,
      chains: [{ id: CHAIN, kind: 'office' }],
    } satisfies SessionUserDto);
    const store = TestBed.inject(ChainStore);
    store.id.set(CHAIN);
    store.detail.set({ status: 'ready', value: DETAIL });
    fixture = TestBed.createComponent(ReviewQueueComponent);
    element = fixture.nativeElement;
    fixture.detectChanges();
    await answerQueue();
  });

  afterEach(() => {
    http.verify();
    fixture.destroy();
  });

  async function settle(): Promise<void> {
    await new Promise((done) => setTimeout(done));
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  async function answerQueue(): Promise<void> {
    const list = http.expectOne((r) => r.url === '/api/reports');
    expect(list.request.params.get('chainId')).toBe(CHAIN);
    expect(list.request.params.get('status')).toBe('submitted');
    list.flush({
      items: REPORTS,
      total: 2,
      page: 1,
      pageSize: 100,
    } satisfies Page<ProgressReportDto>);
    await Promise.resolve();
    http.expectOne(`/api/reports/${R1}/attachments`).flush([ATTACHMENT]);
    http.expectOne(`/api/reports/${R2}/attachments`).flush([]);
    http
      .expectOne((r) => r.url === '/api/tasks' && r.params.get('chainId') === CHAIN)
      .flush({
        items: [{ id: TASK, title: '晶圆产线设备国产化评估' } as TaskDto],
        total: 1,
        page: 1,
        pageSize: 100,
      });
    http
      .expectOne(`/api/chains/${CHAIN}/short-boards`)
      .flush([{ id: BOARD, title: '12英寸硅片' } as ShortBoardDto]);
    await settle();
  }

  function rows(): HTMLElement[] {
    return [...element.querySelectorAll<HTMLElement>('[data-testid="review-row"]')];
  }

  function click(row: HTMLElement, testId: string): void {
    present(row.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`)).click();
    fixture.detectChanges();
  }

  it('shows each waiting report with its subject, percent, narrative, problems, needs and files', () => {
    const [first, second] = rows();
    expect(rows()).toHaveLength(2);
    expect(present(first).textContent).toContain('任务');
    expect(present(first).textContent).toContain('晶圆产线设备国产化评估');
    expect(present(first).textContent).toContain('60%');
    expect(present(first).textContent).toContain('已完成设备选型');
    expect(present(first).textContent).toContain('光刻胶供应不稳定');
    expect(present(first).textContent).toContain('协调省内供应商');
    expect(
      present(first).querySelector('[data-testid="review-attachment"]')?.textContent,
    ).toContain('评估报告.pdf');
    expect(present(second).textContent).toContain('短板');
    expect(present(second).textContent).toContain('12英寸硅片');
    expect(present(second).textContent).toContain('无附件');
  });

  it('downloads an attachment with the token, as a file', async () => {
    const createObjectURL = jest.fn(() => 'blob:report');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const anchorClick = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    click(present(rows()[0]), 'review-attachment');
    const download = http.expectOne(`/api/attachments/${FILE}`);
    expect(download.request.responseType).toBe('blob');
    download.flush(new Blob(['%PDF']));
    await settle();
    expect(createObjectURL).toHaveBeenCalled();
    expect(anchorClick).toHaveBeenCalled();
    anchorClick.mockRestore();
  });

  it('accepts a report with the version it read', async () => {
    click(present(rows()[0]), 'review-accept');
    const review = http.expectOne(`/api/reports/${R1}/review`);
    expect(review.request.method).toBe('POST');
    expect(review.request.body).toEqual({ decision: 'accept', version: 3 });
    review.flush({ ...REPORTS[0], status: 'accepted' });
    await settle();
    expect(rows()).toHaveLength(1);
  });

  it('refuses a return without a reason and says so beside the field', async () => {
    const row = present(rows()[0]);
    click(row, 'review-return');
    const label = row.querySelector(`label[for="return-reason-${R1}"]`);
    expect(label?.textContent?.trim()).toBe('退回理由');
    click(row, 'review-return-confirm');
    await settle();
    expect(row.querySelector('[data-testid="review-reason-control"]')?.textContent).toContain(
      '请填写原因',
    );
    http.expectNone(`/api/reports/${R1}/review`);
    expect(rows()).toHaveLength(2);
  });

  it('returns a report with its reason and version', async () => {
    const row = present(rows()[0]);
    click(row, 'review-return');
    await settle();
    const reason = present(row.querySelector<HTMLTextAreaElement>(`#return-reason-${R1}`));
    reason.value = '请补充设备清单';
    reason.dispatchEvent(new Event('input'));
    click(row, 'review-return-confirm');
    const review = http.expectOne(`/api/reports/${R1}/review`);
    expect(review.request.body).toEqual({
      decision: 'return',
      version: 3,
      reason: '请补充设备清单',
    });
    review.flush({ ...REPORTS[0], status: 'returned', reviewReason: '请补充设备清单' });
    await settle();
    expect(rows().map((r) => r.getAttribute('data-report'))).toEqual([R2]);
  });

  it('shows the api’s complaint about the reason beside the field', async () => {
    const row = present(rows()[1]);
    click(row, 'review-return');
    await settle();
    const reason = present(row.querySelector<HTMLTextAreaElement>(`#return-reason-${R2}`));
    reason.value = '不';
    reason.dispatchEvent(new Event('input'));
    click(row, 'review-return-confirm');
    http.expectOne(`/api/reports/${R2}/review`).flush(
      {
        code: 'VALIDATION_FAILED',
        message: '提交的数据有误',
        details: [{ path: 'reason', message: '理由过于简单' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(row.querySelector('[data-testid="review-reason-control"]')?.textContent).toContain(
      '理由过于简单',
    );
    expect(rows()).toHaveLength(2);
  });
});
