// The Outline: the title, the six sections with their sub-headings （一）（二）… and the three tables.

import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { tr, type Locale } from '../core/i18n';
import type { ReportModel, Section, Span, Table } from '../core/model';
import { TABLES } from '../core/schema';
import { toRange, trimEnd } from './convert';

function symbol(model: ReportModel, name: string, kind: SymbolKind, span: Span, selection: Span, children: DocumentSymbol[] = []): DocumentSymbol {
  return { name, kind, range: toRange(model, span), selectionRange: toRange(model, selection), children };
}

/** A section from its heading to the end of its last line of text. */
export function sectionExtent(model: ReportModel, section: Section): Span {
  return trimEnd(model, { start: section.headingSpan.start, end: section.bodySpan.end });
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
    result.push(symbol(model, section.headingText, SymbolKind.Module, extent, section.headingSpan, children));
  }
  // A table whose section heading is missing still shows, at the top level.
  for (const table of Object.values(model.tables)) if (!placed.has(table)) result.push(tableSymbol(model, table, locale));
  return result.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
