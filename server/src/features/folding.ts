// Folding: each section from its heading to its last line of text, and each table.

import type { FoldingRange } from 'vscode-languageserver';
import type { ReportModel, Span } from '../core/model';
import { lineOf } from '../core/text';
import { sectionExtent } from './symbols';

function lines(model: ReportModel, span: Span): FoldingRange | null {
  const startLine = lineOf(model.lineStarts, span.start);
  const endLine = lineOf(model.lineStarts, Math.max(span.start, span.end - 1));
  return endLine > startLine ? { startLine, endLine } : null;
}

export function provideFoldingRanges(model: ReportModel): FoldingRange[] {
  const ranges = [...model.sections.map((s) => lines(model, sectionExtent(model, s))), ...Object.values(model.tables).map((t) => lines(model, t.span))];
  return ranges.filter((r): r is FoldingRange => r !== null).sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
