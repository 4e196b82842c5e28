import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import {
  createOrganisationSchema,
  creditCodeSchema,
  updateOrganisationSchema,
  type OrganisationDto,
} from '@lianzhang/contracts';
import {
  ORGANISATION_KIND_LABELS,
  ORGANISATION_KINDS,
  type OrganisationKind,
} from '@lianzhang/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import type { z } from 'zod';
import { LanguageService } from '../../i18n/language.service';
import {
  apiError,
  apiFieldErrors,
  schemaFieldErrors,
  type FieldErrors,
} from '../../forms/field-errors';
import { AdminClient } from '../admin.client';
import { ReferenceStore } from '../reference.store';

interface OrganisationModel {
  readonly name: string;
  readonly kind: OrganisationKind | null;
  readonly creditCode: string;
  readonly regionCode: string | null;
}

function modelOf(organisation: OrganisationDto | null): OrganisationModel {
  return {
    name: organisation?.name ?? '',
    kind: organisation?.kind ?? null,
    creditCode: organisation?.creditCode ?? '',
    regionCode: organisation?.regionCode ?? null,
  };
}

/**
 * A new organisation or a change to one. An enterprise needs its 统一社会信用代码, whose
 * check character the shared contract verifies as soon as the field is left.
 */
@Component({
  selector: 'lz-organisation-form',
  imports: [
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    NzSelectModule,
    TranslocoPipe,
  ],
  template: `
    <form nz-form nzLayout="vertical" (ngSubmit)="submit()" data-testid="organisation-form">
      @if (failure(); as message) {
        <nz-alert nzType="error" nzShowIcon [nzMessage]="message" class="alert" role="alert" />
      }
      <nz-form-item>
        <nz-form-label nzFor="organisation-name" nzRequired>{{
          'admin.organisations.name' | transloco
        }}</nz-form-label>
        <nz-form-control
          [nzValidateStatus]="errors()['name'] ? 'error' : ''"
          [nzErrorTip]="errors()['name']"
        >
          <input
            nz-input
            id="organisation-name"
            name="name"
            [ngModel]="model().name"
            (ngModelChange)="set('name', $event)"
          />
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-label nzFor="organisation-kind" nzRequired>{{
          'admin.organisations.kind' | transloco
        }}</nz-form-label>
        <nz-form-control
          [nzValidateStatus]="errors()['kind'] ? 'error' : ''"
          [nzErrorTip]="errors()['kind']"
          [nzExtra]="organisation() ? ('admin.organisations.kindFixed' | transloco) : ''"
        >
          <nz-select
            nzId="organisation-kind"
            name="kind"
            [nzDisabled]="!!organisation()"
            [ngModel]="model().kind"
            (ngModelChange)="set('kind', $event)"
          >
            @for (kind of kinds; track kind) {
              <nz-option [nzValue]="kind" [nzLabel]="kindLabel(kind)" />
            }
          </nz-select>
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-label
          nzFor="organisation-credit-code"
          [nzRequired]="model().kind === 'enterprise'"
          >{{ 'admin.organisations.creditCode' | transloco }}</nz-form-label
        >
        <nz-form-control
          [nzValidateStatus]="errors()['creditCode'] ? 'error' : ''"
          [nzErrorTip]="errors()['creditCode']"
        >
          <input
            nz-input
            id="organisation-credit-code"
            name="creditCode"
            maxlength="18"
            autocomplete="off"
            class="code"
            [ngModel]="model().creditCode"
            (ngModelChange)="set('creditCode', $event)"
            (blur)="checkCreditCode()"
          />
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-label nzFor="organisation-region" nzRequired>{{
          'admin.organisations.region' | transloco
        }}</nz-form-label>
        <nz-form-control
          [nzValidateStatus]="errors()['regionCode'] ? 'error' : ''"
          [nzErrorTip]="errors()['regionCode']"
        >
          <nz-select
            nzId="organisation-region"
            name="regionCode"
            nzShowSearch
            [ngModel]="model().regionCode"
            (ngModelChange)="set('regionCode', $event)"
          >
            @for (region of reference.regions(); track region.code) {
              <nz-option [nzValue]="region.code" [nzLabel]="reference.regionName(region.code)" />
            }
          </nz-select>
        </nz-form-control>
      </nz-form-item>
      <div class="actions">
        <button nz-button type="button" (click)="cancelled.emit()">
          {{ 'admin.cancel' | transloco }}
        </button>
        <button
          nz-button
          nzType="primary"
          type="submit"
          [nzLoading]="busy()"
          data-testid="organisation-save"
        >
          {{ (organisation() ? 'admin.save' : 'admin.organisations.create') | transloco }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .alert {
      margin-bottom: 16px;
    }
    .code {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      letter-spacing: 0.05em;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganisationFormComponent {
  private readonly client = inject(AdminClient);
  private readonly languages = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);
  protected readonly reference = inject(ReferenceStore);

  readonly organisation = input<OrganisationDto | null>(null);
  readonly saved = output<OrganisationDto>();
  readonly cancelled = output<void>();

  protected readonly kinds = ORGANISATION_KINDS;
  protected readonly model = linkedSignal(() => modelOf(this.organisation()));
  protected readonly errors = linkedSignal<FieldErrors>(() => (this.organisation(), {}));
  protected readonly failure = signal<string | null>(null);
  protected readonly busy = signal(false);

  constructor() {
    void this.reference.loadRegions();
  }

  protected kindLabel(kind: OrganisationKind): string {
    return ORGANISATION_KIND_LABELS[kind][this.languages.language()];
  }

  protected set<K extends keyof OrganisationModel>(field: K, value: OrganisationModel[K]): void {
    this.model.update((model) => ({ ...model, [field]: value }));
    if (this.errors()[field]) {
      this.errors.update((errors) =>
        Object.fromEntries(Object.entries(errors).filter(([path]) => path !== field)),
      );
    }
  }

  /** The check character is verified when the field is left, not at every keystroke. */
  protected checkCreditCode(): void {
    const code = this.model().creditCode.trim();
    if (!code) return;
    const parsed = creditCodeSchema.safeParse(code);
    if (parsed.success) return;
    const message = schemaFieldErrors(parsed.error.issues, this.languages.language())[''];
    if (message) this.errors.update((errors) => ({ ...errors, creditCode: message }));
  }

  async submit(): Promise<void> {
    const model = this.model();
    const creditCode = model.creditCode.trim() || undefined;
    const organisation = this.organisation();
    if (organisation) {
      const parsed = updateOrganisationSchema.safeParse({
        version: organisation.version,
        name: model.name,
        ...(creditCode && creditCode !== organisation.creditCode ? { creditCode } : {}),
        regionCode: model.regionCode ?? undefined,
      });
      if (this.checked(parsed)) {
        await this.send(() => this.client.updateOrganisation(organisation.id, parsed.data));
      }
    } else {
      const parsed = createOrganisationSchema.safeParse({
        name: model.name,
        kind: model.kind ?? undefined,
        creditCode,
        regionCode: model.regionCode ?? undefined,
      });
      if (this.checked(parsed)) await this.send(() => this.client.createOrganisation(parsed.data));
    }
  }

  private checked<T>(parsed: z.ZodSafeParseResult<T>): parsed is z.ZodSafeParseSuccess<T> {
    this.errors.set(
      parsed.success ? {} : schemaFieldErrors(parsed.error.issues, this.languages.language()),
    );
    this.failure.set(null);
    return parsed.success;
  }

  private async send(call: () => Promise<OrganisationDto>): Promise<void> {
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
