import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import type { ChainNodeDto, ShortBoardDto } from '@lianzhang/contracts';
import { provideTranslocoScope, TranslocoService } from '@jsverse/transloco';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../../i18n/language.service';
import { testProviders } from '../../testing';
import { ChainStore } from '../chain.store';
import { CHAINS_ICONS } from '../chains-icons';
import { ChainMapComponent } from './chain-map.component';

/** ECharts ships ES modules Jest does not load; a stand-in records what the chart is given. */
const drawn: unknown[] = [];
jest.mock('../../charts/echarts-setup', () => ({
  echarts: {
    init: () => ({
      setOption: (option: unknown) => drawn.push(option),
      on: () => undefined,
      resize: () => undefined,
      dispose: () => undefined,
    }),
  },
}));

const CHAIN = '11111111-1111-4111-8111-111111111111';

const NODES: ChainNodeDto[] = [
  {
    id: 'n-litho',
    parentId: null,
    stage: 'upstream',
    name: '光刻机',
    foreignDependence: 0.9,
    chokepoint: true,
    sortOrder: 0,
    version: 1,
    enterprises: [{ organisationId: 'o1', name: '上海微电子', local: false }],
    flags: { noLocalSupplier: true, singleSource: false, foreignDependent: true, chokepoint: true },
    shortBoardIds: ['b1'],
  },
  {
    id: 'n-pack',
    parentId: null,
    stage: 'downstream',
    name: '封装测试',
    foreignDependence: null,
    chokepoint: false,
    sortOrder: 0,
    version: 1,
    enterprises: [{ organisationId: 'o2', name: '山东封测', local: true }],
    flags: {
      noLocalSupplier: false,
      singleSource: true,
      foreignDependent: false,
      chokepoint: false,
    },
    shortBoardIds: [],
  },
];

const BOARDS = [
  { id: 'b1', title: '高端光刻机整机', status: 'tackling', progress: 20, nodeId: 'n-litho' },
] as ShortBoardDto[];

describe('ChainMapComponent', () => {
  let fixture: ComponentFixture<ChainMapComponent>;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ChainMapComponent],
      providers: [
        ...testProviders(),
        ChainStore,
        provideTranslocoScope('chains'),
        provideNzIconsPatch(CHAINS_ICONS),
      ],
    });
    await TestBed.inject(LanguageService).init();
    await firstValueFrom(TestBed.inject(TranslocoService).load('chains/zh-CN'));
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(ChainStore).id.set(CHAIN);
    fixture = TestBed.createComponent(ChainMapComponent);
    fixture.detectChanges();
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

  it('draws the map with its legend and opens a link’s enterprises and short boards', async () => {
    http.expectOne(`/api/chains/${CHAIN}/map`).flush(NODES);
    http.expectOne(`/api/chains/${CHAIN}/short-boards`).flush(BOARDS);
    await settle();
    const element: HTMLElement = fixture.nativeElement;
    expect(element.querySelector('[data-testid="chain-map"]')).not.toBeNull();
    // The chart got the graph of the two links (and the three stage headings).
    const option = drawn.at(-1) as { series: { type: string; data: { id: string }[] }[] };
    expect(option.series[0]?.type).toBe('graph');
    expect(option.series[0]?.data.map((d) => d.id)).toEqual(
      expect.arrayContaining(['n-litho', 'n-pack', 'stage:upstream']),
    );
    const legend = element.querySelector('[data-testid="map-legend"]')?.textContent ?? '';
    for (const flag of ['卡脖子环节', '对外依存度高', '省内无供应商', '省内单一供应商'])
      expect(legend).toContain(flag);

    const litho = [
      ...element.querySelectorAll<HTMLButtonElement>('[data-testid="map-node-button"]'),
    ].find((b) => b.textContent?.includes('光刻机'));
    litho?.click();
    await settle();
    const drawer = document.querySelector('[data-testid="node-drawer"]');
    expect(drawer?.textContent).toContain('上海微电子');
    expect(drawer?.textContent).toContain('省外');
    expect(drawer?.textContent).toContain('高端光刻机整机');
    expect(drawer?.textContent).toContain('90%');
    expect(
      [...(drawer?.querySelectorAll('[data-testid="node-flag"]') ?? [])].map((f) =>
        f.textContent?.trim(),
      ),
    ).toEqual(['卡脖子环节', '对外依存度高', '省内无供应商']);
  });

  it('says so when the chain has no map yet', async () => {
    http.expectOne(`/api/chains/${CHAIN}/map`).flush([]);
    http.expectOne(`/api/chains/${CHAIN}/short-boards`).flush([]);
    await settle();
    expect(fixture.nativeElement.querySelector('[data-testid="map-empty"]')).not.toBeNull();
  });

  it('offers a retry when the map cannot be read', async () => {
    http.expectOne(`/api/chains/${CHAIN}/map`).error(new ProgressEvent('error'));
    http.expectOne(`/api/chains/${CHAIN}/short-boards`).flush([]);
    await settle();
    expect(fixture.nativeElement.textContent).toContain('重试');
  });
});
