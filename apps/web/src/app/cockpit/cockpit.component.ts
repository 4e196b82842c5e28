import { DecimalPipe, PercentPipe, DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  type OnInit,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import type { CockpitChainDto, CockpitIndicatorDto } from '@lianzhang/contracts';
import {
  CHAIN_COLOUR_LABELS,
  chainStatusReasonText,
  SHORT_BOARD_STATUS_LABELS,
  type ShortBoardStatus,
  type ChainColour,
  type ChainStatusReason,
} from '@lianzhang/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzStatisticModule } from 'ng-zorro-antd/statistic';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { filter } from 'rxjs';
import { ChartComponent, type ChartClick } from '../charts/chart.component';
import { LanguageService } from '../i18n/language.service';
import {
  heatmapOption,
  shortBoardOption,
  trendOption,
  type ChartTexts,
  type HeatMetric,
} from './cockpit.charts';
import { CockpitStore } from './cockpit.store';

/** The plan's units in English (the catalogue keeps the plan's Chinese). */
const UNITS_EN: Readonly<Record<string, string>> = {
  '%': '%',
  个: 'count',
  家: 'enterprises',
  亿元: '100 million yuan',
  万亿元: 'trillion yuan',
};

const COLOUR_TAGS: Readonly<Record<ChainColour, string>> = {
  green: 'success',
  yellow: 'warning',
  red: 'error',
};

/**
 * 省级驾驶舱: every chain of the caller's scope with its colour and why, the province's
 * open and overdue work, open 督办单, short boards, investment, the plan's indicators, a
 * chain × city heat map and weekly trends. Every figure leads to the list behind it.
 */
@Component({
  selector: 'lz-cockpit',
  imports: [
    DatePipe,
    DecimalPipe,
    FormsModule,
    PercentPipe,
    RouterLink,
    ChartComponent,
    NzButtonModule,
    NzCardModule,
    NzGridModule,
    NzResultModule,
    NzRadioModule,
    NzSkeletonModule,
    NzStatisticModule,
    NzTableModule,
    NzTagModule,
    TranslocoPipe,
  ],
  providers: [CockpitStore],
  templateUrl: './cockpit.component.html',
  styleUrl: './cockpit.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CockpitComponent implements OnInit {
  protected readonly store = inject(CockpitStore);
  protected readonly languages = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);
  private readonly router = inject(Router);
  protected readonly heatMetric = signal<HeatMetric>('openTasks');
  protected readonly colours: readonly ChainColour[] = ['red', 'yellow', 'green'];

  /** Every translation file loaded, so chart texts can follow a language whose scope arrives late. */
  private readonly loaded = toSignal(
    this.transloco.events$.pipe(filter((event) => event.type === 'translationLoadSuccess')),
  );

  /** Chart texts follow the language: recomputed when it changes and when its texts arrive. */
  private readonly texts = computed<ChartTexts>(() => {
    this.languages.language();
    this.loaded();
    const t = (key: string) => this.transloco.translate(`cockpit.${key}`);
    return {
      openTasks: t('heatmap.openTasks'),
      overdueTasks: t('heatmap.overdueTasks'),
      created: t('trends.created'),
      done: t('trends.done'),
      notices: t('trends.notices'),
      overdue: t('trends.overdue'),
    };
  });

  protected readonly heatmap = computed(() => {
    const cockpit = this.store.cockpit();
    return cockpit
      ? heatmapOption(cockpit, this.heatMetric(), this.languages.language(), this.texts())
      : null;
  });
  protected readonly trends = computed(() => {
    const cockpit = this.store.cockpit();
    return cockpit ? trendOption(cockpit, this.texts()) : null;
  });
  protected readonly shortBoards = computed(() => {
    const cockpit = this.store.cockpit();
    return cockpit ? shortBoardOption(cockpit, this.languages.language()) : null;
  });
  /** Rows of the heat map: the chains with open work, sized to fit them. */
  protected readonly heatHeight = computed(
    () => 110 + 22 * (this.store.cockpit()?.chains.filter((c) => c.openTasks > 0).length ?? 0),
  );
  ngOnInit(): void {
    void this.store.load();
  }

  protected name(item: { nameZh: string; nameEn: string }): string {
    return this.languages.language() === 'en' ? item.nameEn : item.nameZh;
  }

  protected unit(unit: string): string {
    return this.languages.language() === 'en' ? (UNITS_EN[unit] ?? unit) : unit;
  }

  protected colourLabel(colour: ChainColour): string {
    return CHAIN_COLOUR_LABELS[colour][this.languages.language()];
  }

  protected colourTag(colour: ChainColour): string {
    return COLOUR_TAGS[colour];
  }

  protected reasonText(reason: ChainStatusReason): string {
    return chainStatusReasonText(reason, this.languages.language());
  }

  protected investment(chain: CockpitChainDto): number | null {
    return chain.plannedInvestment > 0 ? chain.completedInvestment / chain.plannedInvestment : null;
  }

  /** 万元 as 亿元, the unit the plan reports investment in. */
  protected yi(wan: number): number {
    return wan / 10_000;
  }

  protected resolvedBoards(): { resolved: number; total: number } {
    const boards = this.store.cockpit()?.totals.shortBoards;
    return boards
      ? { resolved: boards.resolved, total: Object.values(boards).reduce((a, b) => a + b, 0) }
      : { resolved: 0, total: 0 };
  }

  protected boardCount(chain: CockpitChainDto): number {
    return Object.values(chain.shortBoards).reduce((a, b) => a + b, 0);
  }

  protected nature(indicator: CockpitIndicatorDto): string {
    return indicator.nature ? `cockpit.indicators.${indicator.nature}` : '';
  }

  protected filter(colour: ChainColour | null): void {
    this.store.colour.set(this.store.colour() === colour ? null : colour);
  }

  /** A heat cell opens the chain's task list (overdue only when that is what it shows). */
  protected openCell(event: ChartClick): void {
    const data = event.data as { chainId?: string } | undefined;
    if (!data?.chainId) return;
    void this.router.navigate(['/chains', data.chainId, 'tasks'], {
      queryParams: this.heatMetric() === 'overdueTasks' ? { overdue: 'true' } : {},
    });
  }

  /** A short-board slice narrows the chain table to chains with short boards in that state. */
  protected openSlice(event: ChartClick): void {
    const data = event.data as { status?: ShortBoardStatus } | undefined;
    if (!data?.status) return;
    this.store.boardStatus.set(data.status);
    document.getElementById('chain-status')?.scrollIntoView({ behavior: 'smooth' });
  }

  protected boardStatusLabel(status: ShortBoardStatus): string {
    return SHORT_BOARD_STATUS_LABELS[status][this.languages.language()];
  }

  protected clearFilters(): void {
    this.store.colour.set(null);
    this.store.boardStatus.set(null);
  }
}
