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
import { DatePipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import type { ChallengeApplicationDto, ChallengeDetailDto } from '@lianzhang/contracts';
import type {
  ApplicationAction,
  ApplicationStatus,
  ChallengeAction,
  ChallengeStatus,
  OrganisationKind,
} from '@lianzhang/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { apiError, httpStatus } from '../../forms/field-errors';
import { LanguageService } from '../../i18n/language.service';
import {
  APPLICATION_STATUS_COLOURS,
  CHALLENGE_STATUS_COLOURS,
  challengeLabels,
  formatWan,
} from '../challenge-labels';
import { ChallengeDetailStore } from '../challenges.store';
import { ApplyFormComponent } from './apply-form.component';

type Pending =
  | { readonly kind: 'challenge'; readonly action: 'publish' | 'close' | 'cancel' }
  | {
      readonly kind: 'application';
      readonly action: 'withdraw' | 'shortlist' | 'select';
      readonly application: ChallengeApplicationDto;
    };

/**
 * One challenge: its terms (requirements, budget, deadline with the workdays left), the
 * milestones 定榜 turns into tasks, and by role: the chain side's steps and the table of
 * applications with shortlist and 定榜 (each confirmed first); an applicant's own
 * application or the form to apply. The buttons are the steps the api allows.
 */
@Component({
  selector: 'lz-challenge-detail',
  imports: [
    DatePipe,
    FormsModule,
    RouterLink,
    NzButtonModule,
    NzCardModule,
    NzDescriptionsModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzResultModule,
    NzSpinModule,
    NzTableModule,
    NzTagModule,
    TranslocoPipe,
    ApplyFormComponent,
  ],
  providers: [ChallengeDetailStore],
  template: `
    @switch (store.detail().status) {
      @case ('loading') {
        <nz-spin nzSimple class="spin" />
      }
      @case ('error') {
        <nz-result
          nzStatus="warning"
          [nzTitle]="(notFound() ? 'challenges.detail.notFound' : 'state.error') | transloco"
          data-testid="challenge-not-found"
        >
          <div nz-result-extra>
            <a nz-button nzType="primary" routerLink="/challenges">{{
              'challenges.detail.back' | transloco
            }}</a>
          </div>
        </nz-result>
      }
    }
    @if (store.challenge(); as c) {
      <div class="page" data-testid="challenge-detail">
        <nz-card>
          <a routerLink="/challenges" class="back"
            ><nz-icon nzType="arrow-left" /> {{ 'challenges.detail.back' | transloco }}</a
          >
          <div class="title-row">
            <div>
              <h2 class="title" data-testid="challenge-title">{{ c.title }}</h2>
              <nz-tag [nzColor]="statusColour(c.status)" data-testid="challenge-status">{{
                statusLabel(c.status)
              }}</nz-tag>
              @if (c.workdaysLeft !== null) {
                <nz-tag nzColor="blue" data-testid="challenge-countdown"
                  ><nz-icon nzType="clock-circle" />
                  {{ countdown(c) | transloco: { n: c.workdaysLeft } }}</nz-tag
                >
              }
            </div>
            <div class="actions" data-testid="challenge-actions">
              @for (action of c.allowedActions; track action) {
                @if (action === 'edit') {
                  <a
                    nz-button
                    [routerLink]="['/challenges', c.id, 'edit']"
                    data-testid="challenge-edit"
                    >{{ actionLabel(action) }}</a
                  >
                } @else if (action !== 'apply') {
                  <button
                    nz-button
                    [nzType]="action === 'publish' ? 'primary' : 'default'"
                    [nzDanger]="action === 'cancel'"
                    (click)="askChallenge(action)"
                    [attr.data-testid]="'challenge-' + action"
                  >
                    {{ actionLabel(action) }}
                  </button>
                }
              }
            </div>
          </div>
          <nz-descriptions
            [nzColumn]="{ xxl: 3, xl: 3, lg: 2, md: 2, sm: 1, xs: 1 }"
            nzSize="small"
            class="facts"
          >
            <nz-descriptions-item [nzTitle]="'challenges.detail.chain' | transloco">{{
              languages.language() === 'en' ? c.chainNameEn : c.chainName
            }}</nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'challenges.detail.shortBoard' | transloco">{{
              c.shortBoardTitle
            }}</nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'challenges.detail.budget' | transloco">
              <span data-testid="challenge-budget">{{ budget(c.budgetWan) }}</span>
            </nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'challenges.detail.deadline' | transloco">
              <span data-testid="challenge-deadline">{{ c.deadline }}</span>
            </nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'challenges.detail.publishedAt' | transloco">
              <span data-testid="challenge-published-at">{{
                c.publishedAt ? (c.publishedAt | date: 'yyyy-MM-dd' : '+0800') : '—'
              }}</span>
            </nz-descriptions-item>
            @if (c.applicationCount !== null) {
              <nz-descriptions-item [nzTitle]="'challenges.detail.applicationCount' | transloco">{{
                c.applicationCount
              }}</nz-descriptions-item>
            }
            @if (c.selectedOrganisationName) {
              <nz-descriptions-item [nzTitle]="'challenges.detail.selected' | transloco">
                <strong data-testid="challenge-winner">{{ c.selectedOrganisationName }}</strong>
              </nz-descriptions-item>
            }
            @if (c.cancelReason) {
              <nz-descriptions-item [nzTitle]="'challenges.detail.cancelReason' | transloco">{{
                c.cancelReason
              }}</nz-descriptions-item>
            }
          </nz-descriptions>
        </nz-card>

        <nz-card [nzTitle]="'challenges.detail.requirements' | transloco">
          <p class="pre" data-testid="challenge-requirements">{{ c.requirements }}</p>
        </nz-card>

        <nz-card [nzTitle]="'challenges.detail.milestones' | transloco">
          <p class="muted">{{ 'challenges.detail.milestonesHint' | transloco }}</p>
          <nz-table
            #milestones
            [nzData]="c.milestones"
            [nzShowPagination]="false"
            nzSize="small"
            data-testid="challenge-milestones"
          >
            <thead>
              <tr>
                <th nzWidth="48px">#</th>
                <th>{{ 'challenges.detail.milestone' | transloco }}</th>
                <th>{{ 'challenges.detail.dueDate' | transloco }}</th>
                <th>{{ 'challenges.detail.task' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (m of milestones.data; track m.id; let i = $index) {
                <tr data-testid="milestone">
                  <td>{{ i + 1 }}</td>
                  <td>{{ m.title }}</td>
                  <td>{{ m.dueDate }}</td>
                  <td>
                    @if (m.taskId) {
                      <a [routerLink]="['/tasks', m.taskId]" data-testid="milestone-task">{{
                        'challenges.detail.openTask' | transloco
                      }}</a>
                    } @else {
                      —
                    }
                  </td>
                </tr>
              }
            </tbody>
          </nz-table>
        </nz-card>

        @if (c.party === 'applicant') {
          <nz-card [nzTitle]="'challenges.apply.title' | transloco" data-testid="my-application">
            @if (store.mine(); as mine) {
              @if (editingMine()) {
                <lz-challenge-apply-form
                  [application]="mine"
                  (done)="editingMine.set(false)"
                  (cancelled)="editingMine.set(false)"
                />
              } @else {
                <div class="mine-head">
                  <nz-tag
                    [nzColor]="applicationColour(mine.status)"
                    data-testid="my-application-status"
                    >{{ applicationLabel(mine.status) }}</nz-tag
                  >
                  <span class="muted" data-testid="my-application-date">{{
                    'challenges.apply.submittedAt'
                      | transloco: { date: mine.createdAt | date: 'yyyy-MM-dd' : '+0800' }
                  }}</span>
                </div>
                <p class="pre">{{ mine.proposal }}</p>
                <p class="muted">
                  {{ 'challenges.apply.quote' | transloco }}: {{ budget(mine.quotedBudgetWan) }} ·
                  {{ 'challenges.apply.completion' | transloco }}:
                  {{ mine.plannedCompletionDate ?? '—' }}
                </p>
                <div class="actions">
                  @for (action of mine.allowedActions; track action) {
                    @if (action === 'edit') {
                      <button
                        nz-button
                        (click)="editingMine.set(true)"
                        data-testid="application-edit"
                      >
                        {{ applicationActionLabel(action) }}
                      </button>
                    } @else if (action === 'withdraw') {
                      <button
                        nz-button
                        nzDanger
                        (click)="askApplication(action, mine)"
                        data-testid="application-withdraw"
                      >
                        {{ applicationActionLabel(action) }}
                      </button>
                    }
                  }
                </div>
                @if (mine.status === 'withdrawn' && c.allowedActions.includes('apply')) {
                  <lz-challenge-apply-form />
                }
              }
            } @else if (c.allowedActions.includes('apply')) {
              <lz-challenge-apply-form />
            } @else {
              <p class="muted" data-testid="apply-closed">
                {{ 'challenges.apply.notOpen' | transloco }}
              </p>
            }
          </nz-card>
        }

        @if (c.party === 'manager' || c.applicationCount !== null) {
          <nz-card [nzTitle]="'challenges.applications.title' | transloco">
            @if (store.applications().status === 'error') {
              <p class="warning" role="alert">{{ 'state.error' | transloco }}</p>
            }
            <nz-table
              #apps
              [nzData]="store.applicationList()"
              [nzLoading]="store.applications().status === 'loading'"
              [nzShowPagination]="false"
              [nzPageSize]="200"
              [nzNoResult]="'challenges.applications.empty' | transloco"
              [nzScroll]="{ x: '900px' }"
              data-testid="applications"
            >
              <thead>
                <tr>
                  <th>{{ 'challenges.applications.organisation' | transloco }}</th>
                  <th>{{ 'challenges.applications.proposal' | transloco }}</th>
                  <th>{{ 'challenges.applications.quote' | transloco }}</th>
                  <th>{{ 'challenges.applications.completion' | transloco }}</th>
                  <th>{{ 'challenges.applications.status' | transloco }}</th>
                  <th>{{ 'challenges.applications.actions' | transloco }}</th>
                </tr>
              </thead>
              <tbody>
                @for (a of apps.data; track a.id) {
                  <tr data-testid="application-row">
                    <td>
                      {{ a.organisationName }}
                      <div class="muted">{{ kindLabel(a.organisationKind) }}</div>
                    </td>
                    <td class="proposal">{{ a.proposal }}</td>
                    <td class="nowrap">{{ budget(a.quotedBudgetWan) }}</td>
                    <td class="nowrap">{{ a.plannedCompletionDate ?? '—' }}</td>
                    <td>
                      <nz-tag
                        [nzColor]="applicationColour(a.status)"
                        data-testid="application-status"
                        >{{ applicationLabel(a.status) }}</nz-tag
                      >
                    </td>
                    <td>
                      <div class="actions">
                        @for (action of a.allowedActions; track action) {
                          @if (action === 'shortlist' || action === 'select') {
                            <button
                              nz-button
                              nzSize="small"
                              [nzType]="action === 'select' ? 'primary' : 'default'"
                              (click)="askApplication(action, a)"
                              [attr.data-testid]="'application-' + action"
                            >
                              {{ applicationActionLabel(action) }}
                            </button>
                          }
                        }
                      </div>
                    </td>
                  </tr>
                }
              </tbody>
            </nz-table>
          </nz-card>
        }
      </div>
    }

    <nz-modal
      [nzVisible]="pending() !== null"
      [nzTitle]="pendingTitle()"
      [nzOkText]="'challenges.confirm.ok' | transloco"
      [nzOkLoading]="busy()"
      [nzOkDanger]="pendingDanger()"
      (nzOnOk)="confirm()"
      (nzOnCancel)="pending.set(null)"
    >
      <ng-container *nzModalContent>
        <p data-testid="confirm-text">{{ pendingText() }}</p>
        @if (pending()?.action === 'cancel') {
          <label for="cancel-reason">{{ 'challenges.confirm.reason' | transloco }}</label>
          <textarea
            nz-input
            id="cancel-reason"
            rows="3"
            [(ngModel)]="reason"
            data-testid="cancel-reason"
          ></textarea>
        }
        @if (actionError(); as message) {
          <div class="error" role="alert" data-testid="confirm-error">{{ message }}</div>
        }
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .page {
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    .spin {
      display: block;
      margin: 48px auto;
    }
    .back {
      display: inline-block;
      margin-bottom: 8px;
    }
    .title-row {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 12px;
      align-items: flex-start;
    }
    .title {
      margin: 0 0 8px;
      font-size: 20px;
    }
    .actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
    .facts {
      margin-top: 16px;
    }
    .pre {
      white-space: pre-wrap;
    }
    .proposal {
      white-space: pre-wrap;
      max-width: 360px;
    }
    .nowrap {
      white-space: nowrap;
    }
    .muted {
      color: var(--lz-text-secondary);
      font-size: 12px;
    }
    .mine-head {
      display: flex;
      gap: 8px;
      align-items: center;
      margin-bottom: 8px;
    }
    .warning,
    .error {
      color: #cf1322;
    }
    .error {
      margin-top: 8px;
    }
    label {
      display: block;
      margin-bottom: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChallengeDetailComponent {
  protected readonly store = inject(ChallengeDetailStore);
  protected readonly languages = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);
  private readonly message = inject(NzMessageService);

  /** `:id` of the address. */
  readonly id = input.required<string>();

  protected readonly pending = signal<Pending | null>(null);
  protected readonly busy = signal(false);
  protected readonly actionError = signal<string | null>(null);
  protected readonly editingMine = signal(false);
  protected reason = '';

  protected readonly notFound = computed(() => {
    const state = this.store.detail();
    return state.status === 'error' && state.notFound === true;
  });

  protected readonly pendingTitle = computed(() => {
    this.languages.language();
    const pending = this.pending();
    if (!pending) return '';
    return pending.kind === 'challenge'
      ? this.actionLabel(pending.action)
      : this.applicationActionLabel(pending.action);
  });

  protected readonly pendingDanger = computed(() => {
    const action = this.pending()?.action;
    return action === 'cancel' || action === 'withdraw';
  });

  protected readonly pendingText = computed(() => {
    this.languages.language();
    const pending = this.pending();
    const challenge = this.store.challenge();
    if (!pending || !challenge) return '';
    if (pending.kind === 'challenge')
      return this.transloco.translate(`challenges.confirm.${pending.action}`);
    const name = pending.application.organisationName;
    if (pending.action === 'select') {
      const others = this.store
        .applicationList()
        .filter(
          (a) =>
            a.id !== pending.application.id &&
            (a.status === 'submitted' || a.status === 'shortlisted'),
        ).length;
      return this.transloco.translate('challenges.confirm.select', {
        name,
        tasks: challenge.milestones.length,
        others,
      });
    }
    return this.transloco.translate(`challenges.confirm.${pending.action}`, { name });
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.store.load(id));
    });
  }

  protected askChallenge(action: ChallengeAction): void {
    if (action === 'publish' || action === 'close' || action === 'cancel')
      this.ask({ kind: 'challenge', action });
  }

  protected askApplication(action: ApplicationAction, application: ChallengeApplicationDto): void {
    if (action !== 'edit') this.ask({ kind: 'application', action, application });
  }

  private ask(pending: Pending): void {
    this.reason = '';
    this.actionError.set(null);
    this.pending.set(pending);
  }

  async confirm(): Promise<void> {
    const pending = this.pending();
    if (!pending) return;
    if (pending.action === 'cancel' && !this.reason.trim()) {
      this.actionError.set(this.transloco.translate('challenges.confirm.reasonRequired'));
      return;
    }
    this.busy.set(true);
    this.actionError.set(null);
    try {
      if (pending.kind === 'challenge')
        await this.store.step(
          pending.action,
          pending.action === 'cancel' ? this.reason : undefined,
        );
      else await this.store.decide(pending.application, pending.action);
      this.pending.set(null);
      this.message.success(this.transloco.translate('challenges.confirm.done'));
    } catch (error) {
      const body = apiError(error);
      const detail = body?.details.map((d) => d.message).join('；');
      const text: string =
        detail || body?.message || this.transloco.translate<string>('state.error');
      if (httpStatus(error) === 409) this.afterConflict(pending, text);
      else this.actionError.set(text);
    } finally {
      this.busy.set(false);
    }
  }

  /**
   * Someone changed the challenge or the application first; the store has read both
   * again. The dialog goes on against what is there now if the step is still open
   * (saying why it stopped), or closes with the reason if it is not.
   */
  private afterConflict(pending: Pending, text: string): void {
    const message = `${text}${this.transloco.translate('challenges.confirm.reloaded')}`;
    const challenge = this.store.challenge();
    let still: Pending | null = null;
    if (pending.kind === 'challenge') {
      if (challenge?.allowedActions.includes(pending.action)) still = pending;
    } else {
      const fresh = this.store.applicationList().find((a) => a.id === pending.application.id);
      if (fresh?.allowedActions.includes(pending.action))
        still = { ...pending, application: fresh };
    }
    if (still) {
      this.pending.set(still);
      this.actionError.set(message);
    } else {
      this.pending.set(null);
      this.message.warning(message);
    }
  }

  protected countdown(challenge: ChallengeDetailDto): string {
    return challenge.workdaysLeft === 0
      ? 'challenges.countdown.today'
      : 'challenges.countdown.left';
  }

  protected statusLabel(status: ChallengeStatus): string {
    return challengeLabels.status(status, this.languages.language());
  }

  protected statusColour(status: ChallengeStatus): string {
    return CHALLENGE_STATUS_COLOURS[status];
  }

  protected actionLabel(action: ChallengeAction): string {
    return challengeLabels.action(action, this.languages.language());
  }

  protected applicationLabel(status: ApplicationStatus): string {
    return challengeLabels.applicationStatus(status, this.languages.language());
  }

  protected applicationColour(status: ApplicationStatus): string {
    return APPLICATION_STATUS_COLOURS[status];
  }

  protected applicationActionLabel(action: ApplicationAction): string {
    return challengeLabels.applicationAction(action, this.languages.language());
  }

  protected kindLabel(kind: OrganisationKind): string {
    return challengeLabels.organisationKind(kind, this.languages.language());
  }

  protected budget(value: number | null): string {
    return formatWan(value, this.languages.language());
  }
}
