/**
 * exceljs expands every merged range (`<mergeCell ref>`) and every data-validation range
 * (`<dataValidation sqref>`) into one object per cell when it loads a sheet: a 6 KB file
 * declaring `A1:Z100000` merged costs seconds and most of a gigabyte, far beyond what
 * the zip-bomb check counts. This scanner reads a worksheet part as it is inflated and
 * adds up the cells those two elements cover, so the reader can refuse a range bomb
 * before exceljs sees it. Other `sqref` attributes (selections, conditional formats) are
 * kept as text by exceljs and are not counted.
 */
const MARKERS = ['<mergeCell', '<dataValidation'] as const;
/** The longest start tag worth reading; a longer one is refused as a bomb. */
const MAX_TAG = 256 * 1024;
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

export class RangeScanner {
  /** Cells covered by the merged and validated ranges seen so far. */
  cells = 0;
  /** Set when a start tag is too long to read: treat as a bomb. */
  overlong = false;
  private pending = '';
  private tag: string | null = null;

  /** Feeds the next inflated bytes of a worksheet part. */
  push(chunk: Buffer): void {
    // latin1 maps bytes to characters one to one; the markup looked for is ASCII.
    const text = this.pending + chunk.toString('latin1');
    this.pending = '';
    let at = 0;
    while (at < text.length) {
      if (this.tag !== null) {
        const end = text.indexOf('>', at);
        if (end < 0) {
          this.tag += text.slice(at);
          if (this.tag.length > MAX_TAG) this.overlong = true;
          return;
        }
        this.count(this.tag + text.slice(at, end));
        this.tag = null;
        at = end + 1;
        continue;
      }
      let next = -1;
      let length = 0;
      for (const marker of MARKERS) {
        const found = text.indexOf(marker, at);
        if (found >= 0 && (next < 0 || found < next)) {
          next = found;
          length = marker.length;
        }
      }
      if (next < 0) {
        // Keep enough of the end to find a marker cut in two by the next chunk.
        this.pending = text.slice(Math.max(at, text.length - 16));
        return;
      }
      const after = text.charAt(next + length);
      if (after === '') {
        this.pending = text.slice(next);
        return;
      }
      if (/\s/.test(after)) {
        this.tag = '';
        at = next + length;
      } else {
        // `<mergeCells`, `<dataValidations`: the containers, not the ranges.
        at = next + 1;
      }
    }
  }

  private count(tag: string): void {
    const match = /\s(?:sq)?ref\s*=\s*"([^"]*)"/.exec(tag);
    if (match) this.cells += rangeListCells(match[1] ?? '');
  }
}

/** Cells covered by a space-separated list of references such as `A1 B2:C30 D:D`. */
export function rangeListCells(list: string): number {
  let cells = 0;
  for (const reference of list.trim().split(/\s+/)) {
    if (!reference) continue;
    const [from = '', to = from] = reference.split(':');
    const a = parseReference(from);
    const b = parseReference(to);
    const rows = a.row && b.row ? Math.abs(b.row - a.row) + 1 : MAX_ROWS;
    const columns = a.column && b.column ? Math.abs(b.column - a.column) + 1 : MAX_COLUMNS;
    cells += rows * columns;
  }
  return cells;
}

function parseReference(reference: string): { row: number | null; column: number | null } {
  const match = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(reference);
  if (!match) return { row: null, column: null };
  const letters = (match[1] ?? '').toUpperCase();
  let column = 0;
  for (const letter of letters) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: match[2] ? Number(match[2]) : null, column: letters ? column : null };
}
