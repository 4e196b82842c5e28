import { DatePipe, DecimalPipe, NgTemplateOutlet } from '@angular/common';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  computed,
  effect,
  inject,
  Injector,
  signal,
  type OnInit,
} from '@angular/core';
import type { ActualDto, ChainOutputDto, IndicatorDto, ProgressDto } from '@lianzhang/contracts';
import { INDICATOR_MEASURE_LABELS, INDICATOR_PROGRESS_GAP_LABELS } from '@lianzhang/domain';
import { TranslocoPipe, TranslocoService, translateSignal } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { LanguageService } from '../../i18n/language.service';
import { InsightsStore } from '../insights.store';
import { ActualFormComponent, type ActualTarget } from './actual-form.component';

/** The plan's units in English (the catalogue keeps the plan's Chinese). */
const UNITS_EN: Readonly<Record<string, string>> = {
  '%': '%',
  个: 'count',
  家: 'enterprises',
  亿元: '100 million yuan',
  万亿元: 'trillion yuan',
};

/** What the modal edits; names and units are worded when shown, in the language of the moment. */
interface Editing {
  readonly target: ActualTarget;
  readonly item: { readonly nameZh: string; readonly nameEn: string };
  /** The unit as the catalogue writes it, or null. */
  readonly unit: string | null;
  readonly actuals: readonly ActualDto[];
}

/**
 * 规划指标: the plan's main-indicator table (2020 base, 2025 target, the latest yearly
 * actual with its source, progress to target) and the 2025 targets of the chains in the
 * reader's scope. The province admin enters and removes yearly actuals in a modal.
 */
@Component({
  selector: 'lz-insights-indicators',
  imports: [
    DatePipe,
    DecimalPipe,
    NgTemplateOutlet,
    ActualFormComponent,
    NzButtonModule,
    NzCardModule,
    NzModalModule,
    NzProgressModule,
    NzResultModule,
    NzSkeletonModule,
    NzTableModule,
    NzTagModule,
    NzTooltipModule,
    TranslocoPipe,
  ],
  template: `
    @switch (store.indicators().status) {
      @case ('loading') {
        <nz-card><nz-skeleton [nzActive]="true" [nzParagraph]="{ rows: 8 }" /></nz-card>
      }
      @case ('error') {
        <nz-result nzStatus="warning" [nzTitle]="'state.error' | transloco">
          <div nz-result-extra>
            <button nz-button nzType="primary" (click)="store.loadIndicators()">
              {{ 'state.retry' | transloco }}
            </button>
          </div>
        </nz-result>
      }
      @case ('ready') {
        @if (data(); as data) {
          <nz-card [nzTitle]="'insights.indicators.title' | transloco" data-testid="indicators-tab">
            <nz-table
              #indicators
              [nzData]="data.indicators"
              [nzFrontPagination]="false"
              [nzShowPagination]="false"
              nzSize="small"
              [nzScroll]="{ x: '960px' }"
              [nzNoResult]="'state.empty' | transloco"
              data-testid="indicator-table"
            >
              <thead>
                <tr>
                  <th>{{ 'insights.indicators.name' | transloco }}</th>
                  <th nzWidth="80px">{{ 'insights.indicators.unit' | transloco }}</th>
                  <th nzWidth="90px" nzAlign="right">
                    {{ 'insights.indicators.base' | transloco }}
                  </th>
                  <th nzWidth="90px" nzAlign="right">
                    {{ 'insights.indicators.target' | transloco }}
                  </th>
                  <th nzWidth="150px">{{ 'insights.indicators.latest' | transloco }}</th>
                  <th nzWidth="180px">{{ 'insights.indicators.progress' | transloco }}</th>
                  @if (data.canManage) {
                    <th nzWidth="120px">{{ 'insights.indicators.actions' | transloco }}</th>
                  }
                </tr>
              </thead>
              <tbody>
                @for (indicator of indicators.data; track indicator.code) {
                  <tr data-testid="indicator-row" [attr.data-code]="indicator.code">
                    <td>
                      {{ name(indicator) }}
                      @if (indicator.nature) {
                        <nz-tag>{{ 'insights.indicators.' + indicator.nature | transloco }}</nz-tag>
                      }
                    </td>
                    <td>{{ unit(indicator.unit) }}</td>
                    <td nzAlign="right">{{ indicator.base2020 ?? '—' }}</td>
                    <td nzAlign="right">{{ indicator.target2025 ?? '—' }}</td>
                    <td>
                      <ng-container
                        [ngTemplateOutlet]="latest"
                        [ngTemplateOutletContext]="{ $implicit: indicator.latest }"
                      />
                    </td>
                    <td>
                      <ng-container
                        [ngTemplateOutlet]="progress"
                        [ngTemplateOutletContext]="{ $implicit: indicator }"
                      />
                    </td>
                    @if (data.canManage) {
                      <td>
                        <button
                          nz-button
                          nzType="link"
                          (click)="editIndicator(indicator)"
                          data-testid="indicator-enter"
                        >
                          {{ 'insights.indicators.enter' | transloco }}
                        </button>
                      </td>
                    }
                  </tr>
                }
              </tbody>
            </nz-table>
          </nz-card>

          <nz-card [nzTitle]="'insights.indicators.chainsTitle' | transloco" class="chains">
            <nz-table
              #chains
              [nzData]="data.chains"
              [nzPageSize]="20"
              nzSize="small"
              [nzScroll]="{ x: '1000px' }"
              [nzNoResult]="'insights.indicators.noChains' | transloco"
              data-testid="chain-output-table"
            >
              <thead>
                <tr>
                  <th nzWidth="160px">{{ 'insights.indicators.chain' | transloco }}</th>
                  <th>{{ 'insights.indicators.targetText' | transloco }}</th>
                  <th nzWidth="140px" nzAlign="right">
                    {{ 'insights.indicators.targetValue' | transloco }}
                  </th>
                  <th nzWidth="150px">{{ 'insights.indicators.latest' | transloco }}</th>
                  <th nzWidth="180px">{{ 'insights.indicators.progress' | transloco }}</th>
                  @if (data.canManage) {
                    <th nzWidth="120px">{{ 'insights.indicators.actions' | transloco }}</th>
                  }
                </tr>
              </thead>
              <tbody>
                @for (chain of chains.data; track chain.chainId) {
                  <tr data-testid="chain-output-row" [attr.data-code]="chain.code">
                    <td>{{ name(chain) }}</td>
                    <td>{{ chain.targetText ?? '—' }}</td>
                    <td nzAlign="right">
                      @if (chain.targetValue !== null) {
                        {{ chain.targetValue | number: '1.0-2' }} {{ unit(chain.targetUnit ?? '') }}
                      } @else {
                        —
                      }
                    </td>
                    <td>
                      <ng-container
                        [ngTemplateOutlet]="latest"
                        [ngTemplateOutletContext]="{ $implicit: chain.latest }"
                      />
                    </td>
                    <td>
                      <ng-container
                        [ngTemplateOutlet]="progress"
                        [ngTemplateOutletContext]="{ $implicit: chain }"
                      />
                    </td>
                    @if (data.canManage) {
                      <td>
                        @if (chain.targetUnit) {
                          <button
                            nz-button
                            nzType="link"
                            (click)="editChain(chain)"
                            data-testid="chain-output-enter"
                          >
                            {{ 'insights.indicators.enter' | transloco }}
                          </button>
                        }
                      </td>
                    }
                  </tr>
                }
              </tbody>
            </nz-table>
          </nz-card>
        }
      }
    }

    <ng-template #latest let-actual>
      @if (actual) {
        <span
          nz-tooltip
          [nzTooltipTitle]="
            'insights.indicators.enteredBy'
              | transloco
                : {
                    name: actual.enteredByName ?? '—',
                    date: (actual.enteredAt | date: 'yyyy-MM-dd' : '+0800'),
                  }
          "
          ><strong>{{ actual.value | number: '1.0-4' }}</strong> ({{ actual.year }})</span
        >
        <div class="source">{{ actual.source }}</div>
      } @else {
        <span class="muted">—</span>
      }
    </ng-template>

    <ng-template #progress let-item>
      @if (item.progress !== null) {
        <div class="progress">
          <nz-progress
            [nzPercent]="percent(item)"
            nzSize="small"
            [nzShowInfo]="false"
            [nzStatus]="item.reached ? 'success' : 'normal'"
          />
          <span class="progress-text" data-testid="progress-text"
            >{{ item.progress * 100 | number: '1.0-1' }}%</span
          >
        </div>
        @if (item.measure === 'cumulative') {
          <div class="muted" data-testid="progress-measure">{{ measure(item) }}</div>
        } @else if (item.direction === 'falling') {
          <div class="muted">{{ 'insights.indicators.falling' | transloco }}</div>
        }
      } @else {
        <span class="muted">{{ gap(item) }}</span>
      }
    </ng-template>

    <!-- A template, not a string: ng-zorro's title does not redraw a new string while open. -->
    <ng-template #modalTitleText>{{ modalTitle() }}</ng-template>
    <nz-modal
      [nzVisible]="editing() !== null"
      [nzTitle]="modalTitleText"
      [nzFooter]="null"
      nzWrapClassName="lz-actual-modal"
      (nzAfterOpen)="nameDialog()"
      (nzOnCancel)="editing.set(null)"
    >
      <ng-container *nzModalContent>
        @if (editing(); as editing) {
          <lz-actual-form
            [target]="editing.target"
            [unit]="editing.unit === null ? null : unit(editing.unit)"
            [actuals]="editing.actuals"
            (saved)="saved($event)"
            (removed)="removed($event)"
            (cancelled)="close()"
          />
        }
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .chains {
      margin-top: 16px;
    }
    .progress {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .progress nz-progress {
      flex: 1;
    }
    .progress-text {
      min-width: 48px;
      text-align: right;
    }
    .source {
      font-size: 12px;
      color: rgba(0, 0, 0, 0.65);
    }
    .muted {
      font-size: 12px;
      color: rgba(0, 0, 0, 0.65);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IndicatorsTabComponent implements OnInit {
  protected readonly store = inject(InsightsStore);
  private readonly languages = inject(LanguageService);
  private readonly injector = inject(Injector);
  private readonly transloco = inject(TranslocoService);
  private readonly message = inject(NzMessageService);
  private readonly document = inject(DOCUMENT);
  protected readonly editing = signal<Editing | null>(null);

  protected readonly data = computed(() => {
    const state = this.store.indicators();
    return state.status === 'ready' ? state.value : null;
  });
  /** The modal's title follows the language, and its texts once they have loaded. */
  protected readonly modalTitle = translateSignal(
    'indicators.modalTitle',
    computed(() => {
      const editing = this.editing();
      return { name: editing ? this.name(editing.item) : '' };
    }),
    'insights',
  );

  constructor() {
    // The dialog's accessible name is its title: renamed when the language changes.
    // Named on the render that creates the dialog, not only after its opening animation,
    // so it is never in the page without a name.
    effect(() => {
      this.modalTitle();
      if (this.editing()) {
        this.nameDialog();
        afterNextRender(() => this.nameDialog(), { injector: this.injector });
      }
    });
  }

  ngOnInit(): void {
    void this.store.loadIndicators();
  }

  protected name(item: { nameZh: string; nameEn: string }): string {
    return this.languages.language() === 'en' ? item.nameEn : item.nameZh;
  }

  protected unit(unit: string): string {
    return this.languages.language() === 'en' ? (UNITS_EN[unit] ?? unit) : unit;
  }

  /** The bar stops at 0 and 100 %; the figure beside it says how far beyond. */
  protected percent(item: ProgressDto): number {
    return Math.round(Math.min(Math.max((item.progress ?? 0) * 100, 0), 100));
  }

  /** How a cumulative indicator's progress is counted (from zero over 2021–2025). */
  protected measure(item: ProgressDto): string {
    return INDICATOR_MEASURE_LABELS[item.measure][this.languages.language()];
  }

  protected gap(item: ProgressDto): string {
    return item.gap ? INDICATOR_PROGRESS_GAP_LABELS[item.gap][this.languages.language()] : '—';
  }

  protected editIndicator(indicator: IndicatorDto): void {
    this.editing.set({
      target: { kind: 'indicator', code: indicator.code },
      item: indicator,
      unit: indicator.unit,
      actuals: indicator.actuals,
    });
  }

  protected editChain(chain: ChainOutputDto): void {
    this.editing.set({
      target: { kind: 'chain', chainId: chain.chainId },
      item: chain,
      unit: chain.targetUnit || null,
      actuals: chain.actuals,
    });
  }

  /** ng-zorro's dialog has no accessible name of its own: give it the title. */
  protected nameDialog(): void {
    this.document
      .querySelector('nz-modal-container.lz-actual-modal')
      ?.setAttribute('aria-label', this.modalTitle());
  }

  protected close(): void {
    this.editing.set(null);
  }

  protected async saved(year: number): Promise<void> {
    this.editing.set(null);
    this.message.success(this.transloco.translate('insights.indicators.saved', { year }));
    await this.store.loadIndicators();
  }

  protected async removed(year: number): Promise<void> {
    this.editing.set(null);
    this.message.success(this.transloco.translate('insights.indicators.removed', { year }));
    await this.store.loadIndicators();
  }
}
