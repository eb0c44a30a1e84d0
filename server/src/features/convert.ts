// Conversions between the core's offsets and LSP positions, in one place.

import type { Position, Range } from 'vscode-languageserver';
import type { ReportModel, Span } from '../core/model';
import { offsetOf, positionOf } from '../core/text';

export function toRange(model: ReportModel, span: Span): Range {
  return { start: positionOf(model.lineStarts, span.start), end: positionOf(model.lineStarts, span.end) };
}

export function toOffset(model: ReportModel, position: Position): number {
  return offsetOf(model.lineStarts, model.text, position);
}

export function spansOverlap(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** The span without the whitespace and blank lines at its end (a section runs up to the next heading's line). */
export function trimEnd(model: ReportModel, span: Span): Span {
  let end = span.end;
  while (end > span.start && /\s/.test(model.text[end - 1])) end--;
  return { start: span.start, end };
}

/** Whether the character at offset lies in the span (an LSP position names the character that starts there). */
export function spanCovers(span: Span, offset: number): boolean {
  return offset >= span.start && offset < span.end;
}
