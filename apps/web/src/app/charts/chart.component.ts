import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  effect,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { LanguageService } from '../i18n/language.service';

/** The data of a clicked chart element, as ECharts reports it. */
export interface ChartClick {
  readonly name: string;
  readonly seriesName?: string;
  readonly dataType?: string;
  readonly data: unknown;
  readonly value: unknown;
}

/** ECharts, loaded on first use: pages without charts never download it. */
export function loadCharts(): Promise<typeof import('./echarts-setup')> {
  return import('./echarts-setup');
}

/**
 * One ECharts chart. Takes an option object, redraws when it changes, follows the size
 * of its box and the interface language (tooltips and toolbox texts), and reports
 * clicks so a figure can lead to the list behind it. Drawn as SVG: sharp in print and
 * in screenshots, and readable by the accessibility tree through `label`.
 */
@Component({
  selector: 'lz-chart',
  imports: [NzSpinModule, TranslocoPipe],
  template: `
    <div
      #host
      class="chart"
      role="img"
      [attr.aria-label]="label()"
      [style.height.px]="height()"
    ></div>
    @if (!ready()) {
      <div class="loading"><nz-spin [nzTip]="'state.loading' | transloco" /></div>
    }
  `,
  styles: `
    :host {
      display: block;
      position: relative;
    }
    .chart {
      width: 100%;
    }
    .loading {
      position: absolute;
      inset: 0;
      display: flex;
      align-items: center;
      justify-content: center;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChartComponent {
  readonly options = input.required<EChartsCoreOption>();
  readonly height = input(320);
  /** What the chart shows, for screen readers. */
  readonly label = input.required<string>();
  readonly chartClick = output<ChartClick>();

  protected readonly ready = signal(false);
  private readonly host = viewChild.required<ElementRef<HTMLDivElement>>('host');
  private readonly languages = inject(LanguageService);
  private chart: ECharts | null = null;
  private chartLanguage: string | null = null;

  constructor() {
    const destroyRef = inject(DestroyRef);
    let destroyed = false;
    // jsdom (component tests) has no ResizeObserver; a browser always does.
    const resize =
      typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => this.chart?.resize());
    destroyRef.onDestroy(() => {
      destroyed = true;
      resize?.disconnect();
      this.chart?.dispose();
    });
    effect(() => {
      const options = this.options();
      const language = this.languages.language();
      const element = this.host().nativeElement;
      void loadCharts().then(({ echarts }) => {
        if (destroyed) return;
        if (this.chart && this.chartLanguage !== language) {
          this.chart.dispose();
          this.chart = null;
        }
        if (!this.chart) {
          this.chart = echarts.init(element, undefined, {
            renderer: 'svg',
            locale: language === 'en' ? 'EN' : 'ZH',
          });
          this.chartLanguage = language;
          this.chart.on('click', (event) => this.chartClick.emit(event as unknown as ChartClick));
          resize?.observe(element);
        }
        this.chart.setOption(options, { notMerge: true });
        this.ready.set(true);
      });
    });
  }
}
