// CSV as the command line writes it (extract, summary, sum).

/** Widest row of any table (table 三: six applicant columns and the total): the c1…c7 columns. */
export const CSV_CELLS = 7;

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
