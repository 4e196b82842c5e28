import data from 'chinese-days/dist/chinese-days.json';
import type { OfficialCalendar } from './workday-calendar';

/**
 * The State Council holiday notices as the `chinese-days` package carries them (2004 to
 * the latest published year). Chosen over a table of our own: it is kept up to date with
 * each year's notice and has every 调休 make-up day; the province's overrides cover a
 * notice that is newer than the installed package.
 */
export const OFFICIAL_CALENDAR: OfficialCalendar = {
  holidays: data.holidays,
  workdays: data.workdays,
};
