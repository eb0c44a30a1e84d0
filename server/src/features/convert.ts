// Conversions between the core's offsets and LSP positions, in one place. Every range and position the
// server returns goes through toRange/toPosition, which never split a surrogate pair (a character such as
// 𠀀 is two UTF-16 units): a span from the core that starts or ends inside one is widened to the whole character.

import type { Position, Range } from 'vscode-languageserver';
import type { ReportModel, Span } from '../core/model';
import { codePointSpan, offsetOf, positionOf, splitsSurrogatePair } from '../core/text';

export function toRange(model: ReportModel, span: Span): Range {
  const whole = codePointSpan(model.text, span);
  return { start: positionOf(model.lineStarts, whole.start), end: positionOf(model.lineStarts, whole.end) };
}

/** A position between characters: one inside a surrogate pair moves after the character (where a hint follows it). */
export function toPosition(model: ReportModel, offset: number): Position {
  return positionOf(model.lineStarts, splitsSurrogatePair(model.text, offset) ? offset + 1 : offset);
}

export function toOffset(model: ReportModel, position: Position): number {
  return offsetOf(model.lineStarts, model.text, position);
}

/** A range that lies inside `outer` (an Outline symbol's selection inside its range, as VS Code requires). */
export function clampRange(range: Range, outer: Range): Range {
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
  const clamp = (p: Position): Position => (before(p, outer.start) ? outer.start : before(outer.end, p) ? outer.end : p);
  return { start: clamp(range.start), end: clamp(range.end) };
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
