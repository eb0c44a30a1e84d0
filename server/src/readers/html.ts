// A report published as a web page (.html / .htm / .shtml), read from its structure: the article body, its
// paragraphs and headings, and its <table>s cell by cell with rowspan/colspan expanded. Synchronous.
//
// Encoding: a byte-order mark; then the charset the page declares (<meta charset>, http-equiv Content-Type,
// <?xml encoding?>; GB2312/GBK are read as GB18030, their superset); then the text decoder of the command line
// (valid UTF-8 is UTF-8, else chardet ranks GB18030/Big5); a declared UTF-8 that is not valid UTF-8 falls through
// to that detection.
//
// Before parsing (node-html-parser), scripts, styles, comments and long data: URIs are cut out in one linear scan.
// Limits: MAX_HTML_BYTES on the file, MAX_HTML_MARKUP on what is left; above them a ReaderError says so.
//
// The article body: page furniture (script, style, nav, header, footer, aside, forms, hidden elements) is skipped,
// and the body is the smallest element whose text holds every kind of report marker found on the page (the six
// section headings, the table words 第二十条第…项 / 本年新收… / 勾稽关系 / 复议后起诉 …). The title is the first line of
// the body when it reads as one, else the nearest heading (h1–h6, or an element whose class/id says title) before
// the body that reads as one, else the page's <title>.

import { HTMLElement, Node, NodeType, parse, TextNode } from 'node-html-parser';
import iconv from 'iconv-lite';
import { decodeBytes, DecodeError } from '../core/decode';
import { joinCellParts, renderDraft, isTitleText, type Block, type TableRowBlock } from './markdown';
import { ReaderError, type ConvertedReport, type SourcePlace } from './types';

/**
 * Larger files are refused at once. A report's page is well under 1 MB (the real one in ../shared/real: 110 KB);
 * inline images, scripts and styles make pages larger, and they are cut out (linearly) before parsing.
 */
export const MAX_HTML_BYTES = 20 * 1024 * 1024;
/**
 * The markup left after scripts, styles, comments and inline data are cut out (characters). A page that is nothing
 * but table cells builds a DOM of millions of nodes (about 1 s per million characters), so 4 M keeps the worst case
 * within seconds; larger pages are refused with a clear message.
 */
export const MAX_HTML_MARKUP = 4 * 1024 * 1024;

export interface HtmlOptions {
  /** The file's name, for the draft's first-line comment. */
  fileName?: string;
}

export function readHtml(bytes: Uint8Array, options: HtmlOptions = {}): ConvertedReport {
  if (bytes.length === 0) throw new ReaderError('网页文件为空', 'The web page is empty');
  if (bytes.length > MAX_HTML_BYTES) {
    throw new ReaderError(
      `网页文件过大（${mb(bytes.length)}），超过 ${mb(MAX_HTML_BYTES)} 的上限`,
      `The web page is too large (${mb(bytes.length)}; the limit is ${mb(MAX_HTML_BYTES)})`,
    );
  }
  const html = withoutFurniture(decodeHtml(bytes));
  if (html.length > MAX_HTML_MARKUP) {
    throw new ReaderError(
      `网页内容过大（去掉脚本、样式和内嵌图片后仍有 ${(html.length / 1024 / 1024).toFixed(1)} M 个字符），超过 ${MAX_HTML_MARKUP / 1024 / 1024} M 的上限`,
      `The web page is too large (${(html.length / 1024 / 1024).toFixed(1)} M characters without scripts, styles and inline images; the limit is ${MAX_HTML_MARKUP / 1024 / 1024} M)`,
    );
  }
  let root: HTMLElement;
  try {
    root = parse(html, { comment: false, blockTextElements: { script: false, noscript: false, style: false, textarea: false } });
  } catch (e) {
    throw new ReaderError(`无法解析网页：${(e as Error).message}`, `The web page cannot be parsed: ${(e as Error).message}`);
  }
  let blocks: Block[];
  let title: { text: string; place: SourcePlace } | undefined;
  try {
    const flat = flatten(root);
    const body = findBody(root, flat);
    blocks = readBlocks(body);
    title = blocks.length > 0 && isTitleText(firstText(blocks)) ? undefined : findTitle(root, body, flat);
  } catch (e) {
    if (e instanceof RangeError) throw new ReaderError('网页结构嵌套过深，无法读取', 'The web page is nested too deeply to be read');
    throw e;
  }
  if (!blocks.some((b) => (b.kind === 'table' ? b.rows.length > 0 : b.text.trim() !== ''))) {
    throw new ReaderError('网页中没有找到正文', 'No text found in the web page');
  }
  return renderDraft(blocks, { title, fileName: options.fileName });
}

/**
 * Scripts, styles, comments and inline data (base64 images) removed before parsing: they are never text of the
 * report, and a multi-megabyte attribute overflows the parser's stack.
 */
function withoutFurniture(html: string): string {
  const out: string[] = [];
  const open = /<!--|<(script|style|noscript|template)\b|data:/gi;
  let at = 0;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    let end: number;
    if (m[0] === '<!--') {
      const close = html.indexOf('-->', m.index + 4);
      end = close < 0 ? html.length : close + 3;
    } else if (m[1]) {
      const close = new RegExp(`</${m[1]}\\s*>`, 'gi');
      close.lastIndex = m.index + m[0].length;
      const c = close.exec(html);
      end = c ? c.index + c[0].length : html.length;
    } else {
      // A data: URI: kept as "data:," when it is long (inline images), scanned without a regular expression.
      let j = m.index + 5;
      while (j < html.length && !'"\'> \t\r\n)'.includes(html[j])) j++;
      if (j - m.index < 256) continue;
      out.push(html.slice(at, m.index), 'data:,');
      at = j;
      open.lastIndex = j;
      continue;
    }
    out.push(html.slice(at, m.index));
    at = end;
    open.lastIndex = end;
  }
  out.push(html.slice(at));
  return out.join('');
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

function firstText(blocks: Block[]): string {
  for (const b of blocks) {
    if (b.kind === 'table') return '';
    if (b.text.trim() !== '') return b.text;
  }
  return '';
}

// ---------------------------------------------------------------------------------------------------------
// Decoding

const CHARSET = /<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.-]+)/i;

function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8192)).toString('latin1');
  const m = CHARSET.exec(head);
  return m ? (m[1] ?? m[2]).toLowerCase() : null;
}

function iconvName(charset: string): string | null {
  if (/^(gb2312|gbk|gb18030|gb_2312-80|x-gbk|cp936|windows-936|euc-cn|x-euc-cn|csgb2312|chinese)$/.test(charset)) return 'gb18030';
  if (/^(big5|big5-hkscs|x-x-big5|cn-big5|csbig5)$/.test(charset)) return 'big5';
  if (/^(utf-?8|unicode-1-1-utf-8)$/.test(charset)) return 'utf8';
  if (/^(utf-?16(le)?|unicode)$/.test(charset)) return 'utf16le';
  if (charset === 'utf-16be') return 'utf16be';
  return iconv.encodingExists(charset) ? charset : null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeHtml(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return new TextDecoder('utf-8').decode(buffer.subarray(3));
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return iconv.decode(buffer.subarray(2), 'utf16le');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return iconv.decode(buffer.subarray(2), 'utf16be');
  const declared = declaredCharset(bytes);
  const name = declared ? iconvName(declared) : null;
  if (name === 'utf8') {
    try {
      return strictUtf8.decode(buffer);
    } catch {
      // Declared UTF-8 but not UTF-8 (a page re-saved in GBK with its old meta): detect below.
    }
  } else if (name && !name.startsWith('utf16')) {
    return iconv.decode(buffer, name);
  }
  try {
    return decodeBytes(bytes).text;
  } catch (e) {
    if (e instanceof DecodeError) throw new ReaderError(`无法识别网页的编码：${e.message}`, `The web page's encoding cannot be recognised: ${e.message}`);
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The page as flat text, with each element's range in it

/** Never part of the article. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form', 'select', 'textarea', 'button', 'iframe', 'object', 'svg', 'head', 'title', 'meta', 'link', 'input']);
/** Elements that end a line of text. */
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre',
  'center', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption', 'address', 'figure', 'figcaption', 'hr', 'body', 'html',
  'ucapcontent',
]);

function tag(el: HTMLElement): string {
  return (el.rawTagName ?? '').toLowerCase();
}

function hidden(el: HTMLElement): boolean {
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  return el.getAttribute('hidden') !== undefined || el.getAttribute('aria-hidden') === 'true';
}

function skipped(el: HTMLElement): boolean {
  return SKIP.has(tag(el)) || hidden(el);
}

interface Flat {
  text: string;
  range: Map<HTMLElement, [number, number]>;
  /** Elements in document order. */
  order: HTMLElement[];
}

/** One walk over the tree (no recursion: pages nest deep): the visible text and each element's [start, end). */
function flatten(root: HTMLElement): Flat {
  const parts: string[] = [];
  let length = 0;
  const add = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  const range = new Map<HTMLElement, [number, number]>();
  const order: HTMLElement[] = [];
  const stack: { node: Node; exit: boolean }[] = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    if (node.nodeType === NodeType.TEXT_NODE) {
      add((node as TextNode).text.replace(/\s+/g, ' '));
      continue;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) continue;
    const el = node as HTMLElement;
    if (exit) {
      if (BLOCK.has(tag(el))) add('\n');
      range.get(el)![1] = length;
      continue;
    }
    if (el !== root && skipped(el)) continue;
    if (BLOCK.has(tag(el)) || tag(el) === 'br') add('\n');
    range.set(el, [length, length]);
    order.push(el);
    stack.push({ node: el, exit: true });
    for (let i = el.childNodes.length - 1; i >= 0; i--) stack.push({ node: el.childNodes[i], exit: false });
  }
  return { text: parts.join(''), range, order };
}

/** Words only a report's body holds: each kind found on the page must be inside the article. */
const MARKERS: RegExp[] = [
  /一\s*[、.．]\s*总\s*体\s*情\s*况/g,
  /主\s*动\s*公\s*开\s*政\s*府\s*信\s*息\s*情\s*况/g,
  /收\s*到\s*和\s*处\s*理\s*政\s*府\s*信\s*息\s*公\s*开\s*申\s*请/g,
  /行\s*政\s*复\s*议\s*[、,，]?\s*行\s*政\s*诉\s*讼\s*情\s*况/g,
  /存\s*在\s*的\s*主\s*要\s*问\s*题/g,
  /其\s*他\s*需\s*要\s*报\s*告\s*的\s*事\s*项/g,
  /第\s*二\s*十\s*条\s*第/g,
  /本\s*年\s*新\s*收/g,
  /勾\s*稽\s*关\s*系/g,
  /复\s*议\s*后\s*起\s*诉/g,
  /结\s*转\s*下\s*年\s*度/g,
];

function findBody(root: HTMLElement, flat: Flat): HTMLElement {
  const positions: number[][] = [];
  for (const marker of MARKERS) {
    const at: number[] = [];
    marker.lastIndex = 0;
    for (let m = marker.exec(flat.text); m; m = marker.exec(flat.text)) at.push(m.index);
    if (at.length > 0) positions.push(at);
  }
  if (positions.length === 0) return bodyElement(root);
  const holds = (at: number[], start: number, end: number): boolean => {
    // The first position ≥ start (binary search), then whether it is < end.
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid] < start) lo = mid + 1;
      else hi = mid;
    }
    return lo < at.length && at[lo] < end;
  };
  let best: HTMLElement = root;
  let bestSize = Infinity;
  for (const el of flat.order) {
    const [start, end] = flat.range.get(el)!;
    if (end - start >= bestSize) continue;
    if (positions.every((at) => holds(at, start, end))) {
      best = el;
      bestSize = end - start;
    }
  }
  // A single paragraph, heading or cell holding every marker found (a page that names only one or two) is a line
  // of the article, not the article: climb to the first element that holds several blocks.
  while (best !== root && best.parentNode && blockChildren(best) < 2) best = best.parentNode as HTMLElement;
  return best;
}

function blockChildren(el: HTMLElement): number {
  let n = 0;
  for (const child of el.childNodes) if (child.nodeType === NodeType.ELEMENT_NODE && BLOCK.has(tag(child as HTMLElement)) && !skipped(child as HTMLElement)) n++;
  return n;
}

function bodyElement(root: HTMLElement): HTMLElement {
  return (root.querySelector('body') as HTMLElement | null) ?? root;
}

const TITLE_CLASS = /title|tit\b|biaoti|bt\b/i;

/** The report's title outside the body: the last heading before the body that reads as a title, else <title>. */
function findTitle(root: HTMLElement, body: HTMLElement, flat: Flat): { text: string; place: SourcePlace } | undefined {
  const bodyStart = flat.range.get(body)?.[0] ?? 0;
  let found: string | null = null;
  for (const el of flat.order) {
    const [start, end] = flat.range.get(el)!;
    if (start >= bodyStart) break;
    if (end > bodyStart) continue;
    const t = tag(el);
    const headingLike = /^h[1-6]$/.test(t) || TITLE_CLASS.test(el.getAttribute('class') ?? '') || TITLE_CLASS.test(el.getAttribute('id') ?? '');
    if (!headingLike) continue;
    const text = flat.text.slice(start, end).replace(/\s+/g, ' ').trim();
    if (isTitleText(text)) found = text;
  }
  if (found) return { text: found, place: {} };
  const titleEl = root.querySelector('title');
  if (titleEl) {
    const pieces = titleEl.text.split(/\s*[-_|–—]\s*/).map((s) => s.replace(/\s+/g, ' ').trim());
    const piece = pieces.find(isTitleText);
    if (piece) return { text: piece, place: {} };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Blocks: paragraphs, headings and tables of the body, in order

interface Reader {
  blocks: Block[];
  paragraph: number;
  table: number;
  /** Inline text gathered for the current paragraph. */
  inline: string[];
}

function flush(r: Reader, heading: number | null = null): void {
  const text = r.inline
    .join('')
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0\u3000]+/g, (s) => (s.includes('\u3000') ? s : ' ')).trim())
    .filter((l) => l !== '')
    .join('\n');
  r.inline = [];
  if (text === '') return;
  r.paragraph++;
  const place: SourcePlace = { paragraph: r.paragraph };
  r.blocks.push(heading !== null ? { kind: 'heading', level: heading, text: text.replace(/\n/g, ''), place } : { kind: 'paragraph', text, place });
}

function readBlocks(body: HTMLElement): Block[] {
  const r: Reader = { blocks: [], paragraph: 0, table: 0, inline: [] };
  walk(body, r, true);
  flush(r);
  return r.blocks;
}

/** Flow content of an element into blocks (recursion is bounded by the page's nesting, itself bounded by its size). */
function walk(el: HTMLElement, r: Reader, isBody = false): void {
  const t = tag(el);
  if (!isBody && skipped(el)) return;
  if (t === 'br') {
    r.inline.push('\n');
    return;
  }
  if (t === 'table' && !isLayoutTable(el)) {
    flush(r);
    r.table++;
    r.blocks.push(readTable(el, r.table));
    return;
  }
  const heading = /^h([1-6])$/.exec(t);
  const block = BLOCK.has(t);
  if (block) flush(r);
  for (const child of el.childNodes) {
    if (child.nodeType === NodeType.TEXT_NODE) r.inline.push((child as TextNode).text.replace(/[\r\n\t ]+/g, ' '));
    else if (child.nodeType === NodeType.ELEMENT_NODE) walk(child as HTMLElement, r);
  }
  if (block) flush(r, heading ? Number(heading[1]) : null);
}

/** A table used for page layout: it holds another table (the article is inside one of its cells). */
function isLayoutTable(table: HTMLElement): boolean {
  return table.querySelector('table') !== null;
}

/** The rows of a table (its own, not those of a table nested in a cell). */
function ownRows(table: HTMLElement): { tr: HTMLElement; header: boolean }[] {
  const rows: { tr: HTMLElement; header: boolean }[] = [];
  const visit = (el: HTMLElement, header: boolean) => {
    for (const child of el.childNodes) {
      if (child.nodeType !== NodeType.ELEMENT_NODE) continue;
      const c = child as HTMLElement;
      const t = tag(c);
      if (t === 'tr') rows.push({ tr: c, header });
      else if (t === 'thead') visit(c, true);
      else if (t === 'tbody' || t === 'tfoot') visit(c, header);
    }
  };
  visit(table, false);
  return rows;
}

/** The text of a cell: its paragraphs and lines joined (no space between two CJK characters). */
function cellText(cell: HTMLElement): string {
  const parts: string[] = [];
  let current = '';
  const stack: Node[] = [cell];
  const end = () => {
    parts.push(current);
    current = '';
  };
  // Iterative walk with a marker for the end of a block element.
  const work: (Node | null)[] = [...stack];
  while (work.length > 0) {
    const node = work.pop()!;
    if (node === null) {
      end();
      continue;
    }
    if (node.nodeType === NodeType.TEXT_NODE) {
      current += (node as TextNode).text;
      continue;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) continue;
    const el = node as HTMLElement;
    if (el !== cell && skipped(el)) continue;
    const t = tag(el);
    if (t === 'br') {
      end();
      continue;
    }
    if (BLOCK.has(t)) {
      end();
      work.push(null);
    }
    for (let i = el.childNodes.length - 1; i >= 0; i--) work.push(el.childNodes[i]);
  }
  end();
  return joinCellParts(parts);
}

const MAX_SPAN = 1000;

function span(el: HTMLElement, name: string): number {
  const n = parseInt(el.getAttribute(name) ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

/** A table as a grid: rowspan/colspan expanded (text in the first row and column, '' in the fields it covers). */
function readTable(table: HTMLElement, number: number): Block {
  const rows = ownRows(table);
  const grid: string[][] = rows.map(() => []);
  const filled: boolean[][] = rows.map(() => []);
  for (const [r, { tr }] of rows.entries()) {
    let c = 0;
    for (const child of tr.childNodes) {
      if (child.nodeType !== NodeType.ELEMENT_NODE) continue;
      const cell = child as HTMLElement;
      const t = tag(cell);
      if (t !== 'td' && t !== 'th') continue;
      while (filled[r][c]) c++;
      const colspan = span(cell, 'colspan');
      // rowspan="0" and spans past the table's end cover the rows that are left.
      const rowspan = Math.min(cell.getAttribute('rowspan') === '0' ? rows.length : span(cell, 'rowspan'), rows.length - r);
      const text = hidden(cell) ? '' : cellText(cell);
      for (let dr = 0; dr < rowspan; dr++) {
        for (let dc = 0; dc < colspan; dc++) {
          grid[r + dr][c + dc] = dr === 0 && dc === 0 ? text : '';
          filled[r + dr][c + dc] = true;
        }
      }
      c += colspan;
    }
  }
  const width = Math.max(0, ...grid.map((g) => g.length));
  const out: TableRowBlock[] = grid.map((cells, i) => ({
    cells: Array.from({ length: width }, (_, k) => cells[k] ?? ''),
    header: rows[i].header,
    place: { table: number, row: i + 1 },
  }));
  // A page whose rows are all empty (spacer tables) gives no table.
  return { kind: 'table', rows: out.filter((row) => row.cells.some((c) => c !== '')), place: { table: number } };
}
