import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import type { CockpitChainDto, CockpitDto } from '@lianzhang/contracts';
import { testProviders } from '../testing';
import { heatmapOption, shortBoardOption, trendOption, type ChartTexts } from './cockpit.charts';
import { CockpitStore } from './cockpit.store';

const boards = { identified: 0, tackling: 1, breakthrough: 0, resolved: 2, shelved: 0 };
const line = (over: Partial<CockpitChainDto>): CockpitChainDto => ({
  id: 'c',
  code: 'c',
  nameZh: '链',
  nameEn: 'Chain',
  industryGroup: 'next_generation_it',
  colour: 'green',
  reasons: [],
  openTasks: 0,
  overdueTasks: 0,
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
    chains: { green: 1, yellow: 1, red: 1 },
    openTasks: 9,
    overdueTasks: 3,
    shortBoards: boards,
    plannedInvestment: 40_000,
    completedInvestment: 10_000,
    yellowNotices: 1,
    redNotices: 1,
  },
  chains: [
    line({ id: 'g', code: 'a', colour: 'green', openTasks: 2 }),
    line({ id: 'y1', code: 'b', colour: 'yellow', overdueTasks: 1, openTasks: 3 }),
    line({
      id: 'r',
      code: 'c',
      colour: 'red',
      overdueTasks: 2,
      openTasks: 4,
      shortBoards: { ...boards, tackling: 0 },
    }),
  ],
  notices: [],
  indicators: [],
  heatmap: {
    cities: [
      { code: '370100', nameZh: '济南市', nameEn: 'Jinan' },
      { code: '370200', nameZh: '青岛市', nameEn: 'Qingdao' },
    ],
    cells: [
      { chainId: 'r', regionCode: '370200', openTasks: 4, overdueTasks: 2 },
      { chainId: 'y1', regionCode: '370100', openTasks: 3, overdueTasks: 0 },
    ],
  },
  trends: {
    weeks: ['2026-11-16', '2026-11-23'],
    created: [3, 4],
    done: [1, 2],
    notices: [0, 2],
    overdue: [1, 3],
  },
};

const TEXTS: ChartTexts = {
  openTasks: 'open',
  overdueTasks: 'overdue',
  created: 'created',
  done: 'done',
  notices: 'notices',
  overdue: 'overdue at week end',
};

describe('CockpitStore', () => {
  let store: CockpitStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [...testProviders(), CockpitStore] });
    store = TestBed.inject(CockpitStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('loads the cockpit once and orders chains red, yellow, green', async () => {
    const loading = store.load();
    http.expectOne('/api/cockpit').flush(COCKPIT);
    await loading;
    expect(store.chains().map((c) => c.id)).toEqual(['r', 'y1', 'g']);
    expect(store.investmentShare()).toBe(0.25);
  });

  it('narrows the chains by colour and by short-board state', async () => {
    const loading = store.load();
    http.expectOne('/api/cockpit').flush(COCKPIT);
    await loading;
    store.colour.set('yellow');
    expect(store.chains().map((c) => c.id)).toEqual(['y1']);
    store.colour.set(null);
    store.boardStatus.set('tackling');
    expect(store.chains().map((c) => c.id)).toEqual(['y1', 'g']);
  });

  it('reports an error state when the api fails, and recovers on retry', async () => {
    let loading = store.load();
    http.expectOne('/api/cockpit').flush({}, { status: 500, statusText: 'Server Error' });
    await loading;
    expect(store.state().status).toBe('error');
    loading = store.load();
    http.expectOne('/api/cockpit').flush(COCKPIT);
    await loading;
    expect(store.state().status).toBe('ready');
  });
});

describe('cockpit charts', () => {
  it('puts each heat cell at its city and chain, with the ids a click needs', () => {
    const option = heatmapOption(COCKPIT, 'overdueTasks', 'en', TEXTS) as {
      yAxis: { data: string[] };
      xAxis: { data: string[] };
      series: { data: { value: number[]; chainId: string; regionCode: string }[] }[];
    };
    // Chains with open work only; the y1 cell has no overdue task, so no overdue cell.
    expect(option.yAxis.data).toEqual(['Chain', 'Chain', 'Chain']);
    expect(option.xAxis.data).toEqual(['Jinan', 'Qingdao']);
    expect(option.series[0]?.data).toEqual([
      { value: [1, 2, 2], chainId: 'r', regionCode: '370200' },
    ]);
  });

  it('draws the weekly trend with month-day labels and the four series', () => {
    const option = trendOption(COCKPIT, TEXTS) as {
      xAxis: { data: string[] };
      series: { name: string; data: number[] }[];
    };
    expect(option.xAxis.data).toEqual(['11-16', '11-23']);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['created', [3, 4]],
      ['done', [1, 2]],
      ['overdue at week end', [1, 3]],
      ['notices', [0, 2]],
    ]);
  });

  it('labels short-board slices in the language and keeps the status for the click', () => {
    const option = shortBoardOption(COCKPIT, 'zh-CN') as {
      series: { data: { name: string; value: number; status: string }[] }[];
    };
    expect(option.series[0]?.data.find((d) => d.status === 'resolved')).toMatchObject({
      name: '已解决',
      value: 2,
    });
  });
});
