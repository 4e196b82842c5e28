import { ChangeDetectionStrategy, Component, inject, signal, type OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import type { ChainDto, Page, RegionDto } from '@lianzhang/contracts';
import {
  CHAIN_LEVEL_LABELS,
  CHAIN_LEVELS,
  INDUSTRY_GROUPS,
  INDUSTRY_GROUP_LABELS,
  type ChainLevel,
  type IndustryGroup,
} from '@lianzhang/domain';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../../i18n/language.service';
import { labelOf } from '../chain-labels';
import { ChainsClient } from '../chains.client';

const PAGE_SIZE = 20;

/**
 * 产业链: the chains the caller may see (the api scopes them: a leader their own chains,
 * the province all), filtered by industry group, level and text; each leads to its
 * workbench.
 */
@Component({
  selector: 'lz-chain-list',
  imports: [
    FormsModule,
    RouterLink,
    NzButtonModule,
    NzCardModule,
    NzFormModule,
    NzInputModule,
    NzResultModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    TranslocoPipe,
  ],
  template: `
    <nz-card [nzTitle]="'chains.list.title' | transloco" data-testid="chain-list">
      <form class="filters" (ngSubmit)="load(1)" data-testid="chain-filters">
        <div class="filter">
          <label for="chain-filter-group">{{ 'chains.list.group' | transloco }}</label>
          <nz-select
            nzId="chain-filter-group"
            name="group"
            nzAllowClear
            [nzPlaceHolder]="'chains.list.all' | transloco"
            [(ngModel)]="group"
            (ngModelChange)="load(1)"
            data-testid="chain-filter-group"
          >
            @for (value of groups; track value) {
              <nz-option [nzValue]="value" [nzLabel]="groupLabel(value)" />
            }
          </nz-select>
        </div>
        <div class="filter">
          <label for="chain-filter-level">{{ 'chains.list.level' | transloco }}</label>
          <nz-select
            nzId="chain-filter-level"
            name="level"
            nzAllowClear
            [nzPlaceHolder]="'chains.list.all' | transloco"
            [(ngModel)]="level"
            (ngModelChange)="load(1)"
            data-testid="chain-filter-level"
          >
            @for (value of levels; track value) {
              <nz-option [nzValue]="value" [nzLabel]="levelLabel(value)" />
            }
          </nz-select>
        </div>
        <div class="filter grow">
          <label for="chain-filter-q">{{ 'chains.list.search' | transloco }}</label>
          <input
            nz-input
            id="chain-filter-q"
            name="q"
            [(ngModel)]="q"
            [placeholder]="'chains.list.searchHint' | transloco"
            data-testid="chain-filter-q"
          />
        </div>
        <button nz-button nzType="primary" type="submit">
          {{ 'chains.list.apply' | transloco }}
        </button>
      </form>
      @if (failed()) {
        <nz-result nzStatus="warning" [nzTitle]="'state.error' | transloco">
          <div nz-result-extra>
            <button nz-button (click)="load(pageIndex())">{{ 'state.retry' | transloco }}</button>
          </div>
        </nz-result>
      } @else {
        <nz-table
          #table
          [nzData]="page()?.items ?? []"
          [nzLoading]="loading()"
          [nzFrontPagination]="false"
          [nzTotal]="page()?.total ?? 0"
          [nzPageIndex]="pageIndex()"
          [nzPageSize]="pageSize"
          [nzNoResult]="'chains.list.empty' | transloco"
          (nzPageIndexChange)="load($event)"
          nzSize="middle"
          [nzScroll]="{ x: '900px' }"
        >
          <thead>
            <tr>
              <th>{{ 'chains.list.name' | transloco }}</th>
              <th>{{ 'chains.list.group' | transloco }}</th>
              <th>{{ 'chains.list.level' | transloco }}</th>
              <th>{{ 'chains.list.region' | transloco }}</th>
              <th>{{ 'chains.list.target' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (chain of table.data; track chain.id) {
              <tr data-testid="chain-row">
                <td>
                  <a [routerLink]="['/chains', chain.id]" data-testid="chain-link">{{
                    chainName(chain)
                  }}</a>
                  <div class="code">{{ chain.code }}</div>
                </td>
                <td>
                  <nz-tag nzColor="blue">{{ groupLabel(chain.industryGroup) }}</nz-tag>
                </td>
                <td>{{ levelLabel(chain.level) }}</td>
                <td>{{ regionName(chain.regionCode) }}</td>
                <td class="target">{{ chain.targetText ?? '—' }}</td>
              </tr>
            }
          </tbody>
        </nz-table>
      }
    </nz-card>
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: flex-end;
      margin-bottom: 16px;
    }
    .filter {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: 180px;
    }
    .filter.grow {
      flex: 1 1 220px;
    }
    .code {
      color: var(--lz-text-secondary);
      font-size: 12px;
    }
    .target {
      max-width: 360px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChainListComponent implements OnInit {
  private readonly client = inject(ChainsClient);
  private readonly languages = inject(LanguageService);

  protected readonly groups = INDUSTRY_GROUPS;
  protected readonly levels = CHAIN_LEVELS;
  protected readonly pageSize = PAGE_SIZE;
  protected readonly page = signal<Page<ChainDto> | null>(null);
  protected readonly pageIndex = signal(1);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  private readonly regions = signal<ReadonlyMap<string, RegionDto>>(new Map());

  protected group: IndustryGroup | null = null;
  protected level: ChainLevel | null = null;
  protected q = '';

  ngOnInit(): void {
    void this.load(1);
    // Region names are a courtesy: the code is shown when they cannot be read.
    firstValueFrom(this.client.regions())
      .then((regions) => this.regions.set(new Map(regions.map((r) => [r.code, r]))))
      .catch(() => undefined);
  }

  async load(index: number): Promise<void> {
    this.loading.set(true);
    this.failed.set(false);
    try {
      this.page.set(
        await firstValueFrom(
          this.client.list({
            page: index,
            pageSize: PAGE_SIZE,
            industryGroup: this.group,
            level: this.level,
            q: this.q.trim(),
          }),
        ),
      );
      this.pageIndex.set(index);
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  protected chainName(chain: ChainDto): string {
    return this.languages.language() === 'en' ? chain.nameEn : chain.nameZh;
  }

  protected groupLabel(group: IndustryGroup): string {
    return labelOf(INDUSTRY_GROUP_LABELS, group, this.languages.language());
  }

  protected levelLabel(level: ChainLevel): string {
    return labelOf(CHAIN_LEVEL_LABELS, level, this.languages.language());
  }

  protected regionName(code: string): string {
    const region = this.regions().get(code);
    if (!region) return code;
    return this.languages.language() === 'en' ? region.nameEn : region.nameZh;
  }
}
