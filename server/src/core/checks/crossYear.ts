// Rules across years: a report is never alone. Last year's report of the same body (from the workspace index)
// fixes this year's 二、上年结转 and the 现行有效 of 规章 / 行政规范性文件, and its prose must not be copied; two files
// claiming the same body and year are reported.
//
// The rules' records live here until the registry (rules.ts) and the message catalog take them over; the messages
// are written `locale === 'zh' ? … : …` for that move.

import type { Locale } from '../i18n';
import type { ReportModel, Span } from '../model';
import { columnName } from '../values';
import { cellCount, TableValues } from '../values';
import { hashText, proseSentences, TABLE2_IN_FORCE_ROWS, TABLE3_COLUMN_IDS, type LineRange } from '../index/entry';
import type { IndexEntry } from '../index/workspaceIndex';
import { nameOfUri } from '../workspace';
import type { Finding, Related, RuleLevel, Severity } from './rules';

/** The rules' records: code → default severity, family, description (zh/en). To be registered in rules.ts. */
export const CROSS_YEAR_RULES = {
  'crossyear.carry-over': {
    severity: 'error',
    family: 'crossyear',
    zh: '本年“二、上年结转”与上年报告的“四、结转下年度继续办理”不符（按列）',
    en: "This year's 二、上年结转 differs from last year's 四、结转下年度继续办理 (per column)",
  },
  'crossyear.in-force': {
    severity: 'warning',
    family: 'crossyear',
    zh: '规章或行政规范性文件的现行有效件数 ≠ 上年现行有效 + 本年制发 − 本年废止',
    en: "现行有效 of 规章 / 行政规范性文件 ≠ last year's 现行有效 + 本年制发 − 本年废止",
  },
  'crossyear.copied-text': {
    severity: 'hint',
    family: 'crossyear',
    zh: '与上年报告相同的长段文字（格式要求不得内容雷同）',
    en: "A long passage identical to last year's report (the format forbids copied reports)",
  },
  'crossyear.duplicate-report': {
    severity: 'warning',
    family: 'crossyear',
    zh: '工作区中另有文件是同一机关同一年度的报告',
    en: 'Another file in the workspace is the report of the same body and year',
  },
} as const satisfies Record<string, { severity: Severity; family: string; zh: string; en: string }>;

export type CrossYearCode = keyof typeof CROSS_YEAR_RULES;

export function isCrossYearCode(code: string): code is CrossYearCode {
  return Object.prototype.hasOwnProperty.call(CROSS_YEAR_RULES, code);
}

/**
 * Related information that may lie in another file: `uri` names it (absent: the finding's own document), `span`
 * is then an offset in that file and `range` its line/character place (the other file's text is not at hand).
 */
export interface LocatedRelated extends Related {
  uri?: string;
  range?: LineRange;
}

/** A finding of these rules (a Finding once the codes are registered and Related carries uri/range). */
export interface CrossYearFinding extends Omit<Finding, 'code' | 'related'> {
  code: CrossYearCode;
  related: LocatedRelated[];
}

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
  levels?: Partial<Record<CrossYearCode, RuleLevel>>;
}

/** `disclosureReport.rules.crossyear.*` from the raw settings section (nested as VS Code sends it, or flat keys). */
export function crossYearLevels(section: unknown): Partial<Record<CrossYearCode, RuleLevel>> {
  const rules = section && typeof section === 'object' ? (section as Record<string, unknown>).rules : undefined;
  const result: Partial<Record<CrossYearCode, RuleLevel>> = {};
  if (!rules || typeof rules !== 'object') return result;
  const levels = new Set(['error', 'warning', 'information', 'hint', 'off']);
  for (const code of Object.keys(CROSS_YEAR_RULES) as CrossYearCode[]) {
    const [family, name] = code.split('.');
    const flat = (rules as Record<string, unknown>)[code];
    const group = (rules as Record<string, unknown>)[family];
    const nested = group && typeof group === 'object' ? (group as Record<string, unknown>)[name] : undefined;
    const value = typeof flat === 'string' ? flat : nested;
    if (typeof value === 'string' && levels.has(value)) result[code] = value as RuleLevel;
  }
  return result;
}

function make(code: CrossYearCode, span: Span, message: string, related: LocatedRelated[], fixes: Finding['fixes'] = []): CrossYearFinding {
  return { code, severity: CROSS_YEAR_RULES[code].severity, span, message, related, fixes };
}

export function checkCrossYear(model: ReportModel, context: CrossYearContext, locale: Locale): CrossYearFinding[] {
  const findings: CrossYearFinding[] = [];
  const last = context.lastYear;
  if (last) {
    findings.push(...checkCarryOver(model, last, locale), ...checkInForce(model, last, locale), ...checkCopiedText(model, last, locale));
  }
  if (context.sameYear.length > 0 && model.title) findings.push(duplicateReport(model, context.sameYear, locale));
  const levels = context.levels ?? {};
  const result: CrossYearFinding[] = [];
  for (const f of findings) {
    const level = levels[f.code];
    if (level === 'off') continue;
    result.push(level ? { ...f, severity: level } : f);
  }
  return result;
}

const fileOf = (entry: IndexEntry) => nameOfUri(entry.uri);

function checkCarryOver(model: ReportModel, last: IndexEntry, locale: Locale): CrossYearFinding[] {
  const table = model.tables.table3;
  if (!table) return [];
  const values = new TableValues(table);
  const findings: CrossYearFinding[] = [];
  for (const columnId of TABLE3_COLUMN_IDS) {
    const cell = values.cell('carried', columnId);
    const before = last.forward[columnId];
    const now = cellCount(cell);
    if (!cell || now === null || !before || before.value === null || now === before.value) continue;
    const column = columnName('table3', columnId);
    const year = last.year;
    const file = fileOf(last);
    findings.push(
      make(
        'crossyear.carry-over',
        cell.span,
        locale === 'zh'
          ? `二、上年结转（${column}）为 ${now}，而 ${year} 年报告（${file}）的“四、结转下年度继续办理”为 ${before.value}：两者应相等`
          : `二、上年结转 (${column}) is ${now}, but the ${year} report (${file}) carried ${before.value} forward (四、结转下年度继续办理): they should be equal`,
        [
          {
            uri: last.uri,
            span: before.span,
            range: before.range,
            message: locale === 'zh' ? `${year} 年报告：四、结转下年度继续办理（${column}）${before.value}` : `${year} report: 四、结转下年度继续办理 (${column}) ${before.value}`,
          },
        ],
        [
          {
            title: locale === 'zh' ? `将此格改为 ${before.value}（${year} 年报告的结转下年度数）` : `Change this cell to ${before.value} (carried forward in the ${year} report)`,
            edits: [{ span: cell.span, newText: String(before.value) }],
            preferred: true,
          },
        ],
      ),
    );
  }
  return findings;
}

function checkInForce(model: ReportModel, last: IndexEntry, locale: Locale): CrossYearFinding[] {
  const table = model.tables.table2;
  if (!table) return [];
  const values = new TableValues(table);
  const findings: CrossYearFinding[] = [];
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
      make(
        'crossyear.in-force',
        validCell.span,
        locale === 'zh'
          ? `${row}现行有效件数为 ${valid}，而按 ${year} 年报告（${fileOf(last)}）应为 ${before.value} + ${issued} − ${repealed} = ${expected}（上年现行有效 + 本年制发 − 本年废止）；如有修订或清理，请在正文说明`
          : `${row} in force is ${valid}, but from the ${year} report (${fileOf(last)}) it should be ${before.value} + ${issued} − ${repealed} = ${expected} (last year's in force + issued − repealed); explain amendments or clean-ups in the text`,
        [
          {
            uri: last.uri,
            span: before.span,
            range: before.range,
            message: locale === 'zh' ? `${year} 年报告：${row}现行有效件数 ${before.value}` : `${year} report: ${row} in force ${before.value}`,
          },
        ],
      ),
    );
  }
  return findings;
}

function checkCopiedText(model: ReportModel, last: IndexEntry, locale: Locale): CrossYearFinding[] {
  if (last.sentences.size === 0) return [];
  const findings: CrossYearFinding[] = [];
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
        make(
          'crossyear.copied-text',
          span,
          locale === 'zh'
            ? `此段（${length} 字）与 ${year} 年报告（${fileOf(last)}）相同：年度报告不得内容雷同，请按本年度情况撰写`
            : `This passage (${length} characters) is identical to the ${year} report (${fileOf(last)}): annual reports must not copy last year's text`,
          [
            {
              uri: last.uri,
              span: inOrder ? { start: first.span.start, end: lastMatch.span.end } : first.span,
              range: inOrder ? { start: first.range.start, end: lastMatch.range.end } : first.range,
              message: locale === 'zh' ? `${year} 年报告中的相同段落` : `The same passage in the ${year} report`,
            },
          ],
        ),
      );
    }
    i = j;
  }
  return findings;
}

function duplicateReport(model: ReportModel, others: IndexEntry[], locale: Locale): CrossYearFinding {
  const title = model.title!;
  const shown = others.slice(0, MAX_NAMED);
  const more = others.length - shown.length;
  const names = shown.map(fileOf).join(locale === 'zh' ? '、' : ', ') + (more > 0 ? (locale === 'zh' ? ` 等 ${others.length} 个文件` : ` and ${more} more`) : '');
  return make(
    'crossyear.duplicate-report',
    title.bodySpan ?? title.span,
    locale === 'zh'
      ? `工作区中另有文件也是${title.body ?? ''} ${title.year ?? ''} 年的报告，且数字不同：${names}；跨年核对无法确定以哪一份为准`
      : `Another file is also the ${title.year ?? ''} report of ${title.body ?? ''}, with other figures: ${names}; cross-year checks cannot tell which one stands`,
    shown.map((o) => ({
      uri: o.uri,
      span: o.titleSpan ?? { start: 0, end: 0 },
      range: o.titleRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: locale === 'zh' ? `同一机关同一年度的报告：${fileOf(o)}` : `Report of the same body and year: ${fileOf(o)}`,
    })),
  );
}

/** For the hover on 二、上年结转: last year's figure of a column and where it is. */
export function lastYearCarried(last: IndexEntry, columnId: string): { year: number | null; uri: string; file: string; value: number | null; range: LineRange | null } {
  const cell = last.forward[columnId];
  return { year: last.year, uri: last.uri, file: fileOf(last), value: cell?.value ?? null, range: cell?.range ?? null };
}
