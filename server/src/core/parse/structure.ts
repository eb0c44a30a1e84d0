// Sections, sub-headings, the title, and disable comments: the line-level structure of a draft.

import type { Section, SectionIssue, SectionNumber, Span, SubHeading, Suppression, Title } from '../model';
import { SECTIONS } from '../schema';
import { asciiDigits, CompactText, isSpace, lineEndOf, lineOf } from '../text';

const HEADING = /^(#{1,6}[ \t]*)?([一二三四五六])[ \t]*[、，,.．][ \t]*(\S.*?)[ \t]*$/;
const MAX_HEADING_TITLE = 30;

export interface HeadingLine {
  number: SectionNumber;
  /** The numeral as written (may differ from the section the title names). */
  numeral: string;
  text: string;
  span: Span;
  line: number;
  /** A line that reads as the section's heading without its numeral or in other words (findNearHeadings). */
  near?: boolean;
}

/** A line is a section heading when its title names one of the six sections (table rows such as “一、本年新收…” do not). */
export function findHeadings(text: string, lineStarts: number[]): HeadingLine[] {
  const headings: HeadingLine[] = [];
  for (let line = 0; line < lineStarts.length; line++) {
    const start = lineStarts[line];
    const end = lineEndOf(text, lineStarts, line);
    if (end - start > 60) continue;
    const content = text.slice(start, end);
    const m = HEADING.exec(content.trimStart());
    if (!m) continue;
    const title = m[3];
    if (title.length > MAX_HEADING_TITLE || /[0-9０-９。]/.test(title)) continue;
    const spec = SECTIONS.find((s) => s.keywords.some((k) => title.includes(k)));
    if (!spec) continue;
    const leading = content.length - content.trimStart().length;
    const markdown = m[1]?.length ?? 0;
    const headingStart = start + leading + markdown;
    headings.push({
      number: spec.number,
      numeral: m[2],
      text: content.trim().replace(/^#+[ \t]*/, ''),
      span: { start: headingStart, end },
      line,
    });
  }
  return headings;
}

export function buildSections(text: string, lineStarts: number[], headings: HeadingLine[]): { sections: Section[]; issues: SectionIssue[] } {
  const sections: Section[] = headings.map((h, i) => {
    const bodyStart = h.line + 1 < lineStarts.length ? lineStarts[h.line + 1] : text.length;
    const bodyEnd = i + 1 < headings.length ? lineStarts[headings[i + 1].line] : text.length;
    return {
      number: h.number,
      headingText: h.text,
      headingSpan: h.span,
      bodySpan: { start: bodyStart, end: Math.max(bodyStart, bodyEnd) },
      subHeadings: [],
    };
  });

  const issues: SectionIssue[] = [];
  const seen = new Set<SectionNumber>();
  let highest = 0;
  for (const h of headings) {
    const spec = SECTIONS[h.number - 1];
    if (h.near) issues.push({ kind: 'heading', number: h.number, span: h.span });
    else if (seen.has(h.number)) issues.push({ kind: 'duplicate', number: h.number, span: h.span });
    else if (h.number < highest || h.numeral !== spec.numeral) issues.push({ kind: 'order', number: h.number, span: h.span });
    seen.add(h.number);
    highest = Math.max(highest, h.number);
  }
  for (const spec of SECTIONS) {
    if (seen.has(spec.number)) continue;
    issues.push({ kind: 'missing', number: spec.number, span: missingSectionPlace(text, sections, spec.number) });
  }
  return { sections, issues };
}

/** A line that could be a near heading: at most this many characters of words (Markdown marks, bold and spaces aside). */
const MAX_NEAR_HEADING = 20;
/** A Markdown heading, bold, a trailing colon: what is around the words of a heading line. */
const NEAR_HEADING = /^(#{1,6})?[ \t]*(?:\*\*)?(.*?)(?:\*\*)?[ \t]*[：:]?[ \t]*$/;
/** Numbering at the start (（一）, 1., 一、): a sub-heading or a table row, never a bare section heading. */
const NUMBERED = /^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d)/;

/**
 * Headings that almost are: for a section with no proper heading, the first line between its neighbours' headings
 * that reads as its heading without the numeral — the format's title alone on a line (其他需要报告的事项), or words of
 * it of six characters or more containing one of its keywords; or a Markdown heading (at the draft's heading level,
 * when its headings are Markdown) containing a keyword of four characters or more (## 存在的问题). Strict, so that
 * prose is never taken for a heading: a whole short line (≤ 20 characters of words), without sentence punctuation,
 * figures or numbering, outside `excluded` (the tables).
 */
export function findNearHeadings(text: string, lineStarts: number[], headings: HeadingLine[], excluded: Span[]): HeadingLine[] {
  const present = new Set(headings.map((h) => h.number));
  if (present.size === SECTIONS.length) return [];
  const levels = new Set(headings.map((h) => /^#*/.exec(text.slice(lineStarts[h.line], h.span.start).trim())![0].length));
  const level = levels.size === 1 ? [...levels][0] : null;
  const found: HeadingLine[] = [];
  for (const spec of SECTIONS) {
    if (present.has(spec.number)) continue;
    const before = headings.filter((h) => h.number < spec.number).reduce((a, h) => Math.max(a, h.line), -1);
    const after = headings.filter((h) => h.number > spec.number).reduce((a, h) => Math.min(a, h.line), lineStarts.length);
    for (let line = before + 1; line < after; line++) {
      const start = lineStarts[line];
      const end = lineEndOf(text, lineStarts, line);
      if (end - start > 40 || excluded.some((s) => start < s.end && s.start < end)) continue;
      const content = text.slice(start, end);
      const trimmed = content.trim();
      const m = NEAR_HEADING.exec(trimmed);
      if (!m || /[|\t]/.test(content)) continue;
      const words = m[2].replace(/[ \t\u3000]+/g, '');
      if (words.length < 4 || words.length > MAX_NEAR_HEADING || /[。，；,;！？!?0-9０-９]/.test(words) || NUMBERED.test(words)) continue;
      const markdown = m[1]?.length ?? 0;
      const plain = words === spec.title || (words.length >= 6 && spec.title.includes(words) && spec.keywords.some((k) => words.includes(k)));
      const marked = markdown > 0 && (level === null || level === 0 || level === markdown) && spec.keywords.some((k) => k.length >= 4 && words.includes(k));
      if (!plain && !marked) continue;
      // Words of another section too (行政复议 in a heading of 一) say nothing certain.
      if (SECTIONS.some((other) => other !== spec && other.keywords.some((k) => k.length >= 4 && words.includes(k)))) continue;
      const leading = content.length - content.trimStart().length;
      const headingStart = start + leading + (/^#*[ \t]*/.exec(trimmed)![0].length);
      found.push({ number: spec.number, numeral: spec.numeral, text: trimmed.replace(/^#+[ \t]*/, ''), span: { start: headingStart, end: start + leading + trimmed.length }, line, near: true });
      break;
    }
  }
  return found;
}

/** Where a missing section belongs: before the first later section present, else at the end of the text. */
function missingSectionPlace(text: string, sections: Section[], number: SectionNumber): Span {
  const next = sections.find((s) => s.number > number);
  const at = next ? lineStartBefore(text, next.headingSpan.start) : text.length;
  return { start: at, end: at };
}

function lineStartBefore(text: string, offset: number): number {
  const nl = text.lastIndexOf('\n', offset - 1);
  return nl + 1;
}

/** The marker and the words up to the first punctuation: a sub-heading often runs on into its paragraph. */
const SUB_HEADING = /^(#{1,6}[ \t]*)?([（(][ \t]*[一二三四五六七八九十]+[ \t]*[)）])[ \t]*([^：:。，,；;\n]{0,30})/;

/** Sub-headings （一）(二)… at line start in a section's prose (table spans excluded by the caller). */
export function findSubHeadings(text: string, lineStarts: number[], body: Span, excluded: Span[]): SubHeading[] {
  const result: SubHeading[] = [];
  for (let line = lineOf(lineStarts, body.start); line < lineStarts.length; line++) {
    const start = lineStarts[line];
    if (start < body.start) continue;
    if (start >= body.end) break;
    if (excluded.some((s) => start >= s.start && start < s.end)) continue;
    const end = lineEndOf(text, lineStarts, line);
    const content = text.slice(start, end);
    const leading = content.length - content.trimStart().length;
    const m = SUB_HEADING.exec(content.slice(leading));
    if (!m) continue;
    const from = start + leading + (m[1]?.length ?? 0);
    const to = from + (m[0].length - (m[1]?.length ?? 0)) - (m[0].length - m[0].trimEnd().length);
    result.push({
      marker: m[2].replace(/\s/g, '').replace('(', '（').replace(')', '）'),
      text: m[3].trim().replace(/\s+/g, ' '),
      span: { start: from, end: to },
    });
  }
  return result;
}

/** How far into the text (and never past section 一) the title is looked for. */
const TITLE_WINDOW = 1000;
/** Title lines joined at most (a title broken over lines, with the body on a line of its own). */
const TITLE_MAX_LINES = 4;
const TITLE_MAX_CHARS = 120;

/**
 * A whole title, read on the title lines joined without whitespace: [body] year 年[度] [body] 政府信息公开[工作][年度]报告,
 * with an optional bracketed note at the end (（全文）). The body stands either before the year or after it, never both.
 */
const TITLE_PATTERN = /^(.*?)((?:19|20)\d\d|[〇○零一二][〇○零一二三四五六七八九]{3})年(度)?(.*?)政府信息公开(?:工作)?(?:年度)?(?:工作)?报告(?:[（(][^（）()]{1,12}[）)])?$/;
/** An issuing body as written in a title: Chinese characters (brackets and · allowed), no figures, no punctuation. */
const BODY_TEXT = /^[\u3400-\u9fff（）()·]{2,40}$/;
/** Words that begin a sentence or a notice, or name a web page, not an organ. */
const NOT_A_BODY = /^(?:关于|印发|转发|报送|公布|发布)|报告|网站|门户|专栏|栏目|首页/;
/** The name of an organ ends with what it is (局, 人民政府, 办事处, 委员会, 中心…). */
const ORGAN_SUFFIX = /(?:政府|办公室|办公厅|办事处|委员会|委|办|局|厅|处|署|院|中心|所|站|队|会|部|馆|镇|乡|街道|区|县|市|州|盟|旗|省|公司|集团|行|关|社|团|校|场|台|司|园|室|狱)$/;
/** Page numbers and similar lines that a PDF extractor puts around a title: "- 1 -", "第 1 页", "1/12", "3". */
const PAGE_FURNITURE = /^(?:[-—–－~]+\d{1,4}[-—–－~]+|\d{1,3}|第\d{1,4}页(?:[,，]?共\d{1,4}页)?|\d{1,4}[/／]\d{1,4})$/;

const CHINESE_DIGITS: Record<string, number> = { 〇: 0, '○': 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function yearValue(written: string): number {
  return /^\d{4}$/.test(written) ? Number(written) : Number([...written].map((ch) => CHINESE_DIGITS[ch]).join(''));
}

function isBodyText(s: string): boolean {
  return BODY_TEXT.test(s) && !NOT_A_BODY.test(s);
}

function isOrganName(s: string): boolean {
  return isBodyText(s) && ORGAN_SUFFIX.test(s.replace(/[（(][^（）()]*[）)]$/, ''));
}

/** A line of the compact view: [start, end) indices into it. */
interface TitleLine {
  start: number;
  end: number;
}

interface TitleMatch {
  first: number;
  last: number;
  /** Indices into the compact view. */
  body: [number, number] | null;
  year: number;
  yearAt: number;
  start: number;
  end: number;
}

/** The title read from lines[first..last] joined, when they hold exactly one title and nothing else. */
function matchTitle(view: string, lines: TitleLine[], first: number, last: number): TitleMatch | null {
  let joined = '';
  const at: number[] = [];
  for (let k = first; k <= last; k++) {
    for (let i = lines[k].start; i < lines[k].end; i++) at.push(i);
    joined += view.slice(lines[k].start, lines[k].end);
  }
  if (joined.length > TITLE_MAX_CHARS) return null;
  const m = TITLE_PATTERN.exec(joined);
  if (!m) return null;
  const before = m[1];
  const yearAt = before.length;
  const afterAt = yearAt + m[2].length + 1 + (m[3]?.length ?? 0);
  let after = m[4];
  if (before.length > 0 && after.length > 0) return null;
  let body: [number, number] | null = null;
  // The body must read as the name of an organ: "现将2023年政府信息公开工作年度报告…" is a sentence, not a title.
  if (before.length > 0) {
    if (!isOrganName(before)) return null;
    body = [at[0], at[yearAt - 1] + 1];
  } else if (after.length > 0) {
    // "2023年某县人民政府信息公开…": the body's 政府 is also the first word of 政府信息公开.
    let afterEnd = afterAt + after.length;
    if (after.endsWith('人民')) {
      after += '政府';
      afterEnd += 2;
    }
    if (!isOrganName(after)) return null;
    body = [at[afterAt], at[afterEnd - 1] + 1];
  }
  return { first, last, body, year: yearValue(m[2]), yearAt: at[yearAt], start: at[0], end: at[at.length - 1] + 1 };
}

/**
 * The title: issuing body and report year, read from the text before section 一. The title may be broken over
 * lines anywhere (PDF text), spaced out, written year first (2024年某市人民政府政府信息公开…) or body first, with the
 * body on a line of its own before or after it, among blank lines and page numbers.
 */
export function parseTitle(text: string, firstHeadingStart: number): Title | null {
  const limit = Math.min(firstHeadingStart, TITLE_WINDOW);
  const lineBreak = (ch: string): boolean => ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v' || ch === '\u2028';
  const compact = CompactText.build(
    text,
    [{ start: 0, end: limit }],
    (ch) => ch === '\n' || (!isSpace(ch) && ch !== '#' && ch !== '*'),
    (ch) => (lineBreak(ch) ? '\n' : asciiDigits(ch)),
  );
  const view = compact.text;
  const lines: TitleLine[] = [];
  for (let start = 0; start <= view.length; ) {
    const nl = view.indexOf('\n', start);
    const end = nl < 0 ? view.length : nl;
    if (end > start && !PAGE_FURNITURE.test(view.slice(start, end))) lines.push({ start, end });
    start = end + 1;
  }

  let found: TitleMatch | null = null;
  for (let first = 0; first < lines.length && !found; first++) {
    for (let last = first; last < Math.min(lines.length, first + TITLE_MAX_LINES) && !found; last++) {
      found = matchTitle(view, lines, first, last);
    }
  }
  if (!found) return null;
  // A banner line above a title that names its own body is not part of it ("某市人民政府" over "某局2023年…").
  if (found.body && found.first < found.last) {
    for (let first = found.first + 1; first <= found.last; first++) {
      const shorter = matchTitle(view, lines, first, found.last);
      if (shorter?.body && shorter.body[1] - shorter.body[0] >= 3 && isOrganName(view.slice(shorter.body[0], shorter.body[1]))) {
        found = shorter;
        break;
      }
    }
  }
  let { body, start, end } = found;
  // No body in the title: the body on the next line (a name under the title).
  if (!body && found.last + 1 < lines.length) {
    const next = lines[found.last + 1];
    if (next.end - next.start <= 30 && isOrganName(view.slice(next.start, next.end))) {
      body = [next.start, next.end];
      end = next.end;
    }
  }
  return {
    body: body ? view.slice(body[0], body[1]).replace(/\n/g, '') : null,
    bodySpan: body ? compact.span(body[0], body[1]) : null,
    year: found.year,
    yearSpan: compact.span(found.yearAt, found.yearAt + 4),
    span: compact.span(start, end),
  };
}

/** Rule codes start with a letter or digit, so the comment's closing "-->" is not read as one. */
const DISABLE = /nianbao-disable(-next-line|-line|-file)?((?:[ \t]+\w[\w.-]*)*)/;

/**
 * Disable comments: `<!-- nianbao-disable-next-line code … -->` in Markdown, `// nianbao-disable-next-line code …`
 * in plain text; `nianbao-disable-file` (or `nianbao-disable`) turns rules off for the whole file.
 */
export function findSuppressions(text: string, lineStarts: number[]): Suppression[] {
  const result: Suppression[] = [];
  if (!text.includes('nianbao-disable')) return result;
  for (let line = 0; line < lineStarts.length; line++) {
    const start = lineStarts[line];
    const end = lineEndOf(text, lineStarts, line);
    const content = text.slice(start, end).trim();
    if (!(content.startsWith('<!--') || content.startsWith('//'))) continue;
    const m = DISABLE.exec(content);
    if (!m) continue;
    const codes = m[2].trim().split(/\s+/).filter((c) => c.length > 0);
    const scope = m[1] === '-next-line' || m[1] === '-line' ? 'next-line' : 'file';
    result.push({ scope, codes, line: line + 1, span: { start: start + (text.slice(start, end).length - text.slice(start, end).trimStart().length), end } });
  }
  return result;
}
