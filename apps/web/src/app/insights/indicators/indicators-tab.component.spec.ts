import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import { By } from '@angular/platform-browser';
import type { IndicatorDto, IndicatorsDto } from '@lianzhang/contracts';
import { provideTranslocoScope, TranslocoService } from '@jsverse/transloco';
import { NzTooltipDirective } from 'ng-zorro-antd/tooltip';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../../i18n/language.service';
import { must, testProviders } from '../../testing';
import { InsightsStore } from '../insights.store';
import { IndicatorsTabComponent } from './indicators-tab.component';

const indicator = (over: Partial<IndicatorDto>): IndicatorDto => ({
  code: 'manufacturing_value_added_share',
  nameZh: '制造业增加值占GDP比重',
  nameEn: 'Manufacturing value added as share of GDP',
  unit: '%',
  base2020: 27.2,
  target2025: 28,
  nature: null,
  category: '综合质效',
  note: null,
  actuals: [],
  latest: null,
  progress: null,
  reached: false,
  direction: 'rising',
  measure: 'level',
  gap: 'no_actual',
  ...over,
});

// 17:30 UTC on 31 March is 01:30 on 1 April in Shanghai: the day the office entered it.
const ENTERED = {
  year: 2024,
  value: 10,
  source: '省统计局',
  enteredByName: '省工信厅',
  enteredAt: '2024-03-31T17:30:00.000Z',
};

const INDICATORS: IndicatorsDto = {
  indicators: [
    indicator({}),
    indicator({
      code: 'energy_intensity_reduction',
      nameZh: '单位工业增加值能源消耗降低',
      nameEn: 'Reduction in energy consumption per unit of industrial value added',
      base2020: 24.5,
      target2025: 17,
      actuals: [ENTERED],
      latest: ENTERED,
      progress: 0.5882,
      measure: 'cumulative',
      gap: null,
    }),
  ],
  chains: [],
  canManage: true,
};

describe('IndicatorsTabComponent', () => {
  let fixture: ComponentFixture<IndicatorsTabComponent>;
  let element: HTMLElement;
  let http: HttpTestingController;

  async function settle(): Promise<void> {
    await new Promise((done) => setTimeout(done));
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  const row = (code: string) =>
    must(element.querySelector(`[data-testid="indicator-row"][data-code="${code}"]`), code);
  const modalTitle = () => document.querySelector('.lz-actual-modal .ant-modal-title');

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [IndicatorsTabComponent],
      providers: [...testProviders(), provideTranslocoScope('insights'), InsightsStore],
    });
    await TestBed.inject(LanguageService).init();
    await firstValueFrom(TestBed.inject(TranslocoService).load('insights/zh-CN'));
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(IndicatorsTabComponent);
    element = fixture.nativeElement;
    fixture.detectChanges();
    http.expectOne('/api/indicators').flush(INDICATORS);
    await settle();
  });

  afterEach(() => {
    http.verify();
    fixture.destroy();
  });

  it('dates an entry in Shanghai time, whatever the browser’s zone', () => {
    // In the browser's own zone (UTC here, and anywhere west of UTC+6:30) it is 31 March.
    const tooltip = fixture.debugElement
      .query(By.css(`[data-code="energy_intensity_reduction"] [nz-tooltip]`))
      .injector.get(NzTooltipDirective);
    expect(tooltip.title).toBe('省工信厅 录入于 2024-04-01');
  });

  it('says a cumulative indicator is counted from zero, beside its progress', () => {
    const energy = row('energy_intensity_reduction');
    expect(energy.querySelector('[data-testid="progress-text"]')?.textContent).toBe('58.8%');
    expect(energy.querySelector('[data-testid="progress-measure"]')?.textContent).toContain(
      '“十四五”累计值，自 0 起算',
    );
    expect(
      row('manufacturing_value_added_share').querySelector('[data-testid="progress-measure"]'),
    ).toBeNull();
  });

  it('words the entry dialog’s title in the language of the moment', async () => {
    must(
      row('manufacturing_value_added_share').querySelector<HTMLButtonElement>(
        '[data-testid="indicator-enter"]',
      ),
    ).click();
    await settle();
    await settle();
    expect(modalTitle()?.textContent?.trim()).toBe('录入实际值 · 制造业增加值占GDP比重');

    await TestBed.inject(LanguageService).use('en');
    await settle();
    await settle();
    expect(modalTitle()?.textContent?.trim()).toBe(
      'Enter an actual · Manufacturing value added as share of GDP',
    );
    expect(
      document.querySelector('nz-modal-container.lz-actual-modal')?.getAttribute('aria-label'),
    ).toBe('Enter an actual · Manufacturing value added as share of GDP');
  });
});
