import { addDays, parseIsoDate } from '@lianzhang/domain';

export interface NoticeLine {
  readonly date: string;
  readonly name: string;
  /** 1-based line of the text it came from, to point at it when the api refuses it. */
  readonly line: number;
}

export interface ParsedNotice {
  readonly entries: readonly NoticeLine[];
  /** Lines that could not be read, by line number. */
  readonly problems: readonly { readonly line: number; readonly text: string }[];
}

const LINE = /^(\d{4}-\d{2}-\d{2})(?:\s*(?:~|～|至|--|\.\.)\s*(\d{4}-\d{2}-\d{2}))?\s*(.*)$/;
const MAX_RANGE = 15;

/**
 * Reads the days of a State Council notice as typed, one line each: a date or a range
 * and a name, e.g. `2027-10-01~2027-10-07 国庆节` or `2027-09-26 国庆节调休`. Blank lines
 * are skipped; a line that is not a date (or a range over 15 days) is reported.
 */
export function parseNotice(text: string): ParsedNotice {
  const entries: NoticeLine[] = [];
  const problems: { line: number; text: string }[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (!trimmed) return;
    const match = LINE.exec(trimmed);
    if (!match) {
      problems.push({ line, text: trimmed });
      return;
    }
    const [, from = '', to, name = ''] = match;
    try {
      const span = to ? (parseIsoDate(to) - parseIsoDate(from)) / 86_400_000 : 0;
      if (span < 0 || span > MAX_RANGE) throw new RangeError('range');
      for (let i = 0; i <= span; i++) {
        entries.push({ date: addDays(from, i), name: name.trim(), line });
      }
    } catch {
      problems.push({ line, text: trimmed });
    }
  });
  return { entries, problems };
}
