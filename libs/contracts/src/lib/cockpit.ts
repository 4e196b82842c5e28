import type {
  ChainColour,
  ChainStatusReason,
  IndustryGroup,
  ShortBoardStatus,
} from '@lianzhang/domain';

/** One chain's line on the provincial cockpit (驾驶舱). */
export interface CockpitChainDto {
  readonly id: string;
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly industryGroup: IndustryGroup;
  readonly colour: ChainColour;
  /** The chain's health score (0–100, see insights), null when nothing can be judged. */
  readonly healthScore?: number | null;
  /** Why it has that colour, the worst first. */
  readonly reasons: readonly ChainStatusReason[];
  readonly openTasks: number;
  readonly overdueTasks: number;
  readonly shortBoards: Readonly<Record<ShortBoardStatus, number>>;
  readonly shortBoardsBehind: number;
  readonly projects: number;
  readonly projectsBehind: number;
  /** 万元, as the plan counts investment. */
  readonly plannedInvestment: number;
  readonly completedInvestment: number;
  readonly yellowNotices: number;
  readonly redNotices: number;
  readonly openRequests: number;
  readonly overdueRequests: number;
  /** The plan's 2025 output target of the chain, where it has one. */
  readonly targetValue: number | null;
  readonly targetUnit: string | null;
  readonly targetText: string | null;
}

/** An open 督办单: its task is neither done nor cancelled. */
export interface CockpitNoticeDto {
  readonly id: string;
  readonly number: string;
  readonly level: 'yellow' | 'red';
  readonly issuedAt: string;
  readonly overdueWorkdays: number;
  readonly taskId: string;
  readonly taskTitle: string;
  readonly chainId: string;
  readonly chainName: string;
  readonly assigneeName: string;
}

export interface CockpitIndicatorDto {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly unit: string;
  readonly base2020: number | null;
  readonly target2025: number | null;
  readonly nature: 'expected' | 'binding' | null;
  readonly category: string | null;
}

/** Open and overdue tasks of one chain whose 主办 sits in one city. */
export interface CockpitHeatCellDto {
  readonly chainId: string;
  readonly regionCode: string;
  readonly openTasks: number;
  readonly overdueTasks: number;
}

/** Weekly counts, oldest week first; `weeks` are the Mondays (Asia/Shanghai). */
export interface CockpitTrendsDto {
  readonly weeks: readonly string[];
  readonly created: readonly number[];
  readonly done: readonly number[];
  readonly notices: readonly number[];
  /** Open tasks past their due date at the end of each week. */
  readonly overdue: readonly number[];
}

export interface CockpitDto {
  /** Today in Asia/Shanghai: every figure is as of this date. */
  readonly asOf: string;
  readonly totals: {
    readonly chains: Readonly<Record<ChainColour, number>>;
    readonly openTasks: number;
    readonly overdueTasks: number;
    readonly shortBoards: Readonly<Record<ShortBoardStatus, number>>;
    readonly plannedInvestment: number;
    readonly completedInvestment: number;
    readonly yellowNotices: number;
    readonly redNotices: number;
  };
  readonly chains: readonly CockpitChainDto[];
  /** The latest open notices, red first, at most 50. */
  readonly notices: readonly CockpitNoticeDto[];
  readonly indicators: readonly CockpitIndicatorDto[];
  readonly heatmap: {
    readonly cities: readonly {
      readonly code: string;
      readonly nameZh: string;
      readonly nameEn: string;
    }[];
    readonly cells: readonly CockpitHeatCellDto[];
  };
  readonly trends: CockpitTrendsDto;
}
