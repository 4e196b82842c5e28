import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import type { CalendarDayDto } from '@lianzhang/contracts';
import { DAY_KIND_LABELS, DAY_SOURCE_LABELS, PROVISIONAL_DAY_LABEL } from '@lianzhang/domain';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../../i18n/language.service';

interface Cell {
  readonly date: string;
  readonly day: number;
  readonly info: CalendarDayDto | undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Monday 2024-01-01 and the six days after it, for the weekday names. */
const A_WEEK = [1, 2, 3, 4, 5, 6, 7].map((d) => new Date(Date.UTC(2024, 0, d)));

/**
 * One month of the workday calendar, weeks from Monday: each day coloured by its kind
 * (workday, weekend, holiday, 调休 make-up workday), marked when the province overrode it.
 */
@Component({
  selector: 'lz-calendar-month',
  imports: [TranslocoPipe],
  template: `
    <section class="month" [class.large]="large()" [attr.aria-label]="title()">
      <h3>{{ title() }}</h3>
      <!-- Days are buttons labelled with their date and kind; the weekday row is decoration. -->
      <div class="grid">
        @for (name of weekdays(); track $index) {
          <div class="weekday" aria-hidden="true">{{ name }}</div>
        }
        @for (cell of cells(); track $index) {
          @if (cell) {
            <button
              type="button"
              [class]="'day ' + (cell.info?.kind ?? 'unknown')"
              [class.override]="cell.info?.source === 'override'"
              [class.provisional]="cell.info?.provisional"
              [class.today]="cell.date === today()"
              [attr.aria-label]="describe(cell)"
              [title]="describe(cell)"
              [attr.data-date]="cell.date"
              [attr.data-kind]="cell.info?.kind"
              [attr.data-source]="cell.info?.source"
              [disabled]="!cell.info"
              (click)="cell.info && pick.emit(cell.info)"
              data-testid="calendar-day"
            >
              <span class="number">{{ cell.day }}</span>
              @if (large() && cell.info?.name; as name) {
                <span class="name">{{ name[language()] }}</span>
              }
              @if (cell.info?.source === 'override') {
                <span class="mark" aria-hidden="true"></span>
              }
            </button>
          } @else {
            <div class="blank" aria-hidden="true"></div>
          }
        }
      </div>
      @if (large()) {
        <p class="count">
          {{ 'admin.calendar.workdaysInMonth' | transloco: { count: workdays() } }}
        </p>
      }
    </section>
  `,
  styles: `
    .month h3 {
      font-size: 14px;
      margin: 0 0 6px;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(7, 1fr);
      gap: 2px;
    }
    .weekday {
      text-align: center;
      font-size: 12px;
      color: var(--lz-text-secondary);
    }
    .day {
      position: relative;
      border: 1px solid transparent;
      border-radius: 4px;
      padding: 2px 0;
      font-size: 12px;
      line-height: 20px;
      cursor: pointer;
      background: #fff;
      color: rgba(0, 0, 0, 0.88);
      min-width: 0;
    }
    .day:hover,
    .day:focus-visible {
      border-color: #0958d9;
      outline: none;
    }
    .day.weekend {
      background: #f5f5f5;
      color: var(--lz-text-secondary);
    }
    .day.holiday {
      background: #fff1f0;
      color: #cf1322;
    }
    .day.makeup_workday {
      background: #fff7e6;
      color: #ad4e00;
      font-weight: 600;
    }
    .day.provisional {
      font-style: italic;
    }
    .day.today {
      box-shadow: inset 0 0 0 2px #1677ff;
    }
    .mark {
      position: absolute;
      top: 2px;
      right: 2px;
      width: 6px;
      height: 6px;
      border-radius: 50%;
      background: #722ed1;
    }
    .large .grid {
      gap: 4px;
    }
    .large .day {
      min-height: 64px;
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      padding: 4px 6px;
      font-size: 14px;
      text-align: left;
    }
    .large .name {
      font-size: 12px;
      line-height: 16px;
      overflow: hidden;
      text-overflow: ellipsis;
      max-width: 100%;
    }
    .large .weekday {
      font-size: 13px;
    }
    .count {
      margin: 8px 0 0;
      color: rgba(0, 0, 0, 0.65);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CalendarMonthComponent {
  private readonly languages = inject(LanguageService);

  readonly year = input.required<number>();
  /** 1–12. */
  readonly month = input.required<number>();
  readonly days = input.required<ReadonlyMap<string, CalendarDayDto>>();
  readonly today = input<string>('');
  /** The month view: bigger cells with the holidays' names. */
  readonly large = input(false);
  readonly pick = output<CalendarDayDto>();

  protected readonly language = this.languages.language;

  protected readonly title = computed(() =>
    new Intl.DateTimeFormat(this.language(), {
      month: 'long',
      year: this.large() ? 'numeric' : undefined,
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(this.year(), this.month() - 1, 1))),
  );

  protected readonly weekdays = computed(() => {
    const format = new Intl.DateTimeFormat(this.language(), {
      weekday: this.large() ? 'short' : 'narrow',
      timeZone: 'UTC',
    });
    return A_WEEK.map((d) => format.format(d));
  });

  /** Blanks before the first (weeks start on Monday), then each day of the month. */
  protected readonly cells = computed<readonly (Cell | null)[]>(() => {
    const year = this.year();
    const month = this.month();
    const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const days = this.days();
    const cells: (Cell | null)[] = Array.from({ length: (first + 6) % 7 }, () => null);
    for (let day = 1; day <= length; day++) {
      const date = `${year}-${pad(month)}-${pad(day)}`;
      cells.push({ date, day, info: days.get(date) });
    }
    return cells;
  });

  protected readonly workdays = computed(() => this.cells().filter((c) => c?.info?.workday).length);

  protected describe(cell: Cell): string {
    const info = cell.info;
    // The name starts with the day's number, the text people see on the button.
    if (!info) return `${cell.day} · ${cell.date}`;
    const language = this.language();
    const parts = [String(cell.day), cell.date, DAY_KIND_LABELS[info.kind][language]];
    if (info.name) parts.push(info.name[language]);
    if (info.source === 'override') parts.push(DAY_SOURCE_LABELS.override[language]);
    if (info.provisional) parts.push(PROVISIONAL_DAY_LABEL[language]);
    return parts.join(' · ');
  }
}
