import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import type { ApiError, ImportResultDto } from '@lianzhang/contracts';
import { testProviders } from '../testing';
import { ImportsStore } from './imports.store';

const xlsx = (name = '任务.xlsx', bytes = 2048) =>
  new File([new Uint8Array(bytes)], name, {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });

const RESULT: ImportResultDto = {
  kind: 'tasks',
  dryRun: true,
  rows: 12,
  created: 0,
  exampleSkipped: true,
  importId: null,
};

const REFUSED: ApiError = {
  code: 'VALIDATION_FAILED',
  message: '提交的数据有误，请检查标出的字段',
  details: [
    { path: 'rows.4.title', message: '必填' },
    { path: 'rows.7.chainCode', message: '没有这个产业链代码，或该产业链不在您管理的范围内' },
    { path: 'rows.3.备注', message: '无法识别这一列，请使用下载的模板' },
    { path: 'rows', message: '共 1,203 处错误，只列出前 1,000 处；请修改后重新上传' },
  ],
};

describe('ImportsStore', () => {
  let store: ImportsStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [...testProviders(), ImportsStore] });
    store = TestBed.inject(ImportsStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('validates first (a dry run), then imports the same file when asked', async () => {
    const file = xlsx();
    const checking = store.check(file);
    expect(store.state().step).toBe('checking');
    expect(store.busy()).toBe(true);
    const dry = http.expectOne(
      (r) => r.url === '/api/imports/tasks' && r.params.get('dryRun') === 'true',
    );
    expect(dry.request.method).toBe('POST');
    expect((dry.request.body as FormData).get('file')).toBeInstanceOf(File);
    dry.flush(RESULT);
    await checking;
    expect(store.state()).toEqual({ step: 'valid', file, result: RESULT });

    const importing = store.commit();
    expect(store.state().step).toBe('importing');
    const commit = http.expectOne((r) => r.url === '/api/imports/tasks' && !r.params.has('dryRun'));
    commit.flush({ ...RESULT, dryRun: false, created: 12, importId: 'x' });
    await importing;
    expect(store.state()).toMatchObject({ step: 'done', result: { created: 12 } });
  });

  it('lists every problem by row and column, counting cells only', async () => {
    const checking = store.check(xlsx());
    http
      .expectOne((r) => r.url === '/api/imports/tasks')
      .flush(REFUSED, { status: 400, statusText: 'Bad Request' });
    await checking;
    expect(store.state().step).toBe('invalid');
    expect(store.problems()).toEqual([
      { row: 4, column: 'title', message: '必填' },
      { row: 7, column: 'chainCode', message: '没有这个产业链代码，或该产业链不在您管理的范围内' },
      { row: 3, column: '备注', message: '无法识别这一列，请使用下载的模板' },
      { row: null, column: null, message: '共 1,203 处错误，只列出前 1,000 处；请修改后重新上传' },
    ]);
    expect(store.problemCount()).toBe(3);
  });

  it('refuses a file that is not .xlsx or over 10 MB without sending it', async () => {
    await store.check(xlsx('任务.xls'));
    expect(store.state()).toMatchObject({ step: 'refused', reason: 'type' });
    await store.check(xlsx('任务.xlsx', 10 * 1024 * 1024 + 1));
    expect(store.state()).toMatchObject({ step: 'refused', reason: 'size' });
    http.expectNone(() => true);
  });

  it('tells a file refused as a whole (zip bomb, 413, 403) from problems of rows', async () => {
    let checking = store.check(xlsx());
    http.expectOne('/api/imports/tasks?dryRun=true').flush(
      {
        code: 'VALIDATION_FAILED',
        message: '…',
        details: [{ path: 'file', message: '文件解压后过大' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await checking;
    expect(store.state()).toMatchObject({
      step: 'refused',
      reason: 'file',
      message: '文件解压后过大',
    });

    checking = store.check(xlsx());
    http
      .expectOne('/api/imports/tasks?dryRun=true')
      .flush(
        { code: 'PAYLOAD_TOO_LARGE', message: '…', details: [] },
        { status: 413, statusText: 'Too Large' },
      );
    await checking;
    expect(store.state()).toMatchObject({ step: 'refused', reason: 'size' });

    checking = store.check(xlsx());
    http.expectOne('/api/imports/tasks?dryRun=true').error(new ProgressEvent('error'));
    await checking;
    expect(store.state()).toMatchObject({ step: 'refused', reason: 'unavailable' });
  });

  it('starts over when another kind is chosen, and ignores a late answer for the old one', async () => {
    const checking = store.check(xlsx());
    store.choose('projects');
    expect(store.kind()).toBe('tasks');
    http.expectOne('/api/imports/tasks?dryRun=true').flush(RESULT);
    await checking;
    store.choose('projects');
    expect(store.kind()).toBe('projects');
    expect(store.state()).toEqual({ step: 'idle' });
  });
});
