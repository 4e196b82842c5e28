import { PercentPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  type OnInit,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import type { RiskDto } from '@lianzhang/contracts';
import {
  CHAIN_STAGE_LABELS,
  RISK_KIND_LABELS,
  RISK_KINDS,
  SHANDONG,
  SHANDONG_CITIES,
  type RiskKind,
} from '@lianzhang/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { LanguageService } from '../../i18n/language.service';
import { saveBlob } from '../../tasks/task.client';
import { InsightsStore, NO_RISK_FILTERS, type RiskFilters } from '../insights.store';

const KIND_TAGS: Readonly<Record<RiskKind, string>> = {
  chokepoint_no_owner: 'red',
  chokepoint_stale: 'volcano',
  foreign_dependence: 'orange',
  no_local_supplier: 'gold',
  single_source: 'blue',
};

/**
 * 风险清单: weak links of the chain maps and neglected chokepoints of the chains in
 * scope, filtered by kind, chain, region and text, paged by the api, and downloadable
 * as an .xlsx with the same filters.
 */
@Component({
  selector: 'lz-insights-risks',
  imports: [
    FormsModule,
    PercentPipe,
    RouterLink,
    NzButtonModule,
    NzCardModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzResultModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    TranslocoPipe,
  ],
  template: `
    <nz-card data-testid="risks-tab">
      <form class="filters" (ngSubmit)="search()" data-testid="risk-filters">
        <div class="field">
          <label for="risk-kind">{{ 'insights.risks.kind' | transloco }}</label>
          <nz-select
            nzId="risk-kind"
            name="kind"
            nzAllowClear
            [nzPlaceHolder]="'insights.risks.allKinds' | transloco"
            [(ngModel)]="kind"
          >
            @for (value of kinds; track value) {
              <nz-option [nzValue]="value" [nzLabel]="kindLabel(value)" />
            }
          </nz-select>
        </div>
        <div class="field">
          <label for="risk-chain">{{ 'insights.risks.chain' | transloco }}</label>
          <nz-select
            nzId="risk-chain"
            name="chain"
            nzAllowClear
            nzShowSearch
            [nzPlaceHolder]="'insights.risks.allChains' | transloco"
            [(ngModel)]="chainId"
          >
            @for (chain of store.chainOptions(); track chain.chainId) {
              <nz-option [nzValue]="chain.chainId" [nzLabel]="name(chain)" />
            }
          </nz-select>
        </div>
        <div class="field">
          <label for="risk-region">{{ 'insights.risks.region' | transloco }}</label>
          <nz-select
            nzId="risk-region"
            name="region"
            nzAllowClear
            [nzPlaceHolder]="'insights.risks.allRegions' | transloco"
            [(ngModel)]="regionCode"
          >
            @for (region of regions; track region.code) {
              <nz-option [nzValue]="region.code" [nzLabel]="name(region)" />
            }
          </nz-select>
        </div>
        <div class="field grow">
          <label for="risk-q">{{ 'insights.risks.q' | transloco }}</label>
          <input
            nz-input
            id="risk-q"
            name="q"
            maxlength="100"
            [placeholder]="'insights.risks.qHint' | transloco"
            [(ngModel)]="q"
          />
        </div>
        <div class="buttons">
          <button nz-button nzType="primary" type="submit" data-testid="risk-search">
            {{ 'insights.risks.search' | transloco }}
          </button>
          <button nz-button type="button" (click)="reset()">
            {{ 'insights.risks.reset' | transloco }}
          </button>
          <button
            nz-button
            type="button"
            [nzLoading]="exporting()"
            (click)="export()"
            data-testid="risk-export"
          >
            <nz-icon nzType="download" />
            {{ 'insights.risks.export' | transloco }}
          </button>
        </div>
      </form>

      @if (store.risks().status === 'error') {
        <nz-result nzStatus="warning" [nzTitle]="'state.error' | transloco">
          <div nz-result-extra>
            <button nz-button nzType="primary" (click)="store.loadRisks()">
              {{ 'state.retry' | transloco }}
            </button>
          </div>
        </nz-result>
      } @else {
        <nz-table
          [nzData]="page()?.items ?? []"
          [nzLoading]="store.risks().status === 'loading'"
          [nzFrontPagination]="false"
          [nzTotal]="page()?.total ?? 0"
          [nzPageIndex]="store.riskPage()"
          [nzPageSize]="store.riskPageSize()"
          [nzShowTotal]="total"
          (nzPageIndexChange)="store.goToRiskPage($event)"
          nzSize="small"
          [nzScroll]="{ x: '1100px' }"
          [nzNoResult]="'state.empty' | transloco"
          data-testid="risk-table"
        >
          <thead>
            <tr>
              <th nzWidth="170px">{{ 'insights.risks.kind' | transloco }}</th>
              <th nzWidth="160px">{{ 'insights.risks.chain' | transloco }}</th>
              <th nzWidth="200px">{{ 'insights.risks.subject' | transloco }}</th>
              <th nzWidth="80px">{{ 'insights.risks.stage' | transloco }}</th>
              <th nzWidth="90px" nzAlign="right">
                {{ 'insights.risks.localSuppliers' | transloco }}
              </th>
              <th nzWidth="100px" nzAlign="right">
                {{ 'insights.risks.foreignDependence' | transloco }}
              </th>
              <th nzWidth="130px">{{ 'insights.risks.lastReport' | transloco }}</th>
              <th>{{ 'insights.risks.reason' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (risk of page()?.items ?? []; track risk.kind + risk.subjectId) {
              <tr data-testid="risk-row" [attr.data-kind]="risk.kind">
                <td>
                  <nz-tag [nzColor]="kindTag(risk.kind)">{{ kindLabel(risk.kind) }}</nz-tag>
                </td>
                <td>
                  <a [routerLink]="['/chains', risk.chainId, 'overview']">{{ chainName(risk) }}</a>
                </td>
                <td>
                  <span class="subject-type">{{
                    (risk.subjectType === 'node'
                      ? 'insights.risks.node'
                      : 'insights.risks.shortBoard'
                    ) | transloco
                  }}</span>
                  <a
                    [routerLink]="[
                      '/chains',
                      risk.chainId,
                      risk.subjectType === 'node' ? 'map' : 'short-boards',
                    ]"
                    >{{ risk.subjectName }}</a
                  >
                </td>
                <td>{{ stage(risk) }}</td>
                <td nzAlign="right">{{ risk.localSuppliers ?? '—' }}</td>
                <td nzAlign="right">
                  {{
                    risk.foreignDependence === null
                      ? '—'
                      : (risk.foreignDependence | percent: '1.0-1')
                  }}
                </td>
                <td>
                  @if (risk.subjectType === 'short_board') {
                    {{ risk.lastReportOn ?? ('insights.risks.never' | transloco) }}
                    <div class="muted">
                      {{ 'insights.risks.days' | transloco: { days: risk.daysSilent } }}
                    </div>
                  } @else {
                    —
                  }
                </td>
                <td>{{ risk.reason[language()] }}</td>
              </tr>
            }
          </tbody>
        </nz-table>
      }
      <ng-template #total let-total>{{
        'insights.risks.total' | transloco: { total }
      }}</ng-template>
    </nz-card>
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 12px;
      margin-bottom: 16px;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: 180px;
    }
    .field.grow {
      flex: 1;
    }
    .buttons {
      display: flex;
      gap: 8px;
    }
    .subject-type {
      display: block;
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
export class RisksTabComponent implements OnInit {
  protected readonly store = inject(InsightsStore);
  private readonly languages = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);
  private readonly message = inject(NzMessageService);
  protected readonly language = this.languages.language;
  protected readonly kinds = RISK_KINDS;
  protected readonly regions = [SHANDONG, ...SHANDONG_CITIES];
  protected readonly exporting = signal(false);
  protected readonly page = computed(() => {
    const state = this.store.risks();
    return state.status === 'ready' ? state.value : null;
  });

  protected kind: RiskKind | null = null;
  protected chainId: string | null = null;
  protected regionCode: string | null = null;
  protected q = '';

  ngOnInit(): void {
    const filters = this.store.riskFilters();
    this.kind = filters.kind;
    this.chainId = filters.chainId;
    this.regionCode = filters.regionCode;
    this.q = filters.q;
    void this.store.ensureHealth();
    void this.store.loadRisks();
  }

  protected search(): Promise<void> {
    const filters: RiskFilters = {
      kind: this.kind,
      chainId: this.chainId,
      regionCode: this.regionCode,
      q: this.q,
    };
    return this.store.searchRisks(filters);
  }

  protected reset(): Promise<void> {
    this.kind = null;
    this.chainId = null;
    this.regionCode = null;
    this.q = '';
    return this.store.searchRisks(NO_RISK_FILTERS);
  }

  /** The same filters as the list shows (applied ones, not ones typed but not searched). */
  protected async export(): Promise<void> {
    this.exporting.set(true);
    try {
      const { blob, fileName } = await this.store.exportRisks();
      saveBlob(blob, fileName);
      this.message.success(this.transloco.translate('insights.risks.exported', { name: fileName }));
    } catch {
      this.message.error(this.transloco.translate('insights.risks.exportFailed'));
    } finally {
      this.exporting.set(false);
    }
  }

  protected kindLabel(kind: RiskKind): string {
    return RISK_KIND_LABELS[kind][this.language()];
  }

  protected kindTag(kind: RiskKind): string {
    return KIND_TAGS[kind];
  }

  protected name(item: { nameZh: string; nameEn: string }): string {
    return this.language() === 'en' ? item.nameEn : item.nameZh;
  }

  protected chainName(risk: RiskDto): string {
    return this.language() === 'en' ? risk.chainNameEn : risk.chainNameZh;
  }

  protected stage(risk: RiskDto): string {
    return risk.stage ? CHAIN_STAGE_LABELS[risk.stage][this.language()] : '—';
  }
}
