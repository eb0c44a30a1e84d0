// The Outline: the title, the six sections with their sub-headings （一）（二）… and the three tables.

import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { tr, type Locale } from '../core/i18n';
import type { ReportModel, Section, Span, Table } from '../core/model';
import { TABLES } from '../core/schema';
import { clampRange, toRange, trimEnd } from './convert';

/** VS Code rejects a symbol whose selectionRange is not inside its range: the selection is clamped to the range. */
function symbol(model: ReportModel, name: string, kind: SymbolKind, span: Span, selection: Span, children: DocumentSymbol[] = []): DocumentSymbol {
  const range = toRange(model, span);
  return { name, kind, range, selectionRange: clampRange(toRange(model, selection), range), children };
}

/** A section's heading as written, without the spaces after it (the heading's span runs to the end of its line). */
function headingSelection(model: ReportModel, section: Section): Span {
  const trimmed = trimEnd(model, section.headingSpan);
  return trimmed.end > trimmed.start ? trimmed : section.headingSpan;
}

/**
 * A section from its heading to the end of its last line of text. Trailing whitespace is left out, but never
 * any of the heading itself: a heading with a space after it and no body ("一、总体 ") keeps its selection inside.
 */
export function sectionExtent(model: ReportModel, section: Section): Span {
  const extent = trimEnd(model, { start: section.headingSpan.start, end: section.bodySpan.end });
  return { start: extent.start, end: Math.max(extent.end, headingSelection(model, section).end) };
}

function tableSymbol(model: ReportModel, table: Table, locale: Locale): DocumentSymbol {
  const spec = TABLES[table.id];
  return symbol(model, `${tr(locale, spec.caption)} ${spec.title}`, SymbolKind.Struct, table.span, table.span);
}

export function provideDocumentSymbols(model: ReportModel, locale: Locale): DocumentSymbol[] {
  const result: DocumentSymbol[] = [];
  if (model.title) {
    // A PDF-extracted title may be broken over lines ("…工作年\n度报告").
    const name = model.text.slice(model.title.span.start, model.title.span.end).replace(/\s*\n\s*/g, '');
    result.push(symbol(model, name, SymbolKind.File, model.title.span, model.title.span));
  }
  const placed = new Set<Table>();
  for (const section of model.sections) {
    const extent = sectionExtent(model, section);
    const tables = Object.values(model.tables).filter((t) => TABLES[t.id].section === section.number && t.span.start >= extent.start && t.span.end <= extent.end);
    tables.forEach((t) => placed.add(t));
    const children = [
      ...section.subHeadings.map((h) => ({ start: h.span.start, symbol: symbol(model, `${h.marker}${h.text}`, SymbolKind.String, h.span, h.span) })),
      ...tables.map((t) => ({ start: t.span.start, symbol: tableSymbol(model, t, locale) })),
    ]
      .sort((a, b) => a.start - b.start)
      .map((c) => c.symbol);
    result.push(symbol(model, section.headingText, SymbolKind.Module, extent, headingSelection(model, section), children));
  }
  // A table whose section heading is missing still shows, at the top level.
  for (const table of Object.values(model.tables)) if (!placed.has(table)) result.push(tableSymbol(model, table, locale));
  return result.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
