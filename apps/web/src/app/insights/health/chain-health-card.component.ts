import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ChainHealthDto } from '@lianzhang/contracts';
import { provideTranslocoScope, TranslocoDirective, TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import type { LoadState } from '../../home/home.store';
import { InsightsClient } from '../insights.client';
import { HealthBreakdownComponent } from './health-breakdown.component';

/**
 * One chain's health score and its breakdown, for the chain workbench's overview. Shown
 * to roles with `insight:read` (the page decides); brings the insights texts with it.
 */
@Component({
  selector: 'lz-chain-health-card',
  imports: [
    RouterLink,
    HealthBreakdownComponent,
    NzButtonModule,
    NzCardModule,
    NzSkeletonModule,
    TranslocoDirective,
    TranslocoPipe,
  ],
  providers: [provideTranslocoScope('insights')],
  // The structural *transloco renders only once the insights scope has loaded, so no
  // title or link is ever shown (or read by a screen reader) without its text.
  template: `
    <ng-container *transloco="let t">
      <nz-card
        [nzTitle]="'insights.health.card' | transloco"
        [nzExtra]="more"
        data-testid="chain-health-card"
      >
        @switch (state().status) {
          @case ('loading') {
            <nz-skeleton [nzActive]="true" [nzParagraph]="{ rows: 3 }" />
          }
          @case ('error') {
            <div class="error" role="alert" data-testid="chain-health-error">
              <span>{{ 'insights.health.cardError' | transloco }}</span>
              <button nz-button nzSize="small" (click)="load()" data-testid="chain-health-retry">
                {{ 'state.retry' | transloco }}
              </button>
            </div>
          }
          @case ('ready') {
            @if (value(); as health) {
              <lz-health-breakdown [chain]="health" [showTrend]="false" />
            }
          }
        }
      </nz-card>
      <ng-template #more>
        <a routerLink="/insights/health">{{ 'insights.health.cardMore' | transloco }}</a>
      </ng-template>
    </ng-container>
  `,
  styles: `
    .error {
      display: flex;
      align-items: center;
      gap: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChainHealthCardComponent {
  private readonly client = inject(InsightsClient);
  readonly chainId = input.required<string>();
  protected readonly state = signal<LoadState<ChainHealthDto>>({ status: 'loading' });

  constructor() {
    effect(() => {
      this.chainId();
      untracked(() => this.load());
    });
  }

  /** Loads the chain's health; again after an error (the retry button). */
  load(): void {
    const id = this.chainId();
    this.state.set({ status: 'loading' });
    this.client
      .chainHealth(id)
      .then((value) => {
        if (this.chainId() === id) this.state.set({ status: 'ready', value });
      })
      .catch(() => {
        if (this.chainId() === id) this.state.set({ status: 'error' });
      });
  }

  protected value(): ChainHealthDto | null {
    const state = this.state();
    return state.status === 'ready' ? state.value : null;
  }
}
