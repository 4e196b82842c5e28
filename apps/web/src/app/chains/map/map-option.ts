import type { ChainNodeDto, Language } from '@lianzhang/contracts';
import {
  CHAIN_STAGES,
  CHAIN_STAGE_LABELS,
  RISK_FLAG_LABELS,
  RISK_FLAGS,
  type ChainStage,
  type NodeRiskFlags,
  type RiskFlag,
} from '@lianzhang/domain';
import type { EChartsCoreOption } from 'echarts/core';
import { labelOf } from '../chain-labels';

export type RiskClass = RiskFlag | 'none';

/** Legend order: worst first, then the links without a flag. */
export const RISK_CLASSES: readonly RiskClass[] = [...RISK_FLAGS, 'none'];

/** One colour per risk class, worst red; a link carries the colour of its worst flag. */
export const RISK_COLOURS: Readonly<Record<RiskClass, string>> = {
  chokepoint: '#cf1322',
  foreignDependent: '#fa8c16',
  noLocalSupplier: '#722ed1',
  singleSource: '#d4b106',
  none: '#52c41a',
};

const STAGE_COLOUR = '#1677ff';
/** Column spacing and row spacing in the graph's own units (ECharts scales them to fit). */
export const COLUMN_WIDTH = 320;
export const ROW_HEIGHT = 80;
const HEADER_Y = -ROW_HEIGHT;

/** The worst flag of a link, or `none`. */
export function riskClassOf(flags: NodeRiskFlags): RiskClass {
  return RISK_FLAGS.find((flag) => flags[flag]) ?? 'none';
}

export function flagsOf(flags: NodeRiskFlags): RiskFlag[] {
  return RISK_FLAGS.filter((flag) => flags[flag]);
}

/** What a graph node carries besides its drawing: the link it stands for. */
export interface MapNodeData {
  readonly id: string;
  readonly name: string;
  readonly x: number;
  readonly y: number;
  /** Index into the risk categories; absent on the stage headings (never hidden by a legend). */
  readonly category?: number;
  readonly symbol?: string;
  readonly label?: {
    readonly position: string;
    readonly color: string;
    readonly fontWeight: string;
  };
  readonly symbolSize: number | [number, number];
  readonly itemStyle: { readonly color: string };
  /** The chain node's id; absent on the three stage headings. */
  readonly nodeId?: string;
  readonly stage: ChainStage;
}

/**
 * The chain map as three columns, upstream → midstream → downstream: within a column the
 * links follow their `sortOrder`, each child under its parent; a heading node tops each
 * column and arrows lead from stage to stage and from each parent link to its children.
 */
export function layoutNodes(nodes: readonly ChainNodeDto[]): Map<string, { x: number; y: number }> {
  const positions = new Map<string, { x: number; y: number }>();
  CHAIN_STAGES.forEach((stage, column) => {
    const inStage = nodes.filter((n) => n.stage === stage);
    const ids = new Set(inStage.map((n) => n.id));
    const byOrder = (a: ChainNodeDto, b: ChainNodeDto) =>
      a.sortOrder - b.sortOrder || a.name.localeCompare(b.name);
    const ordered: ChainNodeDto[] = [];
    const visit = (node: ChainNodeDto, depth: number) => {
      if (ordered.includes(node) || depth > inStage.length) return;
      ordered.push(node);
      for (const child of inStage.filter((n) => n.parentId === node.id).sort(byOrder))
        visit(child, depth + 1);
    };
    // Roots of the column: no parent, or a parent in another stage.
    for (const root of inStage.filter((n) => !n.parentId || !ids.has(n.parentId)).sort(byOrder))
      visit(root, 0);
    // Anything left over (a cycle in bad data) still gets a place.
    for (const node of [...inStage].sort(byOrder)) if (!ordered.includes(node)) ordered.push(node);
    ordered.forEach((node, row) =>
      positions.set(node.id, { x: column * COLUMN_WIDTH, y: row * ROW_HEIGHT }),
    );
  });
  return positions;
}

export function mapOption(
  nodes: readonly ChainNodeDto[],
  language: Language,
  texts: { readonly enterprises: string; readonly shortBoards: string },
): EChartsCoreOption {
  const positions = layoutNodes(nodes);
  const categories = RISK_CLASSES.map((risk) => ({
    name: labelOf(RISK_FLAG_LABELS, risk, language),
    itemStyle: { color: RISK_COLOURS[risk] },
  }));
  const stageNodes: MapNodeData[] = CHAIN_STAGES.map((stage, column) => ({
    id: `stage:${stage}`,
    name: labelOf(CHAIN_STAGE_LABELS, stage, language),
    x: column * COLUMN_WIDTH,
    y: HEADER_Y,
    symbol: 'roundRect',
    label: { position: 'inside', color: '#fff', fontWeight: 'bold' },
    symbolSize: [96, 32],
    itemStyle: { color: STAGE_COLOUR },
    stage,
  }));
  const linkNodes: MapNodeData[] = nodes.map((node) => {
    const risk = riskClassOf(node.flags);
    const position = positions.get(node.id) ?? { x: 0, y: 0 };
    return {
      id: node.id,
      name: node.name,
      x: position.x,
      y: position.y,
      category: RISK_CLASSES.indexOf(risk),
      symbolSize: 22 + Math.min(node.enterprises.length, 10) * 2,
      itemStyle: { color: RISK_COLOURS[risk] },
      nodeId: node.id,
      stage: node.stage,
    };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const straight = { lineStyle: { curveness: 0, width: 2, color: STAGE_COLOUR } };
  const links = [
    { source: 'stage:upstream', target: 'stage:midstream', ...straight },
    { source: 'stage:midstream', target: 'stage:downstream', ...straight },
    ...nodes
      .filter((n) => n.parentId && byId.has(n.parentId))
      .map((n) => ({ source: n.parentId as string, target: n.id })),
  ];
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params: { dataType?: string; data?: MapNodeData }) => {
        const data = params.data;
        if (params.dataType !== 'node' || !data?.nodeId) return '';
        const node = byId.get(data.nodeId);
        if (!node) return '';
        const flags = flagsOf(node.flags).map((f) => labelOf(RISK_FLAG_LABELS, f, language));
        return [
          `<strong>${escapeHtml(node.name)}</strong>`,
          ...(flags.length ? [flags.map(escapeHtml).join(' · ')] : []),
          `${escapeHtml(texts.enterprises)}: ${node.enterprises.length}`,
          `${escapeHtml(texts.shortBoards)}: ${node.shortBoardIds.length}`,
        ].join('<br/>');
      },
    },
    series: [
      {
        type: 'graph',
        layout: 'none',
        roam: true,
        draggable: false,
        categories,
        data: [...stageNodes, ...linkNodes],
        links,
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 8,
        label: { show: true, position: 'right', fontSize: 12 },
        lineStyle: { color: '#8c8c8c', width: 1.2, curveness: 0.15 },
        emphasis: { focus: 'adjacency' },
        top: 40,
        bottom: 30,
        left: 60,
        right: 160,
      },
    ],
  };
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}
