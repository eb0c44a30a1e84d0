// The human output of `check`: findings grouped by file, each with its line:column (or its page and table cell in a
// Word file, PDF or web page), the source line under it with the finding's text marked, and a line of counts per
// file and for the run. Colours only on a terminal (NO_COLOR / FORCE_COLOR as everywhere).

import { createColors } from 'picocolors';
import stringWidth from 'string-width';
import type { Locale } from '../../core/i18n';
import { describePlace } from '../../readers';
import type { FileReport, FindingRecord } from '../analyse';

export type Colors = ReturnType<typeof createColors>;

/** Colours for a stream: on when it is a terminal, unless NO_COLOR says otherwise; FORCE_COLOR forces them. */
export function colorsFor(stream: { isTTY?: boolean }): Colors {
  const env = process.env;
  const enabled = env.NO_COLOR === undefined && (env.FORCE_COLOR !== undefined ? env.FORCE_COLOR !== '0' : stream.isTTY === true && env.TERM !== 'dumb');
  return createColors(enabled);
}

const SEVERITY_WORDS: Record<Locale, Record<FindingRecord['severity'], string>> = {
  zh: { error: '错误', warning: '警告', information: '提示', hint: '提示' },
  en: { error: 'error', warning: 'warning', information: 'note', hint: 'hint' },
};

export interface Counts {
  errors: number;
  warnings: number;
  notes: number;
}

export function countsOf(report: FileReport): Counts {
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const warnings = report.findings.filter((f) => f.severity === 'warning').length;
  return { errors, warnings, notes: report.findings.length - errors - warnings };
}

/** Tabs to the next multiple of 8 columns, as a terminal shows them; widths of CJK characters counted as 2. */
function expandTabs(text: string): string {
  let out = '';
  for (const ch of text) {
    out += ch === '\t' ? ' '.repeat(8 - (stringWidth(out) % 8)) : ch;
  }
  return out;
}

/** The source line and a line of carets under the finding's text (on its first line). */
function sourceLines(finding: FindingRecord, c: Colors): string[] {
  const line = finding.line;
  const start = finding.range.start.character;
  const end = finding.range.end.line === finding.range.start.line ? finding.range.end.character : line.length;
  const before = expandTabs(line.slice(0, start));
  const marked = expandTabs(before + line.slice(start, Math.max(end, start)));
  const shown = expandTabs(line);
  const number = String(finding.range.start.line + 1);
  const gutter = ' '.repeat(number.length);
  const carets = '^'.repeat(Math.max(1, stringWidth(marked) - stringWidth(before)));
  return [`    ${c.dim(`${number} │`)} ${shown}`, `    ${c.dim(`${gutter} │`)} ${' '.repeat(stringWidth(before))}${c.red(carets)}`];
}

/** One file's block: its name (and the report's body and year), its findings, and its counts (a file that could not be read is said on standard error). */
export function fileBlock(report: FileReport, locale: Locale, c: Colors): string {
  const encoding = report.encoding === undefined ? '' : locale === 'zh' ? `（${report.encoding}）` : ` (${report.encoding})`;
  if (!report.isReport) {
    return locale === 'zh' ? `${c.bold(report.file)}：不像政府信息公开年度报告，未检查${encoding}\n` : `${c.bold(report.file)}: not recognisably an annual report, not checked${encoding}\n`;
  }
  const lines: string[] = [];
  const title = report.title?.body || report.title?.year ? `  ${c.dim([report.title.body, report.title.year && (locale === 'zh' ? `${report.title.year} 年度` : String(report.title.year))].filter(Boolean).join(' '))}` : '';
  lines.push(`${c.bold(report.file)}${title}`);
  for (const finding of report.findings) {
    const where = describePlace(finding.place, locale) ?? `${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
    const word = SEVERITY_WORDS[locale][finding.severity];
    const severity = finding.severity === 'error' ? c.red(word) : finding.severity === 'warning' ? c.yellow(word) : c.blue(word);
    lines.push(`  ${where}  ${severity}  ${finding.message}  ${c.dim(finding.code)}`);
    lines.push(...sourceLines(finding, c));
  }
  const { errors, warnings, notes } = countsOf(report);
  lines.push(
    locale === 'zh'
      ? `${report.file}：${errors} 个错误，${warnings} 个警告，${notes} 条提示${encoding}`
      : `${report.file}: ${errors} error(s), ${warnings} warning(s), ${notes} note(s)${encoding}`,
  );
  return `${lines.join('\n')}\n`;
}

/** The run's last line: files, reports with errors, and the counts over all. */
export function runTotals(reports: readonly FileReport[], locale: Locale, c: Colors): string {
  const checked = reports.filter((r) => r.isReport);
  const unreadable = reports.filter((r) => r.error !== undefined).length;
  const totals = checked.map(countsOf).reduce((a, b) => ({ errors: a.errors + b.errors, warnings: a.warnings + b.warnings, notes: a.notes + b.notes }), { errors: 0, warnings: 0, notes: 0 });
  const withErrors = checked.filter((r) => countsOf(r).errors > 0).length;
  const line =
    locale === 'zh'
      ? `共 ${reports.length} 个文件，检查 ${checked.length} 份报告，其中 ${withErrors} 份有错误；共 ${totals.errors} 个错误，${totals.warnings} 个警告，${totals.notes} 条提示${unreadable ? `；${unreadable} 个文件无法读取` : ''}`
      : `${reports.length} file(s), ${checked.length} report(s) checked, ${withErrors} with errors; ${totals.errors} error(s), ${totals.warnings} warning(s), ${totals.notes} note(s) in all${unreadable ? `; ${unreadable} file(s) could not be read` : ''}`;
  return `${c.bold(line)}\n`;
}
