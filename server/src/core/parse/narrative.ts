// The prose: every number with its unit, the claims the wording makes about the tables, and the
// years the report uses to refer to itself. Lines wrapped by PDF extraction are joined first, so that
// "采用率\n95.4%" reads as one phrase; every match maps back to its exact source span.

import type { Claim, ClaimKind, CountUnit, NarrativeNumber, Span, YearRef } from '../model';
import { asciiDigits, CompactText, lineEndOf, lineOf } from '../text';

const PHRASE_END: ReadonlySet<string> = new Set(['。', '！', '？', '；', '：', ':']);

/** Joins prose lines into paragraphs: a line break ends a phrase only after 。！？；： or before a blank line. */
export function buildProse(text: string, lineStarts: number[], spans: Span[]): CompactText {
  // Built in parts and joined once: reading the end of a growing string would flatten it every line.
  const parts: string[] = [];
  const offsets: number[] = [];
  let last = '\n';
  const push = (chunk: string, from: number) => {
    parts.push(chunk);
    for (let i = 0; i < chunk.length; i++) offsets.push(from + i);
    last = chunk[chunk.length - 1];
  };
  for (const span of spans) {
    for (let line = lineOf(lineStarts, span.start); line < lineStarts.length; line++) {
      const start = lineStarts[line];
      if (start < span.start) continue;
      if (start >= span.end) break;
      const end = Math.min(lineEndOf(text, lineStarts, line), span.end);
      const trimmed = text.slice(start, end).trim();
      const breakBefore = trimmed === '' || /^[#（(]|^\d+[.、](?!\d)|^[一二三四五六七八九十]、/.test(trimmed) || PHRASE_END.has(last);
      if (breakBefore && last !== '\n') push('\n', start);
      if (end > start) push(asciiDigits(text.slice(start, end)), start);
    }
    if (last !== '\n') push('\n', span.end);
  }
  return new CompactText(parts.join(''), offsets);
}

const NUMBER =
  /(?<![\d.,，])(\d+(?:,\d{3})*(?:\.\d+)?)(?![\d])\s*(万余|余|多)?\s*(万元|件|项|条|个|篇|%|％|元)?/g;
const CHINESE_COUNT = /([一二两三四五六七八九十]+)\s*(件|项)/g;
const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function chineseNumber(s: string): number {
  if (s === '十') return 10;
  const ten = s.indexOf('十');
  if (ten < 0) return CHINESE_DIGITS[s] ?? NaN;
  const tens = ten === 0 ? 1 : CHINESE_DIGITS[s.slice(0, ten)] ?? NaN;
  const ones = ten === s.length - 1 ? 0 : CHINESE_DIGITS[s.slice(ten + 1)] ?? NaN;
  return tens * 10 + ones;
}

/** How far back an opening bracket still encloses a number. */
const CITATION_REACH = 60;

/** Inside 《》, 〔〕, 【】 or [] the numbers belong to a citation, not to this report. */
function insideCitation(s: string, at: number): boolean {
  const before = s.slice(Math.max(0, at - CITATION_REACH), at);
  for (const [open, close] of [['《', '》'], ['〔', '〕'], ['【', '】'], ['[', ']']]) {
    if (before.lastIndexOf(open) > before.lastIndexOf(close)) return true;
  }
  return false;
}

export function findNumbers(prose: CompactText): NarrativeNumber[] {
  const s = prose.text;
  const numbers: NarrativeNumber[] = [];
  for (const m of s.matchAll(NUMBER)) {
    const at = m.index!;
    const after = s.slice(at + m[1].length, at + m[1].length + 4).trimStart();
    if (/^(年|月|日|号|时|版|期)/.test(after) && !m[3]) continue;
    if (/^[.、](?!\d)/.test(after) && !m[3]) continue;
    if (/第\s*$/.test(s.slice(Math.max(0, at - 2), at)) || insideCitation(s, at)) continue;
    const unit = m[3] ? (m[3] === '％' ? '%' : (m[3] as CountUnit)) : null;
    const decimal = m[1].indexOf('.');
    numbers.push({
      value: Number(m[1].replace(/,/g, '')),
      raw: m[0].trimEnd(),
      unit,
      approximate: m[2] !== undefined,
      decimals: decimal < 0 ? 0 : m[1].length - decimal - 1,
      span: prose.span(at, at + m[0].trimEnd().length),
      valueSpan: prose.span(at, at + m[1].length),
    });
  }
  for (const m of s.matchAll(CHINESE_COUNT)) {
    const value = chineseNumber(m[1]);
    if (Number.isNaN(value)) continue;
    const at = m.index!;
    numbers.push({ value, raw: m[0], unit: m[2] as CountUnit, approximate: false, decimals: 0, span: prose.span(at, at + m[0].length), valueSpan: prose.span(at, at + m[1].length) });
  }
  return numbers.sort((a, b) => a.span.start - b.span.start);
}

interface Piece {
  start: number;
  end: number;
}

function pieces(s: string, separators: RegExp, within: Piece): Piece[] {
  const result: Piece[] = [];
  let start = within.start;
  for (let i = within.start; i < within.end; i++) {
    if (separators.test(s[i])) {
      if (i > start) result.push({ start, end: i });
      start = i + 1;
    }
  }
  if (within.end > start) result.push({ start, end: within.end });
  return result;
}

const SENTENCE_END = /[。！？；;\n]/;
const CLAUSE_END = /[，,：:]/;
/** Sentences about something other than disclosure requests, though they say 收到 or 办理. */
const OTHER_MATTERS = /信箱|诉求|咨询|投诉件|来信|热线|政务服务|建议|提案/;
const COUNT_UNITS: ReadonlySet<string> = new Set(['件', '项', '个', '条']);

function classifyCount(clause: string, aboutApplications: boolean): ClaimKind | null {
  const review = clause.includes('行政复议');
  const litigation = /行政诉讼|起诉/.test(clause);
  if (review && litigation) return 'review-and-litigation';
  if (review) return 'review';
  if (litigation) return 'litigation';
  if (!aboutApplications || OTHER_MATTERS.test(clause)) return null;
  if (/结转下一?年|转下一?年|转入下一?年|结转至下一?年/.test(clause)) return 'carried-forward';
  if (/上一?年度?结转/.test(clause)) return 'carried-over';
  if (clause.includes('自然人')) return 'natural-person';
  if (clause.includes('法人')) return 'legal-person';
  if (clause.includes('新收')) return 'new';
  if (/收到|受理|接收|接到/.test(clause)) return 'received';
  if (/办结|答复|办理完毕|处理完毕|已办理/.test(clause)) return 'handled';
  return null;
}

const RATE = /(\S{2})率\s*$/;

const STATEMENTS: { kind: ClaimKind; pattern: RegExp }[] = [
  { kind: 'no-review-litigation', pattern: /(?:未|没有|无)[^，。；,\n]{0,20}?(?:行政复议|行政诉讼)[^，。；,\n]*/g },
  { kind: 'none-received', pattern: /(?:未|没有)(?:收到|接到|受理)[^，。；,\n]{0,12}?(?:政府信息公开申请|依申请公开(?:申请|事项)?|信息公开申请|公开申请)/g },
  { kind: 'fee-none', pattern: /(?:未|没有|不|无)(?:收取|收)[^，。；,\n]{0,20}?(?:处理费|费用)/g },
];

/** How many earlier numbers of the sentence a percentage looks back at for its parts. */
const PERCENT_LOOKBACK = 8;
/**
 * How far around a number its clause is read. Real clauses are shorter; the bound keeps a long run of
 * numbers without punctuation linear instead of quadratic.
 */
const CLAUSE_REACH = 100;
/** How much of the clause before a number is read for "X率". */
const BEFORE_WINDOW = 12;

export function findClaims(prose: CompactText, numbers: NarrativeNumber[]): Claim[] {
  const s = prose.text;
  const claims: Claim[] = [];
  const located = numbers.map((n) => ({ n, at: prose.indexAtOffset(n.span.start) }));
  let next = 0;
  for (const sentence of pieces(s, SENTENCE_END, { start: 0, end: s.length })) {
    const sentenceText = s.slice(sentence.start, sentence.end);
    const aboutApplications = sentenceText.includes('申请');
    // Numbers and clauses are both in text order: one pass over each.
    const clauses = pieces(s, CLAUSE_END, sentence);
    let clauseIndex = 0;
    const items: ClausedNumber[] = [];
    for (; next < located.length && located[next].at < sentence.end; next++) {
      const { n, at } = located[next];
      while (clauseIndex < clauses.length && clauses[clauseIndex].end <= at) clauseIndex++;
      const clause = clauses[clauseIndex];
      if (!clause || at < clause.start) continue;
      items.push({
        n,
        clause: s.slice(Math.max(clause.start, at - CLAUSE_REACH), Math.min(clause.end, at + CLAUSE_REACH)),
        before: s.slice(Math.max(clause.start, at - BEFORE_WINDOW), at),
      });
    }
    for (const [i, item] of items.entries()) {
      const claim = numberClaim(item, items.slice(Math.max(0, i - PERCENT_LOOKBACK), i), aboutApplications);
      if (claim) claims.push(claim);
    }
    for (const { kind, pattern } of STATEMENTS) {
      for (const m of sentenceText.matchAll(pattern)) {
        if (kind === 'none-received' && /复议|诉讼/.test(m[0])) continue;
        const at = sentence.start + m.index!;
        const phrase = m[0].trim();
        claims.push({ kind, phrase, span: prose.span(at, at + phrase.length) });
      }
    }
  }
  return claims.sort((a, b) => a.span.start - b.span.start);
}

interface ClausedNumber {
  n: NarrativeNumber;
  clause: string;
  /** The end of the clause's text before the number (enough for "X率"). */
  before: string;
}

function numberClaim(item: ClausedNumber, earlier: ClausedNumber[], aboutApplications: boolean): Claim | null {
  const { n, clause } = item;
  const phrase = clause.trim();
  if (n.unit === '%') {
    const rate = RATE.exec(item.before);
    if (!rate) return null;
    const parts = earlier.filter((e) => e.n.unit !== '%' && e.n.unit !== null);
    const numeratorIndex = parts.map((e) => e.clause.includes(rate[1])).lastIndexOf(true);
    if (numeratorIndex < 1) return null;
    const numerator = parts[numeratorIndex].n;
    const denominator = parts.slice(0, numeratorIndex).reverse().find((e) => e.n.unit === numerator.unit)?.n;
    if (!denominator || numerator.approximate || denominator.approximate) return null;
    return { kind: 'percent', number: n, numerator, denominator, phrase, span: n.valueSpan };
  }
  if (n.approximate) return null;
  if ((n.unit === '元' || n.unit === '万元') && clause.includes('处理费') && !/未|不|免/.test(clause)) {
    return { kind: 'fee-amount', number: n, phrase, span: n.valueSpan };
  }
  if (!n.unit || !COUNT_UNITS.has(n.unit)) return null;
  const kind = classifyCount(clause, aboutApplications);
  return kind ? { kind, number: n, phrase, span: n.valueSpan } : null;
}

const YEAR = /(\d{4})\s*年/g;
const SELF_AFTER = /^\s*(度|[，,]|全年|以来|共|我|本|未|全区|全县|全市|全镇)/;
const SELF_BEFORE = /(我[办局区委县市镇厅院部]|我街道|本单位|本机关|本部门|本街道|全年)\s*$/;
const AS_OF_BEFORE = /截[至止]\s*$/;
const COMPARISON_BEFORE = /(较|比|同比|与|上|去|至|—|-|~)\s*$/;

/** Years used to refer to the report's own year: 截至2024年12月31日, 2024年，我办…, 我办2024年度…. */
export function findYears(prose: CompactText): YearRef[] {
  const s = prose.text;
  const years: YearRef[] = [];
  for (const m of s.matchAll(YEAR)) {
    const at = m.index!;
    const before = s.slice(Math.max(0, at - 6), at);
    const after = s.slice(at + m[0].length, at + m[0].length + 4);
    if (insideCitation(s, at) || after.startsWith('版')) continue;
    const asOf = AS_OF_BEFORE.test(before);
    const self = asOf || ((SELF_AFTER.test(after) || SELF_BEFORE.test(before)) && !COMPARISON_BEFORE.test(before));
    if (!self) continue;
    years.push({ year: Number(m[1]), kind: asOf ? 'as-of' : 'self', span: prose.span(at, at + 4) });
  }
  return years;
}
