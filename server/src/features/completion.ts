// Completion at the start of a line: inside tables 二 and 三 (or their sections) the format's row labels,
// elsewhere the six section headings.

import { CompletionItemKind, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import { tr, type Locale } from '../core/i18n';
import type { ReportModel, TableId } from '../core/model';
import { message } from '../core/messages';
import { SECTIONS, TABLES } from '../core/schema';
import { lineOf } from '../core/text';
import { spanCovers, toOffset, toRange } from './convert';

/** What may precede a label at line start: indentation, Markdown '#' or a table's leading pipe. */
const LINE_START = /^[ \t\u3000]*(?:#{1,6}[ \t]*|\|[ \t]*)?/;

function tableAt(model: ReportModel, offset: number): TableId | null {
  for (const id of ['table2', 'table3'] as const) {
    const table = model.tables[id];
    const section = model.sections.find((s) => s.number === TABLES[id].section);
    if ((table && spanCovers(table.span, offset)) || (section && spanCovers(section.bodySpan, offset))) return id;
  }
  return null;
}

export function provideCompletion(model: ReportModel, position: Position, locale: Locale): CompletionItem[] {
  const offset = toOffset(model, position);
  const lineStart = model.lineStarts[lineOf(model.lineStarts, offset)];
  const before = model.text.slice(lineStart, offset);
  const typed = before.slice(LINE_START.exec(before)![0].length);
  // Only the first word of a line: once a separator follows, the cursor is in a cell or in prose.
  if (/[\s|]/.test(typed)) return [];
  const replace = toRange(model, { start: offset - typed.length, end: offset });
  const item = (label: string, index: number, detail: string, documentation: string, kind: CompletionItemKind): CompletionItem => ({
    label,
    kind,
    detail,
    documentation: { kind: MarkupKind.Markdown, value: documentation },
    sortText: String(index).padStart(3, '0'),
    textEdit: { range: replace, newText: label },
  });
  const table = tableAt(model, offset);
  if (table) {
    const caption = tr(locale, TABLES[table].caption);
    return TABLES[table].rows.map((row, i) => item(row.label, i, [caption, ...row.articles.map((a) => a.cite)].join(' · '), tr(locale, row.meaning), CompletionItemKind.Field));
  }
  return SECTIONS.map((s, i) => item(`${s.numeral}、${s.title}`, i, message(locale, 'completion.section'), tr(locale, s.requirement), CompletionItemKind.Module));
}
