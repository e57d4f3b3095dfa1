/** Characters a spreadsheet reads as the start of a formula (or that hide one, like a leading tab). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: RFC 4180 quoting, and text that a spreadsheet would run as a formula
 * (`=HYPERLINK(…)`, `+1`, `@cmd`, a leading tab) prefixed with an apostrophe so it stays text. Numbers and
 * booleans are written as they are (a negative number is not a formula). Every CSV export uses it.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
