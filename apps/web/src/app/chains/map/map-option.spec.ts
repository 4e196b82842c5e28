import type { ChainNodeDto } from '@lianzhang/contracts';
import { nodeRiskFlags, type ChainStage } from '@lianzhang/domain';
import { COLUMN_WIDTH, ROW_HEIGHT, mapOption, riskClassOf, type MapNodeData } from './map-option';

function node(
  id: string,
  stage: ChainStage,
  options: {
    parentId?: string;
    sortOrder?: number;
    localSuppliers?: number;
    foreignDependence?: number | null;
    chokepoint?: boolean;
  } = {},
): ChainNodeDto {
  const local = options.localSuppliers ?? 3;
  return {
    id,
    parentId: options.parentId ?? null,
    stage,
    name: `环节${id}`,
    foreignDependence: options.foreignDependence ?? null,
    chokepoint: options.chokepoint ?? false,
    sortOrder: options.sortOrder ?? 0,
    version: 1,
    enterprises: Array.from({ length: local }, (_, i) => ({
      organisationId: `${id}-${i}`,
      name: `企业${i}`,
      local: true,
    })),
    // The flags as the api derives them, with the domain's own rule.
    flags: nodeRiskFlags({
      localSuppliers: local,
      foreignDependence: options.foreignDependence ?? null,
      chokepoint: options.chokepoint ?? false,
    }),
    shortBoardIds: [],
  };
}

/** The value, or a failed test when there is none. */
function present<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

const nodes: ChainNodeDto[] = [
  node('wafer', 'upstream', { sortOrder: 1, foreignDependence: 0.8 }), // foreign dependent
  node('litho', 'upstream', { sortOrder: 0, chokepoint: true, localSuppliers: 0 }), // chokepoint wins
  node('design', 'midstream', { localSuppliers: 1 }), // single local supplier
  node('fab', 'midstream', { sortOrder: 1, localSuppliers: 0 }), // none in the province
  node('fab-12', 'midstream', { parentId: 'fab', sortOrder: 0 }), // child of fab, no flag
  node('phone', 'downstream', { parentId: 'fab' }), // child in another stage
];

function graph(option: ReturnType<typeof mapOption>) {
  const series = present(
    (
      option as {
        series: {
          type: string;
          data: MapNodeData[];
          links: { source: string; target: string }[];
          categories: { name: string }[];
        }[];
      }
    ).series[0],
  );
  return series;
}

describe('the chain map option', () => {
  const option = mapOption(nodes, 'zh-CN', { enterprises: '企业', shortBoards: '短板' });
  const series = graph(option);
  const byId = new Map(series.data.map((d) => [d.id, d]));

  it('is one ECharts graph laid out by hand (no force layout)', () => {
    expect(series.type).toBe('graph');
    expect((series as unknown as { layout: string }).layout).toBe('none');
  });

  it('colours each link by its worst risk flag', () => {
    expect(byId.get('litho')?.itemStyle.color).toBe('#cf1322'); // chokepoint, red
    expect(byId.get('wafer')?.itemStyle.color).toBe('#fa8c16'); // foreign dependence, orange
    expect(byId.get('fab')?.itemStyle.color).toBe('#722ed1'); // no local supplier, purple
    expect(byId.get('design')?.itemStyle.color).toBe('#d4b106'); // single supplier, gold
    expect(byId.get('fab-12')?.itemStyle.color).toBe('#52c41a'); // no flag, green
    expect(riskClassOf(present(nodes[1]).flags)).toBe('chokepoint');
  });

  it('puts each link in the category its colour stands for, named in the legend', () => {
    const names = series.categories.map((c) => c.name);
    expect(names).toEqual([
      '卡脖子环节',
      '对外依存度高',
      '省内无供应商',
      '省内单一供应商',
      '无风险标记',
    ]);
    expect(names[present(present(byId.get('litho')).category)]).toBe('卡脖子环节');
    expect(names[present(present(byId.get('design')).category)]).toBe('省内单一供应商');
    expect(names[present(present(byId.get('fab-12')).category)]).toBe('无风险标记');
  });

  it('lays the links out in three columns, upstream → midstream → downstream', () => {
    const x = (id: string) => byId.get(id)?.x;
    expect(x('litho')).toBe(0);
    expect(x('wafer')).toBe(0);
    expect(x('design')).toBe(COLUMN_WIDTH);
    expect(x('fab')).toBe(COLUMN_WIDTH);
    expect(x('fab-12')).toBe(COLUMN_WIDTH);
    expect(x('phone')).toBe(2 * COLUMN_WIDTH);
    // Headings top each column.
    expect(byId.get('stage:upstream')).toMatchObject({ x: 0, name: '上游' });
    expect(byId.get('stage:midstream')).toMatchObject({ x: COLUMN_WIDTH, name: '中游' });
    expect(byId.get('stage:downstream')).toMatchObject({ x: 2 * COLUMN_WIDTH, name: '下游' });
  });

  it('orders a column by sortOrder with each child right under its parent', () => {
    const y = (id: string) => byId.get(id)?.y;
    expect(y('litho')).toBe(0);
    expect(y('wafer')).toBe(ROW_HEIGHT);
    // midstream: design (0), fab (1) then its child fab-12.
    expect(y('design')).toBe(0);
    expect(y('fab')).toBe(ROW_HEIGHT);
    expect(y('fab-12')).toBe(2 * ROW_HEIGHT);
    expect(y('stage:midstream')).toBeLessThan(0);
  });

  it('links stage to stage and each parent to its children', () => {
    expect(series.links.map(({ source, target }) => ({ source, target }))).toEqual([
      { source: 'stage:upstream', target: 'stage:midstream' },
      { source: 'stage:midstream', target: 'stage:downstream' },
      { source: 'fab', target: 'fab-12' },
      { source: 'fab', target: 'phone' },
    ]);
  });

  it('names the legend in English when the interface is English', () => {
    const english = graph(
      mapOption(nodes, 'en', { enterprises: 'Enterprises', shortBoards: 'Short boards' }),
    );
    expect(english.categories.map((c) => c.name)).toContain('Chokepoint');
    expect(english.data.find((d) => d.id === 'stage:downstream')?.name).toBe('Downstream');
  });
});
