// Rules across years: a report is never alone. Last year's report of the same body (from the workspace index)
// fixes this year's 二、上年结转 and the 现行有效 of 规章 / 行政规范性文件, and its prose must not be copied; two files
// claiming the same body and year are reported.

import type { Locale } from '../i18n';
import { message } from '../messages';
import type { ReportModel } from '../model';
import { columnName } from '../values';
import { cellCount, TableValues } from '../values';
import { hashText, proseSentences, TABLE2_IN_FORCE_ROWS, TABLE3_COLUMN_IDS, type LineRange } from '../index/entry';
import type { IndexEntry } from '../index/workspaceIndex';
import { nameOfUri } from '../workspace';
import { finding, type Finding, type RuleCode, type RuleLevel } from './rules';

/** Files named in a duplicate-report finding (and its related information); the rest are counted. */
const MAX_NAMED = 3;

/** Passages of at least this many characters (whitespace not counted) identical to last year's are hinted. */
export const MIN_COPIED_PASSAGE = 60;

export interface CrossYearContext {
  /** Last year's report of the same body (null when the workspace has none). */
  lastYear: IndexEntry | null;
  /** Other files claiming this report's body and year. */
  sameYear: IndexEntry[];
  /** Per-rule levels from the settings. */
  levels?: Partial<Record<RuleCode, RuleLevel>>;
}

export function checkCrossYear(model: ReportModel, context: CrossYearContext, locale: Locale): Finding[] {
  const findings: Finding[] = [];
  const last = context.lastYear;
  if (last) {
    findings.push(...checkCarryOver(model, last, locale), ...checkInForce(model, last, locale), ...checkCopiedText(model, last, locale));
  }
  if (context.sameYear.length > 0 && model.title) findings.push(duplicateReport(model, context.sameYear, locale));
  const levels = context.levels ?? {};
  const result: Finding[] = [];
  for (const f of findings) {
    const level = levels[f.code];
    if (level === 'off') continue;
    result.push(level ? { ...f, severity: level } : f);
  }
  return result;
}

const fileOf = (entry: IndexEntry) => nameOfUri(entry.uri);

function checkCarryOver(model: ReportModel, last: IndexEntry, locale: Locale): Finding[] {
  const table = model.tables.table3;
  if (!table) return [];
  const values = new TableValues(table);
  const findings: Finding[] = [];
  for (const columnId of TABLE3_COLUMN_IDS) {
    const cell = values.cell('carried', columnId);
    const before = last.forward[columnId];
    const now = cellCount(cell);
    if (!cell || now === null || !before || before.value === null || now === before.value) continue;
    const column = columnName('table3', columnId);
    const year = last.year;
    const file = fileOf(last);
    findings.push(
      finding('crossyear.carry-over', cell.span, message(locale, 'crossyear.carry-over', { column, now, year, file, before: before.value }), {
        related: [{ uri: last.uri, span: before.span, range: before.range, message: message(locale, 'crossyear.carry-over.related', { column, year, before: before.value }) }],
        fixes: [{ title: message(locale, 'fix.carry-over', { year, before: before.value }), edits: [{ span: cell.span, newText: String(before.value) }], preferred: true }],
      }),
    );
  }
  return findings;
}

function checkInForce(model: ReportModel, last: IndexEntry, locale: Locale): Finding[] {
  const table = model.tables.table2;
  if (!table) return [];
  const values = new TableValues(table);
  const findings: Finding[] = [];
  for (const rowId of TABLE2_IN_FORCE_ROWS) {
    const before = last.inForce[rowId]?.valid;
    const issued = values.num(rowId, 'issued');
    const repealed = values.num(rowId, 'repealed');
    const validCell = values.cell(rowId, 'valid');
    const valid = cellCount(validCell);
    if (!validCell || valid === null || issued === null || repealed === null || !before || before.value === null) continue;
    const expected = before.value + issued - repealed;
    if (expected === valid) continue;
    const row = rowId === 'rules' ? '规章' : '行政规范性文件';
    const year = last.year;
    findings.push(
      finding('crossyear.in-force', validCell.span, message(locale, 'crossyear.in-force', { row, valid, year, file: fileOf(last), before: before.value, issued, repealed, expected }), {
        related: [{ uri: last.uri, span: before.span, range: before.range, message: message(locale, 'crossyear.in-force.related', { row, year, before: before.value }) }],
      }),
    );
  }
  return findings;
}

function checkCopiedText(model: ReportModel, last: IndexEntry, locale: Locale): Finding[] {
  if (last.sentences.size === 0) return [];
  const findings: Finding[] = [];
  const sentences = proseSentences(model);
  let i = 0;
  while (i < sentences.length) {
    const first = last.sentences.get(hashText(sentences[i].compact));
    if (!first || first.length !== sentences[i].compact.length) {
      i++;
      continue;
    }
    // The run of copied sentences in this paragraph.
    let j = i + 1;
    let length = sentences[i].compact.length;
    let lastMatch = first;
    while (j < sentences.length && sentences[j].paragraph === sentences[i].paragraph) {
      const match = last.sentences.get(hashText(sentences[j].compact));
      if (!match || match.length !== sentences[j].compact.length) break;
      length += sentences[j].compact.length;
      lastMatch = match;
      j++;
    }
    if (length >= MIN_COPIED_PASSAGE) {
      const span = { start: sentences[i].span.start, end: sentences[j - 1].span.end };
      const inOrder = lastMatch.span.start >= first.span.start;
      const year = last.year;
      findings.push(
        finding('crossyear.copied-text', span, message(locale, 'crossyear.copied-text', { length, year, file: fileOf(last) }), {
          related: [
            {
              uri: last.uri,
              span: inOrder ? { start: first.span.start, end: lastMatch.span.end } : first.span,
              range: inOrder ? { start: first.range.start, end: lastMatch.range.end } : first.range,
              message: message(locale, 'crossyear.copied-text.related', { year }),
            },
          ],
        }),
      );
    }
    i = j;
  }
  return findings;
}

function duplicateReport(model: ReportModel, others: IndexEntry[], locale: Locale): Finding {
  const title = model.title!;
  const shown = others.slice(0, MAX_NAMED);
  const more = others.length - shown.length;
  return finding(
    'crossyear.duplicate-report',
    title.bodySpan ?? title.span,
    message(locale, 'crossyear.duplicate-report', { body: title.body ?? '', year: title.year, files: shown.map(fileOf), total: others.length, more }),
    {
      related: shown.map((o) => ({
        uri: o.uri,
        span: o.titleSpan ?? { start: 0, end: 0 },
        range: o.titleRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message: message(locale, 'crossyear.duplicate-report.related', { file: fileOf(o) }),
      })),
    },
  );
}

/** For the hover on 二、上年结转: last year's figure of a column and where it is. */
export function lastYearCarried(last: IndexEntry, columnId: string): { year: number | null; uri: string; file: string; value: number | null; range: LineRange | null } {
  const cell = last.forward[columnId];
  return { year: last.year, uri: last.uri, file: fileOf(last), value: cell?.value ?? null, range: cell?.range ?? null };
}
