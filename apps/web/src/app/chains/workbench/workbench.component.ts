import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { CHAIN_LEVEL_LABELS, INDUSTRY_GROUP_LABELS } from '@lianzhang/domain';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzMenuModule } from 'ng-zorro-antd/menu';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { LanguageService } from '../../i18n/language.service';
import { labelOf } from '../chain-labels';
import { ChainStore } from '../chain.store';

interface Tab {
  readonly path: string;
  readonly label: string;
}

/**
 * 链长工作台: one chain, with a tab per job (map, members, short boards, projects,
 * tasks, review, requests, policy). The tabs are child routes, so each has an address
 * and the browser's back button moves between them.
 */
@Component({
  selector: 'lz-chain-workbench',
  imports: [
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    NzButtonModule,
    NzIconModule,
    NzResultModule,
    NzSpinModule,
    NzMenuModule,
    NzTagModule,
    TranslocoPipe,
  ],
  template: `
    <div class="workbench" data-testid="chain-workbench">
      <a routerLink="/chains" class="back" data-testid="chain-back">
        <nz-icon nzType="arrow-left" /> <span>{{ 'chains.workbench.back' | transloco }}</span>
      </a>
      @switch (store.detail().status) {
        @case ('loading') {
          <div class="state"><nz-spin [nzTip]="'state.loading' | transloco" /></div>
        }
        @case ('error') {
          <nz-result
            [nzStatus]="notFound() ? '404' : 'warning'"
            [nzTitle]="(notFound() ? 'chains.workbench.notFound' : 'state.error') | transloco"
          >
            <div nz-result-extra>
              <button nz-button (click)="retry()">{{ 'state.retry' | transloco }}</button>
            </div>
          </nz-result>
        }
        @case ('ready') {
          @if (store.chain(); as chain) {
            <header class="header">
              <h2 data-testid="chain-title">{{ chainName() }}</h2>
              <nz-tag nzColor="blue">{{ groupLabel() }}</nz-tag>
              <nz-tag>{{ levelLabel() }}</nz-tag>
              @if (!chain.canEdit) {
                <nz-tag nzColor="default" data-testid="read-only">{{
                  'chains.workbench.readOnly' | transloco
                }}</nz-tag>
              }
            </header>
            <!-- A menu of links, not nz-tabs: a tab holding a link nests one control in another. -->
            <nav [attr.aria-label]="chainName()">
              <ul nz-menu nzMode="horizontal" class="tabs" data-testid="chain-tabs">
                @for (tab of tabs(); track tab.path) {
                  <li
                    nz-menu-item
                    [routerLink]="['/chains', chain.id, tab.path]"
                    routerLinkActive
                    #active="routerLinkActive"
                    [nzSelected]="active.isActive"
                    [attr.data-testid]="'tab-' + tab.path"
                  >
                    {{ tab.label | transloco }}
                  </li>
                }
              </ul>
            </nav>
            <router-outlet />
          }
        }
      }
    </div>
  `,
  styles: `
    .tabs {
      background: transparent;
    }
    .workbench {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .back {
      align-self: flex-start;
    }
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .header h2 {
      margin: 0 8px 0 0;
      font-size: 20px;
    }
    .state {
      padding: 48px;
      text-align: center;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorkbenchComponent {
  protected readonly store = inject(ChainStore);
  private readonly languages = inject(LanguageService);
  /** The route's `:id`. */
  readonly id = input.required<string>();

  protected readonly notFound = computed(() => {
    const state = this.store.detail();
    return state.status === 'error' && state.notFound === true;
  });

  protected readonly tabs = computed<Tab[]>(() => {
    const tabs: Tab[] = [
      { path: 'overview', label: 'chains.tabs.overview' },
      { path: 'map', label: 'chains.tabs.map' },
      { path: 'members', label: 'chains.tabs.members' },
      { path: 'short-boards', label: 'chains.tabs.shortBoards' },
      { path: 'projects', label: 'chains.tabs.projects' },
      { path: 'tasks', label: 'chains.tabs.tasks' },
    ];
    if (this.store.canReview()) tabs.push({ path: 'review', label: 'chains.tabs.review' });
    tabs.push({ path: 'requests', label: 'chains.tabs.requests' });
    tabs.push({ path: 'policy', label: 'chains.tabs.policy' });
    return tabs;
  });

  protected readonly chainName = computed(() => {
    const chain = this.store.chain();
    if (!chain) return '';
    return this.languages.language() === 'en' ? chain.nameEn : chain.nameZh;
  });

  protected readonly groupLabel = computed(() => {
    const chain = this.store.chain();
    return chain
      ? labelOf(INDUSTRY_GROUP_LABELS, chain.industryGroup, this.languages.language())
      : '';
  });

  protected readonly levelLabel = computed(() => {
    const chain = this.store.chain();
    return chain ? labelOf(CHAIN_LEVEL_LABELS, chain.level, this.languages.language()) : '';
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.store.load(id));
    });
  }

  protected retry(): void {
    void this.store.load(this.id(), true);
  }
}
