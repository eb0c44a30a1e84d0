// Text → report model. Pure and stateless: the same text always gives the same model.

import type { OutdatedLabel, ReportFormat, ReportModel, Section, SectionNumber, Span, Table, TableId, Unreadable } from '../model';
import { OUTDATED_LABELS, TRIAL_FORMAT_MIN_TERMS, TRIAL_TABLE2_TERMS } from '../schema';
import { CompactText, computeLineStarts, isSpace, lineEndOf, lineOf } from '../text';
import { buildProse, findClaims, findNumbers, findYears } from './narrative';
import { buildSections, findHeadings, findNearHeadings, findSubHeadings, findSuppressions, parseTitle } from './structure';
import { parseRowTable, parseTable4, type BlockOrder, type TableParse } from './tables';

/** Where a table is looked for when its section heading is missing. */
const TABLE_ANCHORS: Record<TableId, RegExp> = {
  table2: /第二十条第[（(]一[)）]项/,
  table3: /勾稽关系|本年新收政府信息公开申请数量/,
  table4: /复议后起诉/,
};

const TABLE_SECTIONS: Record<TableId, SectionNumber> = { table2: 2, table3: 3, table4: 4 };

/** A table's region: its section's body, or — without its heading — from its anchor words outside the regions of the tables already read. */
function tableRegion(text: string, lineStarts: number[], sections: Section[], id: TableId, headingStarts: number[], taken: Span[]): Span | null {
  const section = sections.find((s) => s.number === TABLE_SECTIONS[id]);
  if (section) return section.bodySpan;
  const anchors = new RegExp(TABLE_ANCHORS[id].source, 'g');
  let anchor = anchors.exec(text);
  while (anchor && taken.some((t) => anchor!.index >= t.start && anchor!.index < t.end)) anchor = anchors.exec(text);
  if (!anchor) return null;
  const start = lineStarts[lineOf(lineStarts, anchor.index)];
  const end = headingStarts.find((h) => h > start) ?? text.length;
  return { start, end };
}

const BALANCE_NOTE = /勾\s*稽\s*关\s*系/;

function findBalanceNote(text: string, lineStarts: number[], region: Span | null): Span | null {
  const scope = region ? text.slice(region.start, region.end) : text;
  const m = BALANCE_NOTE.exec(scope);
  if (!m) return null;
  const base = region ? region.start : 0;
  const at = base + m.index;
  const windowStart = Math.max(base, at - 20);
  const open = Math.max(text.lastIndexOf('（', at), text.lastIndexOf('(', at));
  const start = open >= windowStart ? open : at;
  const closeFull = text.indexOf('）', at);
  const closeHalf = text.indexOf(')', at);
  const candidates = [closeFull, closeHalf].filter((c) => c >= 0 && c - at < 80);
  const end = candidates.length > 0 ? Math.min(...candidates) + 1 : lineEndOf(text, lineStarts, lineOf(lineStarts, at));
  return { start, end };
}

/** Whole lines covering a span. */
function wholeLines(text: string, lineStarts: number[], span: Span): Span {
  const first = lineOf(lineStarts, span.start);
  const last = lineOf(lineStarts, Math.max(span.start, span.end - 1));
  const end = last + 1 < lineStarts.length ? lineStarts[last + 1] : text.length;
  return { start: lineStarts[first], end };
}

function complement(within: Span, excluded: Span[]): Span[] {
  const sorted = [...excluded].sort((a, b) => a.start - b.start);
  const result: Span[] = [];
  let at = within.start;
  for (const span of sorted) {
    if (span.end <= at) continue;
    if (span.start > at) result.push({ start: at, end: Math.min(span.start, within.end) });
    at = Math.max(at, span.end);
    if (at >= within.end) break;
  }
  if (at < within.end) result.push({ start: at, end: within.end });
  return result;
}

function findOutdated(text: string, regions: Span[]): OutdatedLabel[] {
  const result: OutdatedLabel[] = [];
  for (const region of regions) {
    const compact = CompactText.build(text, [region], (ch) => !isSpace(ch));
    for (const { label } of OUTDATED_LABELS) {
      let at = compact.text.indexOf(label);
      while (at >= 0) {
        result.push({ label, span: compact.span(at, at + label.length) });
        at = compact.text.indexOf(label, at + label.length);
      }
    }
  }
  return result.sort((a, b) => a.span.start - b.span.start);
}

/**
 * The format the tables follow: '2019' when table 二's region shows at least TRIAL_FORMAT_MIN_TERMS distinct terms of
 * the trial format's table 二 (its column words, its group 第二十条第（九）项), not a single stray word; else '2021'.
 */
function reportFormat(text: string, table2Region: Span | undefined): ReportFormat {
  if (!table2Region) return '2021';
  const terms = new Set(findOutdated(text, [table2Region]).map((o) => TRIAL_TABLE2_TERMS[o.label]).filter((t) => t !== undefined));
  return terms.size >= TRIAL_FORMAT_MIN_TERMS ? '2019' : '2021';
}

/** The title's lines, which PDF text repeats as a running header on every page (inside tables too). */
function runningHeaders(text: string, lineStarts: number[], titleSpan: Span | null): Set<string> {
  const headers = new Set<string>();
  if (!titleSpan) return headers;
  const first = lineOf(lineStarts, titleSpan.start);
  const last = lineOf(lineStarts, Math.max(titleSpan.start, titleSpan.end - 1));
  for (let line = first; line <= last; line++) {
    const compact = text.slice(lineStarts[line], lineEndOf(text, lineStarts, line)).replace(/[\s\f]+/g, '');
    if (compact !== '' && !/^\d+$/.test(compact)) headers.add(compact);
  }
  return headers;
}

interface TableRead {
  tables: Partial<Record<TableId, Table>>;
  unreadable: Unreadable[];
  regions: Partial<Record<TableId, Span>>;
}

/** Tables 二, 三 and 四 in the regions the sections give them. */
function readTables(text: string, lineStarts: number[], sections: Section[], headingStarts: number[], furniture: Set<string>): TableRead {
  const tables: Partial<Record<TableId, Table>> = {};
  let unreadable: Unreadable[] = [];
  const regions: Partial<Record<TableId, Span>> = {};
  // Table 三 first: where its arithmetic proves how this text writes blocks of figures, table 二 is read the same way.
  let blockOrder: BlockOrder | null = null;
  for (const id of ['table3', 'table2', 'table4'] as const) {
    const region = tableRegion(text, lineStarts, sections, id, headingStarts, Object.values(regions));
    if (!region) continue;
    regions[id] = region;
    const parsed: TableParse = id === 'table4' ? parseTable4(text, lineStarts, region, furniture) : parseRowTable(text, lineStarts, id, region, furniture, blockOrder);
    blockOrder = parsed.blockOrder ?? blockOrder;
    if (parsed.table) tables[id] = parsed.table;
    // concat, not push(...): a garbled table can yield more regions than a call may take arguments.
    unreadable = unreadable.concat(parsed.unreadable);
  }
  return { tables, unreadable, regions };
}

export function parseReport(text: string): ReportModel {
  const lineStarts = computeLineStarts(text);
  let headings = findHeadings(text, lineStarts);
  let { sections, issues } = buildSections(text, lineStarts, headings);
  const title = parseTitle(text, headings[0]?.span.start ?? text.length);
  const suppressions = findSuppressions(text, lineStarts);
  const furniture = runningHeaders(text, lineStarts, title?.span ?? null);
  let read = readTables(text, lineStarts, sections, headings.map((h) => h.span.start), furniture);
  // A section without its heading may have one that almost is (其他需要报告的事项 alone on a line), outside the tables:
  // it is taken as the section's heading, and the tables are read again in the regions that gives them.
  const outside = [...Object.values(read.tables).map((t) => wholeLines(text, lineStarts, t.span)), ...(title ? [wholeLines(text, lineStarts, title.span)] : [])];
  const near = findNearHeadings(text, lineStarts, headings, outside);
  if (near.length > 0) {
    headings = [...headings, ...near].sort((a, b) => a.line - b.line);
    ({ sections, issues } = buildSections(text, lineStarts, headings));
    read = readTables(text, lineStarts, sections, headings.map((h) => h.span.start), furniture);
  }
  const { tables, regions } = read;
  let { unreadable } = read;
  const format = reportFormat(text, regions.table2);
  if (format === '2019') {
    // The trial format's table 二 has other columns (本年新制作数量 …): read under the 2021 columns it would be wrong.
    delete tables.table2;
    unreadable = unreadable.filter((u) => u.table !== 'table2');
  }
  const balanceNote = findBalanceNote(text, lineStarts, regions.table3 ?? null);

  const tableLines = Object.values(tables).map((t) => wholeLines(text, lineStarts, t.span));
  for (const section of sections) {
    section.subHeadings = findSubHeadings(text, lineStarts, section.bodySpan, tableLines);
  }

  const excluded: Span[] = [
    ...tableLines,
    ...headings.map((h) => wholeLines(text, lineStarts, h.span)),
    ...suppressions.map((s) => wholeLines(text, lineStarts, s.span)),
  ];
  if (title) excluded.push(wholeLines(text, lineStarts, title.span));
  if (balanceNote) excluded.push(wholeLines(text, lineStarts, balanceNote));
  const prose = buildProse(text, lineStarts, complement({ start: 0, end: text.length }, excluded));
  const narrativeNumbers = findNumbers(prose);

  return {
    text,
    lineStarts,
    isReport: title !== null || balanceNote !== null,
    title,
    sections,
    sectionIssues: issues,
    tables,
    format,
    balanceNote,
    narrativeNumbers,
    claims: findClaims(prose, narrativeNumbers),
    years: findYears(prose),
    outdated: findOutdated(text, [regions.table2, regions.table3].filter((r): r is Span => r !== undefined)),
    unreadable,
    suppressions,
  };
}
