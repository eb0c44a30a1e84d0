// Findings in a form a test can pin exactly: the text at the range, offsets, line/character, message.

import { runChecks, type CheckOptions } from '../../server/src/core/checks';
import type { Finding } from '../../server/src/core/checks/rules';
import { parseReport } from '../../server/src/core/parse';
import { positionOf } from '../../server/src/core/text';

export interface Pinned {
  code: string;
  severity: string;
  text: string;
  start: number;
  end: number;
  /** [line, character, endLine, endCharacter], zero-based. */
  range: [number, number, number, number];
  message: string;
}

export function check(text: string, options: Partial<CheckOptions> = {}): Finding[] {
  return runChecks(parseReport(text), { locale: 'zh', ...options });
}

export function pin(text: string, f: Finding): Pinned {
  const lineStarts = parseReport(text).lineStarts;
  const a = positionOf(lineStarts, f.span.start);
  const b = positionOf(lineStarts, f.span.end);
  return { code: f.code, severity: f.severity, text: text.slice(f.span.start, f.span.end), start: f.span.start, end: f.span.end, range: [a.line, a.character, b.line, b.character], message: f.message };
}

/** All findings on text, pinned; codes in `except` left out (e.g. a finding the seed already has). */
export function pinned(text: string, options: Partial<CheckOptions> = {}, except: string[] = []): Pinned[] {
  return check(text, options)
    .filter((f) => !except.includes(f.code))
    .map((f) => pin(text, f));
}

/** Related information as [text at the span, message]. */
export function relatedOf(text: string, f: Finding): [string, string][] {
  return f.related.map((r) => [text.slice(r.span.start, r.span.end), r.message]);
}

/** The text after applying a fix's edits (back to front, so offsets stay valid). */
export function applyFix(text: string, edits: { span: { start: number; end: number }; newText: string }[]): string {
  return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}
