import { ChangeDetectionStrategy, Component, inject, type OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import type { ChallengeDto } from '@lianzhang/contracts';
import { CHALLENGE_STATUSES, type ChallengeStatus } from '@lianzhang/domain';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { SessionStore } from '../../auth/session.store';
import { LanguageService } from '../../i18n/language.service';
import { CHALLENGE_STATUS_COLOURS, challengeLabels, formatWan } from '../challenge-labels';
import { PAGE_SIZE } from '../challenges.client';
import { ChallengeListStore } from '../challenges.store';

/**
 * 揭榜挂帅: the open calls of every chain (and, for the chain side, its drafts), newest
 * first, narrowed by status, chain and "mine"; each with its deadline, budget and, for
 * those who run it, the number of applications.
 */
@Component({
  selector: 'lz-challenge-list',
  imports: [
    FormsModule,
    RouterLink,
    NzButtonModule,
    NzCardModule,
    NzCheckboxModule,
    NzIconModule,
    NzResultModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    TranslocoPipe,
  ],
  providers: [ChallengeListStore],
  template: `
    <nz-card
      [nzTitle]="'challenges.list.title' | transloco"
      [nzExtra]="extra"
      data-testid="challenge-list"
    >
      <p class="lead">{{ 'challenges.list.lead' | transloco }}</p>
      <div class="filters" role="search">
        <div class="filter">
          <label for="challenge-filter-status">{{ 'challenges.list.status' | transloco }}</label>
          <nz-select
            nzId="challenge-filter-status"
            nzAllowClear
            [nzPlaceHolder]="'challenges.list.allStatuses' | transloco"
            [ngModel]="store.filter().status"
            (ngModelChange)="store.setStatus($event ?? null)"
            data-testid="filter-status"
          >
            @for (status of statuses; track status) {
              <nz-option [nzValue]="status" [nzLabel]="statusLabel(status)" />
            }
          </nz-select>
        </div>
        <div class="filter">
          <label for="challenge-filter-chain">{{ 'challenges.list.chain' | transloco }}</label>
          <nz-select
            nzId="challenge-filter-chain"
            nzAllowClear
            nzShowSearch
            [nzPlaceHolder]="'challenges.list.allChains' | transloco"
            [ngModel]="store.filter().chainId"
            (ngModelChange)="store.setChain($event ?? null)"
            data-testid="filter-chain"
          >
            @for (chain of store.chainOptions(); track chain.id) {
              <nz-option
                [nzValue]="chain.id"
                [nzLabel]="languages.language() === 'en' ? chain.nameEn : chain.nameZh"
              />
            }
          </nz-select>
        </div>
        @if (mineLabel(); as label) {
          <label
            nz-checkbox
            for="challenge-filter-mine"
            nzId="challenge-filter-mine"
            class="mine"
            [ngModel]="store.filter().mine"
            (ngModelChange)="store.setMine($event)"
            data-testid="filter-mine"
            >{{ label | transloco }}</label
          >
        }
      </div>
      @if (store.state().status === 'error') {
        <nz-result nzStatus="warning" [nzTitle]="'state.error' | transloco">
          <div nz-result-extra>
            <button nz-button (click)="store.load()">{{ 'state.retry' | transloco }}</button>
          </div>
        </nz-result>
      } @else {
        <nz-table
          #table
          [nzData]="store.items()"
          [nzLoading]="store.state().status === 'loading'"
          [nzFrontPagination]="false"
          [nzTotal]="store.total()"
          [nzPageIndex]="store.filter().page"
          [nzPageSize]="pageSize"
          [nzNoResult]="'challenges.list.empty' | transloco"
          [nzScroll]="{ x: '960px' }"
          (nzPageIndexChange)="store.setPage($event)"
        >
          <thead>
            <tr>
              <th>{{ 'challenges.list.name' | transloco }}</th>
              <th>{{ 'challenges.list.chain' | transloco }}</th>
              <th>{{ 'challenges.list.status' | transloco }}</th>
              <th>{{ 'challenges.list.budget' | transloco }}</th>
              <th>{{ 'challenges.list.deadline' | transloco }}</th>
              <th>{{ 'challenges.list.applications' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (challenge of table.data; track challenge.id) {
              <tr data-testid="challenge-row">
                <td>
                  <a [routerLink]="['/challenges', challenge.id]" data-testid="challenge-link">{{
                    challenge.title
                  }}</a>
                  <div class="muted">{{ challenge.shortBoardTitle }}</div>
                </td>
                <td>
                  {{ languages.language() === 'en' ? challenge.chainNameEn : challenge.chainName }}
                </td>
                <td>
                  <nz-tag
                    [nzColor]="statusColour(challenge.status)"
                    data-testid="challenge-status"
                    >{{ statusLabel(challenge.status) }}</nz-tag
                  >
                </td>
                <td class="number">{{ budget(challenge.budgetWan) }}</td>
                <td>
                  {{ challenge.deadline }}
                  @if (challenge.workdaysLeft !== null) {
                    <div class="muted">
                      {{ countdown(challenge) | transloco: { n: challenge.workdaysLeft } }}
                    </div>
                  }
                </td>
                <td>
                  @if (challenge.selectedOrganisationName; as winner) {
                    <span>{{ 'challenges.list.selected' | transloco: { name: winner } }}</span>
                  } @else if (challenge.applicationCount !== null) {
                    {{ challenge.applicationCount }}
                  } @else if (challenge.applied) {
                    <nz-tag nzColor="cyan">{{ 'challenges.list.applied' | transloco }}</nz-tag>
                  } @else {
                    —
                  }
                </td>
              </tr>
            }
          </tbody>
        </nz-table>
      }
    </nz-card>
    <ng-template #extra>
      @if (session.can('challenge:manage')) {
        <a nz-button nzType="primary" routerLink="/challenges/new" data-testid="challenge-new">
          <nz-icon nzType="plus" /> <span>{{ 'challenges.list.new' | transloco }}</span>
        </a>
      }
    </ng-template>
  `,
  styles: `
    .lead {
      color: var(--lz-text-secondary);
      margin-top: 0;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 12px 24px;
      align-items: flex-end;
      margin-bottom: 16px;
    }
    .filter {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .filter nz-select {
      width: 220px;
    }
    .mine {
      margin-bottom: 6px;
    }
    .muted {
      color: var(--lz-text-secondary);
      font-size: 12px;
    }
    .number {
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChallengeListComponent implements OnInit {
  protected readonly store = inject(ChallengeListStore);
  protected readonly session = inject(SessionStore);
  protected readonly languages = inject(LanguageService);
  protected readonly statuses = CHALLENGE_STATUSES;
  protected readonly pageSize = PAGE_SIZE;

  ngOnInit(): void {
    void this.store.init();
  }

  /** "Mine" is one's own applications for an applicant, one's chains for the chain side. */
  protected mineLabel(): string | null {
    if (this.session.can('challenge:apply')) return 'challenges.list.mineApplicant';
    if (this.session.can('challenge:manage')) return 'challenges.list.mineManager';
    return null;
  }

  protected statusLabel(status: ChallengeStatus): string {
    return challengeLabels.status(status, this.languages.language());
  }

  protected statusColour(status: ChallengeStatus): string {
    return CHALLENGE_STATUS_COLOURS[status];
  }

  protected budget(value: number): string {
    return formatWan(value, this.languages.language());
  }

  protected countdown(challenge: ChallengeDto): string {
    return challenge.workdaysLeft === 0
      ? 'challenges.countdown.today'
      : 'challenges.countdown.left';
  }
}
