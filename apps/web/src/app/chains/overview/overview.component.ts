import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { LEADERSHIP_LABELS, type LeadershipKind } from '@lianzhang/domain';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzStatisticModule } from 'ng-zorro-antd/statistic';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { SessionStore } from '../../auth/session.store';
import { LanguageService } from '../../i18n/language.service';
import { ChainHealthCardComponent } from '../../insights/health/chain-health-card.component';
import { labelOf } from '../chain-labels';
import { ChainStore } from '../chain.store';

/** 概览: who leads the chain, what it counts, its target and the plan section behind it. */
@Component({
  selector: 'lz-chain-overview',
  imports: [
    RouterLink,
    ChainHealthCardComponent,
    NzCardModule,
    NzDescriptionsModule,
    NzEmptyModule,
    NzStatisticModule,
    NzTagModule,
    TranslocoPipe,
  ],
  template: `
    @if (store.chain(); as chain) {
      <div class="overview" data-testid="chain-overview">
        <div class="counts">
          @for (count of counts(); track count.path) {
            <a
              class="count"
              [routerLink]="['..', count.path]"
              [attr.data-testid]="'count-' + count.path"
            >
              <nz-card nzHoverable>
                <nz-statistic [nzValue]="count.value" [nzTitle]="count.label | transloco" />
              </nz-card>
            </a>
          }
        </div>
        @if (session.can('insight:read')) {
          <lz-chain-health-card class="health" [chainId]="chain.id" />
        }
        <nz-card [nzTitle]="'chains.overview.leaders' | transloco" data-testid="chain-leaders">
          @if (chain.leaders.length === 0) {
            <nz-empty [nzNotFoundContent]="'chains.overview.noLeaders' | transloco" />
          } @else {
            <ul class="leaders">
              @for (leader of chain.leaders; track leader.userId + leader.kind) {
                <li>
                  <nz-tag [nzColor]="leader.kind === 'office' ? 'default' : 'geekblue'">{{
                    leadershipLabel(leader.kind)
                  }}</nz-tag>
                  {{ leader.displayName }}
                </li>
              }
            </ul>
          }
        </nz-card>
        <nz-card [nzTitle]="'chains.overview.target' | transloco" data-testid="chain-target">
          <nz-descriptions nzBordered [nzColumn]="1" nzSize="small">
            <nz-descriptions-item [nzTitle]="'chains.overview.targetText' | transloco">
              {{ chain.targetText ?? '—' }}
            </nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'chains.overview.targetValue' | transloco">
              @if (chain.targetValue !== null) {
                {{ chain.targetValue }} {{ chain.targetUnit ?? '' }}
              } @else {
                —
              }
            </nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'chains.overview.code' | transloco">
              {{ chain.code }}
            </nz-descriptions-item>
          </nz-descriptions>
        </nz-card>
        <nz-card [nzTitle]="'chains.overview.plan' | transloco" data-testid="chain-plan">
          @if (chain.planSection) {
            <p class="plan">{{ chain.planSection }}</p>
          } @else {
            <nz-empty [nzNotFoundContent]="'chains.overview.noPlan' | transloco" />
          }
        </nz-card>
      </div>
    }
  `,
  styles: `
    .overview {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(320px, 1fr));
      gap: 16px;
    }
    .counts {
      grid-column: 1 / -1;
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(140px, 1fr));
      gap: 12px;
    }
    .count {
      color: inherit;
    }
    .health {
      grid-column: 1 / -1;
    }
    .leaders {
      list-style: none;
      padding: 0;
      margin: 0;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .plan {
      white-space: pre-wrap;
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OverviewComponent {
  protected readonly store = inject(ChainStore);
  protected readonly session = inject(SessionStore);
  private readonly languages = inject(LanguageService);

  protected readonly counts = computed(() => {
    const counts = this.store.chain()?.counts;
    if (!counts) return [];
    return [
      { path: 'members', label: 'chains.overview.members', value: counts.members },
      { path: 'map', label: 'chains.overview.nodes', value: counts.nodes },
      { path: 'short-boards', label: 'chains.overview.shortBoards', value: counts.shortBoards },
      { path: 'projects', label: 'chains.overview.projects', value: counts.projects },
      { path: 'tasks', label: 'chains.overview.openTasks', value: counts.openTasks },
    ];
  });

  protected leadershipLabel(kind: LeadershipKind): string {
    return labelOf(LEADERSHIP_LABELS, kind, this.languages.language());
  }
}
