// PDF → Markdown draft, read from the PDF's structure: pdfjs-dist gives every text item with its position and the
// ruling lines of the page (pdf-worker.ts); tables are the grids of those lines and every cell is the text inside
// its box, so no figure is placed by guessing from spacing (pdf-layout.ts). This file turns the blocks into the
// draft's blocks (title, section headings, paragraphs of joined lines, tables), which markdown.ts renders.

import { finishTable, layoutDocument, type Block, type ProseLine } from './pdf-layout';
import { DEFAULT_LIMITS, extractPdf, type RawDocument, type WorkerLimits } from './pdf-worker';
import { renderDraft as renderMarkdown, type Block as DraftBlock } from './markdown';
import { ReaderError, type ConvertedReport } from './types';

/** Larger files are refused before pdfjs sees them. */
const MAX_BYTES = 200 * 1024 * 1024;

export interface ReadPdfOptions extends Partial<WorkerLimits> {}

export async function readPdf(bytes: Uint8Array, options: ReadPdfOptions = {}): Promise<ConvertedReport> {
  if (bytes.length === 0) throw new ReaderError('文件为空', 'The file is empty');
  if (bytes.length > MAX_BYTES) throw new ReaderError('PDF 文件过大（超过 200 MB）', 'The PDF file is too large (over 200 MB)');
  if (!hasPdfHeader(bytes)) throw new ReaderError('不是 PDF 文件或文件已损坏', 'Not a PDF file, or the file is corrupt');
  const doc = await extractPdf(bytes, { ...DEFAULT_LIMITS, ...options });
  if (doc.pages.length === 0) throw new ReaderError('PDF 文件没有页面', 'The PDF has no pages');
  if (doc.pages.every((p) => p.items.length === 0)) throw new ReaderError('图片型 PDF，无法读取文字，请提供文字版', 'Scanned PDF without a text layer: provide a text PDF');
  return renderDraft(layoutDocument(doc));
}

/** The reading of already extracted pages (for tests over plain data). */
export function convertRaw(doc: RawDocument): ConvertedReport {
  return renderDraft(layoutDocument(doc));
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 1024))).toString('latin1');
  return head.includes('%PDF-');
}

const HEADING = /^[一二三四五六七八九十]{1,3}[、.．]/;
const SUB_HEADING = /^[（(][一二三四五六七八九十]{1,3}[)）]/;

function isHeading(text: string): boolean {
  return HEADING.test(text) && text.length <= 40 && !/[。；;]$/.test(text);
}

/** The font height most of the prose is set in. */
function bodySize(lines: ProseLine[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) {
    const k = Math.round(l.size * 2) / 2;
    weight.set(k, (weight.get(k) ?? 0) + l.text.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [k, w] of weight) if (w > bestWeight) [best, bestWeight] = [k, w];
  return best;
}

/** The blocks of the draft (markdown.ts renders them): title, section headings, paragraphs, tables with their places. */
function renderDraft(blocks: Block[]): ConvertedReport {
  const draft: DraftBlock[] = [];
  const lines = blocks.filter((b): b is { kind: 'line'; line: ProseLine } => b.kind === 'line').map((b) => b.line);
  const body = bodySize(lines);
  // The right edge of full prose lines, per page: a line that reaches it goes on in the next line.
  const rightEdge = new Map<number, number>();
  for (const l of lines) if (l.text.length >= 8) rightEdge.set(l.page, Math.max(rightEdge.get(l.page) ?? 0, l.right));

  const firstHeading = blocks.findIndex((b) => b.kind === 'line' && isHeading(b.line.text));
  let tableNumber = 0;
  let paragraph: { text: string; last: ProseLine; page: number } | null = null;
  const flush = () => {
    if (paragraph) draft.push({ kind: 'paragraph', text: paragraph.text, place: { page: paragraph.page } });
    paragraph = null;
  };

  // The title: the lines in a larger type before the first heading, as one line.
  let start = 0;
  const titleLines: ProseLine[] = [];
  for (let i = 0; i < blocks.length && (firstHeading < 0 || i < firstHeading); i++) {
    const b = blocks[i];
    if (b.kind !== 'line' || b.line.size < body * 1.15) break;
    titleLines.push(b.line);
    start = i + 1;
  }
  const title = titleLines.length > 0 ? { text: titleLines.map((l) => l.text).join(''), place: { page: titleLines[0].page } } : undefined;

  for (let i = start; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'table') {
      flush();
      tableNumber++;
      const table = finishTable(b);
      if (table.rows.length === 0) continue;
      draft.push({
        kind: 'table',
        place: { page: b.page, table: tableNumber },
        rows: table.rows.map((row, r) => ({ cells: row.fields, place: { page: row.page, table: tableNumber, row: r + 1 } })),
      });
      continue;
    }
    const line = b.line;
    if (isHeading(line.text)) {
      flush();
      draft.push({ kind: 'heading', level: 1, text: line.text, place: { page: line.page } });
      continue;
    }
    const current = paragraph as { text: string; last: ProseLine; page: number } | null;
    if (current && continues(current.last, line, rightEdge)) {
      current.text += joinText(current.text, line.text) + line.text;
      current.last = line;
      continue;
    }
    flush();
    paragraph = { text: line.text, last: line, page: line.page };
  }
  flush();
  return renderMarkdown(draft, title ? { title } : {});
}

function joinText(a: string, b: string): string {
  return /[A-Za-z0-9,.;:%]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? ' ' : '';
}

/** Whether `next` goes on with the paragraph whose last line is `last`: that line is full and `next` starts no new item. */
function continues(last: ProseLine, next: ProseLine, rightEdge: Map<number, number>): boolean {
  if (SUB_HEADING.test(next.text) || isHeading(next.text) || /^\d+[.、．]/.test(next.text)) return false;
  if (/[。！？!?]$/.test(last.text)) return false;
  const edge = rightEdge.get(last.page) ?? last.right;
  if (last.right < edge - 2 * last.size) return false;
  if (Math.abs(next.size - last.size) > 0.2 * last.size) return false;
  if (next.page === last.page) {
    // The next line directly below, not indented as a new paragraph.
    if (next.top - last.bottom > 1.2 * last.size) return false;
    if (next.left > last.left + 1.5 * last.size && next.left > (last.left + next.left) / 2 + last.size) return false;
    return true;
  }
  return next.page === last.page + 1;
}
