import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { updateProjectSchema, type ProjectDto } from '@lianzhang/contracts';
import {
  PACE_LABELS,
  PROJECT_STAGES,
  PROJECT_STAGE_LABELS,
  PROJECT_TYPE_LABELS,
  type ProjectStage,
} from '@lianzhang/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { EChartsCoreOption } from 'echarts/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzDividerModule } from 'ng-zorro-antd/divider';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom } from 'rxjs';
import { ChartComponent } from '../../charts/chart.component';
import { LanguageService } from '../../i18n/language.service';
import {
  apiError,
  schemaFieldErrors,
  apiFieldErrors,
  type FieldErrors,
} from '../../forms/field-errors';
import { PACE_TAG_COLOURS, labelOf, paceExplanation } from '../chain-labels';
import { ChainsClient } from '../chains.client';
import { fromIsoDate, toIsoDate } from '../dates';

type Milestone = ProjectDto['milestones'][number];

/**
 * Planned against completed investment (万元), with the share of the planned period gone
 * as a marker of where the completed bar should have reached by now.
 */
export function investmentOption(
  project: ProjectDto,
  texts: {
    readonly planned: string;
    readonly completed: string;
    readonly expected: string;
    readonly unit: string;
  },
): EChartsCoreOption {
  const expected = Math.round(project.plannedInvestment * project.pace.elapsed);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v} ${texts.unit}` },
    grid: { left: 8, right: 48, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: texts.unit },
    yAxis: { type: 'category', data: [texts.completed, texts.planned], inverse: false },
    series: [
      {
        type: 'bar',
        barWidth: 28,
        data: [
          {
            value: project.completedInvestment,
            itemStyle: { color: PACE_BAR_COLOURS[project.pace.colour] },
          },
          { value: project.plannedInvestment, itemStyle: { color: '#bfbfbf' } },
        ],
        label: { show: true, position: 'right' },
        markLine: {
          symbol: 'none',
          label: { formatter: `${texts.expected} ${expected}` },
          lineStyle: { type: 'dashed', color: '#1677ff' },
          data: [{ xAxis: expected }],
        },
      },
    ],
  };
}

const PACE_BAR_COLOURS = { green: '#52c41a', amber: '#faad14', red: '#f5222d' } as const;

/** A key project: facts, investment chart, milestones (actual dates) and the edit form. */
@Component({
  selector: 'lz-project-detail',
  imports: [
    FormsModule,
    ChartComponent,
    NzAlertModule,
    NzButtonModule,
    NzDatePickerModule,
    NzDescriptionsModule,
    NzDividerModule,
    NzFormModule,
    NzInputModule,
    NzInputNumberModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    TranslocoPipe,
  ],
  template: `
    @let p = project();
    <div data-testid="project-detail">
      <nz-descriptions [nzColumn]="2" nzBordered nzSize="small">
        <nz-descriptions-item [nzTitle]="'chains.projects.type' | transloco">
          {{ typeLabel() }}
        </nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="'chains.projects.stage' | transloco">
          {{ stageLabel(p.stage) }}
        </nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="'chains.projects.period' | transloco">
          {{ p.startDate }} → {{ p.endDate }}
        </nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="'chains.projects.pace' | transloco">
          <nz-tag [nzColor]="paceColour()">{{ paceLabel() }}</nz-tag>
        </nz-descriptions-item>
      </nz-descriptions>
      <p class="explain">{{ explanation() }}</p>
      <lz-chart
        data-testid="investment-chart"
        [options]="chartOption()"
        [height]="180"
        [label]="'chains.projects.chartLabel' | transloco"
      />

      <nz-divider [nzText]="'chains.projects.milestones' | transloco" nzOrientation="left" />
      <nz-table
        #milestones
        [nzData]="p.milestones"
        [nzShowPagination]="false"
        [nzPageSize]="100"
        nzSize="small"
        [nzNoResult]="'chains.projects.noMilestones' | transloco"
        data-testid="milestones"
      >
        <thead>
          <tr>
            <th>{{ 'chains.projects.milestone' | transloco }}</th>
            <th>{{ 'chains.projects.plannedDate' | transloco }}</th>
            <th>{{ 'chains.projects.actualDate' | transloco }}</th>
          </tr>
        </thead>
        <tbody>
          @for (milestone of milestones.data; track milestone.id) {
            <tr data-testid="milestone-row">
              <td>{{ milestone.name }}</td>
              <td>
                {{ milestone.plannedDate }}
                @if (late(milestone)) {
                  <nz-tag nzColor="red">{{ 'chains.projects.late' | transloco }}</nz-tag>
                }
              </td>
              <td>
                @if (canEdit()) {
                  <nz-date-picker
                    [nzId]="'milestone-' + milestone.id"
                    [ngModel]="actualDates().get(milestone.id) ?? null"
                    (ngModelChange)="setActual(milestone, $event)"
                    [nzDisabled]="busyMilestone() === milestone.id"
                    [nzPlaceHolder]="'chains.projects.markActual' | transloco"
                    [attr.aria-label]="
                      ('chains.projects.actualDate' | transloco) + ' ' + milestone.name
                    "
                    data-testid="milestone-actual"
                  />
                } @else {
                  {{ milestone.actualDate ?? '—' }}
                }
              </td>
            </tr>
          }
        </tbody>
      </nz-table>

      @if (canEdit()) {
        <nz-divider [nzText]="'chains.projects.edit' | transloco" nzOrientation="left" />
        <form nz-form nzLayout="vertical" (ngSubmit)="save()" data-testid="project-edit">
          @if (formError(); as message) {
            <nz-alert nzType="error" [nzMessage]="message" nzShowIcon class="alert" />
          }
          <nz-form-item>
            <nz-form-label nzFor="project-edit-name" nzRequired>{{
              'chains.projects.name' | transloco
            }}</nz-form-label>
            <nz-form-control
              [nzValidateStatus]="errors()['name'] ? 'error' : ''"
              [nzErrorTip]="errors()['name']"
            >
              <input nz-input id="project-edit-name" name="name" [(ngModel)]="form.name" />
            </nz-form-control>
          </nz-form-item>
          <div class="row">
            <nz-form-item>
              <nz-form-label nzFor="project-edit-stage">{{
                'chains.projects.stage' | transloco
              }}</nz-form-label>
              <nz-form-control
                [nzValidateStatus]="errors()['stage'] ? 'error' : ''"
                [nzErrorTip]="errors()['stage']"
              >
                <nz-select nzId="project-edit-stage" name="stage" [(ngModel)]="form.stage">
                  @for (stage of stages; track stage) {
                    <nz-option [nzValue]="stage" [nzLabel]="stageLabel(stage)" />
                  }
                </nz-select>
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label nzFor="project-edit-completed">{{
                'chains.projects.completedInvestment' | transloco
              }}</nz-form-label>
              <nz-form-control
                [nzValidateStatus]="errors()['completedInvestment'] ? 'error' : ''"
                [nzErrorTip]="errors()['completedInvestment']"
              >
                <nz-input-number
                  nzId="project-edit-completed"
                  name="completed"
                  [nzMin]="0"
                  [(ngModel)]="form.completedInvestment"
                />
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label nzFor="project-edit-end">{{
                'chains.projects.endDate' | transloco
              }}</nz-form-label>
              <nz-form-control
                [nzValidateStatus]="errors()['endDate'] ? 'error' : ''"
                [nzErrorTip]="errors()['endDate']"
              >
                <nz-date-picker nzId="project-edit-end" name="endDate" [(ngModel)]="form.endDate" />
              </nz-form-control>
            </nz-form-item>
          </div>
          <button
            nz-button
            nzType="primary"
            type="submit"
            [nzLoading]="busy()"
            data-testid="project-save"
          >
            {{ 'chains.form.save' | transloco }}
          </button>
        </form>
      }
    </div>
  `,
  styles: `
    nz-input-number {
      width: 100%;
    }
    .explain {
      color: var(--lz-text-secondary);
      font-size: 12px;
      margin: 8px 0;
    }
    .row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(160px, 1fr));
      gap: 0 12px;
    }
    .alert {
      margin-bottom: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectDetailComponent {
  private readonly client = inject(ChainsClient);
  private readonly languages = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);
  private readonly message = inject(NzMessageService);

  readonly project = input.required<ProjectDto>();
  readonly canEdit = input(false);
  readonly changed = output<ProjectDto>();

  protected readonly stages = PROJECT_STAGES;
  protected readonly busy = signal(false);
  protected readonly busyMilestone = signal<string | null>(null);
  protected readonly errors = signal<FieldErrors>({});
  protected readonly formError = signal<string | null>(null);
  protected form = this.formOf(null);

  protected readonly chartOption = computed(() => {
    this.languages.language();
    return investmentOption(this.project(), {
      planned: this.transloco.translate('chains.projects.plannedInvestment'),
      completed: this.transloco.translate('chains.projects.completedInvestment'),
      expected: this.transloco.translate('chains.projects.expectedByNow'),
      unit: this.transloco.translate('chains.projects.unit'),
    });
  });
  protected readonly typeLabel = computed(() =>
    labelOf(PROJECT_TYPE_LABELS, this.project().type, this.languages.language()),
  );
  protected readonly paceLabel = computed(() =>
    labelOf(PACE_LABELS, this.project().pace.colour, this.languages.language()),
  );
  protected readonly paceColour = computed(() => PACE_TAG_COLOURS[this.project().pace.colour]);
  protected readonly explanation = computed(() => {
    this.languages.language();
    const p = this.project();
    const percent =
      p.plannedInvestment > 0 ? Math.round((p.completedInvestment / p.plannedInvestment) * 100) : 0;
    return paceExplanation(this.transloco, percent, p.pace);
  });

  constructor() {
    effect(() => {
      const project = this.project();
      untracked(() => {
        this.form = this.formOf(project);
        this.errors.set({});
        this.formError.set(null);
      });
    });
  }

  /**
   * The milestones' actual dates as picker values, made once per version of the project: a
   * new Date on every check would make the picker write itself back without end.
   */
  protected readonly actualDates = computed(
    () => new Map(this.project().milestones.map((m) => [m.id, fromIsoDate(m.actualDate)])),
  );

  /** A milestone past its planned date with no actual date yet. */
  protected late(milestone: Milestone): boolean {
    return !milestone.actualDate && milestone.plannedDate < (toIsoDate(new Date()) ?? '');
  }

  protected async setActual(milestone: Milestone, date: Date | null): Promise<void> {
    const actualDate = toIsoDate(date) ?? null;
    if (actualDate === milestone.actualDate) return;
    this.busyMilestone.set(milestone.id);
    try {
      const saved = await firstValueFrom(
        this.client.setMilestone(this.project().id, milestone.id, actualDate),
      );
      this.message.success(this.transloco.translate('chains.form.saved'));
      this.changed.emit(saved);
    } catch (error) {
      this.message.error(apiError(error)?.message ?? this.transloco.translate('state.error'));
    } finally {
      this.busyMilestone.set(null);
    }
  }

  protected async save(): Promise<void> {
    const project = this.project();
    const form = this.form;
    const candidate: Record<string, unknown> = { version: project.version };
    if (form.name !== project.name) candidate['name'] = form.name;
    if (form.stage !== project.stage) candidate['stage'] = form.stage;
    if (form.completedInvestment !== project.completedInvestment)
      candidate['completedInvestment'] = form.completedInvestment;
    const end = toIsoDate(form.endDate);
    if (end !== project.endDate) candidate['endDate'] = end;
    const parsed = updateProjectSchema.safeParse(candidate);
    if (!parsed.success) {
      this.errors.set(schemaFieldErrors(parsed.error.issues, this.languages.language()));
      return;
    }
    this.errors.set({});
    this.formError.set(null);
    this.busy.set(true);
    try {
      const saved = await firstValueFrom(this.client.updateProject(project.id, parsed.data));
      this.message.success(this.transloco.translate('chains.form.saved'));
      this.changed.emit(saved);
    } catch (error) {
      const body = apiError(error);
      const fields = apiFieldErrors(body?.details);
      if (Object.keys(fields).length) this.errors.set(fields);
      else if (body?.code === 'CONFLICT') {
        this.message.error(body.message);
        const fresh = await firstValueFrom(this.client.projects(project.chainId)).catch(() => null);
        const current = fresh?.find((p) => p.id === project.id);
        if (current) this.changed.emit(current);
      } else this.formError.set(body?.message ?? this.transloco.translate('state.error'));
    } finally {
      this.busy.set(false);
    }
  }

  private formOf(project: ProjectDto | null) {
    return {
      name: project?.name ?? '',
      stage: (project?.stage ?? 'signed') as ProjectStage,
      completedInvestment: project?.completedInvestment ?? 0,
      endDate: fromIsoDate(project?.endDate),
    } as { name: string; stage: ProjectStage; completedInvestment: number; endDate: Date | null };
  }

  protected stageLabel(stage: ProjectStage): string {
    return labelOf(PROJECT_STAGE_LABELS, stage, this.languages.language());
  }
}
