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
    if (seen.has(h.number)) issues.push({ kind: 'duplicate', number: h.number, span: h.span });
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

/** Line breaks may fall anywhere in a PDF-extracted title ("…工作年\n度报告"). */
const wrapped = (word: string): string => [...word].map((ch) => `${ch}\\n*`).join('');
const TITLE_PATTERN = new RegExp(`(\\d{4})\\n*${wrapped('年')}(?:度\\n*)?${wrapped('政府信息公开')}(?:${wrapped('工作')})?${wrapped('年度报')}告`);

/** The title: issuing body and report year, read from the text before section 一 (it may be broken over lines). */
export function parseTitle(text: string, firstHeadingStart: number): Title | null {
  const limit = Math.min(firstHeadingStart, 600);
  const compact = CompactText.build(text, [{ start: 0, end: limit }], (ch) => ch === '\n' || (!isSpace(ch) && ch !== '#' && ch !== '*'), asciiDigits);
  const m = TITLE_PATTERN.exec(compact.text);
  if (!m) return null;
  const lineBreak = compact.text.lastIndexOf('\n', m.index);
  const bodyStartIndex = lineBreak + 1;
  const bodyText = compact.text.slice(bodyStartIndex, m.index);
  const year = Number(m[1]);
  const titleStart = bodyText.length > 0 ? bodyStartIndex : m.index;
  return {
    body: bodyText.length > 0 ? bodyText : null,
    bodySpan: bodyText.length > 0 ? compact.span(bodyStartIndex, m.index) : null,
    year,
    yearSpan: compact.span(m.index, m.index + 4),
    span: compact.span(titleStart, m.index + m[0].length),
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
