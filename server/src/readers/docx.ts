// A report written in Word (.docx), read from its structure: paragraphs with their heading styles, and tables
// cell by cell with merged cells honoured. Synchronous.
//
// The package is unzipped with fflate, and only the parts needed are inflated (the main document, its styles,
// the package relationships): images and embedded files are never decompressed. The main document's XML is read
// by a small hand-written tokenizer in one pass over the text (linear in its length, no tree built): a Word
// document is machine-written XML in which only a few elements matter (w:p, w:r, w:t, w:tab, w:br, w:tbl, w:tr,
// w:tc, w:gridSpan, w:vMerge, w:tblHeader, w:pStyle, w:outlineLvl), and a generic DOM of a large document would
// cost memory for nothing. The WordprocessingML prefix is taken from the document's xmlns declarations ('w' by
// default); mc:Fallback (the duplicate of mc:Choice) and deleted text (w:del / w:delText) are not read.
//
// Tables: w:gridSpan → the cell's text then an empty field for each further column it spans; w:vMerge continue →
// an empty field (the text stands in the merge's first row), so every row has the table's width. A table split
// across a page break (two w:tbl with only empty paragraphs between, and the same width) becomes one table; the
// rows the second part repeats (w:tblHeader rows equal to the first part's leading rows) are not repeated.
//
// Places: `paragraph` counts the body's non-empty paragraphs (headings included, table cells not); `table` counts
// the document's top-level w:tbl, `row` the row within it (1-based, header rows included).

import { unzipSync } from 'fflate';
import { joinCellParts, renderDraft, type Block, type TableBlock, type TableRowBlock } from './markdown';
import { ReaderError, type ConvertedReport } from './types';

/** Larger files are refused before unzipping. */
export const MAX_DOCX_BYTES = 100 * 1024 * 1024;
/** The main document's XML, uncompressed: a report is about 100 KB–2 MB; more than this is refused (zip bombs). */
export const MAX_DOCUMENT_XML_BYTES = 32 * 1024 * 1024;

export interface DocxOptions {
  /** The file's name, for the draft's first-line comment. */
  fileName?: string;
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

export function readDocx(bytes: Uint8Array, options: DocxOptions = {}): ConvertedReport {
  if (bytes.length === 0) throw new ReaderError('Word 文件为空', 'The Word file is empty');
  if (bytes.length > MAX_DOCX_BYTES) {
    throw new ReaderError(`Word 文件过大（${mb(bytes.length)}），超过 ${mb(MAX_DOCX_BYTES)} 的上限`, `The Word file is too large (${mb(bytes.length)}; the limit is ${mb(MAX_DOCX_BYTES)})`);
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new ReaderError(
      '这是旧版 Word 文档（.doc）或加密的文档，无法直接读取：请在 Word 中另存为 .docx（不加密）后再打开',
      'This is an old Word document (.doc) or an encrypted one: save it as .docx (without a password) and open that',
    );
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new ReaderError('不是有效的 Word 文档（.docx 应是 ZIP 压缩包，此文件不是）', 'Not a valid Word document (a .docx is a ZIP package; this file is not one)');
  }

  const rels = unzipParts(bytes, (name) => name === '_rels/.rels');
  const mainPath = mainDocumentPath(rels['_rels/.rels']);
  const folder = mainPath.includes('/') ? mainPath.slice(0, mainPath.lastIndexOf('/') + 1) : '';
  const stylesPath = `${folder}styles.xml`;
  let tooLarge = 0;
  const parts = unzipParts(bytes, (name, size) => {
    if (name !== mainPath && name !== stylesPath) return false;
    if (size > MAX_DOCUMENT_XML_BYTES) {
      tooLarge = size;
      return false;
    }
    return true;
  });
  if (tooLarge > 0) {
    throw new ReaderError(
      `Word 文档正文过大（解压后 ${mb(tooLarge)}），超过 ${mb(MAX_DOCUMENT_XML_BYTES)} 的上限`,
      `The Word document's body is too large (${mb(tooLarge)} uncompressed; the limit is ${mb(MAX_DOCUMENT_XML_BYTES)})`,
    );
  }
  const main = parts[mainPath];
  if (!main) {
    throw new ReaderError(`不是有效的 Word 文档：压缩包中没有正文（${mainPath}）`, `Not a valid Word document: the package has no main document (${mainPath})`);
  }
  const styles = parts[stylesPath] ? readStyles(xmlText(parts[stylesPath])) : null;
  const blocks = readDocument(xmlText(main), styles);
  if (!blocks.some((b) => (b.kind === 'table' ? b.rows.length > 0 : b.text.trim() !== ''))) {
    throw new ReaderError('Word 文档中没有文字', 'The Word document holds no text');
  }
  return renderDraft(blocks, { fileName: options.fileName });
}

function unzipParts(bytes: Uint8Array, want: (name: string, size: number) => boolean): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, { filter: (file) => want(file.name, file.originalSize) });
  } catch (e) {
    const detail = (e as Error).message;
    throw new ReaderError(`Word 文件已损坏，无法解压（${detail}）`, `The Word file is damaged and cannot be unzipped (${detail})`);
  }
}

function mainDocumentPath(rels: Uint8Array | undefined): string {
  if (rels) {
    const text = xmlText(rels);
    for (const m of text.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
      const type = attr(m[1], 'Type');
      const target = attr(m[1], 'Target');
      if (type && target && /\/officeDocument$/.test(type)) return target.replace(/^\.?\//, '');
    }
  }
  return 'word/document.xml';
}

function xmlText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

function attr(attrs: string, name: string): string | null {
  const re = new RegExp(`(?:^|\\s)${name.replace(/[:.]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
  const m = re.exec(attrs);
  return m ? decodeEntities(m[1] ?? m[2]) : null;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[name] ?? whole;
  });
}

// ---------------------------------------------------------------------------------------------------------
// The tokenizer: one pass, yielding start tags, end tags and text.

interface Tag {
  /** Qualified name as written, e.g. w:p. */
  name: string;
  attrs: string;
  close: boolean;
  selfClosing: boolean;
}

/**
 * Calls onTag for every element tag and onText for character data (entities decoded) in document order.
 * Comments, processing instructions and DOCTYPE are skipped; CDATA is text.
 */
function tokenize(xml: string, onTag: (tag: Tag) => void, onText: (text: string) => void): void {
  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (i < n) onText(decodeEntities(xml.slice(i)));
      break;
    }
    if (lt > i) onText(decodeEntities(xml.slice(i, lt)));
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      onText(xml.slice(lt + 9, end < 0 ? n : end));
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (xml[lt + 1] === '?' || xml[lt + 1] === '!') {
      const end = xml.indexOf('>', lt + 2);
      i = end < 0 ? n : end + 1;
      continue;
    }
    // The tag's end: the first '>' outside a quoted attribute value.
    let j = lt + 1;
    let quote = '';
    for (; j < n; j++) {
      const c = xml[j];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    if (j >= n) break;
    const close = xml[lt + 1] === '/';
    const selfClosing = !close && xml[j - 1] === '/';
    let k = close ? lt + 2 : lt + 1;
    const nameStart = k;
    while (k < j && !/[\s/>]/.test(xml[k])) k++;
    onTag({ name: xml.slice(nameStart, k), attrs: xml.slice(k, selfClosing ? j - 1 : j), close, selfClosing });
    i = j + 1;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Styles: which paragraph styles are headings.

interface StyleInfo {
  name: string | null;
  basedOn: string | null;
  outline: number | null;
}

/** styleId → heading level (0 = title, 1–9 = heading), for the paragraph styles that are headings. */
type Styles = Map<string, number>;

const WORD_NS = ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'];

/** The prefix bound to WordprocessingML in the root element's declarations ('w' when none is found). */
function wordPrefix(xml: string): string {
  const head = xml.slice(0, 8192);
  for (const m of head.matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']+)["']/g)) if (WORD_NS.includes(m[2])) return m[1];
  return 'w';
}

function levelFromName(name: string): number | null {
  const heading = /^(?:heading|标题)\s*([1-9])$/i.exec(name.trim());
  if (heading) return Number(heading[1]);
  if (/^(?:title|标题)$/i.test(name.trim())) return 0;
  return null;
}

function readStyles(xml: string): Styles {
  const w = wordPrefix(xml);
  const infos = new Map<string, StyleInfo>();
  let current: StyleInfo | null = null;
  let id: string | null = null;
  tokenize(
    xml,
    (t) => {
      if (t.name === `${w}:style`) {
        if (t.close) {
          if (id !== null && current) infos.set(id, current);
          current = null;
          id = null;
        } else if (attr(t.attrs, `${w}:type`) === 'paragraph' || attr(t.attrs, `${w}:type`) === null) {
          id = attr(t.attrs, `${w}:styleId`);
          current = { name: null, basedOn: null, outline: null };
          if (t.selfClosing && id !== null) infos.set(id, current);
        }
        return;
      }
      if (!current || t.close) return;
      if (t.name === `${w}:name`) current.name = attr(t.attrs, `${w}:val`);
      else if (t.name === `${w}:basedOn`) current.basedOn = attr(t.attrs, `${w}:val`);
      else if (t.name === `${w}:outlineLvl`) {
        const v = Number(attr(t.attrs, `${w}:val`));
        if (Number.isInteger(v) && v >= 0 && v < 9) current.outline = v;
      }
    },
    () => {},
  );
  const styles: Styles = new Map();
  const level = (styleId: string, depth: number): number | null => {
    const info = infos.get(styleId);
    if (!info || depth > 10) return null;
    const byName = info.name ? levelFromName(info.name) : null;
    if (byName !== null) return byName;
    if (info.outline !== null) return info.outline + 1;
    return info.basedOn ? level(info.basedOn, depth + 1) : null;
  };
  for (const styleId of infos.keys()) {
    const l = level(styleId, 0);
    if (l !== null) styles.set(styleId, l);
  }
  return styles;
}

// ---------------------------------------------------------------------------------------------------------
// The document

interface Paragraph {
  parts: string[];
  style: string | null;
  outline: number | null;
}

interface CellState {
  parts: string[];
  span: number;
  /** 'restart' starts a vertical merge, 'continue' continues the one above; null: no merge. */
  vMerge: 'restart' | 'continue' | null;
}

interface RowState {
  cells: CellState[];
  header: boolean;
  gridBefore: number;
  gridAfter: number;
}

interface TableState {
  rows: RowState[];
  gridColumns: number;
}

function on(attrs: string, w: string): boolean {
  const v = attr(attrs, `${w}:val`);
  return v === null || !/^(0|false|off)$/i.test(v);
}

function readDocument(xml: string, styles: Styles | null): Block[] {
  const w = wordPrefix(xml);
  const q = (local: string) => `${w}:${local}`;
  const P = q('p');
  const R = q('r');
  const T = q('t');
  const TBL = q('tbl');
  const TR = q('tr');
  const TC = q('tc');

  const blocks: Block[] = [];
  const paragraphs: Paragraph[] = [];
  const tables: TableState[] = [];
  let paragraphCount = 0;
  let tableCount = 0;
  let inText = false;
  let runDepth = 0;
  let skipDepth = 0;
  let skipName = '';
  let inTrPr = 0;
  let inTcPr = 0;
  let inPPr = 0;
  /** Blocks since the last top-level table: only empty paragraphs keep a following table a continuation of it. */
  let lastTable: { block: TableBlock; width: number; leading: string[][] } | null = null;

  const currentCell = (): CellState | null => {
    const table = tables[tables.length - 1];
    const row = table?.rows[table.rows.length - 1];
    return row?.cells[row.cells.length - 1] ?? null;
  };
  const addText = (s: string) => {
    const p = paragraphs[paragraphs.length - 1];
    if (p) p.parts.push(s);
  };

  const endParagraph = (p: Paragraph) => {
    const text = p.parts.join('');
    const cell = tables.length > 0 ? currentCell() : null;
    if (tables.length > 0) {
      if (cell) cell.parts.push(text);
      return;
    }
    if (text.trim() === '') return;
    lastTable = null;
    paragraphCount++;
    const place = { paragraph: paragraphCount };
    let level: number | null = p.outline !== null ? p.outline + 1 : null;
    if (p.style !== null) {
      const byStyle = styles ? styles.get(p.style) ?? null : levelFromName(p.style) ?? (/^[1-9]$/.test(p.style) ? Number(p.style) : null);
      if (byStyle !== null) level = byStyle;
    }
    const clean = text.replace(/\r/g, '');
    blocks.push(level !== null ? { kind: 'heading', level, text: clean.replace(/\n+/g, ''), place } : { kind: 'paragraph', text: clean, place });
  };

  const endTable = (table: TableState) => {
    const rows: TableRowBlock[] = [];
    let width = table.gridColumns;
    const grids: string[][] = [];
    for (const row of table.rows) {
      const cells: string[] = Array<string>(row.gridBefore).fill('');
      for (const cell of row.cells) {
        cells.push(cell.vMerge === 'continue' ? '' : joinCellParts(cell.parts));
        for (let k = 1; k < cell.span; k++) cells.push('');
      }
      for (let k = 0; k < row.gridAfter; k++) cells.push('');
      grids.push(cells);
      width = Math.max(width, cells.length);
    }
    if (tables.length > 0) {
      // A table inside a cell: its text joins the cell's.
      const cell = currentCell();
      if (cell) for (const cells of grids) cell.parts.push(joinCellParts(cells));
      return;
    }
    tableCount++;
    for (const [i, cells] of grids.entries()) {
      while (cells.length < width) cells.push('');
      rows.push({ cells, header: table.rows[i].header, place: { table: tableCount, row: i + 1 } });
    }
    const previous = lastTable as { block: TableBlock; width: number; leading: string[][] } | null;
    if (previous && previous.width === width) {
      // The second part of a table split across pages: its repeated header rows are not repeated.
      let k = 0;
      while (k < rows.length && k < previous.leading.length && rows[k].header && sameRow(rows[k].cells, previous.leading[k])) k++;
      previous.block.rows.push(...rows.slice(k));
      return;
    }
    const block: TableBlock = { kind: 'table', rows, place: { table: tableCount } };
    blocks.push(block);
    const leading: string[][] = [];
    for (const row of rows) {
      if (!row.header) break;
      leading.push(row.cells);
    }
    lastTable = { block, width, leading };
  };

  tokenize(
    xml,
    (t) => {
      const { name } = t;
      if (skipDepth > 0) {
        if (name === skipName && !t.selfClosing) skipDepth += t.close ? -1 : 1;
        return;
      }
      if (!t.close && !t.selfClosing && (name === 'mc:Fallback' || name === q('del') || name === q('moveFrom') || name === q('instrText'))) {
        skipDepth = 1;
        skipName = name;
        return;
      }
      switch (name) {
        case P:
          if (t.selfClosing) break;
          if (!t.close) paragraphs.push({ parts: [], style: null, outline: null });
          else {
            const p = paragraphs.pop();
            if (p) endParagraph(p);
          }
          break;
        case R:
          if (!t.selfClosing) runDepth += t.close ? -1 : 1;
          break;
        case T:
          inText = !t.close && !t.selfClosing;
          break;
        case q('tab'):
          if (runDepth > 0 && !t.close) addText('\t');
          break;
        case q('ptab'):
          if (!t.close) addText('\t');
          break;
        case q('br'):
        case q('cr'):
          if (runDepth > 0 && !t.close) addText('\n');
          break;
        case q('noBreakHyphen'):
          if (!t.close) addText('-');
          break;
        case q('pPr'):
          if (!t.selfClosing) inPPr += t.close ? -1 : 1;
          break;
        case q('pStyle'):
          if (inPPr > 0 && !t.close && paragraphs.length > 0) paragraphs[paragraphs.length - 1].style = attr(t.attrs, q('val'));
          break;
        case q('outlineLvl'):
          if (inPPr > 0 && !t.close && paragraphs.length > 0) {
            const v = Number(attr(t.attrs, q('val')));
            if (Number.isInteger(v) && v >= 0 && v < 9) paragraphs[paragraphs.length - 1].outline = v;
          }
          break;
        case TBL:
          if (t.selfClosing) break;
          if (!t.close) tables.push({ rows: [], gridColumns: 0 });
          else {
            const table = tables.pop();
            if (table) endTable(table);
          }
          break;
        case q('gridCol'):
          if (!t.close && tables.length > 0) tables[tables.length - 1].gridColumns++;
          break;
        case TR:
          if (!t.close && !t.selfClosing && tables.length > 0) tables[tables.length - 1].rows.push({ cells: [], header: false, gridBefore: 0, gridAfter: 0 });
          break;
        case q('trPr'):
          if (!t.selfClosing) inTrPr += t.close ? -1 : 1;
          break;
        case q('tblHeader'):
          if (inTrPr > 0 && !t.close) {
            const table = tables[tables.length - 1];
            const row = table?.rows[table.rows.length - 1];
            if (row) row.header = on(t.attrs, w);
          }
          break;
        case q('gridBefore'):
        case q('gridAfter'):
          if (inTrPr > 0 && !t.close) {
            const table = tables[tables.length - 1];
            const row = table?.rows[table.rows.length - 1];
            const v = Math.min(Math.max(Number(attr(t.attrs, q('val'))) || 0, 0), 1000);
            if (row) row[name === q('gridBefore') ? 'gridBefore' : 'gridAfter'] = v;
          }
          break;
        case TC:
          if (!t.close && !t.selfClosing) {
            const table = tables[tables.length - 1];
            const row = table?.rows[table.rows.length - 1];
            if (row) row.cells.push({ parts: [], span: 1, vMerge: null });
          }
          break;
        case q('tcPr'):
          if (!t.selfClosing) inTcPr += t.close ? -1 : 1;
          break;
        case q('gridSpan'):
          if (inTcPr > 0 && !t.close) {
            const cell = currentCell();
            const v = Number(attr(t.attrs, q('val')));
            if (cell && Number.isInteger(v) && v > 1) cell.span = Math.min(v, 1000);
          }
          break;
        case q('vMerge'):
          if (inTcPr > 0 && !t.close) {
            const cell = currentCell();
            if (cell) cell.vMerge = attr(t.attrs, q('val')) === 'restart' ? 'restart' : 'continue';
          }
          break;
        default:
          break;
      }
    },
    (text) => {
      if (inText && skipDepth === 0) addText(text);
    },
  );
  // Unclosed elements at the end of a truncated document: what was read still counts.
  while (paragraphs.length > 0) endParagraph(paragraphs.shift()!);
  while (tables.length > 0) endTable(tables.pop()!);
  return blocks;
}

function sameRow(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((c, i) => c.replace(/\s+/g, '') === b[i].replace(/\s+/g, ''));
}
