import { DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { ChainHealthDto } from '@lianzhang/contracts';
import type { ChainColour, HealthComponentKey, HealthOmission } from '@lianzhang/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ChartComponent } from '../../charts/chart.component';
import { LanguageService } from '../../i18n/language.service';
import { healthTrendOption } from './health.charts';
import { componentLabel, GRADE_TAGS, gradeLabel, omissionLabel } from './health-labels';

/**
 * Why a chain has its score: each part with its weight, its score and what was counted,
 * the parts left out and why, and (optionally) the daily snapshots as a line.
 */
@Component({
  selector: 'lz-health-breakdown',
  imports: [
    DecimalPipe,
    PercentPipe,
    ChartComponent,
    NzEmptyModule,
    NzProgressModule,
    NzTagModule,
    TranslocoPipe,
  ],
  template: `
    @let health = chain();
    <div class="head" data-testid="health-breakdown">
      <span class="score" data-testid="health-score">{{
        health.score === null ? '—' : (health.score | number: '1.1-1')
      }}</span>
      @if (health.grade; as grade) {
        <nz-tag [nzColor]="tag(grade)">{{ grade_(grade) }}</nz-tag>
      } @else {
        <span class="muted">{{ health.reason?.[language()] }}</span>
      }
    </div>
    @if (health.components.length > 0) {
      <table class="parts">
        <caption class="sr-only">
          {{
            'insights.health.component' | transloco
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'insights.health.component' | transloco }}</th>
            <th scope="col" class="num">{{ 'insights.health.weight' | transloco }}</th>
            <th scope="col" class="bar">{{ 'insights.health.componentScore' | transloco }}</th>
            <th scope="col">{{ 'insights.health.explanation' | transloco }}</th>
          </tr>
        </thead>
        <tbody>
          @for (part of health.components; track part.key) {
            <tr [attr.data-testid]="'health-part-' + part.key">
              <th scope="row">{{ partLabel(part.key) }}</th>
              <td class="num">{{ part.appliedWeight | percent: '1.0-0' }}</td>
              <td class="bar">
                <nz-progress
                  [nzPercent]="part.score"
                  nzSize="small"
                  [nzStatus]="part.score < 60 ? 'exception' : 'normal'"
                  [nzFormat]="scoreText"
                />
              </td>
              <td>{{ part.explanation[language()] }}</td>
            </tr>
          }
        </tbody>
      </table>
    }
    @if (health.omitted.length > 0) {
      <div class="omitted" data-testid="health-omitted">
        <strong>{{ 'insights.health.omitted' | transloco }}</strong>
        <ul>
          @for (part of health.omitted; track part.key) {
            <li>
              {{
                'insights.health.omittedItem'
                  | transloco: { part: partLabel(part.key), reason: omission(part.reason) }
              }}
            </li>
          }
        </ul>
      </div>
    }
    @if (showTrend()) {
      <h4>{{ 'insights.health.trendTitle' | transloco }}</h4>
      @if (health.trend.length > 0) {
        <lz-chart
          [options]="trendOption()"
          [height]="220"
          [label]="'insights.health.trendLabel' | transloco: { chain: name() }"
          data-testid="health-trend"
        />
      } @else {
        <nz-empty [nzNotFoundContent]="'insights.health.trendEmpty' | transloco" />
      }
    }
  `,
  styles: `
    .head {
      display: flex;
      align-items: center;
      gap: 12px;
      margin-bottom: 12px;
    }
    .score {
      font-size: 32px;
      font-weight: 600;
      line-height: 1;
    }
    .muted {
      color: rgba(0, 0, 0, 0.65);
    }
    .parts {
      width: 100%;
      border-collapse: collapse;
    }
    .parts th,
    .parts td {
      text-align: left;
      padding: 6px 8px;
      border-bottom: 1px solid #f0f0f0;
      vertical-align: top;
      font-weight: normal;
    }
    .parts thead th {
      font-weight: 600;
      background: #fafafa;
    }
    .num {
      width: 64px;
      text-align: right !important;
    }
    .bar {
      width: 140px;
    }
    .omitted {
      margin: 12px 0 0;
      color: rgba(0, 0, 0, 0.65);
    }
    .omitted ul {
      margin: 4px 0 0;
      padding-left: 20px;
    }
    h4 {
      margin: 16px 0 8px;
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
export class HealthBreakdownComponent {
  readonly chain = input.required<ChainHealthDto>();
  readonly showTrend = input(true);

  private readonly languages = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);
  protected readonly language = this.languages.language;
  protected readonly scoreText = (percent: number) => `${percent}`;

  protected readonly name = computed(() =>
    this.language() === 'en' ? this.chain().nameEn : this.chain().nameZh,
  );
  protected readonly trendOption = computed(() => {
    this.language();
    return healthTrendOption(
      this.chain().trend,
      this.transloco.translate('insights.health.scoreSeries'),
    );
  });

  protected tag(grade: ChainColour): string {
    return GRADE_TAGS[grade];
  }

  protected grade_(grade: ChainColour): string {
    return gradeLabel(grade, this.language());
  }

  protected partLabel(key: HealthComponentKey): string {
    return componentLabel(key, this.language());
  }

  protected omission(reason: HealthOmission): string {
    return omissionLabel(reason, this.language());
  }
}
