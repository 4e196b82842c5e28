import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import type { ProgressReportDto } from '@lianzhang/contracts';
import { LanguageService } from '../i18n/language.service';
import { must, testProviders } from '../testing';
import { ReportFormComponent } from './report-form.component';
import type { ReportSubject } from './task.client';

const TASK_ID = '7b0d3c2e-8a61-4c53-9f0e-2a4d5b6c7d8e';
const REPORT_ID = '1f2e3d4c-5b6a-4789-8abc-def012345678';

const report = (over: Partial<ProgressReportDto> = {}): ProgressReportDto => ({
  id: REPORT_ID,
  subjectType: 'task',
  subjectId: TASK_ID,
  chainId: '0c9e8d7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f',
  organisationId: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d',
  organisationName: '示例企业',
  authorUserId: '3b4c5d6e-7f8a-4b9c-0d1e-2f3a4b5c6d7e',
  percent: 60,
  narrative: '完成样机试制',
  problems: '',
  needs: '',
  status: 'submitted',
  reviewReason: null,
  reviewedAt: null,
  version: 1,
  createdAt: '2026-03-02T02:00:00.000Z',
  ...over,
});

describe('ReportFormComponent', () => {
  let fixture: ComponentFixture<ReportFormComponent>;
  let element: HTMLElement;
  let http: HttpTestingController;
  let sent: ProgressReportDto[];

  async function create(subject: ReportSubject = { type: 'task', id: TASK_ID }): Promise<void> {
    fixture = TestBed.createComponent(ReportFormComponent);
    fixture.componentRef.setInput('subject', subject);
    fixture.componentRef.setInput('initialPercent', 40);
    sent = [];
    fixture.componentInstance.submitted.subscribe((r) => sent.push(r));
    fixture.detectChanges();
    await fixture.whenStable();
    element = fixture.nativeElement;
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ imports: [ReportFormComponent], providers: testProviders() });
    await TestBed.inject(LanguageService).init();
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    fixture.destroy();
  });

  const field = (testid: string) =>
    must(
      element.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-testid="${testid}"]`),
      testid,
    );

  function type(control: HTMLInputElement | HTMLTextAreaElement, value: string): void {
    control.value = value;
    control.dispatchEvent(new Event('input'));
  }

  function percentInput(): HTMLInputElement {
    return must(
      element.querySelector<HTMLInputElement>('[data-testid="report-percent"] input'),
      'percent input',
    );
  }

  async function submit(): Promise<void> {
    must(element.querySelector('[data-testid="report-form"]'), 'report form').dispatchEvent(
      new Event('submit', { cancelable: true }),
    );
    await settle();
  }

  /** Lets the promises of the component and ngModel's deferred writes run, then renders. */
  async function settle(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      await fixture.whenStable();
      fixture.detectChanges();
    }
  }

  function choose(...files: File[]): void {
    const input = field('report-files') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    input.dispatchEvent(new Event('change'));
    fixture.detectChanges();
  }

  it('labels its fields for people and browser tests', async () => {
    await create();
    const label = (text: string) =>
      [...element.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
    const percent = label('完成进度');
    expect(percent).toBeDefined();
    expect(document.getElementById(must(percent, '完成进度 label').htmlFor)).toBe(percentInput());
    const narrative = label('进展情况');
    expect(document.getElementById(must(narrative, '进展情况 label').htmlFor)).toBe(
      field('report-narrative'),
    );
    // It starts from the subject's current progress.
    expect(percentInput().value).toBe('40');
  });

  it('shows the contract’s complaint by the field and sends nothing', async () => {
    await create();
    type(field('report-narrative'), '   ');
    await submit();

    http.expectNone(`/api/tasks/${TASK_ID}/reports`);
    const control = must(
      element.querySelector('[data-testid="report-narrative-control"]'),
      'narrative control',
    );
    expect(control.textContent).toContain('不能为空');
    expect(sent).toEqual([]);
  });

  it('posts the report as the contract has it', async () => {
    await create();
    type(percentInput(), '60');
    type(field('report-narrative'), '完成样机试制，进入小批量验证');
    type(field('report-problems'), '关键材料交期长');
    type(field('report-needs'), '协调检测机构排期');
    await submit();

    const request = http.expectOne(`/api/tasks/${TASK_ID}/reports`);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      percent: 60,
      narrative: '完成样机试制，进入小批量验证',
      problems: '关键材料交期长',
      needs: '协调检测机构排期',
    });
    request.flush(report());
    await settle();
    expect(sent.map((r) => r.id)).toEqual([REPORT_ID]);
    // The form is ready for the next report.
    expect(field('report-narrative').value).toBe('');
  });

  it('reports on a short board through its own route', async () => {
    const boardId = '4c5d6e7f-8a9b-4c0d-9e2f-3a4b5c6d7e8f';
    await create({ type: 'short_board', id: boardId });
    type(field('report-narrative'), '攻关方案通过评审');
    await submit();
    const request = http.expectOne(`/api/short-boards/${boardId}/reports`);
    expect(request.request.body).toEqual({ percent: 40, narrative: '攻关方案通过评审' });
    request.flush(report({ subjectType: 'short_board', subjectId: boardId }));
    await settle();
  });

  it('shows the api’s field error next to its field', async () => {
    await create();
    type(field('report-narrative'), '有进展');
    await submit();

    http.expectOne(`/api/tasks/${TASK_ID}/reports`).flush(
      {
        code: 'VALIDATION_FAILED',
        message: '提交的数据有误，请检查标出的字段',
        details: [{ path: 'narrative', message: '进展情况过于简略' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();

    const control = must(
      element.querySelector('[data-testid="report-narrative-control"]'),
      'narrative control',
    );
    expect(control.textContent).toContain('进展情况过于简略');
    expect(sent).toEqual([]);
  });

  it('says why the api refused when the task is not open to reports', async () => {
    await create();
    type(field('report-narrative'), '有进展');
    await submit();
    http.expectOne(`/api/tasks/${TASK_ID}/reports`).flush(
      {
        code: 'CONFLICT',
        message: '该内容已被他人修改，请刷新后重试',
        details: [{ path: '(task)', message: '当前状态下不能报送进展' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(element.querySelector('[data-testid="report-error"]')?.textContent).toContain(
      '当前状态下不能报送进展',
    );
  });

  it('uploads the chosen files to the report once it exists, and shows a refusal by the file', async () => {
    await create();
    const pdf = new File(['%PDF-1.7'], '进展材料.pdf', { type: 'application/pdf' });
    const fake = new File(['MZ'], '伪装.png', { type: 'image/png' });
    choose(pdf, fake);
    type(field('report-narrative'), '附材料两份');
    await submit();

    // Nothing is uploaded before the report is created.
    http.expectNone(`/api/reports/${REPORT_ID}/attachments`);
    http.expectOne(`/api/tasks/${TASK_ID}/reports`).flush(report());
    await settle();

    const first = http.expectOne(`/api/reports/${REPORT_ID}/attachments`);
    expect(first.request.method).toBe('POST');
    const body = first.request.body as FormData;
    expect(body).toBeInstanceOf(FormData);
    expect((body.get('file') as File).name).toBe('进展材料.pdf');
    first.flush({ id: 'a1', fileName: '进展材料.pdf' });
    await settle();

    const second = http.expectOne(`/api/reports/${REPORT_ID}/attachments`);
    expect(((second.request.body as FormData).get('file') as File).name).toBe('伪装.png');
    second.flush(
      {
        code: 'VALIDATION_FAILED',
        message: '提交的数据有误，请检查标出的字段',
        details: [{ path: 'file', message: '只能上传 PDF、图片（PNG/JPG/WEBP）或 Office 文档' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();

    const problems = [...element.querySelectorAll('[data-testid="report-upload-error"]')];
    expect(problems).toHaveLength(1);
    expect(problems[0]?.textContent).toContain('伪装.png');
    expect(problems[0]?.textContent).toContain('只能上传 PDF');
    expect(sent).toHaveLength(1);
  });

  it('refuses a file over 10 MB before sending it', async () => {
    await create();
    const big = new File(['x'], '大文件.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: 11 * 1024 * 1024 });
    choose(big);
    expect(element.querySelector('[data-testid="report-upload-error"]')?.textContent).toContain(
      '大文件.pdf',
    );
    type(field('report-narrative'), '无附件');
    await submit();
    http.expectOne(`/api/tasks/${TASK_ID}/reports`).flush(report());
    await settle();
    http.expectNone(`/api/reports/${REPORT_ID}/attachments`);
  });
});
