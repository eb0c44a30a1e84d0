// The hover on a figure in the prose that restates a table figure (答复 126 项): which cell(s) it restates, their
// value and whether the prose agrees — as the narrative checks read the claim (checks/narrative.ts), any one
// reading matching is enough.

import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { claimReadings, readingName, type Reading } from '../core/checks/narrative';
import type { Locale } from '../core/i18n';
import { message } from '../core/messages';
import type { ReportModel } from '../core/model';
import { columnName, rowName } from '../core/values';
import { spanCovers, toOffset, toRange } from './convert';

/** A reading's line: the cell's row / column when it is one cell, else the reading's name (（三）不予公开（1–8 项合计）). */
function readingLine(reading: Reading, claimed: number, locale: Locale): string | null {
  const first = reading.cells[0];
  if (!first) return null;
  const name = reading.cells.length === 1 ? message(locale, 'place', { row: rowName(first.table, first.rowId), column: columnName(first.table, first.columnId) }) : readingName(reading, locale);
  return message(locale, 'hover.prose-reading', { table: first.table, name, value: reading.value, matches: reading.value === claimed });
}

export function proseHover(model: ReportModel, position: Position, locale: Locale): Hover | null {
  const offset = toOffset(model, position);
  const claim = model.claims.find((c) => c.number && (spanCovers(c.number.span, offset) || spanCovers(c.span, offset)));
  if (!claim?.number) return null;
  const lines = claimReadings(claim, model)
    .map((r) => readingLine(r, claim.number!.value, locale))
    .filter((l): l is string => l !== null);
  if (lines.length === 0) return null;
  const head = `**${claim.phrase}** → `;
  const value = lines.length === 1 ? head + lines[0] : `${head}${message(locale, 'hover.prose-any')}\n\n${lines.map((l) => `- ${l}`).join('\n')}`;
  return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(model, claim.number.span) };
}
