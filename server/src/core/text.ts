// Small text helpers shared by the parser and the features: line index, normalisation, numbers.

import type { Span } from './model';

export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) starts.push(i + 1);
    else if (ch === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Zero-based line of an offset (binary search over line starts). */
export function lineOf(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function positionOf(lineStarts: number[], offset: number): { line: number; character: number } {
  const line = lineOf(lineStarts, offset);
  return { line, character: offset - lineStarts[line] };
}

export function offsetOf(lineStarts: number[], text: string, position: { line: number; character: number }): number {
  if (position.line >= lineStarts.length) return text.length;
  const lineStart = lineStarts[Math.max(0, position.line)];
  const lineEnd = position.line + 1 < lineStarts.length ? lineStarts[position.line + 1] : text.length;
  return Math.min(lineStart + Math.max(0, position.character), lineEnd);
}

/** End of the line's content (before its line break). */
export function lineEndOf(text: string, lineStarts: number[], line: number): number {
  let end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
  while (end > lineStarts[line] && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  return end;
}

const FULL_WIDTH_DIGIT_0 = 0xff10;

/** Full-width digits and punctuation to their ASCII forms, character for character (offsets are kept). */
export function asciiDigits(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= FULL_WIDTH_DIGIT_0 && c <= FULL_WIDTH_DIGIT_0 + 9) out += String.fromCharCode(c - FULL_WIDTH_DIGIT_0 + 48);
    else if (c === 0xff0e) out += '.';
    else if (c === 0xff05) out += '%';
    else out += s[i];
  }
  return out;
}

/**
 * A view of part of a text with some characters removed (whitespace, Markdown markers), keeping for each
 * character of the view the offset it came from, so that matches in the view map back to exact spans.
 */
export class CompactText {
  readonly text: string;
  private readonly offsets: number[];

  constructor(text: string, offsets: number[]) {
    this.text = text;
    this.offsets = offsets;
  }

  /** `keep` sees each character as mapped, so that e.g. a full-width "．" is dropped wherever "." is. */
  static build(source: string, spans: Span[], keep: (ch: string) => boolean, mapChar: (ch: string) => string = (c) => c): CompactText {
    let text = '';
    const offsets: number[] = [];
    for (const span of spans) {
      for (let i = span.start; i < span.end; i++) {
        const ch = mapChar(source[i]);
        if (!keep(ch)) continue;
        text += ch;
        offsets.push(i);
      }
    }
    return new CompactText(text, offsets);
  }

  /** Source span of view characters [start, end). */
  span(start: number, end: number): Span {
    if (end <= start) {
      const at = start < this.offsets.length ? this.offsets[start] : (this.offsets[this.offsets.length - 1] ?? -1) + 1;
      return { start: at, end: at };
    }
    return { start: this.offsets[start], end: this.offsets[end - 1] + 1 };
  }

  offsetAt(index: number): number {
    return this.offsets[index];
  }

  /** Index in the view of the first character at or after a source offset. */
  indexAtOffset(offset: number): number {
    let lo = 0;
    let hi = this.offsets.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.offsets[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\n' || ch === '\r' || ch === '\u00a0';
}

const PUNCTUATION_FORMS: Record<string, string> = {
  '(': '（',
  ')': '）',
  ',': '，',
  ':': '：',
  ';': '；',
  '．': '.',
  '"': '"',
};

/**
 * The form in which a row label is compared with the format: no whitespace, full-width brackets,
 * commas and colons, ASCII digits, "1、" and "1．" written as "1.", straight quotes as “”.
 */
export function normalizeLabel(s: string): string {
  let out = '';
  let quoteOpen = false;
  for (const raw of asciiDigits(s)) {
    if (isSpace(raw)) continue;
    let ch = PUNCTUATION_FORMS[raw] ?? raw;
    if (ch === '"') {
      ch = quoteOpen ? '”' : '“';
      quoteOpen = !quoteOpen;
    }
    out += ch;
  }
  return out.replace(/^(\d+)[、.]/, '$1.');
}

/** Looser form used to find a label: also without quotes and list punctuation. */
export function looseLabel(s: string): string {
  return normalizeLabel(s).replace(/[“”‘’'"「」，、。：；.]/g, '');
}

/** Strips a label's numbering: 一、 （一） 1. */
export function labelCore(label: string): string {
  return label.replace(/^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)/, '');
}

export function labelNumbering(label: string): string {
  const m = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)/.exec(label);
  return m ? m[1] : '';
}

/** Similarity of two strings by shared character bigrams (Dice coefficient), 0…1. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const bigrams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const g = a.slice(i, i + 2);
    bigrams.set(g, (bigrams.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const n = bigrams.get(g) ?? 0;
    if (n > 0) {
      bigrams.set(g, n - 1);
      shared++;
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}

const NUMBER_PATTERN = /^[+\-−]?\d+(?:[,，]\d{3})*(?:\.\d+)?$/;
const DASH_PATTERN = /^(?:[—–－-]{1,2}|－－)$/;

export type ValueToken = { kind: 'number'; value: number } | { kind: 'blank' } | { kind: 'nan' } | { kind: 'text' };

/** Classifies one table field as written. */
export function classifyField(raw: string): ValueToken {
  const s = asciiDigits(raw.trim());
  if (s === '') return { kind: 'blank' };
  if (NUMBER_PATTERN.test(s)) {
    const value = Number(s.replace(/[,，]/g, '').replace('−', '-'));
    return { kind: 'number', value };
  }
  if (DASH_PATTERN.test(s)) return { kind: 'blank' };
  if (/\d/.test(s) && !/^\d+[.、]/.test(s) && !/^[（(]\d+[)）]/.test(s) && s.length <= 8 && countCjk(s) <= 2) {
    return { kind: 'nan' };
  }
  return { kind: 'text' };
}

export function countCjk(s: string): number {
  let n = 0;
  for (const ch of s) if (/[\u4e00-\u9fff]/.test(ch)) n++;
  return n;
}

/** Width of a string in a monospace CJK font: CJK and full-width characters count double. */
export function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Whether an offset falls between the two halves of a surrogate pair (inside one character such as 𠀀). */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/**
 * A span widened to whole characters: a start or end between the halves of a surrogate pair moves out
 * of the pair (start back, end forward), so that a range never splits a character. An empty span stays
 * empty, moved to the start of the character it would split (an insertion there keeps the character whole).
 */
export function codePointSpan(text: string, span: Span): Span {
  if (span.start === span.end) {
    const at = splitsSurrogatePair(text, span.start) ? span.start - 1 : span.start;
    return at === span.start ? span : { start: at, end: at };
  }
  const start = splitsSurrogatePair(text, span.start) ? span.start - 1 : span.start;
  const end = splitsSurrogatePair(text, span.end) ? span.end + 1 : span.end;
  return start === span.start && end === span.end ? span : { start, end };
}
