import { KeyOutline, PlusOutline, WarningFill } from '@ant-design/icons-angular/icons';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
  type OnInit,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { resetPasswordSchema, type UserDto } from '@lianzhang/contracts';
import { PASSWORD_POLICY_MESSAGE, ROLE_LABELS, ROLES, type Role } from '@lianzhang/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { LanguageService } from '../../i18n/language.service';
import { apiError, apiFieldErrors, schemaFieldErrors } from '../../forms/field-errors';
import { AdminClient } from '../admin.client';
import { ReferenceStore } from '../reference.store';
import { UserFormComponent } from './user-form.component';

type StatusFilter = 'all' | 'active' | 'inactive';

const PAGE_SIZE = 20;

/**
 * 用户管理: every account (the api lists them all; the filter and the pages are here),
 * a drawer to create or change one, and a password reset that ends the user's sessions.
 */
@Component({
  selector: 'lz-users',
  imports: [
    FormsModule,
    NzButtonModule,
    NzCardModule,
    NzDrawerModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzResultModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    TranslocoPipe,
    UserFormComponent,
  ],
  template: `
    <nz-card [nzTitle]="'admin.users.title' | transloco" [nzExtra]="create">
      <ng-template #create>
        <button nz-button nzType="primary" (click)="open(null)" data-testid="user-create">
          <nz-icon nzType="plus" /><span>{{ 'admin.users.new' | transloco }}</span>
        </button>
      </ng-template>
      <div class="filters">
        <div class="filter">
          <label for="users-q">{{ 'admin.search' | transloco }}</label>
          <input
            nz-input
            id="users-q"
            [placeholder]="'admin.users.searchHint' | transloco"
            [ngModel]="q()"
            (ngModelChange)="q.set($event); pageIndex.set(1)"
          />
        </div>
        <div class="filter">
          <label for="users-role">{{ 'admin.users.role' | transloco }}</label>
          <nz-select
            nzId="users-role"
            nzAllowClear
            [nzPlaceHolder]="'admin.all' | transloco"
            [ngModel]="role()"
            (ngModelChange)="role.set($event); pageIndex.set(1)"
          >
            @for (r of roles; track r) {
              <nz-option [nzValue]="r" [nzLabel]="roleLabel(r)" />
            }
          </nz-select>
        </div>
        <div class="filter">
          <label for="users-status">{{ 'admin.users.status' | transloco }}</label>
          <nz-select
            nzId="users-status"
            [ngModel]="status()"
            (ngModelChange)="status.set($event); pageIndex.set(1)"
          >
            <nz-option nzValue="all" [nzLabel]="'admin.all' | transloco" />
            <nz-option nzValue="active" [nzLabel]="'admin.users.activeTag' | transloco" />
            <nz-option nzValue="inactive" [nzLabel]="'admin.users.inactiveTag' | transloco" />
          </nz-select>
        </div>
      </div>
      @if (failed()) {
        <nz-result nzStatus="warning" [nzTitle]="'state.error' | transloco">
          <div nz-result-extra>
            <button nz-button (click)="load()">{{ 'state.retry' | transloco }}</button>
          </div>
        </nz-result>
      } @else {
        <nz-table
          #table
          [nzData]="users()"
          [nzLoading]="loading()"
          [nzFrontPagination]="false"
          [nzTotal]="total()"
          [nzPageSize]="pageSize"
          [nzPageIndex]="pageIndex()"
          (nzPageIndexChange)="pageIndex.set($event)"
          [nzNoResult]="'admin.users.empty' | transloco"
          [nzScroll]="{ x: '960px' }"
          data-testid="users-table"
        >
          <thead>
            <tr>
              <th>{{ 'admin.users.username' | transloco }}</th>
              <th>{{ 'admin.users.displayName' | transloco }}</th>
              <th>{{ 'admin.users.role' | transloco }}</th>
              <th>{{ 'admin.users.organisation' | transloco }}</th>
              <th>{{ 'admin.users.city' | transloco }}</th>
              <th>{{ 'admin.users.status' | transloco }}</th>
              <th nzRight>{{ 'admin.actions' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (user of table.data; track user.id) {
              <tr data-testid="user-row" [attr.data-username]="user.username">
                <td>{{ user.username }}</td>
                <td>{{ user.displayName }}</td>
                <td>{{ roleLabel(user.role) }}</td>
                <td>{{ user.organisationName }}</td>
                <td>{{ reference.regionName(user.regionCode) }}</td>
                <td>
                  @if (user.active) {
                    <nz-tag nzColor="green">{{ 'admin.users.activeTag' | transloco }}</nz-tag>
                  } @else {
                    <nz-tag>{{ 'admin.users.inactiveTag' | transloco }}</nz-tag>
                  }
                </td>
                <td nzRight>
                  <div class="row-actions">
                    <button
                      nz-button
                      nzSize="small"
                      (click)="open(user)"
                      data-testid="user-edit"
                      [attr.aria-label]="('admin.edit' | transloco) + ' ' + user.username"
                    >
                      <nz-icon nzType="edit" /><span>{{ 'admin.edit' | transloco }}</span>
                    </button>
                    <button
                      nz-button
                      nzSize="small"
                      (click)="askPassword(user)"
                      data-testid="user-reset-password"
                      [attr.aria-label]="
                        ('admin.users.resetPassword' | transloco) + ' ' + user.username
                      "
                    >
                      <nz-icon nzType="key" /><span>{{
                        'admin.users.resetPassword' | transloco
                      }}</span>
                    </button>
                  </div>
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
      [nzTitle]="(editing() ? 'admin.users.editTitle' : 'admin.users.newTitle') | transloco"
      (nzOnClose)="formOpen.set(false)"
    >
      <ng-container *nzDrawerContent>
        @if (formOpen()) {
          <lz-user-form
            [user]="editing()"
            (saved)="saved($event)"
            (cancelled)="formOpen.set(false)"
          />
        }
      </ng-container>
    </nz-drawer>

    <nz-modal
      [nzVisible]="resetting() !== null"
      [nzTitle]="'admin.users.resetPasswordOf' | transloco: { name: resetting()?.displayName }"
      [nzOkText]="'admin.users.resetPassword' | transloco"
      [nzOkLoading]="busy()"
      (nzOnOk)="resetPassword()"
      (nzOnCancel)="resetting.set(null)"
    >
      <ng-container *nzModalContent>
        <form nz-form nzLayout="vertical" (ngSubmit)="resetPassword()">
          <nz-form-item>
            <nz-form-label nzFor="reset-password" nzRequired>{{
              'admin.users.newPassword' | transloco
            }}</nz-form-label>
            <nz-form-control
              [nzValidateStatus]="passwordError() ? 'error' : ''"
              [nzErrorTip]="passwordError() ?? ''"
              [nzExtra]="passwordPolicy()"
            >
              <input
                nz-input
                id="reset-password"
                name="password"
                type="password"
                autocomplete="new-password"
                [(ngModel)]="newPassword"
              />
            </nz-form-control>
          </nz-form-item>
          <p class="hint">{{ 'admin.users.resetHint' | transloco }}</p>
        </form>
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 12px 16px;
      margin-bottom: 16px;
    }
    .filter {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: 200px;
      flex: 1 1 200px;
      max-width: 320px;
    }
    .row-actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
    nz-icon {
      margin-right: 4px;
    }
    .hint {
      color: var(--lz-text-secondary);
      margin: 0;
    }
  `,
  providers: [provideNzIconsPatch([KeyOutline, PlusOutline, WarningFill])],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersComponent implements OnInit {
  private readonly client = inject(AdminClient);
  private readonly message = inject(NzMessageService);
  private readonly transloco = inject(TranslocoService);
  private readonly languages = inject(LanguageService);
  protected readonly reference = inject(ReferenceStore);

  protected readonly roles = ROLES;
  protected readonly pageSize = PAGE_SIZE;
  protected readonly users = signal<readonly UserDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly q = signal('');
  protected readonly role = signal<Role | null>(null);
  protected readonly status = signal<StatusFilter>('all');
  protected readonly pageIndex = signal(1);

  protected readonly formOpen = signal(false);
  protected readonly editing = signal<UserDto | null>(null);

  protected readonly resetting = signal<UserDto | null>(null);
  protected readonly passwordError = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected newPassword = '';
  protected readonly passwordPolicy = computed(
    () => PASSWORD_POLICY_MESSAGE[this.languages.language()],
  );

  protected readonly total = signal(0);

  constructor() {
    // The api filters and pages; typing waits a moment before asking it.
    let timer: ReturnType<typeof setTimeout> | undefined;
    effect((onCleanup) => {
      const query = {
        q: this.q().trim(),
        role: this.role(),
        active: this.status() === 'all' ? null : String(this.status() === 'active'),
        page: this.pageIndex(),
        pageSize: PAGE_SIZE,
      };
      timer = setTimeout(() => void untracked(() => this.load(query)), query.q ? 250 : 0);
      onCleanup(() => clearTimeout(timer));
    });
  }

  ngOnInit(): void {
    void this.reference.loadRegions();
  }

  private lastQuery: object = {};

  async load(query: object = this.lastQuery): Promise<void> {
    this.lastQuery = query;
    this.loading.set(true);
    this.failed.set(false);
    try {
      const page = await this.client.users(query);
      if (query !== this.lastQuery) return; // a newer query is on its way
      this.users.set(page.items);
      this.total.set(page.total);
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  protected roleLabel(role: Role): string {
    return ROLE_LABELS[role][this.languages.language()];
  }

  protected open(user: UserDto | null): void {
    this.editing.set(user);
    this.formOpen.set(true);
  }

  protected saved(_user: UserDto): void {
    this.formOpen.set(false);
    void this.load();
    this.message.success(this.transloco.translate('admin.saved'));
  }

  protected askPassword(user: UserDto): void {
    this.newPassword = '';
    this.passwordError.set(null);
    this.resetting.set(user);
  }

  protected async resetPassword(): Promise<void> {
    const user = this.resetting();
    if (!user) return;
    const parsed = resetPasswordSchema.safeParse({ password: this.newPassword });
    if (!parsed.success) {
      this.passwordError.set(
        schemaFieldErrors(parsed.error.issues, this.languages.language())['password'] ?? null,
      );
      return;
    }
    this.busy.set(true);
    try {
      await this.client.resetPassword(user.id, parsed.data.password);
      this.resetting.set(null);
      this.message.success(this.transloco.translate('admin.users.passwordReset'));
    } catch (error) {
      const body = apiError(error);
      const field = apiFieldErrors(body?.details)['password'];
      if (field) this.passwordError.set(field);
      else this.message.error(body?.message || this.transloco.translate('state.error'));
    } finally {
      this.busy.set(false);
    }
  }
}
