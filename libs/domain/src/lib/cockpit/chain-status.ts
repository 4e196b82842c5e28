import type { PaceColour } from '../chains/work-items';

type Labels = { readonly 'zh-CN': string; readonly en: string };

/** The colour a chain shows on the cockpit: on track, needs attention, in trouble. */
export type ChainColour = 'green' | 'yellow' | 'red';

/** What the cockpit knows about one chain today; counted by the api, judged here. */
export interface ChainFacts {
  readonly openTasks: number;
  readonly overdueTasks: number;
  /** 黄牌 / 红牌 督办单 on tasks still open. */
  readonly yellowNotices: number;
  readonly redNotices: number;
  /** Pace colours of the chain's unresolved short boards, chokepoints marked. */
  readonly shortBoards: readonly { readonly pace: PaceColour; readonly chokepoint: boolean }[];
  /** Pace colours of projects not yet in production. */
  readonly projects: readonly { readonly pace: PaceColour }[];
  /** Coordination requests past their respond-by date and not answered. */
  readonly overdueRequests: number;
}

export const CHAIN_STATUS_REASONS = [
  'red_notices',
  'overdue_share',
  'chokepoint_behind',
  'yellow_notices',
  'overdue_tasks',
  'short_boards_behind',
  'projects_behind',
  'requests_overdue',
] as const;
export type ChainStatusReasonCode = (typeof CHAIN_STATUS_REASONS)[number];

export interface ChainStatusReason {
  readonly code: ChainStatusReasonCode;
  readonly colour: Exclude<ChainColour, 'green'>;
  /** How many things the reason is about (tasks, notices, short boards…). */
  readonly count: number;
  /** For `overdue_share`: overdue over open tasks, 0–1. */
  readonly share?: number;
}

export interface ChainStatus {
  readonly colour: ChainColour;
  /** Every reason found, the worst first; empty for a green chain. */
  readonly reasons: readonly ChainStatusReason[];
}

/** At this share of open tasks overdue a chain is red, once at least RED_OVERDUE_MIN are late. */
export const RED_OVERDUE_SHARE = 0.2;
/** Two late tasks of a chain with five open is attention, not alarm. */
export const RED_OVERDUE_MIN = 3;

/**
 * A chain's colour and why (DESIGN.md §3, cockpit). Red: an open 红牌, a fifth or more
 * of its open tasks overdue (three at least), or a chokepoint short board behind (red
 * pace). Yellow: an open 黄牌, any overdue task, any short board or project behind, or a
 * coordination request past its respond-by date. Green otherwise. Every rule that holds is listed,
 * so the colour can always be explained; issue 6's weighted health score refines this.
 */
export function chainStatus(facts: ChainFacts): ChainStatus {
  const reasons: ChainStatusReason[] = [];
  const add = (
    code: ChainStatusReasonCode,
    colour: ChainStatusReason['colour'],
    count: number,
    share?: number,
  ) => {
    if (count > 0)
      reasons.push(share === undefined ? { code, colour, count } : { code, colour, count, share });
  };
  const share = facts.openTasks > 0 ? facts.overdueTasks / facts.openTasks : 0;
  const alarming = share >= RED_OVERDUE_SHARE && facts.overdueTasks >= RED_OVERDUE_MIN;
  const behind = facts.shortBoards.filter((b) => b.pace === 'red');
  add('red_notices', 'red', facts.redNotices);
  if (alarming) add('overdue_share', 'red', facts.overdueTasks, round(share));
  add('chokepoint_behind', 'red', behind.filter((b) => b.chokepoint).length);
  add('yellow_notices', 'yellow', facts.yellowNotices);
  if (!alarming) add('overdue_tasks', 'yellow', facts.overdueTasks);
  add(
    'short_boards_behind',
    'yellow',
    facts.shortBoards.filter((b) => b.pace !== 'green' && !(b.pace === 'red' && b.chokepoint))
      .length,
  );
  add('projects_behind', 'yellow', facts.projects.filter((p) => p.pace !== 'green').length);
  add('requests_overdue', 'yellow', facts.overdueRequests);
  const colour: ChainColour = reasons.some((r) => r.colour === 'red')
    ? 'red'
    : reasons.length > 0
      ? 'yellow'
      : 'green';
  return { colour, reasons };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export const CHAIN_COLOUR_LABELS: Readonly<Record<ChainColour, Labels>> = {
  green: { 'zh-CN': '正常', en: 'On track' },
  yellow: { 'zh-CN': '关注', en: 'Needs attention' },
  red: { 'zh-CN': '预警', en: 'At risk' },
};

/** `{count}` and `{share}` (a percentage) are filled in by whoever shows the reason. */
export const CHAIN_STATUS_REASON_LABELS: Readonly<Record<ChainStatusReasonCode, Labels>> = {
  red_notices: { 'zh-CN': '{count} 张红牌督办单未办结', en: '{count} open red-card notices' },
  overdue_share: {
    'zh-CN': '逾期任务 {count} 项，占在办任务 {share}',
    en: '{count} overdue tasks, {share} of open tasks',
  },
  chokepoint_behind: {
    'zh-CN': '{count} 项卡脖子短板进度严重滞后',
    en: '{count} chokepoint short boards far behind',
  },
  yellow_notices: { 'zh-CN': '{count} 张黄牌督办单未办结', en: '{count} open yellow-card notices' },
  overdue_tasks: { 'zh-CN': '逾期任务 {count} 项', en: '{count} overdue tasks' },
  short_boards_behind: {
    'zh-CN': '{count} 项短板进度滞后',
    en: '{count} short boards behind pace',
  },
  projects_behind: { 'zh-CN': '{count} 个项目进度滞后', en: '{count} projects behind pace' },
  requests_overdue: {
    'zh-CN': '{count} 项诉求超期未答复',
    en: '{count} coordination requests past their respond-by date',
  },
};

/** A reason in words, in the given language. */
export function chainStatusReasonText(reason: ChainStatusReason, language: 'zh-CN' | 'en'): string {
  return CHAIN_STATUS_REASON_LABELS[reason.code][language]
    .replace('{count}', String(reason.count))
    .replace('{share}', `${Math.round((reason.share ?? 0) * 100)}%`);
}
