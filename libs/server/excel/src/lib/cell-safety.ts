/**
 * Formula injection (CSV/Excel injection, OWASP): a text cell that starts with one of
 * these characters is taken for a formula by a spreadsheet as soon as someone edits it
 * or saves the sheet as CSV. Every text cell the platform writes goes through
 * {@link neutralise}; every cell it reads goes through {@link restore}, so a value
 * exported and imported again comes back exactly as it was, and is never evaluated.
 */
const TRIGGERS = /^[=+\-@\t\r]/;
const NEUTRALISED = /^'[=+\-@\t\r]/;

/** Prefixes a dangerous text with an apostrophe, which spreadsheets show as text. */
export function neutralise(value: string): string {
  return TRIGGERS.test(value) ? `'${value}` : value;
}

/** The inverse of {@link neutralise}: drops the apostrophe it added, nothing else. */
export function restore(value: string): string {
  return NEUTRALISED.test(value) ? value.slice(1) : value;
}

/** Whether a text would be taken for a formula if written as is. */
export function isFormulaLike(value: string): boolean {
  return TRIGGERS.test(value);
}
