import { DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  type OnInit,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import type { ChainHealthDto } from '@lianzhang/contracts';
import type { ChainColour } from '@lianzhang/domain';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { LanguageService } from '../../i18n/language.service';
import { InsightsStore, type GradeFilter } from '../insights.store';
import { HealthBreakdownComponent } from './health-breakdown.component';
import { componentLabel, GRADE_TAGS, gradeLabel } from './health-labels';

/**
 * 健康度: every chain of the scope with its score and grade, worst first; a drawer
 * explains one chain's score part by part and draws its daily snapshots.
 */
@Component({
  selector: 'lz-insights-health',
  imports: [
    DecimalPipe,
    FormsModule,
    RouterLink,
    HealthBreakdownComponent,
    NzButtonModule,
    NzCardModule,
    NzDrawerModule,
    NzRadioModule,
    NzResultModule,
    NzSkeletonModule,
    NzTableModule,
    NzTagModule,
    TranslocoPipe,
  ],
  template: `
    @switch (store.health().status) {
      @case ('loading') {
        <nz-card><nz-skeleton [nzActive]="true" [nzParagraph]="{ rows: 8 }" /></nz-card>
      }
      @case ('error') {
        <nz-result nzStatus="warning" [nzTitle]="'state.error' | transloco">
          <div nz-result-extra>
            <button nz-button nzType="primary" (click)="store.loadHealth()">
              {{ 'state.retry' | transloco }}
            </button>
          </div>
        </nz-result>
      }
      @case ('ready') {
        <nz-card data-testid="health-tab" [nzTitle]="title" [nzExtra]="extra">
          <p class="thresholds">{{ 'insights.health.thresholds' | transloco }}</p>
          <nz-table
            #table
            [nzData]="store.chains()"
            [nzPageSize]="20"
            nzSize="small"
            [nzNoResult]="'state.empty' | transloco"
            data-testid="health-table"
          >
            <thead>
              <tr>
                <th>{{ 'insights.health.chain' | transloco }}</th>
                <th nzWidth="96px" nzAlign="right">{{ 'insights.health.score' | transloco }}</th>
                <th nzWidth="110px">{{ 'insights.health.grade' | transloco }}</th>
                <th>{{ 'insights.health.weakest' | transloco }}</th>
                <th nzWidth="96px">
                  <span class="sr-only">{{ 'insights.health.details' | transloco }}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              @for (chain of table.data; track chain.chainId) {
                <tr data-testid="health-row" [attr.data-chain]="chain.code">
                  <td>
                    <a [routerLink]="['/chains', chain.chainId, 'overview']">{{ name(chain) }}</a>
                  </td>
                  <td nzAlign="right">
                    {{ chain.score === null ? '—' : (chain.score | number: '1.1-1') }}
                  </td>
                  <td>
                    @if (chain.grade; as grade) {
                      <nz-tag [nzColor]="tag(grade)" data-testid="health-grade">{{
                        gradeText(grade)
                      }}</nz-tag>
                    } @else {
                      <span class="muted">{{ 'insights.health.noScore' | transloco }}</span>
                    }
                  </td>
                  <td>{{ weakest(chain) }}</td>
                  <td>
                    <button
                      nz-button
                      nzType="link"
                      (click)="open(chain)"
                      [attr.aria-label]="
                        'insights.health.detailsOf' | transloco: { chain: name(chain) }
                      "
                      data-testid="health-details"
                    >
                      {{ 'insights.health.details' | transloco }}
                    </button>
                  </td>
                </tr>
              }
            </tbody>
          </nz-table>
        </nz-card>
      }
    }
    <ng-template #title>
      <span>{{ 'insights.tabs.health' | transloco }}</span>
      @if (store.healthValue(); as health) {
        <span class="as-of">{{ 'insights.asOf' | transloco: { date: health.asOf } }}</span>
      }
    </ng-template>
    <ng-template #extra>
      <nz-radio-group
        [ngModel]="store.grade()"
        (ngModelChange)="setGrade($event)"
        nzButtonStyle="solid"
        nzSize="small"
        [attr.aria-label]="'insights.health.grade' | transloco"
        data-testid="health-grade-filter"
      >
        <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -- nz-radio-button renders its own input inside the label -->
        <label nz-radio-button [nzValue]="null">{{ 'insights.health.all' | transloco }}</label>
        @for (grade of grades; track grade) {
          <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -- nz-radio-button renders its own input inside the label -->
          <label nz-radio-button [nzValue]="grade"
            >{{ gradeText(grade) }} {{ store.gradeCounts()[grade] }}</label
          >
        }
        <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -- nz-radio-button renders its own input inside the label -->
        <label nz-radio-button nzValue="none"
          >{{ 'insights.health.gradeNone' | transloco }} {{ store.gradeCounts().none }}</label
        >
      </nz-radio-group>
    </ng-template>
    <nz-drawer
      [nzVisible]="selected() !== null"
      [nzTitle]="drawerTitle()"
      [nzWidth]="drawerWidth"
      (nzOnClose)="selected.set(null)"
    >
      <ng-container *nzDrawerContent>
        @if (selected(); as chain) {
          <lz-health-breakdown [chain]="chain" />
          <p class="open-chain">
            <a [routerLink]="['/chains', chain.chainId, 'overview']">{{
              'insights.health.open' | transloco
            }}</a>
          </p>
        }
      </ng-container>
    </nz-drawer>
  `,
  styles: `
    .thresholds {
      margin: 0 0 12px;
      color: rgba(0, 0, 0, 0.65);
    }
    .as-of {
      margin-left: 12px;
      font-weight: normal;
      font-size: 13px;
      color: rgba(0, 0, 0, 0.65);
    }
    .muted {
      color: rgba(0, 0, 0, 0.65);
    }
    .open-chain {
      margin-top: 16px;
    }
    .sr-only {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HealthTabComponent implements OnInit {
  protected readonly store = inject(InsightsStore);
  private readonly languages = inject(LanguageService);
  protected readonly grades: readonly ChainColour[] = ['red', 'yellow', 'green'];
  protected readonly selected = signal<ChainHealthDto | null>(null);
  protected readonly drawerWidth = Math.min(
    720,
    typeof window === 'undefined' ? 720 : window.innerWidth,
  );

  protected readonly drawerTitle = computed(() => {
    const chain = this.selected();
    return chain ? this.name(chain) : '';
  });

  ngOnInit(): void {
    void this.store.loadHealth();
  }

  protected name(chain: ChainHealthDto): string {
    return this.languages.language() === 'en' ? chain.nameEn : chain.nameZh;
  }

  protected tag(grade: ChainColour): string {
    return GRADE_TAGS[grade];
  }

  protected gradeText(grade: ChainColour): string {
    return gradeLabel(grade, this.languages.language());
  }

  /** The part that costs the chain most: the lowest score, the heavier weight on a tie. */
  protected weakest(chain: ChainHealthDto): string {
    const [worst] = [...chain.components].sort(
      (a, b) => a.score - b.score || b.appliedWeight - a.appliedWeight,
    );
    if (!worst || worst.score >= 100) return '—';
    return `${componentLabel(worst.key, this.languages.language())} · ${worst.explanation[this.languages.language()]}`;
  }

  protected setGrade(grade: GradeFilter): void {
    this.store.grade.set(grade);
  }

  protected open(chain: ChainHealthDto): void {
    this.selected.set(chain);
  }
}
