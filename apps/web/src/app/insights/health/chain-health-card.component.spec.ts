import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import type { ChainHealthDto } from '@lianzhang/contracts';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../../i18n/language.service';
import { must, testProviders } from '../../testing';
import { ChainHealthCardComponent } from './chain-health-card.component';

const CHAIN = '11111111-1111-4111-8111-111111111111';

const HEALTH: ChainHealthDto = {
  chainId: CHAIN,
  code: 'ngit.ic',
  nameZh: '集成电路',
  nameEn: 'Integrated circuits',
  industryGroup: 'next_generation_it',
  level: 'province',
  regionCode: '370000',
  score: 76,
  grade: 'yellow',
  components: [
    {
      key: 'overdue',
      weight: 0.3,
      appliedWeight: 0.6,
      value: 0.2,
      score: 60,
      explanation: {
        'zh-CN': '在办任务 10 项，逾期 2 项（20%）',
        en: '2 of 10 open tasks overdue (20%)',
      },
    },
    {
      key: 'escalations',
      weight: 0.2,
      appliedWeight: 0.4,
      value: 0,
      score: 100,
      explanation: { 'zh-CN': '没有未办结的督办单', en: 'No open supervision notices' },
    },
  ],
  omitted: [],
  reason: null,
  trend: [],
};

describe('ChainHealthCardComponent', () => {
  let fixture: ComponentFixture<ChainHealthCardComponent>;
  let element: HTMLElement;
  let http: HttpTestingController;

  async function settle(): Promise<void> {
    await new Promise((done) => setTimeout(done));
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ChainHealthCardComponent],
      providers: testProviders(),
    });
    await TestBed.inject(LanguageService).init();
    await firstValueFrom(TestBed.inject(TranslocoService).load('insights/zh-CN'));
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ChainHealthCardComponent);
    fixture.componentRef.setInput('chainId', CHAIN);
    element = fixture.nativeElement;
    fixture.detectChanges();
  });

  afterEach(() => {
    http.verify();
    fixture.destroy();
  });

  it('announces a failed load and loads again on retry', async () => {
    http
      .expectOne(`/api/chains/${CHAIN}/health`)
      .flush({ code: 'INTERNAL' }, { status: 503, statusText: 'Unavailable' });
    await settle();
    const alert = must(element.querySelector('[role="alert"]'), 'the alert');
    expect(alert.textContent).toContain('健康度加载失败');
    expect(element.querySelector('[data-testid="health-breakdown"]')).toBeNull();

    must(
      element.querySelector<HTMLButtonElement>('[data-testid="chain-health-retry"]'),
      'the retry button',
    ).click();
    await settle();
    http.expectOne(`/api/chains/${CHAIN}/health`).flush(HEALTH);
    await settle();
    expect(element.querySelector('[role="alert"]')).toBeNull();
    expect(element.querySelector('[data-testid="health-breakdown"]')).not.toBeNull();
  });
});
