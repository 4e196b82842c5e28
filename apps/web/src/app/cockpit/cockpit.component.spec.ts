import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import type { CockpitChainDto, CockpitDto } from '@lianzhang/contracts';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { ChartComponent, type ChartClick } from '../charts/chart.component';
import { LanguageService } from '../i18n/language.service';
import { must, testProviders } from '../testing';
import { CockpitComponent } from './cockpit.component';

/** ECharts needs a real browser; the chart's place is enough here. */
@Component({
  selector: 'lz-chart',
  template: '',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class FakeChartComponent {
  readonly options = input<unknown>();
  readonly height = input(320);
  readonly label = input('');
  readonly chartClick = output<ChartClick>();
}

const boards = { identified: 0, tackling: 1, breakthrough: 0, resolved: 0, shelved: 0 };
const line = (over: Partial<CockpitChainDto>): CockpitChainDto => ({
  id: 'c',
  code: 'c',
  nameZh: '集成电路',
  nameEn: 'Integrated circuits',
  industryGroup: 'next_generation_it',
  colour: 'red',
  healthScore: 49.5,
  reasons: [],
  openTasks: 4,
  overdueTasks: 1,
  shortBoards: boards,
  shortBoardsBehind: 0,
  projects: 0,
  projectsBehind: 0,
  plannedInvestment: 0,
  completedInvestment: 0,
  yellowNotices: 0,
  redNotices: 0,
  openRequests: 0,
  overdueRequests: 0,
  targetValue: null,
  targetUnit: null,
  targetText: null,
  ...over,
});

const COCKPIT: CockpitDto = {
  asOf: '2026-11-27',
  totals: {
    chains: { green: 0, yellow: 0, red: 1 },
    openTasks: 4,
    overdueTasks: 1,
    shortBoards: boards,
    plannedInvestment: 0,
    completedInvestment: 0,
    yellowNotices: 0,
    redNotices: 0,
  },
  chains: [line({})],
  notices: [],
  indicators: [],
  heatmap: { cities: [], cells: [] },
  trends: { weeks: [], created: [], done: [], notices: [], overdue: [] },
};

describe('CockpitComponent', () => {
  let fixture: ComponentFixture<CockpitComponent>;
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
    TestBed.configureTestingModule({ imports: [CockpitComponent], providers: testProviders() });
    TestBed.overrideComponent(CockpitComponent, {
      remove: { imports: [ChartComponent] },
      add: { imports: [FakeChartComponent] },
    });
    await TestBed.inject(LanguageService).init();
    await firstValueFrom(TestBed.inject(TranslocoService).load('cockpit/zh-CN'));
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CockpitComponent);
    element = fixture.nativeElement;
    fixture.detectChanges();
    http.expectOne('/api/cockpit').flush(COCKPIT);
    await settle();
  });

  afterEach(() => {
    http.verify();
    fixture.destroy();
  });

  it('shows the health score and reads it out the same, to one decimal', () => {
    const score = must(element.querySelector('[data-testid="chain-health-score"]'), 'the score');
    expect(score.textContent?.trim()).toBe('49.5');
    expect(score.getAttribute('aria-label')).toMatch(/ 49\.5$/);
  });
});
