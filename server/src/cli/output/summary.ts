// `nianbao summary`: one line per report — body, year, 新收, 办结, 复议, 诉讼, errors, warnings, file — and a line of
// totals; as an aligned table (CJK characters count two columns), CSV or JSON.

import stringWidth from 'string-width';
import type { Locale } from '../../core/i18n';
import type { FileReport, KeyFigures } from '../analyse';
import { csvField } from './csv';
import { countsOf, type Colors } from './text';

export interface SummaryLine extends KeyFigures {
  file: string;
  body: string | null;
  year: number | null;
  errors: number;
  warnings: number;
}

export interface Summary {
  reports: SummaryLine[];
  /** Sums over the reports; a figure not read in some report is left out of its sum (`incomplete` names it). */
  totals: KeyFigures & { errors: number; warnings: number };
  /** The figures some report has no value for, so that their totals are partial. */
  incomplete: (keyof KeyFigures)[];
}

const FIGURES: (keyof KeyFigures)[] = ['received', 'handled', 'review', 'litigation'];

export function summarise(reports: readonly FileReport[]): Summary {
  const lines = reports
    .filter((r) => r.isReport)
    .map((r): SummaryLine => ({ file: r.file, body: r.title?.body ?? null, year: r.title?.year ?? null, ...r.figures, ...countsOf(r) }));
  const sum = (key: keyof KeyFigures) => lines.reduce((total, line) => total + (line[key] ?? 0), 0);
  return {
    reports: lines,
    totals: {
      received: sum('received'),
      handled: sum('handled'),
      review: sum('review'),
      litigation: sum('litigation'),
      errors: lines.reduce((t, l) => t + l.errors, 0),
      warnings: lines.reduce((t, l) => t + l.warnings, 0),
    },
    incomplete: FIGURES.filter((key) => lines.some((line) => line[key] === null)),
  };
}

const HEADERS: Record<Locale, string[]> = {
  zh: ['机关', '年度', '新收', '办结', '复议', '诉讼', '错误', '警告', '文件'],
  en: ['Body', 'Year', 'Received', 'Handled', 'Review', 'Litigation', 'Errors', 'Warnings', 'File'],
};

const cell = (value: string | number | null): string => (value === null ? '—' : String(value));

function rowCells(line: SummaryLine): string[] {
  return [cell(line.body), cell(line.year), ...FIGURES.map((k) => cell(line[k])), cell(line.errors), cell(line.warnings), line.file];
}

/** The summary as an aligned table: text columns left, figures right. */
export function summaryText(summary: Summary, locale: Locale, c: Colors): string {
  const totals = summary.totals;
  const totalLabel = locale === 'zh' ? `合计（${summary.reports.length} 份）` : `Total (${summary.reports.length})`;
  const totalCells = [totalLabel, '', ...FIGURES.map((k) => `${totals[k]}${summary.incomplete.includes(k) ? '*' : ''}`), String(totals.errors), String(totals.warnings), ''];
  const rows = [HEADERS[locale], ...summary.reports.map(rowCells), totalCells];
  const widths = HEADERS[locale].map((_, i) => Math.max(...rows.map((r) => stringWidth(r[i]))));
  const numeric = (i: number) => i >= 1 && i <= 7;
  const render = (cells: string[]) =>
    cells
      .map((text, i) => {
        const pad = ' '.repeat(widths[i] - stringWidth(text));
        return numeric(i) ? pad + text : i === cells.length - 1 ? text : text + pad;
      })
      .join('  ')
      .trimEnd();
  const lines = [c.bold(render(rows[0])), ...summary.reports.map((line) => {
    const text = render(rowCells(line));
    return line.errors > 0 ? c.red(text) : text;
  }), c.bold(render(totalCells))];
  if (summary.incomplete.length > 0) {
    lines.push(locale === 'zh' ? '* 有的报告未能读出该项（—），合计不含这些报告' : '* some reports have no figure here (—): the total leaves them out');
  }
  return `${lines.join('\n')}\n`;
}

const CSV_COLUMNS = ['file', 'body', 'year', 'received', 'handled', 'review', 'litigation', 'errors', 'warnings'] as const;

export function summaryCsv(summary: Summary): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const line of summary.reports) lines.push(CSV_COLUMNS.map((k) => csvField(line[k])).join(','));
  const t = summary.totals;
  lines.push(['', 'total', '', t.received, t.handled, t.review, t.litigation, t.errors, t.warnings].map(csvField).join(','));
  return `${lines.join('\n')}\n`;
}

export function summaryJson(summary: Summary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}
