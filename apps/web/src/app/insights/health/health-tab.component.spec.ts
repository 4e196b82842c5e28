import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import type { ChainHealthDto, InsightsHealthDto } from '@lianzhang/contracts';
import { provideTranslocoScope, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../../i18n/language.service';
import { testProviders } from '../../testing';
import { InsightsStore } from '../insights.store';
import { HealthTabComponent } from './health-tab.component';

const chain = (over: Partial<ChainHealthDto>): ChainHealthDto => ({
  chainId: 'c',
  code: 'c',
  nameZh: '链',
  nameEn: 'Chain',
  industryGroup: 'next_generation_it',
  level: 'province',
  regionCode: '370000',
  score: null,
  grade: null,
  components: [],
  omitted: [],
  reason: null,
  trend: [],
  ...over,
});

const HEALTH: InsightsHealthDto = {
  asOf: '2026-11-27',
  chains: [
    chain({ chainId: 'a', code: 'ngit.ic', nameZh: '集成电路', nameEn: 'Integrated circuits' }),
    chain({ chainId: 'b', code: 'ngit.software', nameZh: '高端软件', nameEn: 'Software' }),
  ],
};

describe('HealthTabComponent', () => {
  let fixture: ComponentFixture<HealthTabComponent>;
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
      imports: [HealthTabComponent],
      providers: [...testProviders(), provideTranslocoScope('insights'), InsightsStore],
    });
    await TestBed.inject(LanguageService).init();
    await firstValueFrom(TestBed.inject(TranslocoService).load('insights/zh-CN'));
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(HealthTabComponent);
    element = fixture.nativeElement;
    fixture.detectChanges();
    http.expectOne('/api/insights/health').flush(HEALTH);
    await settle();
  });

  afterEach(() => {
    http.verify();
    fixture.destroy();
  });

  it('names each row’s details button after its chain, so a screen reader can tell them apart', () => {
    const buttons = [...element.querySelectorAll('[data-testid="health-details"]')];
    expect(buttons).toHaveLength(2);
    const names = buttons.map((b) => b.getAttribute('aria-label'));
    expect(names).toEqual(['集成电路：查看健康度明细', '高端软件：查看健康度明细']);
    // The visible text stays part of the name (WCAG 2.5.3).
    for (const button of buttons) expect(button.textContent?.trim()).toBe('明细');
  });

  it('renames them in English', async () => {
    await TestBed.inject(LanguageService).use('en');
    await firstValueFrom(TestBed.inject(TranslocoService).load('insights/en'));
    await settle();
    expect(
      [...element.querySelectorAll('[data-testid="health-details"]')].map((b) =>
        b.getAttribute('aria-label'),
      ),
    ).toEqual(['Health details of Integrated circuits', 'Health details of Software']);
  });
});
