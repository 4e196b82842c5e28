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
import { RouterLink } from '@angular/router';
import {
  updateShortBoardSchema,
  type ProgressReportDto,
  type ShortBoardDto,
} from '@lianzhang/contracts';
import {
  PACE_LABELS,
  PUBLISH_AS_CHALLENGE_LABEL,
  REPORT_STATUS_LABELS,
  SHORT_BOARD_CATEGORY_LABELS,
  SHORT_BOARD_STATUSES,
  SHORT_BOARD_STATUS_LABELS,
  shortBoardCanMove,
  type ReportStatus,
  type ShortBoardStatus,
} from '@lianzhang/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzDividerModule } from 'ng-zorro-antd/divider';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom } from 'rxjs';
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

/** A short board: its facts, its progress reports over time, and (for editors) its edit form. */
@Component({
  selector: 'lz-short-board-detail',
  imports: [
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCheckboxModule,
    NzDatePickerModule,
    NzDescriptionsModule,
    NzDividerModule,
    NzFormModule,
    NzInputModule,
    NzInputNumberModule,
    NzProgressModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    RouterLink,
    TranslocoPipe,
  ],
  template: `
    @let b = board();
    <div data-testid="short-board-detail">
      @if (canEdit() && b.status !== 'resolved' && b.status !== 'shelved') {
        <!-- 揭榜挂帅: the chain side posts the board as an open challenge. -->
        <a
          nz-button
          nzType="primary"
          class="publish-challenge"
          routerLink="/challenges/new"
          [queryParams]="{ shortBoardId: b.id }"
          data-testid="publish-challenge"
          >{{ publishLabel() }}</a
        >
      }
      <nz-descriptions [nzColumn]="1" nzBordered nzSize="small">
        <nz-descriptions-item [nzTitle]="'chains.shortBoards.category' | transloco">
          {{ categoryLabel() }}
        </nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="'chains.shortBoards.status' | transloco">
          <nz-tag>{{ statusLabel(b.status) }}</nz-tag>
        </nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="'chains.shortBoards.progress' | transloco">
          <nz-progress [nzPercent]="b.progress" nzSize="small" />
        </nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="'chains.shortBoards.pace' | transloco">
          <nz-tag [nzColor]="paceColour()">{{ paceLabel() }}</nz-tag>
          <span class="explain">{{ explanation() }}</span>
        </nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="'chains.shortBoards.period' | transloco">
          {{ b.startDate }} → {{ b.targetDate }}
        </nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="'chains.shortBoards.foreignDependence' | transloco">
          {{ b.foreignDependence === null ? '—' : percent(b.foreignDependence) }}
          @if (b.chokepoint) {
            <nz-tag nzColor="red">{{ 'chains.shortBoards.chokepoint' | transloco }}</nz-tag>
          }
        </nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="'chains.shortBoards.owners' | transloco">
          {{ owners() }}
        </nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="'chains.shortBoards.description' | transloco">
          <span class="pre">{{ b.description || '—' }}</span>
        </nz-descriptions-item>
      </nz-descriptions>

      <nz-divider [nzText]="'chains.shortBoards.history' | transloco" nzOrientation="left" />
      @if (historyFailed()) {
        <nz-alert nzType="warning" [nzMessage]="'state.error' | transloco" nzShowIcon />
      } @else {
        <nz-table
          #history
          [nzData]="reports()"
          [nzLoading]="historyLoading()"
          [nzShowPagination]="false"
          [nzPageSize]="100"
          nzSize="small"
          [nzNoResult]="'chains.shortBoards.noHistory' | transloco"
          data-testid="board-history"
        >
          <thead>
            <tr>
              <th>{{ 'chains.reports.date' | transloco }}</th>
              <th>{{ 'chains.reports.organisation' | transloco }}</th>
              <th>{{ 'chains.reports.percent' | transloco }}</th>
              <th>{{ 'chains.reports.narrative' | transloco }}</th>
              <th>{{ 'chains.reports.status' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (report of history.data; track report.id) {
              <tr data-testid="board-history-row">
                <td>{{ report.createdAt.slice(0, 10) }}</td>
                <td>{{ report.organisationName }}</td>
                <td>{{ report.percent }}%</td>
                <td class="pre">{{ report.narrative }}</td>
                <td>
                  <nz-tag>{{ reportStatus(report.status) }}</nz-tag>
                  @if (report.reviewReason) {
                    <div class="explain">{{ report.reviewReason }}</div>
                  }
                </td>
              </tr>
            }
          </tbody>
        </nz-table>
      }

      @if (canEdit()) {
        <nz-divider [nzText]="'chains.shortBoards.edit' | transloco" nzOrientation="left" />
        <form nz-form nzLayout="vertical" (ngSubmit)="save()" data-testid="short-board-edit">
          @if (formError(); as message) {
            <nz-alert nzType="error" [nzMessage]="message" nzShowIcon class="alert" />
          }
          <nz-form-item>
            <nz-form-label nzFor="board-edit-title" nzRequired>{{
              'chains.shortBoards.name' | transloco
            }}</nz-form-label>
            <nz-form-control
              [nzValidateStatus]="errors()['title'] ? 'error' : ''"
              [nzErrorTip]="errors()['title']"
            >
              <input nz-input id="board-edit-title" name="title" [(ngModel)]="form.title" />
            </nz-form-control>
          </nz-form-item>
          <div class="row">
            <nz-form-item>
              <nz-form-label nzFor="board-edit-status">{{
                'chains.shortBoards.status' | transloco
              }}</nz-form-label>
              <nz-form-control
                [nzValidateStatus]="errors()['status'] ? 'error' : ''"
                [nzErrorTip]="errors()['status']"
              >
                <nz-select nzId="board-edit-status" name="status" [(ngModel)]="form.status">
                  @for (status of statuses(); track status) {
                    <nz-option [nzValue]="status" [nzLabel]="statusLabel(status)" />
                  }
                </nz-select>
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label nzFor="board-edit-progress">{{
                'chains.shortBoards.progressPercent' | transloco
              }}</nz-form-label>
              <nz-form-control
                [nzValidateStatus]="errors()['progress'] ? 'error' : ''"
                [nzErrorTip]="errors()['progress']"
              >
                <nz-input-number
                  nzId="board-edit-progress"
                  name="progress"
                  [nzMin]="0"
                  [nzMax]="100"
                  [nzStep]="5"
                  [(ngModel)]="form.progress"
                />
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label nzFor="board-edit-target">{{
                'chains.shortBoards.targetDate' | transloco
              }}</nz-form-label>
              <nz-form-control
                [nzValidateStatus]="errors()['targetDate'] ? 'error' : ''"
                [nzErrorTip]="errors()['targetDate']"
              >
                <nz-date-picker
                  nzId="board-edit-target"
                  name="targetDate"
                  [(ngModel)]="form.targetDate"
                />
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label nzFor="board-edit-foreign">{{
                'chains.shortBoards.foreignPercent' | transloco
              }}</nz-form-label>
              <nz-form-control
                [nzValidateStatus]="errors()['foreignDependence'] ? 'error' : ''"
                [nzErrorTip]="errors()['foreignDependence']"
              >
                <nz-input-number
                  nzId="board-edit-foreign"
                  name="foreign"
                  [nzMin]="0"
                  [nzMax]="100"
                  [(ngModel)]="form.foreignPercent"
                />
              </nz-form-control>
            </nz-form-item>
          </div>
          <nz-form-item>
            <nz-form-control>
              <label
                nz-checkbox
                for="board-edit-chokepoint"
                nzId="board-edit-chokepoint"
                name="chokepoint"
                [(ngModel)]="form.chokepoint"
                >{{ 'chains.shortBoards.chokepoint' | transloco }}</label
              >
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzFor="board-edit-description">{{
              'chains.shortBoards.description' | transloco
            }}</nz-form-label>
            <nz-form-control
              [nzValidateStatus]="errors()['description'] ? 'error' : ''"
              [nzErrorTip]="errors()['description']"
            >
              <textarea
                nz-input
                id="board-edit-description"
                name="description"
                rows="3"
                [(ngModel)]="form.description"
              ></textarea>
            </nz-form-control>
          </nz-form-item>
          <button
            nz-button
            nzType="primary"
            type="submit"
            [nzLoading]="busy()"
            data-testid="short-board-save"
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
      margin-left: 4px;
    }
    .pre {
      white-space: pre-wrap;
    }
    .row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(140px, 1fr));
      gap: 0 12px;
    }
    .alert {
      margin-bottom: 12px;
    }
    .publish-challenge {
      margin-bottom: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShortBoardDetailComponent {
  private readonly client = inject(ChainsClient);
  private readonly languages = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);
  private readonly message = inject(NzMessageService);

  readonly board = input.required<ShortBoardDto>();
  readonly canEdit = input(false);
  /** The board as the api has it after a save (or a conflict). */
  readonly changed = output<ShortBoardDto>();

  protected readonly reports = signal<readonly ProgressReportDto[]>([]);
  protected readonly historyLoading = signal(true);
  protected readonly historyFailed = signal(false);
  protected readonly busy = signal(false);
  protected readonly errors = signal<FieldErrors>({});
  protected readonly formError = signal<string | null>(null);
  protected form = this.formOf(null);

  protected readonly statuses = computed(() => {
    const current = this.board().status;
    return SHORT_BOARD_STATUSES.filter((s) => s === current || shortBoardCanMove(current, s));
  });
  protected readonly categoryLabel = computed(() =>
    labelOf(SHORT_BOARD_CATEGORY_LABELS, this.board().category, this.languages.language()),
  );
  protected readonly paceLabel = computed(() =>
    labelOf(PACE_LABELS, this.board().pace.colour, this.languages.language()),
  );
  protected readonly paceColour = computed(() => PACE_TAG_COLOURS[this.board().pace.colour]);
  protected readonly explanation = computed(() => {
    this.languages.language();
    return paceExplanation(this.transloco, this.board().progress, this.board().pace);
  });
  protected readonly publishLabel = computed(
    () => PUBLISH_AS_CHALLENGE_LABEL[this.languages.language()],
  );
  protected readonly owners = computed(
    () =>
      this.board()
        .owners.map((o) => o.name)
        .join('、') || '—',
  );

  constructor() {
    // A new board (or the same one saved): fresh form; a new board id: its history.
    let shownId: string | null = null;
    effect(() => {
      const board = this.board();
      untracked(() => {
        this.form = this.formOf(board);
        this.errors.set({});
        this.formError.set(null);
        if (board.id !== shownId) {
          shownId = board.id;
          void this.loadHistory(board.id);
        }
      });
    });
  }

  async loadHistory(boardId: string): Promise<void> {
    this.historyLoading.set(true);
    this.historyFailed.set(false);
    try {
      const page = await firstValueFrom(
        this.client.reports({
          subjectType: 'short_board',
          subjectId: boardId,
          sort: '-createdAt',
          pageSize: 100,
        }),
      );
      this.reports.set(page.items);
    } catch {
      this.historyFailed.set(true);
    } finally {
      this.historyLoading.set(false);
    }
  }

  protected async save(): Promise<void> {
    const board = this.board();
    const form = this.form;
    const foreign = form.foreignPercent === null ? null : form.foreignPercent / 100;
    const candidate: Record<string, unknown> = { version: board.version };
    if (form.title !== board.title) candidate['title'] = form.title;
    if (form.description !== board.description) candidate['description'] = form.description;
    if (form.status !== board.status) candidate['status'] = form.status;
    if (form.progress !== board.progress) candidate['progress'] = form.progress;
    if (form.chokepoint !== board.chokepoint) candidate['chokepoint'] = form.chokepoint;
    if (foreign !== board.foreignDependence) candidate['foreignDependence'] = foreign;
    const target = toIsoDate(form.targetDate);
    if (target !== board.targetDate) candidate['targetDate'] = target;
    const parsed = updateShortBoardSchema.safeParse(candidate);
    if (!parsed.success) {
      this.errors.set(this.schemaErrors(parsed.error.issues));
      return;
    }
    this.errors.set({});
    this.formError.set(null);
    this.busy.set(true);
    try {
      const saved = await firstValueFrom(this.client.updateShortBoard(board.id, parsed.data));
      this.message.success(this.transloco.translate('chains.form.saved'));
      this.changed.emit(saved);
    } catch (error) {
      await this.failed(error, board.id);
    } finally {
      this.busy.set(false);
    }
  }

  private async failed(error: unknown, boardId: string): Promise<void> {
    const body = apiError(error);
    const fields = apiFieldErrors(body?.details);
    if (Object.keys(fields).length) {
      this.errors.set(fields);
      return;
    }
    if (body?.code !== 'CONFLICT') {
      this.formError.set(body?.message ?? this.transloco.translate('state.error'));
      return;
    }
    // Someone else saved first: say so and show their version.
    this.message.error(body.message);
    const fresh = await firstValueFrom(this.client.shortBoards(this.board().chainId)).catch(
      () => null,
    );
    const current = fresh?.find((b) => b.id === boardId);
    if (current) this.changed.emit(current);
  }

  private schemaErrors(issues: Parameters<typeof schemaFieldErrors>[0]): FieldErrors {
    return schemaFieldErrors(issues, this.languages.language());
  }

  private formOf(board: ShortBoardDto | null) {
    return {
      title: board?.title ?? '',
      description: board?.description ?? '',
      status: (board?.status ?? 'identified') as ShortBoardStatus,
      progress: board?.progress ?? 0,
      chokepoint: board?.chokepoint ?? false,
      foreignPercent:
        board?.foreignDependence === null || board?.foreignDependence === undefined
          ? null
          : Math.round(board.foreignDependence * 100),
      targetDate: fromIsoDate(board?.targetDate),
    } as {
      title: string;
      description: string;
      status: ShortBoardStatus;
      progress: number;
      chokepoint: boolean;
      foreignPercent: number | null;
      targetDate: Date | null;
    };
  }

  protected statusLabel(status: ShortBoardStatus): string {
    return labelOf(SHORT_BOARD_STATUS_LABELS, status, this.languages.language());
  }

  protected reportStatus(status: ReportStatus): string {
    return labelOf(REPORT_STATUS_LABELS, status, this.languages.language());
  }

  protected percent(share: number): string {
    return `${Math.round(share * 100)}%`;
  }
}
