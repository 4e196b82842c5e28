import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  type OnInit,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { NotificationDto, Page } from '@lianzhang/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzListModule } from 'ng-zorro-antd/list';
import { NzPaginationModule } from 'ng-zorro-antd/pagination';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { LanguageService } from '../i18n/language.service';
import { NotificationsStore } from './notifications.store';

const LEVEL_COLOURS = { reminder: 'blue', yellow: 'gold', red: 'red' } as const;

/** 通知中心: the user's own notifications, unread first to hand, read with one click. */
@Component({
  selector: 'lz-notifications',
  imports: [
    DatePipe,
    FormsModule,
    NzButtonModule,
    NzCardModule,
    NzEmptyModule,
    NzListModule,
    NzPaginationModule,
    NzResultModule,
    NzRadioModule,
    NzSpinModule,
    NzTagModule,
    TranslocoPipe,
  ],
  template: `
    <nz-card
      [nzTitle]="'notifications.title' | transloco"
      [nzExtra]="actions"
      data-testid="notifications"
    >
      <ng-template #actions>
        <nz-radio-group
          nzSize="small"
          role="radiogroup"
          [attr.aria-label]="'notifications.title' | transloco"
          [ngModel]="onlyUnread() ? 'unread' : 'all'"
          (ngModelChange)="filter($event === 'unread')"
        >
          @for (option of filters(); track option.value) {
            <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -- nz-radio-button renders its own input inside the label -->
            <label nz-radio-button [nzValue]="option.value">{{ option.label }}</label>
          }
        </nz-radio-group>
        <button nz-button nzType="link" (click)="readAll()" data-testid="read-all">
          {{ 'notifications.readAll' | transloco }}
        </button>
      </ng-template>
      @switch (state().status) {
        @case ('loading') {
          <nz-spin nzSimple class="centre" />
        }
        @case ('error') {
          <nz-result nzStatus="warning" [nzTitle]="'state.error' | transloco">
            <div nz-result-extra>
              <button nz-button (click)="load()">{{ 'state.retry' | transloco }}</button>
            </div>
          </nz-result>
        }
        @default {
          @if (page(); as current) {
            @if (current.items.length === 0) {
              <nz-empty [nzNotFoundContent]="'notifications.empty' | transloco" />
            } @else {
              <nz-list nzItemLayout="horizontal">
                @for (item of current.items; track item.id) {
                  <nz-list-item
                    [class.unread]="!item.readAt"
                    data-testid="notification"
                    (click)="read(item)"
                  >
                    <nz-list-item-meta
                      [nzTitle]="title"
                      [nzDescription]="item.body[languages.language()]"
                    >
                      <ng-template #title>
                        <nz-tag [nzColor]="colour(item)">{{
                          'notifications.level.' + item.level | transloco
                        }}</nz-tag>
                        <span class="title">{{ item.title[languages.language()] }}</span>
                      </ng-template>
                    </nz-list-item-meta>
                    <span class="time">{{ item.createdAt | date: 'yyyy-MM-dd HH:mm' }}</span>
                  </nz-list-item>
                }
              </nz-list>
              <nz-pagination
                class="pager"
                [nzPageIndex]="current.page"
                [nzPageSize]="current.pageSize"
                [nzTotal]="current.total"
                [nzHideOnSinglePage]="true"
                (nzPageIndexChange)="load($event)"
              />
            }
          }
        }
      }
    </nz-card>
  `,
  styles: `
    .unread {
      background: #f0f7ff;
      cursor: pointer;
    }
    .unread .title {
      font-weight: 600;
    }
    nz-list-item {
      padding-left: 12px;
      padding-right: 12px;
    }
    .time {
      color: rgba(0, 0, 0, 0.65);
      white-space: nowrap;
    }
    .pager {
      margin-top: 16px;
      text-align: right;
    }
    .centre {
      display: block;
      margin: 48px auto;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationsComponent implements OnInit {
  private readonly store = inject(NotificationsStore);
  protected readonly languages = inject(LanguageService);
  protected readonly state = signal<{ status: 'loading' | 'error' | 'ready' }>({
    status: 'loading',
  });
  protected readonly page = signal<Page<NotificationDto> | null>(null);
  protected readonly onlyUnread = signal(false);
  private readonly transloco = inject(TranslocoService);
  protected readonly filters = computed(() => {
    this.languages.language();
    return [
      { label: this.transloco.translate('notifications.all'), value: 'all' },
      { label: this.transloco.translate('notifications.unread'), value: 'unread' },
    ];
  });

  ngOnInit(): void {
    void this.load();
  }

  async load(page = 1): Promise<void> {
    this.state.set({ status: 'loading' });
    try {
      this.page.set(await this.store.list({ unread: this.onlyUnread(), page }));
      this.state.set({ status: 'ready' });
    } catch {
      this.state.set({ status: 'error' });
    }
  }

  protected filter(unread: boolean): void {
    this.onlyUnread.set(unread);
    void this.load();
  }

  protected async read(item: NotificationDto): Promise<void> {
    if (item.readAt) return;
    await this.store.markRead({ ids: [item.id] });
    await this.load(this.page()?.page ?? 1);
  }

  protected async readAll(): Promise<void> {
    await this.store.markRead({ all: true });
    await this.load();
  }

  protected colour(item: NotificationDto): string {
    return LEVEL_COLOURS[item.level];
  }
}
