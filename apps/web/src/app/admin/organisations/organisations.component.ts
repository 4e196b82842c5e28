import { DatePipe } from '@angular/common';
import { PlusOutline, WarningFill } from '@ant-design/icons-angular/icons';
import { ChangeDetectionStrategy, Component, inject, signal, type OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { OrganisationDto, Page } from '@lianzhang/contracts';
import {
  ORGANISATION_KIND_LABELS,
  ORGANISATION_KINDS,
  type OrganisationKind,
} from '@lianzhang/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { LanguageService } from '../../i18n/language.service';
import { AdminClient } from '../admin.client';
import { ReferenceStore } from '../reference.store';
import { OrganisationFormComponent } from './organisation-form.component';

const PAGE_SIZE = 20;

/** 单位管理: enterprises, offices, institutes…, searched and paged on the api. */
@Component({
  selector: 'lz-organisations',
  imports: [
    DatePipe,
    FormsModule,
    NzButtonModule,
    NzCardModule,
    NzDrawerModule,
    NzIconModule,
    NzInputModule,
    NzResultModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    OrganisationFormComponent,
    TranslocoPipe,
  ],
  template: `
    <nz-card [nzTitle]="'admin.organisations.title' | transloco" [nzExtra]="create">
      <ng-template #create>
        <button nz-button nzType="primary" (click)="open(null)" data-testid="organisation-create">
          <nz-icon nzType="plus" /><span>{{ 'admin.organisations.new' | transloco }}</span>
        </button>
      </ng-template>
      <form class="filters" (ngSubmit)="load(1)">
        <div class="filter">
          <label for="organisations-q">{{ 'admin.search' | transloco }}</label>
          <input
            nz-input
            id="organisations-q"
            name="q"
            [placeholder]="'admin.organisations.searchHint' | transloco"
            [(ngModel)]="q"
          />
        </div>
        <div class="filter">
          <label for="organisations-kind">{{ 'admin.organisations.kind' | transloco }}</label>
          <nz-select
            nzId="organisations-kind"
            name="kind"
            nzAllowClear
            [nzPlaceHolder]="'admin.all' | transloco"
            [ngModel]="kind()"
            (ngModelChange)="kind.set($event); load(1)"
          >
            @for (k of kinds; track k) {
              <nz-option [nzValue]="k" [nzLabel]="kindLabel(k)" />
            }
          </nz-select>
        </div>
        <div class="filter">
          <label for="organisations-region">{{ 'admin.organisations.region' | transloco }}</label>
          <nz-select
            nzId="organisations-region"
            name="regionCode"
            nzAllowClear
            nzShowSearch
            [nzPlaceHolder]="'admin.all' | transloco"
            [ngModel]="regionCode()"
            (ngModelChange)="regionCode.set($event); load(1)"
          >
            @for (region of reference.regions(); track region.code) {
              <nz-option [nzValue]="region.code" [nzLabel]="reference.regionName(region.code)" />
            }
          </nz-select>
        </div>
        <div class="filter submit">
          <button nz-button type="submit" data-testid="organisations-search">
            <nz-icon nzType="search" /><span>{{ 'admin.search' | transloco }}</span>
          </button>
        </div>
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
          (nzPageIndexChange)="load($event)"
          [nzNoResult]="'admin.organisations.empty' | transloco"
          [nzScroll]="{ x: '900px' }"
          data-testid="organisations-table"
        >
          <thead>
            <tr>
              <th>{{ 'admin.organisations.name' | transloco }}</th>
              <th>{{ 'admin.organisations.kind' | transloco }}</th>
              <th>{{ 'admin.organisations.creditCode' | transloco }}</th>
              <th>{{ 'admin.organisations.region' | transloco }}</th>
              <th>{{ 'admin.organisations.createdAt' | transloco }}</th>
              <th nzRight>{{ 'admin.actions' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (organisation of table.data; track organisation.id) {
              <tr data-testid="org-row">
                <td>{{ organisation.name }}</td>
                <td>
                  <nz-tag>{{ kindLabel(organisation.kind) }}</nz-tag>
                </td>
                <td class="code">{{ organisation.creditCode ?? '—' }}</td>
                <td>{{ reference.regionName(organisation.regionCode) }}</td>
                <td>{{ organisation.createdAt | date: 'yyyy-MM-dd' }}</td>
                <td nzRight>
                  <button
                    nz-button
                    nzSize="small"
                    (click)="open(organisation)"
                    data-testid="organisation-edit"
                    [attr.aria-label]="('admin.edit' | transloco) + ' ' + organisation.name"
                  >
                    <nz-icon nzType="edit" /><span>{{ 'admin.edit' | transloco }}</span>
                  </button>
                </td>
              </tr>
            }
          </tbody>
        </nz-table>
      }
    </nz-card>

    <nz-drawer
      [nzVisible]="formOpen()"
      [nzWidth]="480"
      [nzTitle]="
        (editing() ? 'admin.organisations.editTitle' : 'admin.organisations.newTitle') | transloco
      "
      (nzOnClose)="formOpen.set(false)"
    >
      <ng-container *nzDrawerContent>
        @if (formOpen()) {
          <lz-organisation-form
            [organisation]="editing()"
            (saved)="saved()"
            (cancelled)="formOpen.set(false)"
          />
        }
      </ng-container>
    </nz-drawer>
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 12px 16px;
      margin-bottom: 16px;
      align-items: flex-end;
    }
    .filter {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: 180px;
      flex: 1 1 180px;
      max-width: 320px;
    }
    .filter.submit {
      flex: 0 0 auto;
      min-width: 0;
    }
    .code {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
    nz-icon {
      margin-right: 4px;
    }
  `,
  providers: [provideNzIconsPatch([PlusOutline, WarningFill])],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganisationsComponent implements OnInit {
  private readonly client = inject(AdminClient);
  private readonly message = inject(NzMessageService);
  private readonly transloco = inject(TranslocoService);
  private readonly languages = inject(LanguageService);
  protected readonly reference = inject(ReferenceStore);

  protected readonly kinds = ORGANISATION_KINDS;
  protected readonly pageSize = PAGE_SIZE;
  protected readonly page = signal<Page<OrganisationDto> | null>(null);
  protected readonly pageIndex = signal(1);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected q = '';
  protected readonly kind = signal<OrganisationKind | null>(null);
  protected readonly regionCode = signal<string | null>(null);
  protected readonly formOpen = signal(false);
  protected readonly editing = signal<OrganisationDto | null>(null);

  ngOnInit(): void {
    void this.reference.loadRegions();
    void this.load(1);
  }

  async load(index: number): Promise<void> {
    this.loading.set(true);
    this.failed.set(false);
    try {
      const page = await this.client.organisations({
        page: index,
        pageSize: PAGE_SIZE,
        kind: this.kind(),
        regionCode: this.regionCode(),
        q: this.q.trim() || null,
      });
      this.reference.remember(page.items);
      this.page.set(page);
      this.pageIndex.set(index);
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  protected kindLabel(kind: OrganisationKind): string {
    return ORGANISATION_KIND_LABELS[kind][this.languages.language()];
  }

  protected open(organisation: OrganisationDto | null): void {
    this.editing.set(organisation);
    this.formOpen.set(true);
  }

  protected async saved(): Promise<void> {
    this.formOpen.set(false);
    this.message.success(this.transloco.translate('admin.saved'));
    await this.load(this.pageIndex());
  }
}
