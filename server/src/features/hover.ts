// Hovers: what a row, column, heading or term of the format means and which article it rests on; for a
// number, its row and column and, for a total, the sum from this document's cells; for the 勾稽 note,
// the balance per column.

import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { lastYearCarried } from '../core/checks/crossYear';
import { tr, type Locale } from '../core/i18n';
import { message } from '../core/messages';
import type { IndexEntry } from '../core/index/workspaceIndex';
import type { ReportModel, Span, Table, TableId } from '../core/model';
import { ARTICLES, equationsOf, GLOSSARY, HEADER_TERMS, rowSpec, SECTIONS, TABLE2_GROUPS, TABLES, type CellRef, type RowSpec } from '../core/schema';
import { asciiDigits, CompactText, isSpace } from '../core/text';
import { columnName, rowName, sides, sumAt, TableValues } from '../core/values';
import { spanCovers, toOffset, toRange } from './convert';
import { proseHover } from './proseHover';

const paragraphs = (...parts: (string | null)[]): string => parts.filter((p): p is string => p !== null).join('\n\n');

function hover(model: ReportModel, span: Span, markdown: string): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: markdown }, range: toRange(model, span) };
}

function rowMarkdown(table: TableId, spec: RowSpec, locale: Locale): string {
  return paragraphs(
    `**${spec.label}** · ${tr(locale, TABLES[table].caption)}`,
    tr(locale, spec.meaning),
    ...spec.articles.map((a) => `${message(locale, 'hover.basis')}${a.cite}\n\n> ${ARTICLES[a.article]}`),
    spec.counting ? message(locale, 'hover.counting') + tr(locale, spec.counting) : null,
  );
}

/** "a + b + c = s ✓", with ✗ and the written value when they differ. */
function sumLine(values: TableValues, parts: readonly CellRef[], written: number | null, locale: Locale): string {
  const sum = values.sum(parts);
  if (sum === null) return message(locale, 'hover.computed') + message(locale, 'hover.not-summable');
  const terms = parts.map(([r, c]) => String(values.num(r, c))).join(' + ');
  const verdict = written === sum ? ' ✓' : written === null ? '' : message(locale, 'hover.written-differs', { written });
  return `${message(locale, 'hover.computed')}${terms} = ${sum}${verdict}`;
}

/**
 * Under a cell of 二、上年结转: last year's 四、结转下年度继续办理 of the column and the file it is in (a link), or that
 * the workspace has no report of last year. lastYear undefined: there is no workspace to look in, nothing is said.
 */
function lastYearLine(model: ReportModel, columnId: string, lastYear: IndexEntry | null | undefined, locale: Locale): string | null {
  if (lastYear === undefined) return null;
  const year = model.title?.year;
  if (lastYear === null) {
    if (!year) return null;
    return message(locale, 'hover.last-year.none', { year: year - 1 });
  }
  const { year: lastYearNumber, uri, file, value, range } = lastYearCarried(lastYear, columnId);
  const link = `[${file}](${uri}${range ? `#L${range.start.line + 1}` : ''})`;
  return message(locale, 'hover.last-year.carried', { year: lastYearNumber, column: columnName('table3', columnId), value, link });
}

function cellHover(model: ReportModel, table: Table, offset: number, locale: Locale, lastYear?: IndexEntry | null): Hover | null {
  for (const row of table.rows) {
    const cell = row.cells.find((c) => spanCovers(c.span, offset));
    if (!cell) continue;
    const values = new TableValues(table);
    const total = sumAt(table, row.rowId, cell.columnId);
    return hover(
      model,
      cell.span,
      paragraphs(
        `**${tr(locale, TABLES[table.id].caption)}** · ${message(locale, 'hover.row')}：${rowName(table.id, row.rowId)} · ${message(locale, 'hover.column')}：${columnName(table.id, cell.columnId)}`,
        total ? sumLine(values, total.right, values.num(row.rowId, cell.columnId), locale) : null,
        table.id === 'table3' && row.rowId === 'carried' ? lastYearLine(model, cell.columnId, lastYear, locale) : null,
      ),
    );
  }
  return null;
}

function rowLabelHover(model: ReportModel, table: Table, offset: number, locale: Locale): Hover | null {
  const row = table.rows.find((r) => spanCovers(r.labelSpan, offset));
  if (!row) return null;
  return hover(model, row.labelSpan, rowMarkdown(table.id, rowSpec(table.id, row.rowId), locale));
}

/** Header words of a table (columns, headings over columns, table 二's item headings, table 三's group rows) with their hover text. */
function headerTerms(table: TableId, locale: Locale): { label: string; markdown: string }[] {
  const caption = tr(locale, TABLES[table].caption);
  const spec = TABLES[table];
  return [
    ...spec.columns.flatMap((c) => [c.label, ...c.aliases].map((label) => ({ label, markdown: paragraphs(`**${c.label}** · ${caption} · ${message(locale, 'hover.column')}`, tr(locale, c.meaning)) }))),
    ...HEADER_TERMS.filter((t) => t.table === table).map((t) => ({ label: t.label, markdown: paragraphs(`**${t.label}** · ${caption}`, tr(locale, t.meaning)) })),
    ...(table === 'table2' ? TABLE2_GROUPS.map((g) => ({ label: g.heading, markdown: paragraphs(`**${g.heading}** · ${caption}`, message(locale, 'hover.item20') + tr(locale, g.item)) })) : []),
    ...spec.rows.filter((r) => !r.numeric).map((r) => ({ label: r.label, markdown: rowMarkdown(table, r, locale) })),
  ];
}

const BRACKETS: Record<string, string> = { '(': '（', ')': '）' };

/**
 * Header words may be wrapped over lines ("自然\n人") or spaced ("结果 维持"): they are found in a view of the
 * table without whitespace. Words inside row labels and cells are not headers; the longest word wins ("其他" in "法人或其他组织").
 */
function headerHover(model: ReportModel, table: Table, offset: number, locale: Locale): Hover | null {
  const compact = CompactText.build(model.text, [table.span], (ch) => !isSpace(ch), (ch) => BRACKETS[ch] ?? asciiDigits(ch));
  const taken = table.rows.flatMap((r) => [r.labelSpan, ...r.cells.map((c) => c.span)]);
  let best: { span: Span; markdown: string } | null = null;
  for (const term of headerTerms(table.id, locale)) {
    for (let at = compact.text.indexOf(term.label); at >= 0; at = compact.text.indexOf(term.label, at + 1)) {
      const span = compact.span(at, at + term.label.length);
      if (!spanCovers(span, offset) || taken.some((t) => t.start < span.end && span.start < t.end)) continue;
      if (!best || span.end - span.start > best.span.end - best.span.start) best = { span, markdown: term.markdown };
    }
  }
  return best ? hover(model, best.span, best.markdown) : null;
}

function balanceHover(model: ReportModel, locale: Locale): Hover | null {
  const table = model.tables.table3;
  if (!table || !model.balanceNote) return null;
  const values = new TableValues(table);
  const lines = equationsOf(table)
    .filter((eq) => eq.id === 'balance')
    .map((eq) => {
      const label = columnName('table3', eq.line);
      const sum = sides(values, eq);
      if (sum === null) return `- ${label}：${message(locale, 'hover.not-summable')}`;
      const terms = (refs: readonly CellRef[]) => refs.map(([r, c]) => values.num(r, c)).join(' + ');
      const equal = sum.left === sum.right;
      return `- ${label}：${terms(eq.left)} ${equal ? '=' : '≠'} ${terms(eq.right)} ${equal ? '✓' : '✗'}`;
    });
  return hover(model, model.balanceNote, paragraphs(message(locale, 'hover.balance'), lines.join('\n')));
}

function headingHover(model: ReportModel, offset: number, locale: Locale): Hover | null {
  const section = model.sections.find((s) => spanCovers(s.headingSpan, offset));
  if (!section) return null;
  const spec = SECTIONS[section.number - 1];
  return hover(model, section.headingSpan, paragraphs(`**${spec.numeral}、${spec.title}**`, message(locale, 'hover.requirement') + tr(locale, spec.requirement)));
}

function glossaryHover(model: ReportModel, offset: number, locale: Locale): Hover | null {
  for (const { term, rowRef } of GLOSSARY) {
    const at = model.text.lastIndexOf(term, offset);
    if (at >= 0 && spanCovers({ start: at, end: at + term.length }, offset)) {
      return hover(model, { start: at, end: at + term.length }, rowMarkdown(rowRef.table, rowSpec(rowRef.table, rowRef.rowId), locale));
    }
  }
  return null;
}

export function provideHover(model: ReportModel, position: Position, locale: Locale, lastYear?: IndexEntry | null): Hover | null {
  const prose = proseHover(model, position, locale);
  if (prose) return prose;
  const offset = toOffset(model, position);
  if (model.balanceNote && spanCovers(model.balanceNote, offset)) return balanceHover(model, locale);
  const heading = headingHover(model, offset, locale);
  if (heading) return heading;
  for (const table of Object.values(model.tables)) {
    if (!spanCovers(table.span, offset)) continue;
    const found = cellHover(model, table, offset, locale, lastYear) ?? rowLabelHover(model, table, offset, locale) ?? headerHover(model, table, offset, locale);
    if (found) return found;
  }
  return glossaryHover(model, offset, locale);
}
