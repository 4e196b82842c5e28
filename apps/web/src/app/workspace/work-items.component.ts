import { WarningFill } from '@ant-design/icons-angular/icons';
import { DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  inject,
  signal,
  viewChild,
  type OnInit,
} from '@angular/core';
import type { ProjectDto, ShortBoardDto } from '@lianzhang/contracts';
import {
  PACE_LABELS,
  PROJECT_STAGE_LABELS,
  PROJECT_TYPE_LABELS,
  SHORT_BOARD_CATEGORY_LABELS,
  SHORT_BOARD_STATUS_LABELS,
  type PaceColour,
} from '@lianzhang/domain';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { LanguageService } from '../i18n/language.service';
import { ReportFormComponent } from '../tasks/report-form.component';
import { ReportListComponent } from '../tasks/report-list.component';
import { PACE_COLOURS } from '../tasks/task-labels';
import type { ReportSubject } from '../tasks/task.client';
import { WorkspaceClient } from './workspace.client';
import { WorkspaceStore, type Loadable } from './workspace.store';

interface WorkItems {
  readonly shortBoards: readonly ShortBoardDto[];
  readonly projects: readonly ProjectDto[];
}

/**
 * 我的短板 / 我的项目: the short boards and key projects the enterprise owns, in every chain
 * it belongs to, each with its reports and a form to report progress.
 */
@Component({
  selector: 'lz-workspace-work-items',
  imports: [
    DecimalPipe,
    NzButtonModule,
    NzCardModule,
    NzEmptyModule,
    NzProgressModule,
    NzResultModule,
    NzSpinModule,
    NzTagModule,
    ReportFormComponent,
    ReportListComponent,
    TranslocoPipe,
  ],
  providers: [provideNzIconsPatch([WarningFill])],
  template: `
    @switch (items().status) {
      @case ('loading') {
        <div class="center"><nz-spin nzSimple [nzTip]="'state.loading' | transloco" /></div>
      }
      @case ('error') {
        <nz-result
          nzStatus="warning"
          [nzTitle]="'state.error' | transloco"
          data-testid="work-items-error"
        >
          <div nz-result-extra>
            <button nz-button (click)="load(true)">{{ 'state.retry' | transloco }}</button>
          </div>
        </nz-result>
      }
      @case ('ready') {
        <div class="grid">
          <nz-card
            [nzTitle]="'workspace.shortBoards.title' | transloco"
            data-testid="workspace-short-boards"
          >
            @for (board of shortBoards(); track board.id) {
              <div class="item" data-testid="workspace-short-board-row">
                <div class="item-head">
                  <div class="item-title">
                    <strong>{{ board.title }}</strong>
                    <div class="tags">
                      <nz-tag>{{ chainName(board.chainId) }}</nz-tag>
                      <nz-tag>{{ label(categories, board.category) }}</nz-tag>
                      <nz-tag nzColor="blue">{{ label(boardStatuses, board.status) }}</nz-tag>
                      @if (board.chokepoint) {
                        <nz-tag nzColor="volcano">{{
                          'workspace.shortBoards.chokepoint' | transloco
                        }}</nz-tag>
                      }
                      <nz-tag [nzColor]="paceColour(board.pace.colour)">{{
                        paceLabel(board.pace.colour)
                      }}</nz-tag>
                    </div>
                  </div>
                  <nz-progress [nzPercent]="board.progress" nzSize="small" class="progress" />
                </div>
                <div class="muted">
                  {{ 'workspace.shortBoards.target' | transloco }} {{ board.targetDate }}
                </div>
                <button
                  nz-button
                  nzSize="small"
                  (click)="toggle(board.id)"
                  [attr.aria-expanded]="open() === board.id"
                  data-testid="report-toggle"
                >
                  {{
                    (open() === board.id ? 'workspace.items.close' : 'workspace.items.report')
                      | transloco
                  }}
                </button>
                @if (open() === board.id) {
                  <div class="panel">
                    <lz-report-list [subject]="subjectOf('short_board', board.id)" />
                    <h4 class="form-title">{{ 'workspace.items.newReport' | transloco }}</h4>
                    <lz-report-form
                      [subject]="subjectOf('short_board', board.id)"
                      [initialPercent]="board.progress"
                      (submitted)="reported()"
                    />
                  </div>
                }
              </div>
            } @empty {
              <nz-empty [nzNotFoundContent]="'workspace.shortBoards.empty' | transloco" />
            }
          </nz-card>
          <nz-card
            [nzTitle]="'workspace.projects.title' | transloco"
            data-testid="workspace-projects"
          >
            @for (project of projects(); track project.id) {
              <div class="item" data-testid="workspace-project-row">
                <div class="item-head">
                  <div class="item-title">
                    <strong>{{ project.name }}</strong>
                    <div class="tags">
                      <nz-tag>{{ chainName(project.chainId) }}</nz-tag>
                      <nz-tag>{{ label(projectTypes, project.type) }}</nz-tag>
                      <nz-tag nzColor="blue">{{ label(stages, project.stage) }}</nz-tag>
                      <nz-tag [nzColor]="paceColour(project.pace.colour)">{{
                        paceLabel(project.pace.colour)
                      }}</nz-tag>
                    </div>
                  </div>
                </div>
                <div class="muted">
                  {{ 'workspace.projects.period' | transloco }} {{ project.startDate }} —
                  {{ project.endDate }} ·
                  {{
                    'workspace.projects.investment'
                      | transloco
                        : {
                            done: (project.completedInvestment | number: '1.0-0'),
                            planned: (project.plannedInvestment | number: '1.0-0'),
                          }
                  }}
                </div>
                <button
                  nz-button
                  nzSize="small"
                  (click)="toggle(project.id)"
                  [attr.aria-expanded]="open() === project.id"
                  data-testid="report-toggle"
                >
                  {{
                    (open() === project.id ? 'workspace.items.close' : 'workspace.items.report')
                      | transloco
                  }}
                </button>
                @if (open() === project.id) {
                  <div class="panel">
                    <lz-report-list [subject]="subjectOf('project', project.id)" />
                    <h4 class="form-title">{{ 'workspace.items.newReport' | transloco }}</h4>
                    <lz-report-form
                      [subject]="subjectOf('project', project.id)"
                      (submitted)="reported()"
                    />
                  </div>
                }
              </div>
            } @empty {
              <nz-empty [nzNotFoundContent]="'workspace.projects.empty' | transloco" />
            }
          </nz-card>
        </div>
      }
    }
  `,
  styles: `
    .grid {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 16px;
    }
    @media (min-width: 1280px) {
      .grid {
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
    }
    .center {
      display: grid;
      place-items: center;
      min-height: 120px;
    }
    .item {
      padding: 12px 0;
      border-bottom: 1px solid #f0f0f0;
    }
    .item:last-child {
      border-bottom: none;
    }
    .item-head {
      display: flex;
      gap: 12px;
      justify-content: space-between;
      align-items: flex-start;
      flex-wrap: wrap;
    }
    .item-title {
      min-width: 0;
      flex: 1 1 240px;
    }
    .tags {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      margin-top: 4px;
    }
    .progress {
      width: 160px;
    }
    .muted {
      color: var(--lz-text-secondary);
      margin: 6px 0;
    }
    .form-title {
      margin: 16px 0 8px;
      font-size: 14px;
    }
    .panel {
      margin-top: 12px;
      padding: 12px;
      background: #fafafa;
      border-radius: 4px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorkItemsComponent implements OnInit {
  private readonly client = inject(WorkspaceClient);
  private readonly store = inject(WorkspaceStore);
  private readonly languages = inject(LanguageService);

  protected readonly categories = SHORT_BOARD_CATEGORY_LABELS;
  protected readonly boardStatuses = SHORT_BOARD_STATUS_LABELS;
  protected readonly projectTypes = PROJECT_TYPE_LABELS;
  protected readonly stages = PROJECT_STAGE_LABELS;

  protected readonly items = signal<Loadable<WorkItems>>({ status: 'loading' });
  protected readonly open = signal<string | null>(null);
  private readonly subjects = new Map<string, ReportSubject>();
  private readonly reportList = viewChild(ReportListComponent);

  ngOnInit(): void {
    void this.load();
  }

  /** Every chain the enterprise belongs to, asked for the short boards and projects it owns. */
  async load(force = false): Promise<void> {
    this.items.set({ status: 'loading' });
    await this.store.load(force);
    const chains = this.store.chains();
    if (chains.status !== 'ready') {
      this.items.set({ status: 'error' });
      return;
    }
    try {
      const lists = await Promise.all(
        chains.value.map((chain) =>
          Promise.all([this.client.shortBoards(chain.id), this.client.projects(chain.id)]),
        ),
      );
      this.items.set({
        status: 'ready',
        value: {
          shortBoards: lists.flatMap(([boards]) => boards),
          projects: lists.flatMap(([, projects]) => projects),
        },
      });
    } catch {
      this.items.set({ status: 'error' });
    }
  }

  protected shortBoards(): readonly ShortBoardDto[] {
    const state = this.items();
    return state.status === 'ready' ? state.value.shortBoards : [];
  }

  protected projects(): readonly ProjectDto[] {
    const state = this.items();
    return state.status === 'ready' ? state.value.projects : [];
  }

  protected chainName(chainId: string): string {
    return this.store.chainName(chainId);
  }

  protected label<K extends string>(
    labels: Readonly<Record<K, { readonly 'zh-CN': string; readonly en: string }>>,
    key: K,
  ): string {
    return labels[key][this.languages.language()];
  }

  protected paceColour(colour: PaceColour): string {
    return PACE_COLOURS[colour];
  }

  protected paceLabel(colour: PaceColour): string {
    return PACE_LABELS[colour][this.languages.language()];
  }

  protected toggle(id: string): void {
    this.open.update((current) => (current === id ? null : id));
  }

  /** The same object for the same item, so the report list does not reload on every check. */
  protected subjectOf(type: 'short_board' | 'project', id: string): ReportSubject {
    const known = this.subjects.get(id);
    if (known) return known;
    const subject: ReportSubject = { type, id };
    this.subjects.set(id, subject);
    return subject;
  }

  /** A new report changes nothing on the item until it is accepted; the open list shows it. */
  protected async reported(): Promise<void> {
    await this.reportList()?.load();
  }
}
