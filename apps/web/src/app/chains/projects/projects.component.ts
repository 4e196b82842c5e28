import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  type OnInit,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { ProjectDto } from '@lianzhang/contracts';
import {
  PACE_LABELS,
  PROJECT_STAGE_LABELS,
  PROJECT_TYPE_LABELS,
  type PaceColour,
  type ProjectStage,
  type ProjectType,
} from '@lianzhang/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../../i18n/language.service';
import { PACE_TAG_COLOURS, labelOf, paceExplanation } from '../chain-labels';
import { ChainStore } from '../chain.store';
import { ChainsClient } from '../chains.client';
import { ProjectDetailComponent } from './project-detail.component';
import { ProjectFormComponent } from './project-form.component';

const TYPE_COLOURS: Readonly<Record<ProjectType, string>> = {
  build: 'blue',
  fill: 'volcano',
  extend: 'cyan',
  strengthen: 'purple',
};

/**
 * 重点项目: 建链 / 补链 / 延链 / 强链 projects with their stage, investment done against
 * planned (万元) and pace; a row opens milestones and the investment chart (`?project=`).
 */
@Component({
  selector: 'lz-chain-projects',
  imports: [
    RouterLink,
    NzButtonModule,
    NzCardModule,
    NzDrawerModule,
    NzIconModule,
    NzProgressModule,
    NzResultModule,
    NzTableModule,
    NzTagModule,
    NzTooltipModule,
    ProjectDetailComponent,
    ProjectFormComponent,
    TranslocoPipe,
  ],
  template: `
    <nz-card
      [nzTitle]="'chains.projects.title' | transloco"
      [nzExtra]="extra"
      data-testid="projects"
    >
      @if (failed()) {
        <nz-result nzStatus="warning" [nzTitle]="'state.error' | transloco">
          <div nz-result-extra>
            <button nz-button (click)="load()">{{ 'state.retry' | transloco }}</button>
          </div>
        </nz-result>
      } @else {
        <nz-table
          #table
          [nzData]="projects()"
          [nzLoading]="loading()"
          [nzNoResult]="'chains.projects.empty' | transloco"
          [nzPageSize]="20"
          nzSize="middle"
          [nzScroll]="{ x: '980px' }"
        >
          <thead>
            <tr>
              <th>{{ 'chains.projects.name' | transloco }}</th>
              <th>{{ 'chains.projects.type' | transloco }}</th>
              <th>{{ 'chains.projects.stage' | transloco }}</th>
              <th nzWidth="220px">{{ 'chains.projects.investment' | transloco }}</th>
              <th>{{ 'chains.projects.pace' | transloco }}</th>
              <th>{{ 'chains.projects.period' | transloco }}</th>
              <th>{{ 'chains.projects.owner' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (project of table.data; track project.id) {
              <tr data-testid="project-row">
                <td>
                  <a
                    [routerLink]="[]"
                    [queryParams]="{ project: project.id }"
                    queryParamsHandling="merge"
                    (click)="selectedId.set(project.id)"
                    data-testid="project-open"
                    >{{ project.name }}</a
                  >
                </td>
                <td>
                  <nz-tag [nzColor]="typeColour(project.type)">{{
                    typeLabel(project.type)
                  }}</nz-tag>
                </td>
                <td>{{ stageLabel(project.stage) }}</td>
                <td>
                  <div class="investment">
                    {{ project.completedInvestment }} / {{ project.plannedInvestment }}
                    {{ 'chains.projects.unit' | transloco }}
                  </div>
                  <nz-progress [nzPercent]="investmentPercent(project)" nzSize="small" />
                </td>
                <td>
                  <nz-tag
                    [nzColor]="paceColour(project.pace.colour)"
                    nz-tooltip
                    [nzTooltipTitle]="paceExplanation(project)"
                    data-testid="pace"
                    >{{ paceLabel(project.pace.colour) }}</nz-tag
                  >
                </td>
                <td>{{ project.startDate }} → {{ project.endDate }}</td>
                <td>{{ ownerName(project.ownerOrganisationId) }}</td>
              </tr>
            }
          </tbody>
        </nz-table>
      }
    </nz-card>
    <ng-template #extra>
      @if (store.canEdit()) {
        <button
          nz-button
          nzType="primary"
          (click)="creating.set(true)"
          data-testid="project-create"
        >
          <nz-icon nzType="plus" /> <span>{{ 'chains.projects.create' | transloco }}</span>
        </button>
      }
    </ng-template>
    <nz-drawer
      [nzVisible]="selected() !== null"
      [nzTitle]="selected()?.name ?? ''"
      [nzWidth]="drawerWidth"
      (nzOnClose)="open(null)"
    >
      <ng-container *nzDrawerContent>
        @if (selected(); as project) {
          <lz-project-detail
            [project]="project"
            [canEdit]="store.canEdit()"
            (changed)="replace($event)"
          />
        }
      </ng-container>
    </nz-drawer>
    <nz-drawer
      [nzVisible]="creating()"
      [nzTitle]="'chains.projects.create' | transloco"
      [nzWidth]="drawerWidth"
      (nzOnClose)="creating.set(false)"
    >
      <ng-container *nzDrawerContent>
        @if (creating()) {
          <lz-project-form (created)="created($event)" (cancelled)="creating.set(false)" />
        }
      </ng-container>
    </nz-drawer>
  `,
  styles: `
    .investment {
      font-size: 12px;
      color: rgba(0, 0, 0, 0.65);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectsComponent implements OnInit {
  protected readonly store = inject(ChainStore);
  private readonly client = inject(ChainsClient);
  private readonly languages = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);
  private readonly router = inject(Router);

  /** `?project=` of the address: the project whose detail is open. */
  readonly project = input<string>();

  protected readonly drawerWidth = 'min(720px, 100vw)';
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly projects = signal<readonly ProjectDto[]>([]);
  protected readonly selectedId = signal<string | null>(null);
  protected readonly creating = signal(false);
  protected readonly selected = computed(
    () => this.projects().find((p) => p.id === this.selectedId()) ?? null,
  );
  private readonly owners = computed(
    () => new Map(this.store.memberList().map((m) => [m.organisationId, m.name])),
  );

  constructor() {
    effect(() => {
      const project = this.project() ?? null;
      untracked(() => this.selectedId.set(project));
    });
  }

  ngOnInit(): void {
    void this.load();
  }

  async load(): Promise<void> {
    const id = this.store.id();
    if (!id) return;
    this.loading.set(true);
    this.failed.set(false);
    try {
      this.projects.set(await firstValueFrom(this.client.projects(id)));
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  protected open(id: string | null): void {
    this.selectedId.set(id);
    void this.router.navigate([], {
      queryParams: { project: id },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected replace(project: ProjectDto): void {
    this.projects.update((list) => list.map((p) => (p.id === project.id ? project : p)));
  }

  protected created(project: ProjectDto): void {
    this.creating.set(false);
    this.projects.update((list) => [...list, project]);
    void this.store.loadDetail();
    this.open(project.id);
  }

  protected investmentPercent(project: ProjectDto): number {
    if (project.plannedInvestment <= 0) return 0;
    return Math.min(
      100,
      Math.round((project.completedInvestment / project.plannedInvestment) * 100),
    );
  }

  protected ownerName(organisationId: string): string {
    return this.owners().get(organisationId) ?? '—';
  }

  protected typeLabel(type: ProjectType): string {
    return labelOf(PROJECT_TYPE_LABELS, type, this.languages.language());
  }

  protected typeColour(type: ProjectType): string {
    return TYPE_COLOURS[type];
  }

  protected stageLabel(stage: ProjectStage): string {
    return labelOf(PROJECT_STAGE_LABELS, stage, this.languages.language());
  }

  protected paceLabel(colour: PaceColour): string {
    return labelOf(PACE_LABELS, colour, this.languages.language());
  }

  protected paceColour(colour: PaceColour): string {
    return PACE_TAG_COLOURS[colour];
  }

  protected paceExplanation(project: ProjectDto): string {
    return paceExplanation(this.transloco, this.investmentPercent(project), project.pace);
  }
}
