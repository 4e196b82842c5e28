import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { z } from 'zod';
import { createUserSchema, updateUserSchema, type UserDto } from '@lianzhang/contracts';
import { PASSWORD_POLICY_MESSAGE, ROLE_LABELS, ROLES, type Role } from '@lianzhang/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { LanguageService } from '../../i18n/language.service';
import {
  apiError,
  apiFieldErrors,
  schemaFieldErrors,
  type FieldErrors,
} from '../../forms/field-errors';
import { AdminClient } from '../admin.client';
import { OrganisationSelectComponent } from '../organisation-select.component';
import { ReferenceStore } from '../reference.store';

interface UserModel {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role | null;
  readonly organisationId: string | null;
  readonly regionCode: string | null;
  readonly password: string;
  readonly active: boolean;
}

function modelOf(user: UserDto | null): UserModel {
  return {
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    role: user?.role ?? null,
    organisationId: user?.organisationId ?? null,
    regionCode: user?.regionCode ?? null,
    password: '',
    active: user?.active ?? true,
  };
}

/**
 * A new user (user name, password) or a change to one (name, role, organisation, city,
 * active). Checked with the shared contract before it is sent; the api's field errors
 * (a taken user name, a city coordinator without a city) show beside their fields.
 */
@Component({
  selector: 'lz-user-form',
  imports: [
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    NzSelectModule,
    NzSwitchModule,
    OrganisationSelectComponent,
    TranslocoPipe,
  ],
  template: `
    <form nz-form nzLayout="vertical" (ngSubmit)="submit()" data-testid="user-form">
      @if (failure(); as message) {
        <nz-alert nzType="error" nzShowIcon [nzMessage]="message" class="alert" role="alert" />
      }
      @if (!user()) {
        <nz-form-item>
          <nz-form-label nzFor="user-username" nzRequired>{{
            'admin.users.username' | transloco
          }}</nz-form-label>
          <nz-form-control
            [nzValidateStatus]="errors()['username'] ? 'error' : ''"
            [nzErrorTip]="errors()['username']"
          >
            <input
              nz-input
              id="user-username"
              name="username"
              autocomplete="off"
              [ngModel]="model().username"
              (ngModelChange)="set('username', $event)"
            />
          </nz-form-control>
        </nz-form-item>
      }
      <nz-form-item>
        <nz-form-label nzFor="user-display-name" nzRequired>{{
          'admin.users.displayName' | transloco
        }}</nz-form-label>
        <nz-form-control
          [nzValidateStatus]="errors()['displayName'] ? 'error' : ''"
          [nzErrorTip]="errors()['displayName']"
        >
          <input
            nz-input
            id="user-display-name"
            name="displayName"
            [ngModel]="model().displayName"
            (ngModelChange)="set('displayName', $event)"
          />
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-label nzFor="user-role" nzRequired>{{
          'admin.users.role' | transloco
        }}</nz-form-label>
        <nz-form-control
          [nzValidateStatus]="errors()['role'] ? 'error' : ''"
          [nzErrorTip]="errors()['role']"
        >
          <nz-select
            nzId="user-role"
            name="role"
            [ngModel]="model().role"
            (ngModelChange)="set('role', $event)"
            data-testid="user-role"
          >
            @for (role of roles; track role) {
              <nz-option [nzValue]="role" [nzLabel]="roleLabel(role)" />
            }
          </nz-select>
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-label nzFor="user-organisation" nzRequired>{{
          'admin.users.organisation' | transloco
        }}</nz-form-label>
        <nz-form-control
          [nzValidateStatus]="errors()['organisationId'] ? 'error' : ''"
          [nzErrorTip]="errors()['organisationId']"
        >
          <lz-organisation-select
            inputId="user-organisation"
            [invalid]="!!errors()['organisationId']"
            [value]="model().organisationId"
            (valueChange)="set('organisationId', $event)"
          />
        </nz-form-control>
      </nz-form-item>
      @if (model().role === 'city_coordinator') {
        <nz-form-item>
          <nz-form-label nzFor="user-region" nzRequired>{{
            'admin.users.city' | transloco
          }}</nz-form-label>
          <nz-form-control
            [nzValidateStatus]="errors()['regionCode'] ? 'error' : ''"
            [nzErrorTip]="errors()['regionCode']"
          >
            <nz-select
              nzId="user-region"
              name="regionCode"
              nzShowSearch
              [ngModel]="model().regionCode"
              (ngModelChange)="set('regionCode', $event)"
            >
              @for (city of reference.cities(); track city.code) {
                <nz-option [nzValue]="city.code" [nzLabel]="reference.regionName(city.code)" />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
      }
      @if (!user()) {
        <nz-form-item>
          <nz-form-label nzFor="user-password" nzRequired>{{
            'admin.users.initialPassword' | transloco
          }}</nz-form-label>
          <nz-form-control
            [nzValidateStatus]="errors()['password'] ? 'error' : ''"
            [nzErrorTip]="errors()['password']"
            [nzExtra]="passwordPolicy()"
          >
            <input
              nz-input
              id="user-password"
              name="password"
              type="password"
              autocomplete="new-password"
              [ngModel]="model().password"
              (ngModelChange)="set('password', $event)"
            />
          </nz-form-control>
        </nz-form-item>
      } @else {
        <nz-form-item>
          <nz-form-label nzFor="user-active">{{ 'admin.users.active' | transloco }}</nz-form-label>
          <nz-form-control [nzExtra]="'admin.users.deactivateHint' | transloco">
            <nz-switch
              nzId="user-active"
              name="active"
              [ngModel]="model().active"
              (ngModelChange)="set('active', $event)"
            />
          </nz-form-control>
        </nz-form-item>
      }
      <div class="actions">
        <button nz-button type="button" (click)="cancelled.emit()">
          {{ 'admin.cancel' | transloco }}
        </button>
        <button
          nz-button
          nzType="primary"
          type="submit"
          [nzLoading]="busy()"
          data-testid="user-save"
        >
          {{ (user() ? 'admin.save' : 'admin.users.create') | transloco }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .alert {
      margin-bottom: 16px;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserFormComponent {
  private readonly client = inject(AdminClient);
  private readonly languages = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);
  protected readonly reference = inject(ReferenceStore);

  /** The user to change; null for a new one. */
  readonly user = input<UserDto | null>(null);
  readonly saved = output<UserDto>();
  readonly cancelled = output<void>();

  protected readonly roles = ROLES;
  protected readonly model = linkedSignal(() => modelOf(this.user()));
  protected readonly errors = linkedSignal<FieldErrors>(() => (this.user(), {}));
  protected readonly failure = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly passwordPolicy = computed(
    () => PASSWORD_POLICY_MESSAGE[this.languages.language()],
  );

  constructor() {
    void this.reference.loadRegions();
  }

  protected set<K extends keyof UserModel>(field: K, value: UserModel[K]): void {
    this.model.update((model) => ({ ...model, [field]: value }));
    if (this.errors()[field]) {
      this.errors.update((errors) =>
        Object.fromEntries(Object.entries(errors).filter(([path]) => path !== field)),
      );
    }
  }

  protected roleLabel(role: Role): string {
    return ROLE_LABELS[role][this.languages.language()];
  }

  async submit(): Promise<void> {
    const user = this.user();
    const model = this.model();
    // A city only for a city coordinator, and then one is needed (the api says so too).
    const regionCode = model.role === 'city_coordinator' ? model.regionCode : null;
    const extra: Record<string, string> = {};
    if (model.role === 'city_coordinator' && !regionCode) {
      extra['regionCode'] = this.transloco.translate('admin.users.cityRequired');
    }
    const common = {
      displayName: model.displayName,
      role: model.role ?? undefined,
      organisationId: model.organisationId ?? undefined,
      regionCode,
    };
    if (user) {
      const parsed = updateUserSchema.safeParse({
        version: user.version,
        ...common,
        active: model.active,
      });
      if (this.checked(parsed, extra))
        await this.send(() => this.client.updateUser(user.id, parsed.data));
    } else {
      const parsed = createUserSchema.safeParse({
        username: model.username,
        ...common,
        password: model.password,
      });
      if (this.checked(parsed, extra)) await this.send(() => this.client.createUser(parsed.data));
    }
  }

  /** Shows the contract's errors (and ours); true when there are none. */
  private checked<T>(
    parsed: z.ZodSafeParseResult<T>,
    extra: Readonly<Record<string, string>>,
  ): parsed is z.ZodSafeParseSuccess<T> {
    const errors = {
      ...extra,
      ...(parsed.success ? {} : schemaFieldErrors(parsed.error.issues, this.languages.language())),
    };
    this.errors.set(errors);
    this.failure.set(null);
    return parsed.success && Object.keys(errors).length === 0;
  }

  private async send(call: () => Promise<UserDto>): Promise<void> {
    this.busy.set(true);
    try {
      this.saved.emit(await call());
    } catch (error) {
      const body = apiError(error);
      if (body?.details.length) this.errors.set(apiFieldErrors(body.details));
      else this.failure.set(body?.message || this.transloco.translate('state.error'));
    } finally {
      this.busy.set(false);
    }
  }
}
