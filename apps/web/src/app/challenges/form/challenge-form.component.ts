import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import {
  createChallengeSchema,
  updateChallengeSchema,
  type ChainDto,
  type ChallengeDetailDto,
  type ShortBoardDto,
} from '@lianzhang/contracts';
import {
  canPublishChallengeFrom,
  challengePlanProblems,
  editableChallengeFields,
  type ChallengeField,
} from '@lianzhang/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { CLOCK, todayInShanghai } from '../../chains/dates';
import {
  apiError,
  apiFieldErrors,
  httpStatus,
  schemaFieldErrors,
  type FieldErrors,
} from '../../forms/field-errors';
import { LanguageService } from '../../i18n/language.service';
import { ChallengesClient } from '../challenges.client';

interface MilestoneRow {
  title: string;
  dueDate: string;
}

type Load = 'loading' | 'ready' | 'error' | 'not_found';

/**
 * 发布揭榜: a challenge drafted from a short board (`?shortBoardId=`, or chosen here from
 * the chains the user manages), checked with the shared schema and the domain's date
 * rules before it is sent; saved as a draft or published at once. With an id it edits a
 * challenge: everything while a draft, only the milestones once published.
 */
@Component({
  selector: 'lz-challenge-form',
  imports: [
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzInputNumberModule,
    NzResultModule,
    NzSelectModule,
    NzSpinModule,
    TranslocoPipe,
  ],
  template: `
    <nz-card
      [nzTitle]="(editing() ? 'challenges.form.editTitle' : 'challenges.form.title') | transloco"
    >
      @switch (load()) {
        @case ('loading') {
          <nz-spin nzSimple />
        }
        @case ('not_found') {
          <nz-result nzStatus="warning" [nzTitle]="'challenges.detail.notFound' | transloco">
            <div nz-result-extra>
              <a nz-button routerLink="/challenges">{{ 'challenges.detail.back' | transloco }}</a>
            </div>
          </nz-result>
        }
        @case ('error') {
          <nz-result nzStatus="warning" [nzTitle]="'state.error' | transloco" />
        }
        @default {
          <form nz-form nzLayout="vertical" (ngSubmit)="submit(false)" data-testid="challenge-form">
            @if (formError(); as message) {
              <nz-alert nzType="error" [nzMessage]="message" nzShowIcon class="alert" />
            }
            @if (savedDraft(); as draft) {
              <!-- Saved, not published: one outcome, said once, with the way on. -->
              <nz-alert
                nzType="warning"
                nzShowIcon
                class="alert"
                role="alert"
                [nzMessage]="
                  'challenges.form.publishFailed' | transloco: { reason: publishError() }
                "
                data-testid="challenge-publish-failed"
              />
            }
            @if (board(); as b) {
              <p class="board" data-testid="challenge-form-board">
                {{ 'challenges.form.fromBoard' | transloco: { title: b.title } }}
              </p>
              @if (errors()['shortBoardId']; as message) {
                <div class="error" role="alert" data-testid="field-shortBoardId">{{ message }}</div>
              }
            } @else {
              <div class="row">
                <nz-form-item>
                  <nz-form-label nzFor="challenge-chain" nzRequired>{{
                    'challenges.form.chain' | transloco
                  }}</nz-form-label>
                  <nz-form-control>
                    <nz-select
                      nzId="challenge-chain"
                      name="chain"
                      nzShowSearch
                      [nzPlaceHolder]="'challenges.form.chooseChain' | transloco"
                      [ngModel]="chainId()"
                      (ngModelChange)="chooseChain($event)"
                    >
                      @for (chain of chains(); track chain.id) {
                        <nz-option
                          [nzValue]="chain.id"
                          [nzLabel]="languages.language() === 'en' ? chain.nameEn : chain.nameZh"
                        />
                      }
                    </nz-select>
                  </nz-form-control>
                </nz-form-item>
                <nz-form-item>
                  <nz-form-label nzFor="challenge-board" nzRequired>{{
                    'challenges.form.shortBoard' | transloco
                  }}</nz-form-label>
                  <nz-form-control
                    [nzValidateStatus]="errors()['shortBoardId'] ? 'error' : ''"
                    [nzErrorTip]="errors()['shortBoardId']"
                    data-testid="field-shortBoardId"
                  >
                    <nz-select
                      nzId="challenge-board"
                      name="shortBoard"
                      nzShowSearch
                      [nzPlaceHolder]="'challenges.form.chooseBoard' | transloco"
                      [ngModel]="pickedBoardId()"
                      (ngModelChange)="chooseBoard($event)"
                    >
                      @for (b of boards(); track b.id) {
                        <nz-option [nzValue]="b.id" [nzLabel]="b.title" />
                      }
                    </nz-select>
                    @if (chainId() && boardsLoaded() && boards().length === 0) {
                      <p class="muted" data-testid="no-boards">
                        {{ 'challenges.form.noBoards' | transloco }}
                      </p>
                    }
                  </nz-form-control>
                </nz-form-item>
              </div>
            }
            @if (editing() && !may('title')) {
              <nz-alert
                nzType="info"
                nzShowIcon
                class="alert"
                [nzMessage]="'challenges.form.milestonesOnly' | transloco"
              />
            }
            <nz-form-item>
              <nz-form-label nzFor="challenge-title" nzRequired>{{
                'challenges.form.name' | transloco
              }}</nz-form-label>
              <nz-form-control
                [nzValidateStatus]="errors()['title'] ? 'error' : ''"
                [nzErrorTip]="errors()['title']"
                data-testid="field-title"
              >
                <input
                  nz-input
                  id="challenge-title"
                  name="title"
                  [disabled]="!may('title')"
                  [(ngModel)]="title"
                />
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label nzFor="challenge-requirements" nzRequired>{{
                'challenges.form.requirements' | transloco
              }}</nz-form-label>
              <nz-form-control
                [nzValidateStatus]="errors()['requirements'] ? 'error' : ''"
                [nzErrorTip]="errors()['requirements']"
                data-testid="field-requirements"
              >
                <textarea
                  nz-input
                  id="challenge-requirements"
                  name="requirements"
                  rows="6"
                  [disabled]="!may('requirements')"
                  [placeholder]="'challenges.form.requirementsHint' | transloco"
                  [(ngModel)]="requirements"
                ></textarea>
              </nz-form-control>
            </nz-form-item>
            <div class="row">
              <nz-form-item>
                <nz-form-label nzFor="challenge-budget" nzRequired>{{
                  'challenges.form.budget' | transloco
                }}</nz-form-label>
                <nz-form-control
                  [nzValidateStatus]="errors()['budgetWan'] ? 'error' : ''"
                  [nzErrorTip]="errors()['budgetWan']"
                  data-testid="field-budgetWan"
                >
                  <nz-input-number
                    nzId="challenge-budget"
                    name="budgetWan"
                    [nzMin]="0"
                    [nzStep]="100"
                    [nzDisabled]="!may('budgetWan')"
                    [(ngModel)]="budgetWan"
                  />
                </nz-form-control>
              </nz-form-item>
              <nz-form-item>
                <nz-form-label nzFor="challenge-deadline" nzRequired>{{
                  'challenges.form.deadline' | transloco
                }}</nz-form-label>
                <nz-form-control
                  [nzValidateStatus]="errors()['deadline'] ? 'error' : ''"
                  [nzErrorTip]="errors()['deadline']"
                  data-testid="field-deadline"
                >
                  <input
                    nz-input
                    type="date"
                    id="challenge-deadline"
                    name="deadline"
                    [min]="today()"
                    [disabled]="!may('deadline')"
                    [(ngModel)]="deadline"
                  />
                </nz-form-control>
              </nz-form-item>
            </div>

            <fieldset class="milestones" data-testid="field-milestones">
              <legend>{{ 'challenges.form.milestones' | transloco }}</legend>
              <p class="muted">{{ 'challenges.form.milestonesHint' | transloco }}</p>
              @if (errors()['milestones']; as message) {
                <div class="error" role="alert">{{ message }}</div>
              }
              @for (milestone of milestones(); track $index; let i = $index) {
                <div class="milestone" data-testid="milestone-row">
                  <nz-form-item>
                    <nz-form-label [nzFor]="'milestone-title-' + i" nzRequired>{{
                      'challenges.form.milestoneTitle' | transloco: { n: i + 1 }
                    }}</nz-form-label>
                    <nz-form-control
                      [nzValidateStatus]="errors()['milestones.' + i + '.title'] ? 'error' : ''"
                      [nzErrorTip]="errors()['milestones.' + i + '.title']"
                      [attr.data-testid]="'field-milestones.' + i + '.title'"
                    >
                      <input
                        nz-input
                        [id]="'milestone-title-' + i"
                        [name]="'milestoneTitle' + i"
                        [(ngModel)]="milestone.title"
                      />
                    </nz-form-control>
                  </nz-form-item>
                  <nz-form-item>
                    <nz-form-label [nzFor]="'milestone-date-' + i" nzRequired>{{
                      'challenges.form.milestoneDate' | transloco: { n: i + 1 }
                    }}</nz-form-label>
                    <nz-form-control
                      [nzValidateStatus]="errors()['milestones.' + i + '.dueDate'] ? 'error' : ''"
                      [nzErrorTip]="errors()['milestones.' + i + '.dueDate']"
                      [attr.data-testid]="'field-milestones.' + i + '.dueDate'"
                    >
                      <input
                        nz-input
                        type="date"
                        [id]="'milestone-date-' + i"
                        [name]="'milestoneDate' + i"
                        [min]="today()"
                        [(ngModel)]="milestone.dueDate"
                      />
                    </nz-form-control>
                  </nz-form-item>
                  <button
                    nz-button
                    type="button"
                    nzType="text"
                    class="remove"
                    [disabled]="milestones().length === 1"
                    [attr.aria-label]="'challenges.form.removeMilestone' | transloco: { n: i + 1 }"
                    (click)="removeMilestone(i)"
                  >
                    <nz-icon nzType="minus-circle" />
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
                <nz-icon nzType="plus" />
                <span>{{ 'challenges.form.addMilestone' | transloco }}</span>
              </button>
            </fieldset>

            <div class="actions">
              <a nz-button [routerLink]="cancelLink()">{{
                'challenges.form.cancel' | transloco
              }}</a>
              @if (savedDraft(); as draft) {
                <a
                  nz-button
                  [routerLink]="['/challenges', draft.id]"
                  data-testid="challenge-open-draft"
                  >{{ 'challenges.form.openDraft' | transloco }}</a
                >
                <button
                  nz-button
                  nzType="primary"
                  type="button"
                  [nzLoading]="busy()"
                  (click)="retryPublish()"
                  data-testid="challenge-retry-publish"
                >
                  {{ 'challenges.form.retryPublish' | transloco }}
                </button>
              } @else if (editing()) {
                <button
                  nz-button
                  nzType="primary"
                  type="submit"
                  [nzLoading]="busy()"
                  data-testid="challenge-save"
                >
                  {{ 'challenges.form.save' | transloco }}
                </button>
              } @else {
                <button nz-button type="submit" [nzLoading]="busy()" data-testid="challenge-save">
                  {{ 'challenges.form.saveDraft' | transloco }}
                </button>
                <button
                  nz-button
                  nzType="primary"
                  type="button"
                  [nzLoading]="busy()"
                  (click)="submit(true)"
                  data-testid="challenge-publish"
                >
                  {{ 'challenges.form.publish' | transloco }}
                </button>
              }
            </div>
          </form>
        }
      }
    </nz-card>
  `,
  styles: `
    .row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
      gap: 0 16px;
    }
    nz-input-number {
      width: 100%;
    }
    .board {
      font-weight: 500;
    }
    .alert {
      margin-bottom: 16px;
    }
    .milestones {
      border: 1px solid var(--lz-border, #d9d9d9);
      border-radius: 6px;
      padding: 8px 16px 16px;
      margin-bottom: 24px;
    }
    legend {
      width: auto;
      padding: 0 4px;
      margin-bottom: 0;
      font-size: 14px;
      font-weight: 500;
      color: inherit;
      border: 0;
    }
    .milestone {
      display: grid;
      grid-template-columns: 2fr 1fr auto;
      gap: 0 12px;
      align-items: center;
    }
    .remove {
      margin-top: 6px;
    }
    .muted {
      color: var(--lz-text-secondary);
      font-size: 12px;
    }
    .error {
      color: #cf1322;
      margin-bottom: 8px;
    }
    .actions {
      display: flex;
      gap: 8px;
      justify-content: flex-end;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChallengeFormComponent {
  private readonly client = inject(ChallengesClient);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  private readonly message = inject(NzMessageService);
  private readonly clock = inject(CLOCK);
  protected readonly languages = inject(LanguageService);

  /** `?shortBoardId=` of the address: the short board the challenge is published from. */
  readonly shortBoardId = input<string>();
  /** `:id` of `/challenges/:id/edit`: the challenge to change. */
  readonly id = input<string>();

  protected readonly load = signal<Load>('loading');
  protected readonly board = signal<ShortBoardDto | null>(null);
  protected readonly chains = signal<readonly ChainDto[]>([]);
  protected readonly chainId = signal<string | null>(null);
  /** The chosen chain's boards that may be posted (not resolved, not shelved). */
  protected readonly boards = signal<readonly ShortBoardDto[]>([]);
  protected readonly boardsLoaded = signal(false);
  /** A new challenge saved as a draft whose publishing then failed: it waits for a retry. */
  protected readonly savedDraft = signal<ChallengeDetailDto | null>(null);
  protected readonly publishError = signal('');
  protected readonly pickedBoardId = signal<string | null>(null);
  protected readonly existing = signal<ChallengeDetailDto | null>(null);
  protected readonly milestones = signal<MilestoneRow[]>([{ title: '', dueDate: '' }]);
  protected readonly errors = signal<FieldErrors>({});
  protected readonly formError = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly editing = computed(() => !!this.id());
  protected readonly today = computed(() => todayInShanghai(this.clock()));

  protected title = '';
  protected requirements = '';
  protected budgetWan: number | null = null;
  protected deadline = '';

  private readonly editable = computed<readonly ChallengeField[]>(() => {
    const existing = this.existing();
    return existing
      ? editableChallengeFields(existing.status)
      : ['title', 'requirements', 'budgetWan', 'deadline', 'milestones'];
  });

  constructor() {
    effect(() => {
      const id = this.id();
      const boardId = this.shortBoardId();
      untracked(() => void this.start(id, boardId));
    });
  }

  protected may(field: ChallengeField): boolean {
    return this.editable().includes(field);
  }

  protected cancelLink(): string[] {
    const id = this.id();
    return id ? ['/challenges', id] : ['/challenges'];
  }

  protected addMilestone(): void {
    this.milestones.update((rows) => [...rows, { title: '', dueDate: '' }]);
  }

  protected removeMilestone(index: number): void {
    this.milestones.update((rows) => rows.filter((_, i) => i !== index));
  }

  protected async chooseChain(chainId: string | null): Promise<void> {
    this.chainId.set(chainId);
    this.pickedBoardId.set(null);
    this.boards.set([]);
    this.boardsLoaded.set(false);
    if (!chainId) return;
    try {
      const boards = await this.client.shortBoards(chainId);
      this.boards.set(boards.filter((b) => canPublishChallengeFrom(b.status)));
      this.boardsLoaded.set(true);
    } catch {
      this.formError.set(this.transloco.translate('state.error'));
    }
  }

  protected chooseBoard(boardId: string | null): void {
    this.pickedBoardId.set(boardId);
    const board = this.boards().find((b) => b.id === boardId);
    if (board) this.prefill(board);
  }

  /**
   * Checks, sends, and opens the challenge; `publish` publishes a new one at once. Saving
   * and publishing are two requests: if the second fails, the form says exactly that (saved
   * as a draft, not published, why) and offers to try publishing again, never "saved" and
   * an error side by side, and never a second draft.
   */
  async submit(publish: boolean): Promise<void> {
    if (this.savedDraft()) return;
    const problems = this.check();
    this.errors.set(problems.errors);
    if (!problems.request) return;
    this.formError.set(null);
    this.busy.set(true);
    try {
      const existing = this.existing();
      if (existing) {
        const id = (await this.client.update(existing.id, problems.request as never)).id;
        this.message.success(this.transloco.translate('challenges.form.saved'));
        await this.router.navigate(['/challenges', id]);
        return;
      }
      const created = await this.client.create(problems.request as never);
      if (publish) await this.publish(created);
      else {
        this.message.success(this.transloco.translate('challenges.form.saved'));
        await this.router.navigate(['/challenges', created.id]);
      }
    } catch (error) {
      const body = apiError(error);
      const fields = apiFieldErrors(body?.details);
      if (Object.keys(fields).length) this.errors.set(fields);
      else this.formError.set(body?.message ?? this.transloco.translate('state.error'));
    } finally {
      this.busy.set(false);
    }
  }

  /** Publishes the draft just saved once more. */
  async retryPublish(): Promise<void> {
    const draft = this.savedDraft();
    if (!draft || this.busy()) return;
    this.busy.set(true);
    try {
      await this.publish(draft);
    } finally {
      this.busy.set(false);
    }
  }

  /** Publishes a saved draft and opens it; on failure keeps it as the draft to retry. */
  private async publish(draft: ChallengeDetailDto): Promise<void> {
    try {
      await this.client.step(draft.id, 'publish', { version: draft.version });
    } catch (error) {
      const body = apiError(error);
      const detail = body?.details.map((d) => d.message).join('；');
      this.publishError.set(detail || body?.message || this.transloco.translate('state.error'));
      this.savedDraft.set(draft);
      // The draft's dates may be what stands in the way: show them beside their fields.
      this.errors.set(apiFieldErrors(body?.details));
      return;
    }
    this.savedDraft.set(null);
    this.message.success(this.transloco.translate('challenges.form.published'));
    await this.router.navigate(['/challenges', draft.id]);
  }

  /** The request the form stands for, or the message of each field in the way. */
  private check(): { request: Record<string, unknown> | null; errors: FieldErrors } {
    const language = this.languages.language();
    const milestones = this.milestones().map((m) => ({ title: m.title, dueDate: m.dueDate }));
    const existing = this.existing();
    let candidate: Record<string, unknown>;
    let parsed;
    if (existing) {
      candidate = { version: existing.version };
      if (this.may('title') && this.title !== existing.title) candidate['title'] = this.title;
      if (this.may('requirements') && this.requirements !== existing.requirements)
        candidate['requirements'] = this.requirements;
      if (this.may('budgetWan') && this.budgetWan !== existing.budgetWan)
        candidate['budgetWan'] = this.budgetWan;
      if (this.may('deadline') && this.deadline !== existing.deadline)
        candidate['deadline'] = this.deadline;
      const before = existing.milestones.map((m) => ({ title: m.title, dueDate: m.dueDate }));
      if (JSON.stringify(before) !== JSON.stringify(milestones))
        candidate['milestones'] = milestones;
      parsed = updateChallengeSchema.safeParse(candidate);
    } else {
      candidate = {
        shortBoardId: this.board()?.id ?? this.pickedBoardId() ?? '',
        title: this.title,
        requirements: this.requirements,
        budgetWan: this.budgetWan ?? undefined,
        deadline: this.deadline,
        milestones,
      };
      parsed = createChallengeSchema.safeParse(candidate);
    }
    const errors: Record<string, string> = parsed.success
      ? {}
      : { ...schemaFieldErrors(parsed.error.issues, language) };
    // The domain's date rules, as the api will apply them (a published deadline is fixed).
    const plan = { deadline: this.deadline, milestones };
    if (/^\d{4}-\d{2}-\d{2}$/.test(plan.deadline)) {
      for (const problem of challengePlanProblems(plan, this.today())) {
        if (problem.path === 'deadline' && !this.may('deadline')) continue;
        errors[problem.path] ??= problem.message[language];
      }
    }
    const ok = parsed.success && Object.keys(errors).length === 0;
    return { request: ok ? (parsed.data as Record<string, unknown>) : null, errors };
  }

  private async start(id: string | undefined, boardId: string | undefined): Promise<void> {
    this.load.set('loading');
    this.errors.set({});
    this.formError.set(null);
    try {
      if (id) {
        const existing = await this.client.detail(id);
        this.existing.set(existing);
        this.title = existing.title;
        this.requirements = existing.requirements;
        this.budgetWan = existing.budgetWan;
        this.deadline = existing.deadline;
        this.milestones.set(
          existing.milestones.map((m) => ({ title: m.title, dueDate: m.dueDate })),
        );
        this.board.set({
          id: existing.shortBoardId,
          title: existing.shortBoardTitle,
        } as ShortBoardDto);
      } else if (boardId) {
        const board = await this.client.shortBoard(boardId);
        this.board.set(board);
        this.prefill(board);
      } else {
        this.chains.set((await this.client.chains()).items);
      }
      this.load.set('ready');
    } catch (error) {
      this.load.set(httpStatus(error) === 404 ? 'not_found' : 'error');
    }
  }

  /** A new challenge starts with the board's name and description. */
  private prefill(board: ShortBoardDto): void {
    if (!this.title)
      this.title = this.transloco.translate('challenges.form.defaultName', { title: board.title });
    if (!this.requirements) this.requirements = board.description;
  }
}
