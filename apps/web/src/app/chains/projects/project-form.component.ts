import {
  ChangeDetectionStrategy,
  Component,
  inject,
  output,
  signal,
  type OnInit,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { createProjectSchema, type ProjectDto, type RegionDto } from '@lianzhang/contracts';
import { PROJECT_TYPES, PROJECT_TYPE_LABELS, type ProjectType } from '@lianzhang/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../../i18n/language.service';
import {
  apiError,
  schemaFieldErrors,
  apiFieldErrors,
  type FieldErrors,
} from '../../forms/field-errors';
import { labelOf } from '../chain-labels';
import { ChainStore } from '../chain.store';
import { ChainsClient } from '../chains.client';
import { toIsoDate } from '../dates';

interface MilestoneRow {
  key: number;
  name: string;
  plannedDate: Date | null;
}

/** A new key project with its milestones, checked with the shared schema before it is sent. */
@Component({
  selector: 'lz-project-form',
  imports: [
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzDatePickerModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzInputNumberModule,
    NzSelectModule,
    TranslocoPipe,
  ],
  template: `
    <form nz-form nzLayout="vertical" (ngSubmit)="submit()" data-testid="project-form">
      @if (formError(); as message) {
        <nz-alert nzType="error" [nzMessage]="message" nzShowIcon class="alert" />
      }
      <nz-form-item>
        <nz-form-label nzFor="project-name" nzRequired>{{
          'chains.projects.name' | transloco
        }}</nz-form-label>
        <nz-form-control
          [nzValidateStatus]="errors()['name'] ? 'error' : ''"
          [nzErrorTip]="errors()['name']"
        >
          <input nz-input id="project-name" name="name" [(ngModel)]="name" />
        </nz-form-control>
      </nz-form-item>
      <div class="row">
        <nz-form-item>
          <nz-form-label nzFor="project-type" nzRequired>{{
            'chains.projects.type' | transloco
          }}</nz-form-label>
          <nz-form-control
            [nzValidateStatus]="errors()['type'] ? 'error' : ''"
            [nzErrorTip]="errors()['type']"
          >
            <nz-select nzId="project-type" name="type" [(ngModel)]="type">
              @for (value of types; track value) {
                <nz-option [nzValue]="value" [nzLabel]="typeLabel(value)" />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzFor="project-region" nzRequired>{{
            'chains.projects.region' | transloco
          }}</nz-form-label>
          <nz-form-control
            [nzValidateStatus]="errors()['regionCode'] ? 'error' : ''"
            [nzErrorTip]="errors()['regionCode']"
          >
            <nz-select nzId="project-region" name="region" nzShowSearch [(ngModel)]="regionCode">
              @for (region of regions(); track region.code) {
                <nz-option [nzValue]="region.code" [nzLabel]="regionName(region)" />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzFor="project-owner" nzRequired>{{
            'chains.projects.owner' | transloco
          }}</nz-form-label>
          <nz-form-control
            [nzValidateStatus]="errors()['ownerOrganisationId'] ? 'error' : ''"
            [nzErrorTip]="errors()['ownerOrganisationId']"
          >
            <nz-select nzId="project-owner" name="owner" nzShowSearch [(ngModel)]="ownerId">
              @for (member of store.memberList(); track member.organisationId) {
                <nz-option [nzValue]="member.organisationId" [nzLabel]="member.name" />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
      </div>
      <div class="row">
        <nz-form-item>
          <nz-form-label nzFor="project-planned" nzRequired>{{
            'chains.projects.plannedInvestmentUnit' | transloco
          }}</nz-form-label>
          <nz-form-control
            [nzValidateStatus]="errors()['plannedInvestment'] ? 'error' : ''"
            [nzErrorTip]="errors()['plannedInvestment']"
          >
            <nz-input-number
              nzId="project-planned"
              name="planned"
              [nzMin]="0"
              [(ngModel)]="plannedInvestment"
            />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzFor="project-start" nzRequired>{{
            'chains.projects.startDate' | transloco
          }}</nz-form-label>
          <nz-form-control
            [nzValidateStatus]="errors()['startDate'] ? 'error' : ''"
            [nzErrorTip]="errors()['startDate']"
          >
            <nz-date-picker nzId="project-start" name="startDate" [(ngModel)]="startDate" />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzFor="project-end" nzRequired>{{
            'chains.projects.endDate' | transloco
          }}</nz-form-label>
          <nz-form-control
            [nzValidateStatus]="errors()['endDate'] ? 'error' : ''"
            [nzErrorTip]="errors()['endDate']"
          >
            <nz-date-picker nzId="project-end" name="endDate" [(ngModel)]="endDate" />
          </nz-form-control>
        </nz-form-item>
      </div>
      <fieldset class="milestones" data-testid="project-milestones">
        <legend>{{ 'chains.projects.milestones' | transloco }}</legend>
        @for (row of milestones(); track row.key; let i = $index) {
          <div class="milestone">
            <nz-form-item>
              <nz-form-label [nzFor]="'milestone-name-' + row.key">{{
                'chains.projects.milestone' | transloco
              }}</nz-form-label>
              <nz-form-control
                [nzValidateStatus]="errors()['milestones.' + i + '.name'] ? 'error' : ''"
                [nzErrorTip]="errors()['milestones.' + i + '.name']"
              >
                <input
                  nz-input
                  [id]="'milestone-name-' + row.key"
                  [name]="'milestone-name-' + row.key"
                  [(ngModel)]="row.name"
                />
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label [nzFor]="'milestone-date-' + row.key">{{
                'chains.projects.plannedDate' | transloco
              }}</nz-form-label>
              <nz-form-control
                [nzValidateStatus]="errors()['milestones.' + i + '.plannedDate'] ? 'error' : ''"
                [nzErrorTip]="errors()['milestones.' + i + '.plannedDate']"
              >
                <nz-date-picker
                  [nzId]="'milestone-date-' + row.key"
                  [name]="'milestone-date-' + row.key"
                  [(ngModel)]="row.plannedDate"
                />
              </nz-form-control>
            </nz-form-item>
            <button
              nz-button
              type="button"
              nzDanger
              class="remove"
              (click)="removeMilestone(row.key)"
              [attr.aria-label]="'chains.projects.removeMilestone' | transloco"
            >
              <nz-icon nzType="delete" />
            </button>
          </div>
        }
        <button
          nz-button
          nzType="dashed"
          type="button"
          (click)="addMilestone()"
          data-testid="milestone-add"
        >
          <nz-icon nzType="plus" /> <span>{{ 'chains.projects.addMilestone' | transloco }}</span>
        </button>
      </fieldset>
      <div class="actions">
        <button nz-button type="button" (click)="cancelled.emit()">
          {{ 'chains.form.cancel' | transloco }}
        </button>
        <button
          nz-button
          nzType="primary"
          type="submit"
          [nzLoading]="busy()"
          data-testid="project-submit"
        >
          {{ 'chains.form.create' | transloco }}
        </button>
      </div>
    </form>
  `,
  styles: `
    nz-input-number {
      width: 100%;
    }
    .row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(160px, 1fr));
      gap: 0 12px;
    }
    .milestones {
      border: 1px solid #f0f0f0;
      padding: 8px 12px 12px;
      margin-bottom: 16px;
    }
    .milestones legend {
      font-size: 14px;
      width: auto;
      padding: 0 4px;
      margin: 0;
      border: 0;
    }
    .milestone {
      display: grid;
      grid-template-columns: 1fr 180px auto;
      gap: 0 8px;
      align-items: end;
    }
    .milestone .remove {
      margin-bottom: 24px;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
    .alert {
      margin-bottom: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectFormComponent implements OnInit {
  protected readonly store = inject(ChainStore);
  private readonly client = inject(ChainsClient);
  private readonly languages = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);

  readonly created = output<ProjectDto>();
  readonly cancelled = output<void>();

  protected readonly types = PROJECT_TYPES;
  protected readonly regions = signal<readonly RegionDto[]>([]);
  protected readonly milestones = signal<MilestoneRow[]>([]);
  protected readonly busy = signal(false);
  protected readonly errors = signal<FieldErrors>({});
  protected readonly formError = signal<string | null>(null);
  private nextKey = 1;

  protected name = '';
  protected type: ProjectType | null = null;
  protected regionCode: string | null = this.store.chain()?.regionCode ?? null;
  protected ownerId: string | null = null;
  protected plannedInvestment: number | null = null;
  protected startDate: Date | null = null;
  protected endDate: Date | null = null;

  ngOnInit(): void {
    firstValueFrom(this.client.regions())
      .then((regions) => this.regions.set(regions.filter((r) => r.level !== 'province')))
      .catch(() => undefined);
  }

  protected addMilestone(): void {
    this.milestones.update((rows) => [
      ...rows,
      { key: this.nextKey++, name: '', plannedDate: null },
    ]);
  }

  protected removeMilestone(key: number): void {
    this.milestones.update((rows) => rows.filter((r) => r.key !== key));
  }

  async submit(): Promise<void> {
    const id = this.store.id();
    if (!id) return;
    const parsed = createProjectSchema.safeParse({
      name: this.name,
      type: this.type ?? undefined,
      regionCode: this.regionCode ?? undefined,
      ownerOrganisationId: this.ownerId ?? undefined,
      plannedInvestment: this.plannedInvestment ?? undefined,
      startDate: toIsoDate(this.startDate),
      endDate: toIsoDate(this.endDate),
      milestones: this.milestones().length
        ? this.milestones().map((m) => ({ name: m.name, plannedDate: toIsoDate(m.plannedDate) }))
        : undefined,
    });
    if (!parsed.success) {
      this.errors.set(schemaFieldErrors(parsed.error.issues, this.languages.language()));
      return;
    }
    this.errors.set({});
    this.formError.set(null);
    this.busy.set(true);
    try {
      this.created.emit(await firstValueFrom(this.client.createProject(id, parsed.data)));
    } catch (error) {
      const body = apiError(error);
      const fields = apiFieldErrors(body?.details);
      if (Object.keys(fields).length) this.errors.set(fields);
      else this.formError.set(body?.message ?? this.transloco.translate('state.error'));
    } finally {
      this.busy.set(false);
    }
  }

  protected typeLabel(type: ProjectType): string {
    return labelOf(PROJECT_TYPE_LABELS, type, this.languages.language());
  }

  protected regionName(region: RegionDto): string {
    return this.languages.language() === 'en' ? region.nameEn : region.nameZh;
  }
}
