import { DatePipe, JsonPipe } from '@angular/common';
import { WarningFill } from '@ant-design/icons-angular/icons';
import { ChangeDetectionStrategy, Component, inject, signal, type OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { AuditEntryDto, Page, UserDto } from '@lianzhang/contracts';
import { ROLE_LABELS, ROLES, type Role } from '@lianzhang/domain';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { LanguageService } from '../../i18n/language.service';
import { AdminClient } from '../admin.client';

const PAGE_SIZE = 20;

/** The start of a day in Shanghai as an instant with its offset, as the api reads it. */
function shanghaiStart(day: Date, plusDays = 0): string {
  const date = new Date(Date.UTC(day.getFullYear(), day.getMonth(), day.getDate() + plusDays));
  return `${date.toISOString().slice(0, 10)}T00:00:00+08:00`;
}

/**
 * 审计日志: the append-only log of sign-ins, refusals and every change, newest first,
 * filtered by who, what and when; each entry opens to show the before and after.
 */
@Component({
  selector: 'lz-audit',
  imports: [
    DatePipe,
    FormsModule,
    JsonPipe,
    NzButtonModule,
    NzCardModule,
    NzDatePickerModule,
    NzIconModule,
    NzInputModule,
    NzResultModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    TranslocoPipe,
  ],
  template: `
    <nz-card [nzTitle]="'admin.audit.title' | transloco">
      <form class="filters" (ngSubmit)="load(1)" data-testid="audit-filters">
        <div class="filter">
          <label for="audit-actor">{{ 'admin.audit.actor' | transloco }}</label>
          <nz-select
            nzId="audit-actor"
            name="actorId"
            nzShowSearch
            nzServerSearch
            nzAllowClear
            [nzPlaceHolder]="'admin.all' | transloco"
            [(ngModel)]="actorId"
            (nzOnSearch)="searchActors($event)"
          >
            @for (user of users(); track user.id) {
              <nz-option
                [nzValue]="user.id"
                [nzLabel]="user.displayName + ' (' + user.username + ')'"
              />
            }
          </nz-select>
        </div>
        <div class="filter">
          <label for="audit-action">{{ 'admin.audit.action' | transloco }}</label>
          <input
            nz-input
            id="audit-action"
            name="action"
            placeholder="user.update"
            [(ngModel)]="action"
          />
        </div>
        <div class="filter">
          <label for="audit-subject-type">{{ 'admin.audit.subjectType' | transloco }}</label>
          <input
            nz-input
            id="audit-subject-type"
            name="subjectType"
            placeholder="task"
            [(ngModel)]="subjectType"
          />
        </div>
        <div class="filter">
          <label for="audit-subject-id">{{ 'admin.audit.subjectId' | transloco }}</label>
          <input nz-input id="audit-subject-id" name="subjectId" [(ngModel)]="subjectId" />
        </div>
        <div class="filter wide">
          <label for="audit-range">{{ 'admin.audit.period' | transloco }}</label>
          <nz-range-picker nzId="audit-range" name="range" [(ngModel)]="range" />
        </div>
        <div class="filter buttons">
          <button nz-button nzType="primary" type="submit" data-testid="audit-search">
            <nz-icon nzType="search" /><span>{{ 'admin.search' | transloco }}</span>
          </button>
          <button nz-button type="button" (click)="clear()">{{ 'admin.clear' | transloco }}</button>
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
          [nzNoResult]="'admin.audit.empty' | transloco"
          [nzScroll]="{ x: '900px' }"
          data-testid="audit-table"
        >
          <thead>
            <tr>
              <th nzWidth="48px"></th>
              <th>{{ 'admin.audit.time' | transloco }}</th>
              <th>{{ 'admin.audit.actor' | transloco }}</th>
              <th>{{ 'admin.audit.action' | transloco }}</th>
              <th>{{ 'admin.audit.subject' | transloco }}</th>
              <th>{{ 'admin.audit.address' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (entry of table.data; track entry.id) {
              <tr data-testid="audit-row">
                <td>
                  <!-- Our own toggle: nz-table's expand icon is a button without a name. -->
                  <button
                    type="button"
                    class="expand"
                    [attr.aria-expanded]="expanded().has(entry.id)"
                    [attr.aria-label]="'admin.audit.details' | transloco"
                    (click)="toggle(entry.id, !expanded().has(entry.id))"
                    data-testid="audit-expand"
                  >
                    {{ expanded().has(entry.id) ? '−' : '+' }}
                  </button>
                </td>
                <td>{{ entry.occurredAt | date: 'yyyy-MM-dd HH:mm:ss' }}</td>
                <td>
                  {{ actorName(entry) }}
                  @if (entry.actorRole) {
                    <nz-tag>{{ roleLabel(entry.actorRole) }}</nz-tag>
                  }
                </td>
                <td>
                  <code>{{ entry.action }}</code>
                </td>
                <td>
                  @if (entry.subjectType) {
                    <code>{{ entry.subjectType }}</code>
                    <span class="id">{{ entry.subjectId }}</span>
                  }
                </td>
                <td>{{ entry.clientAddress ?? '' }}</td>
              </tr>
              <tr [nzExpand]="expanded().has(entry.id)">
                <div class="details" data-testid="audit-details">
                  <div>
                    <h4>{{ 'admin.audit.before' | transloco }}</h4>
                    <pre>{{ entry.before === null ? '—' : (entry.before | json) }}</pre>
                  </div>
                  <div>
                    <h4>{{ 'admin.audit.after' | transloco }}</h4>
                    <pre>{{ entry.after === null ? '—' : (entry.after | json) }}</pre>
                  </div>
                  @if (entry.requestId) {
                    <p class="request">
                      {{ 'admin.audit.requestId' | transloco }}: {{ entry.requestId }}
                    </p>
                  }
                </div>
              </tr>
            }
          </tbody>
        </nz-table>
      }
    </nz-card>
  `,
  styles: `
    .expand {
      width: 20px;
      height: 20px;
      line-height: 16px;
      padding: 0;
      border: 1px solid #d9d9d9;
      border-radius: 2px;
      background: #fff;
      cursor: pointer;
    }
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
      flex: 1 1 160px;
      min-width: 160px;
      max-width: 260px;
    }
    .filter.wide {
      max-width: 320px;
      flex-basis: 260px;
    }
    .filter.buttons {
      flex-direction: row;
      flex: 0 0 auto;
      min-width: 0;
      gap: 8px;
    }
    .id {
      margin-left: 6px;
      color: var(--lz-text-secondary);
      font-size: 12px;
      word-break: break-all;
    }
    .details {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(280px, 1fr));
      gap: 16px;
    }
    .details h4 {
      margin: 0 0 4px;
    }
    .details pre {
      margin: 0;
      max-height: 320px;
      overflow: auto;
      background: #fafafa;
      padding: 8px;
      font-size: 12px;
      white-space: pre-wrap;
      word-break: break-all;
    }
    .request {
      grid-column: 1 / -1;
      margin: 0;
      color: var(--lz-text-secondary);
    }
    nz-icon {
      margin-right: 4px;
    }
  `,
  providers: [provideNzIconsPatch([WarningFill])],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditComponent implements OnInit {
  private readonly client = inject(AdminClient);
  private readonly languages = inject(LanguageService);

  protected readonly pageSize = PAGE_SIZE;
  protected readonly page = signal<Page<AuditEntryDto> | null>(null);
  protected readonly pageIndex = signal(1);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  protected readonly users = signal<readonly UserDto[]>([]);

  protected actorId: string | null = null;
  protected action = '';
  protected subjectType = '';
  protected subjectId = '';
  protected range: Date[] = [];

  ngOnInit(): void {
    void this.load(1);
    // Names for the actors; without them the ids are shown.
    this.searchActors('');
  }

  async load(index: number): Promise<void> {
    this.loading.set(true);
    this.failed.set(false);
    const [from, to] = this.range;
    try {
      this.page.set(
        await this.client.audit({
          page: index,
          pageSize: PAGE_SIZE,
          actorId: this.actorId,
          action: this.action.trim(),
          subjectType: this.subjectType.trim(),
          subjectId: this.subjectId.trim(),
          // Whole Shanghai days: from the first day's start to the day after the last.
          from: from ? shanghaiStart(from) : null,
          to: to ? shanghaiStart(to, 1) : null,
        }),
      );
      this.pageIndex.set(index);
      this.expanded.set(new Set());
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  protected clear(): void {
    this.actorId = null;
    this.action = '';
    this.subjectType = '';
    this.subjectId = '';
    this.range = [];
    void this.load(1);
  }

  protected toggle(id: string, open: boolean): void {
    this.expanded.update((ids) => {
      const next = new Set(ids);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  /** The actor as the log names them now; a step of the system itself has none. */
  protected actorName(entry: AuditEntryDto): string {
    if (!entry.actorId) return '—';
    return entry.actorName ?? entry.actorId;
  }

  /** Actors to pick from: the api searches users by name, a page at a time. */
  protected searchActors(q: string): void {
    this.client.users({ q: q.trim(), pageSize: 20 }).then(
      (page) => this.users.set(page.items),
      () => undefined,
    );
  }

  protected roleLabel(role: string): string {
    return (ROLES as readonly string[]).includes(role)
      ? ROLE_LABELS[role as Role][this.languages.language()]
      : role;
  }
}
