import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import type { DeliveryDto, Page } from '@lianzhang/contracts';
import { provideTranslocoScope } from '@jsverse/transloco';
import { LanguageService } from '../../i18n/language.service';
import { testProviders } from '../../testing';
import { DeadLettersComponent } from './dead-letters.component';

function dead(id: string, title: string): DeliveryDto {
  return {
    id,
    channel: 'wecom',
    target: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send',
    status: 'dead',
    attempts: 2,
    lastError: 'HTTP 502',
    title,
    createdAt: '2026-03-02T01:00:00.000Z',
    deliveredAt: null,
    log: [
      {
        attempt: 1,
        at: '2026-03-02T01:00:01.000Z',
        ok: false,
        statusCode: 500,
        error: 'HTTP 500',
        durationMs: 120,
      },
      {
        attempt: 2,
        at: '2026-03-02T01:00:31.000Z',
        ok: false,
        statusCode: 502,
        error: 'HTTP 502',
        durationMs: 98,
      },
    ],
  };
}

const FIRST = dead('0b0c9a52-0d6e-4f43-9a0a-111111111111', '黄牌督办：集成电路项目逾期');
const SECOND = dead('0b0c9a52-0d6e-4f43-9a0a-222222222222', '红牌督办：新材料任务逾期');

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  fixture.detectChanges();
  await fixture.whenStable();
  fixture.detectChanges();
}

describe('DeadLettersComponent', () => {
  let fixture: ComponentFixture<DeadLettersComponent>;
  let element: HTMLElement;
  let http: HttpTestingController;

  const rows = () => [...element.querySelectorAll<HTMLElement>('[data-testid="dead-letter-row"]')];
  const list = (): TestRequest => {
    const request = http.expectOne((r) => r.url === '/api/admin/deliveries');
    expect(request.request.params.get('status')).toBe('dead');
    return request;
  };
  const page = (items: DeliveryDto[]): Page<DeliveryDto> => ({
    items,
    total: items.length,
    page: 1,
    pageSize: 20,
  });

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [...testProviders(), provideTranslocoScope('admin')],
    });
    await TestBed.inject(LanguageService).init();
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DeadLettersComponent);
    element = fixture.nativeElement;
    await settle(fixture);
    list().flush(page([FIRST, SECOND]));
    await settle(fixture);
  });

  afterEach(() => {
    http.verify();
    fixture.destroy();
    document.querySelectorAll('.cdk-overlay-container').forEach((e) => (e.innerHTML = ''));
  });

  it('lists the dead letters with their attempts', async () => {
    expect(rows().map((r) => r.dataset['id'])).toEqual([FIRST.id, SECOND.id]);
    expect(rows()[0]?.textContent).toContain('企业微信机器人');
    expect(rows()[0]?.textContent).toContain('HTTP 502');

    rows()[0]?.querySelector<HTMLElement>('[data-testid="dead-letter-expand"]')?.click();
    await settle(fixture);
    const log = element.querySelector('[data-testid="dead-letter-log"]');
    expect(log?.querySelectorAll('[data-testid="dead-letter-attempt"]').length).toBe(2);
    expect(log?.textContent).toContain('HTTP 500');
  });

  it('sends one again and reads the dead letter anew', async () => {
    rows()[0]?.querySelector<HTMLButtonElement>('[data-testid="dead-letter-retry"]')?.click();
    await settle(fixture);
    const retry = http.expectOne({
      method: 'POST',
      url: `/api/admin/deliveries/${FIRST.id}/retry`,
    });
    retry.flush({ status: 'pending' });
    await settle(fixture);
    list().flush(page([SECOND]));
    await settle(fixture);
    expect(rows().map((r) => r.dataset['id'])).toEqual([SECOND.id]);
    expect(document.body.textContent).toContain('已重新加入发送队列');
  });

  it('says why a retry was refused and keeps the row', async () => {
    rows()[1]?.querySelector<HTMLButtonElement>('[data-testid="dead-letter-retry"]')?.click();
    await settle(fixture);
    http
      .expectOne({ method: 'POST', url: `/api/admin/deliveries/${SECOND.id}/retry` })
      .flush(
        { code: 'NOT_FOUND', message: '未找到该内容', details: [] },
        { status: 404, statusText: 'Not Found' },
      );
    await settle(fixture);
    expect(document.body.textContent).toContain('未找到该内容');
    expect(rows()).toHaveLength(2);
  });

  it('shows an error with a retry when the list cannot be read', async () => {
    void fixture.componentInstance.load(1);
    list().flush(null, { status: 500, statusText: 'Server Error' });
    await settle(fixture);
    expect(rows()).toHaveLength(0);
    const retry = element.querySelector<HTMLButtonElement>('nz-result button');
    expect(retry?.textContent).toContain('重试');
    retry?.click();
    await settle(fixture);
    list().flush(page([SECOND]));
    await settle(fixture);
    expect(rows()).toHaveLength(1);
  });
});
