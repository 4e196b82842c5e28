import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  type OnInit,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ChainNodeDto, ShortBoardDto } from '@lianzhang/contracts';
import {
  CHAIN_STAGES,
  CHAIN_STAGE_LABELS,
  RISK_FLAG_LABELS,
  SHORT_BOARD_STATUS_LABELS,
  type ChainStage,
  type RiskFlag,
  type ShortBoardStatus,
} from '@lianzhang/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom } from 'rxjs';
import { ChartComponent, type ChartClick } from '../../charts/chart.component';
import { LanguageService } from '../../i18n/language.service';
import { labelOf } from '../chain-labels';
import { ChainStore } from '../chain.store';
import { ChainsClient } from '../chains.client';
import {
  RISK_CLASSES,
  RISK_COLOURS,
  flagsOf,
  mapOption,
  riskClassOf,
  type MapNodeData,
  type RiskClass,
} from './map-option';

/**
 * 产业链图谱: the chain's links in three columns, upstream → midstream → downstream,
 * coloured by their worst risk flag; a click on a link (in the chart or in the list under
 * it) opens its enterprises and the short boards found on it.
 */
@Component({
  selector: 'lz-chain-map',
  imports: [
    RouterLink,
    ChartComponent,
    NzButtonModule,
    NzCardModule,
    NzDescriptionsModule,
    NzDrawerModule,
    NzEmptyModule,
    NzProgressModule,
    NzResultModule,
    NzSpinModule,
    NzTableModule,
    NzTagModule,
    TranslocoPipe,
  ],
  template: `
    <nz-card [nzTitle]="'chains.map.title' | transloco">
      @if (loading()) {
        <div class="state"><nz-spin [nzTip]="'state.loading' | transloco" /></div>
      } @else if (failed()) {
        <nz-result nzStatus="warning" [nzTitle]="'state.error' | transloco">
          <div nz-result-extra>
            <button nz-button (click)="load()">{{ 'state.retry' | transloco }}</button>
          </div>
        </nz-result>
      } @else if (nodes().length === 0) {
        <nz-empty [nzNotFoundContent]="'chains.map.empty' | transloco" data-testid="map-empty" />
      } @else {
        <ul
          class="legend"
          data-testid="map-legend"
          [attr.aria-label]="'chains.map.legend' | transloco"
        >
          @for (risk of riskClasses; track risk) {
            <li>
              <span class="swatch" [style.background]="colours[risk]"></span>
              {{ riskLabel(risk) }}
            </li>
          }
        </ul>
        <lz-chart
          data-testid="chain-map"
          [options]="option()"
          [height]="chartHeight()"
          [label]="'chains.map.chartLabel' | transloco"
          (chartClick)="chartClicked($event)"
        />
        <div class="columns" data-testid="map-columns">
          @for (column of columns(); track column.stage) {
            <section>
              <h3>{{ stageLabel(column.stage) }}</h3>
              @for (node of column.nodes; track node.id) {
                <button
                  nz-button
                  nzSize="small"
                  type="button"
                  class="node-button"
                  data-testid="map-node-button"
                  (click)="open(node.id)"
                >
                  <span class="swatch" [style.background]="colourOf(node)"></span>
                  {{ node.name }}
                </button>
              } @empty {
                <span class="muted">—</span>
              }
            </section>
          }
        </div>
      }
    </nz-card>
    <nz-drawer
      [nzVisible]="selected() !== null"
      [nzTitle]="selected()?.name ?? ''"
      [nzWidth]="480"
      (nzOnClose)="selectedId.set(null)"
    >
      <ng-container *nzDrawerContent>
        @if (selected(); as node) {
          <div data-testid="node-drawer" class="drawer">
            <nz-descriptions [nzColumn]="1" nzSize="small" nzBordered>
              <nz-descriptions-item [nzTitle]="'chains.map.stage' | transloco">
                {{ stageLabel(node.stage) }}
              </nz-descriptions-item>
              <nz-descriptions-item [nzTitle]="'chains.map.flags' | transloco">
                @for (flag of flagsOf(node); track flag) {
                  <nz-tag [nzColor]="colours[flag]" data-testid="node-flag">{{
                    riskLabel(flag)
                  }}</nz-tag>
                } @empty {
                  {{ riskLabel('none') }}
                }
              </nz-descriptions-item>
              <nz-descriptions-item [nzTitle]="'chains.map.foreignDependence' | transloco">
                {{
                  node.foreignDependence === null
                    ? ('chains.map.unknown' | transloco)
                    : percent(node.foreignDependence)
                }}
              </nz-descriptions-item>
            </nz-descriptions>
            <h4>{{ 'chains.map.enterprises' | transloco }}</h4>
            <nz-table
              [nzData]="node.enterprises"
              [nzShowPagination]="false"
              nzSize="small"
              [nzNoResult]="'chains.map.noEnterprises' | transloco"
            >
              <thead>
                <tr>
                  <th>{{ 'chains.map.enterprise' | transloco }}</th>
                  <th>{{ 'chains.map.location' | transloco }}</th>
                </tr>
              </thead>
              <tbody>
                @for (enterprise of node.enterprises; track enterprise.organisationId) {
                  <tr data-testid="node-enterprise">
                    <td>{{ enterprise.name }}</td>
                    <td>
                      <nz-tag [nzColor]="enterprise.local ? 'green' : 'orange'">{{
                        (enterprise.local ? 'chains.map.local' : 'chains.map.outside') | transloco
                      }}</nz-tag>
                    </td>
                  </tr>
                }
              </tbody>
            </nz-table>
            <h4>{{ 'chains.map.shortBoards' | transloco }}</h4>
            @for (board of boardsOf(node); track board.id) {
              <div class="board" data-testid="node-short-board">
                <a [routerLink]="['..', 'short-boards']" [queryParams]="{ board: board.id }">{{
                  board.title
                }}</a>
                <nz-tag>{{ statusLabel(board.status) }}</nz-tag>
                <nz-progress [nzPercent]="board.progress" nzSize="small" />
              </div>
            } @empty {
              <p class="muted">{{ 'chains.map.noShortBoards' | transloco }}</p>
            }
          </div>
        }
      </ng-container>
    </nz-drawer>
  `,
  styles: `
    .state {
      padding: 48px;
      text-align: center;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 16px;
      list-style: none;
      padding: 0;
      margin: 0 0 8px;
    }
    .swatch {
      display: inline-block;
      width: 12px;
      height: 12px;
      border-radius: 50%;
      margin-right: 4px;
      vertical-align: middle;
    }
    .columns {
      display: grid;
      grid-template-columns: repeat(3, minmax(0, 1fr));
      gap: 16px;
      margin-top: 16px;
    }
    .columns section {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 6px;
    }
    .columns h3 {
      font-size: 14px;
      margin: 0;
    }
    .node-button {
      max-width: 100%;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .muted {
      color: var(--lz-text-secondary);
    }
    .drawer h4 {
      margin: 16px 0 8px;
    }
    .board {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-bottom: 8px;
    }
    .board nz-progress {
      flex: 1 1 120px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChainMapComponent implements OnInit {
  private readonly store = inject(ChainStore);
  private readonly client = inject(ChainsClient);
  private readonly languages = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);

  protected readonly riskClasses = RISK_CLASSES;
  protected readonly colours = RISK_COLOURS;
  protected readonly flagsOf = (node: ChainNodeDto): RiskFlag[] => flagsOf(node.flags);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly nodes = signal<readonly ChainNodeDto[]>([]);
  private readonly boards = signal<readonly ShortBoardDto[]>([]);
  protected readonly selectedId = signal<string | null>(null);

  protected readonly selected = computed(
    () => this.nodes().find((n) => n.id === this.selectedId()) ?? null,
  );
  protected readonly option = computed(() =>
    mapOption(this.nodes(), this.languages.language(), {
      enterprises: this.transloco.translate('chains.map.enterprises'),
      shortBoards: this.transloco.translate('chains.map.shortBoards'),
    }),
  );
  protected readonly columns = computed(() =>
    CHAIN_STAGES.map((stage) => ({
      stage,
      nodes: this.nodes().filter((n) => n.stage === stage),
    })),
  );
  /** Tall enough for the longest column. */
  protected readonly chartHeight = computed(() =>
    Math.max(360, 120 + Math.max(0, ...this.columns().map((c) => c.nodes.length)) * 56),
  );

  ngOnInit(): void {
    void this.load();
  }

  async load(): Promise<void> {
    const id = this.store.id();
    if (!id) return;
    this.loading.set(true);
    this.failed.set(false);
    try {
      const [nodes, boards] = await Promise.all([
        firstValueFrom(this.client.map(id)),
        // The drawer's short boards: the map stays useful without them.
        firstValueFrom(this.client.shortBoards(id)).catch(() => [] as ShortBoardDto[]),
      ]);
      this.nodes.set(nodes);
      this.boards.set(boards);
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  protected chartClicked(event: ChartClick): void {
    const data = event.data as MapNodeData | undefined;
    if (event.dataType === 'node' && data?.nodeId) this.open(data.nodeId);
  }

  protected open(nodeId: string): void {
    this.selectedId.set(nodeId);
  }

  protected boardsOf(node: ChainNodeDto): ShortBoardDto[] {
    const ids = new Set(node.shortBoardIds);
    return this.boards().filter((b) => ids.has(b.id) || b.nodeId === node.id);
  }

  protected colourOf(node: ChainNodeDto): string {
    return RISK_COLOURS[riskClassOf(node.flags)];
  }

  protected riskLabel(risk: RiskClass): string {
    return labelOf(RISK_FLAG_LABELS, risk, this.languages.language());
  }

  protected stageLabel(stage: ChainStage): string {
    return labelOf(CHAIN_STAGE_LABELS, stage, this.languages.language());
  }

  protected statusLabel(status: ShortBoardStatus): string {
    return labelOf(SHORT_BOARD_STATUS_LABELS, status, this.languages.language());
  }

  protected percent(share: number): string {
    return `${Math.round(share * 100)}%`;
  }
}
