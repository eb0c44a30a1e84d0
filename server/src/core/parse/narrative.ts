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
const OPEN_BRACKET = /[（(]/;
const CLOSE_BRACKET = /[）)]/;
/** Sentences about something other than disclosure requests, though they say 收到 or 办理. */
const OTHER_MATTERS = /信箱|诉求|咨询|投诉件|来信|热线|政务服务|建议|提案/;
const COUNT_UNITS: ReadonlySet<string> = new Set(['件', '项', '个', '条']);

/** 结转下年度, 转下一年, 顺延到下年度, 结转至 2025 年: still open at year end (四). */
const FORWARD = /(?:结转|转入|转|顺延|延期|延续|留待?)(?:到|至|入)?(?:下一?个?年|\d{4}\s*年)/;
/** 上年结转, 上年度结转, 上一年度结转: carried over from last year (二). */
const CARRIED = /上一?年度?结转/;

/** The results of table 三, by the words of their row labels; a clause naming two of them is left alone. */
const RESULTS: { kind: ClaimKind; pattern: RegExp }[] = [
  { kind: 'partly-disclosed', pattern: /部分公开/ },
  { kind: 'refused', pattern: /不予公开/ },
  { kind: 'unavailable', pattern: /无法提供/ },
  { kind: 'not-processed', pattern: /不予处理/ },
  { kind: 'other-processed', pattern: /其他处理/ },
  { kind: 'disclosed', pattern: /予以公开|全部公开|同意公开/ },
];
/** Words of the sub-rows of （三）–（六）: a clause naming one speaks of that sub-row, not of the whole result. */
const RESULT_SUBROW =
  /国家秘密|禁止公开|三安全|第三方|内部事务|过程性|执法案卷|查询事项|不掌握|不存在|另行制作|不明确|信访|举报|投诉|重复|出版物|反复|重新出具|逾期|补正|缴纳|收费/;

function classifyCount(clause: string, aboutApplications: boolean): ClaimKind | null {
  const review = clause.includes('行政复议');
  const litigation = /行政诉讼|起诉/.test(clause);
  if (review && litigation) return 'review-and-litigation';
  if (review) return 'review';
  if (litigation) return 'litigation';
  if (!aboutApplications || OTHER_MATTERS.test(clause)) return null;
  const forward = FORWARD.test(clause);
  const carried = CARRIED.test(clause);
  const results = RESULTS.filter((r) => r.pattern.test(clause));
  if (results.length > 0) {
    // 上年结转申请中予以公开 5 件, 予以公开和部分公开 20 件, 因属于国家秘密不予公开 2 件: not one row's figure.
    if (results.length > 1 || forward || carried || RESULT_SUBROW.test(clause)) return null;
    return results[0].kind;
  }
  if (forward) return 'carried-forward';
  if (carried) return 'carried-over';
  if (clause.includes('自然人')) return 'natural-person';
  if (clause.includes('法人')) return 'legal-person';
  if (clause.includes('新收')) return 'new';
  if (/收到|受理|接收|接到/.test(clause)) return 'received';
  if (/办结|答复|办理完毕|处理完毕|已办理/.test(clause)) return 'handled';
  return null;
}

/** Claims that state a total the sentence's other figures are part of. */
const TOTAL_KINDS: ReadonlySet<ClaimKind> = new Set(['received', 'new', 'handled']);
/** Claims a share ("N 件（占 x%）") may be stated for: the figures of table 三. */
const SHARE_KINDS: ReadonlySet<ClaimKind> = new Set([
  'handled', 'carried-over', 'carried-forward', 'natural-person', 'legal-person',
  'disclosed', 'partly-disclosed', 'refused', 'unavailable', 'not-processed', 'other-processed',
]);
/** Between a count and its share: "（占 43.7%）", "（43.7%）", "，占比 43.7%", "，占全部申请的 43.7%". */
const SHARE_IN_BRACKETS = /^\s*[（(]\s*(?:约?占[^，。；（）()\d%]{0,10})?\s*$/;
const SHARE_AFTER_COMMA = /^\s*[，,]?\s*约?占[^，。；（）()\d%]{0,10}\s*$/;
/** "占全市的 5%", "同比增长 5%": a share of something the report does not count. */
const OUTSIDE_WHOLE = /全省|全市|全区|全县|全国|全镇|上年|去年|同比|环比|较|比上|增长|下降/;
/** The clause of a rate's denominator names a whole: 共收到, 报送, 受理 … */
const WHOLE_WORDS = /共|总|合计|全年|累计|收到|受理|报送|上报|提交|新收/;

const RATE = /(\S{2})率\s*$/;

const STATEMENTS: { kind: ClaimKind; pattern: RegExp }[] = [
  { kind: 'no-review-litigation', pattern: /(?:未|没有|无)[^，。；,\n]{0,20}?(?:行政复议|行政诉讼)[^，。；,\n]*/g },
  { kind: 'none-received', pattern: /(?:未|没有)(?:收到|接到|受理)[^，。；,\n]{0,12}?(?:政府信息公开申请|依申请公开(?:申请|事项)?|信息公开申请|公开申请)/g },
  { kind: 'fee-none', pattern: /(?:未|没有|不|无)(?:收取|收)[^，。；,\n]{0,20}?(?:处理费|费用)/g },
];
/** "未发生行政复议被纠错、行政诉讼败诉": no corrected outcome, not "no case". */
const CORRECTED_WORDS = /纠错|纠正|败诉|撤销|确认违法|被改变|被变更/;

/** How many earlier numbers of the sentence a percentage looks back at for its parts. */
const PERCENT_LOOKBACK = 8;
/**
 * How far around a number its clause is read. Real clauses are shorter; the bound keeps a long run of
 * numbers without punctuation linear instead of quadratic.
 */
const CLAUSE_REACH = 100;
/** How much of the clause before a number is read for "X率". */
const BEFORE_WINDOW = 12;

/**
 * A sentence read as nested levels: the text inside brackets is one level, the text around them another
 * (without the bracketed part), so that in "答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复）"
 * 3050 reads "答复 3050 件", 34 reads "含上年度结转申请 34 件" and 103 reads "另有 103 件顺延到下年度答复".
 * Each level is cut into clauses at ，：, and at 、 after a figure ("予以公开 5 件、部分公开 2 件"), but not at a
 * 、 between words ("行政复议、行政诉讼案件 5 件").
 */
function clausesOf(s: string, sentence: Piece, wanted: ReadonlySet<number>): Map<number, { clause: string; before: string }> {
  const levels: { chars: string[]; clauseStart: number; hasFigure: boolean; pending: { at: number; index: number }[] }[] = [];
  const result = new Map<number, { clause: string; before: string }>();
  const open = () => levels.push({ chars: [], clauseStart: 0, hasFigure: false, pending: [] });
  const closeClause = (level: (typeof levels)[number]) => {
    const end = level.chars.length;
    for (const { at, index } of level.pending) {
      const from = Math.max(level.clauseStart, index - CLAUSE_REACH);
      result.set(at, {
        clause: level.chars.slice(from, Math.min(end, index + CLAUSE_REACH)).join(''),
        before: level.chars.slice(Math.max(level.clauseStart, index - BEFORE_WINDOW), index).join(''),
      });
    }
    level.pending = [];
    level.clauseStart = end;
    level.hasFigure = false;
  };
  open();
  for (let i = sentence.start; i < sentence.end; i++) {
    const ch = s[i];
    if (OPEN_BRACKET.test(ch)) {
      open();
      continue;
    }
    if (CLOSE_BRACKET.test(ch)) {
      if (levels.length > 1) closeClause(levels.pop()!);
      continue;
    }
    const level = levels[levels.length - 1];
    if (CLAUSE_END.test(ch) || (ch === '、' && level.hasFigure)) {
      closeClause(level);
      level.chars.push(ch);
      level.clauseStart = level.chars.length;
      continue;
    }
    if (wanted.has(i)) level.pending.push({ at: i, index: level.chars.length });
    if (ch >= '0' && ch <= '9') level.hasFigure = true;
    level.chars.push(ch);
  }
  while (levels.length > 0) closeClause(levels.pop()!);
  return result;
}

export function findClaims(prose: CompactText, numbers: NarrativeNumber[]): Claim[] {
  const s = prose.text;
  const claims: Claim[] = [];
  const located = numbers.map((n) => ({ n, at: prose.indexAtOffset(n.span.start), end: prose.indexAtOffset(n.span.end - 1) + 1 }));
  let next = 0;
  // "共收到申请 136 件；已办结 107 件，结转下年度 28 件": after a ；the sentence still speaks of the requests.
  let carriesTopic = false;
  for (const sentence of pieces(s, SENTENCE_END, { start: 0, end: s.length })) {
    const sentenceText = s.slice(sentence.start, sentence.end);
    const aboutApplications: boolean = carriesTopic || sentenceText.includes('申请');
    carriesTopic = aboutApplications && /[；;]/.test(s[sentence.end] ?? '');
    const inSentence: typeof located = [];
    for (; next < located.length && located[next].at < sentence.end; next++) {
      if (located[next].at >= sentence.start) inSentence.push(located[next]);
    }
    const clauses = clausesOf(s, sentence, new Set(inSentence.map((l) => l.at)));
    const items: ClausedNumber[] = [];
    for (const { n, at, end } of inSentence) {
      const c = clauses.get(at);
      if (!c) continue;
      const kind = n.unit && COUNT_UNITS.has(n.unit) && !n.approximate ? classifyCount(c.clause, aboutApplications) : null;
      items.push({ n, at, end, clause: c.clause, before: c.before, kind });
    }
    // The totals stated so far in the sentence (two different values are enough to know the whole is unclear).
    const totals: ClausedNumber[] = [];
    for (const [i, item] of items.entries()) {
      const claim = numberClaim(s, item, items.slice(Math.max(0, i - PERCENT_LOOKBACK), i), totals);
      if (claim) claims.push(claim);
      if (item.kind && TOTAL_KINDS.has(item.kind) && !item.n.approximate && totals.length < 2 && !totals.some((t) => t.n.value === item.n.value)) totals.push(item);
    }
    for (const { kind, pattern } of STATEMENTS) {
      for (const m of sentenceText.matchAll(pattern)) {
        if (kind === 'none-received' && /复议|诉讼/.test(m[0])) continue;
        const at = sentence.start + m.index!;
        const phrase = m[0].trim();
        const stated = kind === 'no-review-litigation' && CORRECTED_WORDS.test(phrase) ? 'no-corrected' : kind;
        claims.push({ kind: stated, phrase, span: prose.span(at, at + phrase.length) });
      }
    }
  }
  return claims.sort((a, b) => a.span.start - b.span.start);
}

interface ClausedNumber {
  n: NarrativeNumber;
  /** Where the number starts and its unit ends in the prose. */
  at: number;
  end: number;
  clause: string;
  /** The end of the clause's text before the number (enough for "X率"). */
  before: string;
  /** What the count claims, if it is a count of a known kind. */
  kind: ClaimKind | null;
}

/** "报送信息 303 条，采用信息 289 条，采用率 95.4%": the part is the last figure whose clause says 采用, the whole the nearest before it that names a whole. */
function rateClaim(item: ClausedNumber, earlier: ClausedNumber[], word: string): Claim | null {
  const parts = earlier.filter((e) => e.n.unit !== '%' && e.n.unit !== null);
  const numeratorIndex = parts.map((e) => e.clause.includes(word)).lastIndexOf(true);
  if (numeratorIndex < 1) return null;
  const numerator = parts[numeratorIndex].n;
  const candidates = parts.slice(0, numeratorIndex).filter((e) => e.n.unit === numerator.unit);
  // A whole that itself says 公开 beside a 公开率 is a sibling category (予以公开 / 部分公开), not the whole.
  if (candidates.some((e) => e.clause.includes(word))) return null;
  // The nearest figure that names a whole ("其中上年结转 10 件" between 共收到 and 办结 is a part, not the whole).
  const denominator = (candidates.filter((e) => WHOLE_WORDS.test(e.clause)).pop() ?? candidates[candidates.length - 1])?.n;
  if (!denominator || numerator.approximate || denominator.approximate) return null;
  return { kind: 'percent', number: item.n, numerator, denominator, phrase: item.clause.trim(), span: item.n.valueSpan };
}

/**
 * "予以公开 1362 件（占 43.7%）": the share of the count just before it. Its whole is the one total the sentence
 * states (共收到 / 办结 N 件); with none stated the claim has no denominator and is read against the table;
 * with several different totals the reading is not clear and nothing is claimed.
 */
function shareClaim(s: string, item: ClausedNumber, count: ClausedNumber | undefined, totalsBefore: ClausedNumber[]): Claim | null {
  if (!count || !count.kind || !SHARE_KINDS.has(count.kind) || count.n.approximate) return null;
  const bridge = s.slice(count.end, item.at);
  if ((!SHARE_IN_BRACKETS.test(bridge) && !SHARE_AFTER_COMMA.test(bridge)) || OUTSIDE_WHOLE.test(bridge)) return null;
  const totals = totalsBefore.filter((t) => t !== count);
  if (totals.length > 1 || totals.some((t) => t.n.unit !== count.n.unit)) return null;
  const denominator = totals[0]?.n;
  const phrase = `${count.clause.trim()}（${item.n.raw}）`;
  return { kind: 'percent', number: item.n, numerator: count.n, ...(denominator ? { denominator } : {}), phrase, span: item.n.valueSpan };
}

function numberClaim(s: string, item: ClausedNumber, earlier: ClausedNumber[], totalsBefore: ClausedNumber[]): Claim | null {
  const { n, clause } = item;
  const phrase = clause.trim();
  if (n.unit === '%') {
    const rate = RATE.exec(item.before);
    if (rate) return rateClaim(item, earlier, rate[1]);
    return shareClaim(s, item, earlier[earlier.length - 1], totalsBefore);
  }
  if (n.approximate) return null;
  if ((n.unit === '元' || n.unit === '万元') && clause.includes('处理费') && !/未|不|免/.test(clause)) {
    return { kind: 'fee-amount', number: n, phrase, span: n.valueSpan };
  }
  return item.kind ? { kind: item.kind, number: n, phrase, span: n.valueSpan } : null;
}

const YEAR = /(\d{4})\s*年/g;
const SELF_AFTER = /^\s*(度|[，,]|全年|以来|共|我|本|未|全区|全县|全市|全镇)/;
const SELF_BEFORE = /(我[办局区委县市镇厅院部]|我街道|本单位|本机关|本部门|本街道|全年)\s*$/;
const AS_OF_BEFORE = /截[至止]\s*$/;
const COMPARISON_BEFORE = /(较|比|同比|与|上|去|至|—|-|~)\s*$/;
/** "截至 2025 年 1 月": a date after the year's end (the report is written then), not the statistics' cut-off. */
const MONTH_AFTER = /^\s*(\d{1,2})\s*月/;
/**
 * A plan, not a self-reference: "2025 年我们将…", "2025年，将…", "2025年，我局将…", "下一步，2025年…". The
 * sentence's words after the year (or before it) say what will be done.
 */
const PLAN_AFTER = /^[^。！？；;\n]{0,30}?(?:^\s*[，,]?\s*将|我们将|我[办局区委县市镇厅院部]将|我街道将|本(?:单位|机关|部门|街道)将|计划(?:于|在|将|开展|完成)|拟(?!定)|预计|力争|争取|打算)/;
const PLAN_BEFORE = /(?:下一步|今后|未来|明年|来年|新的一年|展望)[^。！？；;\n]*$/;

/** Years used to refer to the report's own year: 截至2024年12月31日, 2024年，我办…, 我办2024年度…. */
export function findYears(prose: CompactText): YearRef[] {
  const s = prose.text;
  const years: YearRef[] = [];
  for (const m of s.matchAll(YEAR)) {
    const at = m.index!;
    const before = s.slice(Math.max(0, at - 6), at);
    const after = s.slice(at + m[0].length, at + m[0].length + 4);
    if (insideCitation(s, at) || after.startsWith('版')) continue;
    const month = MONTH_AFTER.exec(s.slice(at + m[0].length, at + m[0].length + 8));
    const asOf = AS_OF_BEFORE.test(before) && (!month || Number(month[1]) === 12);
    const self = asOf || ((SELF_AFTER.test(after) || SELF_BEFORE.test(before)) && !COMPARISON_BEFORE.test(before) && !AS_OF_BEFORE.test(before));
    if (!self) continue;
    if (!asOf && (PLAN_AFTER.test(s.slice(at + m[0].length, at + m[0].length + 40)) || PLAN_BEFORE.test(s.slice(Math.max(0, at - 30), at)))) continue;
    years.push({ year: Number(m[1]), kind: asOf ? 'as-of' : 'self', span: prose.span(at, at + 4) });
  }
  return years;
}
