// From positioned text items and ruling lines (pdf-worker.ts) to blocks in reading order: lines of prose and tables
// whose every cell is the text inside its ruled box. Pure functions over plain data, so each step is testable
// without a PDF.

import type { RawDocument, RawItem, RawPage, RawSegment } from './pdf-worker';

/** Points: two rules closer than this are one rule; a text centre this close to a rule is on its inner side. */
const RULE_TOLERANCE = 2;

export interface ProseLine {
  page: number;
  /** Top, bottom, left and right of the line's text. */
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Typical font height of the line. */
  size: number;
  text: string;
}

/** A table cell with the horizontal extent of its box (for aligning pieces of a table across pages). */
export interface PlacedCell {
  text: string;
  x0: number;
  x1: number;
  /** Grid rows the cell's box covers downwards from this row (1 for a plain cell). */
  span: number;
}

export interface TableRow {
  page: number;
  cells: PlacedCell[];
}

export interface TableBlock {
  kind: 'table';
  page: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
  rows: TableRow[];
}

export type Block = { kind: 'line'; line: ProseLine } | TableBlock;

export interface FinalTable {
  /** One entry per row; every row has the same number of fields. */
  rows: { page: number; fields: string[] }[];
}

// ---------------------------------------------------------------------------------------------------------------
// Text

const CJK_CLASS = '\\u2E80-\\u9FFF\\uF900-\\uFAFF\\u3000-\\u303F\\uFF00-\\uFFEF“”‘’…—';
const CJK_GAP = new RegExp(`([${CJK_CLASS}]) (?=[${CJK_CLASS}])`, 'g');

/** Spaces between two CJK characters (or CJK punctuation) are layout, not text. */
export function normalizeSpaces(text: string): string {
  let out = text.replace(/[\u00A0\u2002-\u200B\u3000]/g, ' ').replace(/\s+/g, ' ');
  // The lookahead leaves the right-hand character for the next gap: "商 业 企" → "商业企".
  out = out.replace(CJK_GAP, '$1');
  return out.trim();
}

interface Fragment {
  s: string;
  x0: number;
  x1: number;
  y: number;
  h: number;
}

/** Characters of an item spread evenly over its width, so that an item crossing a rule is split at the rule. */
function splitItem(item: RawItem): Fragment[] {
  const chars = Array.from(item.s);
  if (chars.length <= 1 || item.w <= 0) return [{ s: item.s, x0: item.x, x1: item.x + Math.max(item.w, 0), y: item.y, h: item.h }];
  const step = item.w / chars.length;
  return chars.map((s, i) => ({ s, x0: item.x + i * step, x1: item.x + (i + 1) * step, y: item.y, h: item.h }));
}

function joinable(a: string, b: string): string {
  const last = a.slice(-1);
  const first = b.charAt(0);
  return /[A-Za-z0-9.%]/.test(last) && /[A-Za-z0-9]/.test(first) ? ' ' : '';
}

/** Fragments into lines by baseline (top to bottom), each line's pieces left to right with spaces where gaps are. */
function groupLines(fragments: Fragment[]): Fragment[][] {
  const sorted = [...fragments].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const lines: Fragment[][] = [];
  let current: Fragment[] = [];
  let baseline = -Infinity;
  let height = 0;
  for (const f of sorted) {
    if (current.length > 0 && Math.abs(f.y - baseline) <= Math.max(1, 0.45 * Math.min(height, f.h || height))) {
      current.push(f);
      continue;
    }
    if (current.length > 0) lines.push(current);
    current = [f];
    baseline = f.y;
    height = f.h || 10;
  }
  if (current.length > 0) lines.push(current);
  return lines.map((l) => l.sort((a, b) => a.x0 - b.x0));
}

function lineText(line: Fragment[]): string {
  let text = '';
  let right = -Infinity;
  for (const f of line) {
    const gap = f.x0 - right;
    const size = f.h || 10;
    if (text !== '' && gap > 0.3 * size && !text.endsWith(' ')) text += ' ';
    text += f.s;
    right = Math.max(right, f.x1);
  }
  return normalizeSpaces(text);
}

/** The text of a cell: its lines joined without a break (a label wrapped inside its box is one label). */
function cellText(fragments: Fragment[]): string {
  let text = '';
  for (const line of groupLines(fragments)) {
    const t = lineText(line);
    if (t === '') continue;
    text = text === '' ? t : text + joinable(text, t) + t;
  }
  return normalizeSpaces(text);
}

// ---------------------------------------------------------------------------------------------------------------
// Rules and tables

interface Rule {
  /** Position across the rule (y of a horizontal one, x of a vertical one) and its extent along. */
  at: number;
  from: number;
  to: number;
}

/** Collinear pieces joined: rules at the same position whose extents touch or overlap (sort and sweep). */
function mergeRules(rules: Rule[]): Rule[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at);
  const out: Rule[] = [];
  for (let i = 0; i < sorted.length; ) {
    // One position: rules whose positions chain within tolerance.
    let j = i + 1;
    while (j < sorted.length && sorted[j].at - sorted[j - 1].at <= RULE_TOLERANCE) j++;
    const group = sorted.slice(i, j).sort((a, b) => a.from - b.from);
    const at = group.reduce((sum, r) => sum + r.at, 0) / group.length;
    let current: Rule | null = null;
    for (const r of group) {
      if (current && r.from <= current.to + RULE_TOLERANCE) current.to = Math.max(current.to, r.to);
      else {
        current = { at, from: r.from, to: r.to };
        out.push(current);
      }
    }
    i = j;
  }
  return out;
}

/** Most rules a page may have for its tables to be looked for (beyond: drawings, not tables; the text is still read). */
const MAX_RULES = 4000;
/** Most tables on one page. */
const MAX_GRIDS = 40;

function extent(values: number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** Positions within tolerance as one (their mean), ascending. */
function clusterPositions(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= RULE_TOLERANCE) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

class UnionFind {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

interface Grid {
  xs: number[];
  ys: number[];
  horizontal: Rule[];
  vertical: Rule[];
}

/** Groups of connected rules that form a grid (at least two rules each way): one per table on the page. */
function findGrids(segments: RawSegment[]): Grid[] {
  const horizontal = mergeRules(segments.filter((s) => s.y1 === s.y2).map((s) => ({ at: s.y1, from: s.x1, to: s.x2 })));
  const vertical = mergeRules(segments.filter((s) => s.x1 === s.x2).map((s) => ({ at: s.x1, from: s.y1, to: s.y2 })));
  if (horizontal.length + vertical.length > MAX_RULES) return [];
  const n = horizontal.length;
  const uf = new UnionFind(n + vertical.length);
  const t = RULE_TOLERANCE + 1;
  for (let i = 0; i < n; i++) {
    const h = horizontal[i];
    for (let j = 0; j < vertical.length; j++) {
      const v = vertical[j];
      if (v.at >= h.from - t && v.at <= h.to + t && h.at >= v.from - t && h.at <= v.to + t) uf.union(i, n + j);
    }
  }
  const groups = new Map<number, { h: Rule[]; v: Rule[] }>();
  horizontal.forEach((h, i) => {
    const root = uf.find(i);
    if (!groups.has(root)) groups.set(root, { h: [], v: [] });
    groups.get(root)!.h.push(h);
  });
  vertical.forEach((v, j) => {
    const root = uf.find(n + j);
    if (!groups.has(root)) groups.set(root, { h: [], v: [] });
    groups.get(root)!.v.push(v);
  });
  const grids: Grid[] = [];
  for (const { h, v } of groups.values()) {
    // A table cut by the page break (or drawn without outer borders) has rules that run past the last rule across
    // them: their ends close the table there.
    if (h.length > 0 && v.length > 0) {
      const [vFrom, vTo] = extent(v.flatMap((r) => [r.from, r.to]));
      const [hFrom, hTo] = extent(h.flatMap((r) => [r.from, r.to]));
      const [hMin, hMax] = extent(h.map((r) => r.at));
      const [vMin, vMax] = extent(v.map((r) => r.at));
      if (vTo > hMax + RULE_TOLERANCE) h.push({ at: vTo, from: hFrom, to: hTo });
      if (vFrom < hMin - RULE_TOLERANCE) h.push({ at: vFrom, from: hFrom, to: hTo });
      if (hTo > vMax + RULE_TOLERANCE) v.push({ at: hTo, from: vFrom, to: vTo });
      if (hFrom < vMin - RULE_TOLERANCE) v.push({ at: hFrom, from: vFrom, to: vTo });
    }
    const xs = clusterPositions(v.map((r) => r.at));
    const ys = clusterPositions(h.map((r) => r.at));
    if (xs.length < 2 || ys.length < 2) continue;
    if (xs[xs.length - 1] - xs[0] < 20 || ys[ys.length - 1] - ys[0] < 8) continue;
    grids.push({ xs, ys, horizontal: h, vertical: v });
  }
  return grids;
}

/** Whether rules cover most of [from, to] at position `at`. */
function covered(rules: Rule[], at: number, from: number, to: number): boolean {
  const span = to - from;
  if (span <= 0) return true;
  let total = 0;
  for (const r of rules) {
    if (Math.abs(r.at - at) > RULE_TOLERANCE) continue;
    total += Math.max(0, Math.min(to, r.to) - Math.max(from, r.from));
  }
  return total >= 0.5 * span;
}

interface GridTable {
  block: TableBlock;
  /** The fragments it took from the page. */
  used: Set<Fragment>;
}

/** The cells of one grid: merged boxes (no rule between grid cells) are one cell, its text in its first row and column. */
function readGrid(grid: Grid, fragments: Fragment[], page: number): GridTable | null {
  const { xs, ys } = grid;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const uf = new UnionFind(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !covered(grid.vertical, xs[c + 1], ys[r], ys[r + 1])) uf.union(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !covered(grid.horizontal, ys[r + 1], xs[c], xs[c + 1])) uf.union(r * cols + c, (r + 1) * cols + c);
    }
  }
  const left = xs[0];
  const right = xs[cols];
  const top = ys[0];
  const bottom = ys[rows];
  const byCell = new Map<number, Fragment[]>();
  const used = new Set<Fragment>();
  const index = (values: number[], v: number) => {
    let i = 0;
    while (i + 1 < values.length - 1 && v >= values[i + 1]) i++;
    return i;
  };
  for (const f of fragments) {
    const cx = (f.x0 + f.x1) / 2;
    const cy = f.y - 0.35 * (f.h || 10);
    if (cx < left || cx > right || cy < top || cy > bottom) continue;
    const cell = uf.find(index(ys, cy) * cols + index(xs, cx));
    if (!byCell.has(cell)) byCell.set(cell, []);
    byCell.get(cell)!.push(f);
    used.add(f);
  }
  // A box is one cell only when it has more than one cell: a frame around text is not a table.
  const roots = new Set<number>();
  for (let i = 0; i < rows * cols; i++) roots.add(uf.find(i));
  if (roots.size < 2) return null;
  const span = new Map<number, number>();
  for (let i = 0; i < rows * cols; i++) {
    const root = uf.find(i);
    span.set(root, Math.max(span.get(root) ?? 1, Math.floor(i / cols) - Math.floor(root / cols) + 1));
  }
  const out: TableRow[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: PlacedCell[] = [];
    for (let c = 0; c < cols; c++) {
      const root = uf.find(r * cols + c);
      // The cell's text goes where the box starts (its first row and column); the rest of the box is empty.
      const text = root === r * cols + c ? cellText(byCell.get(root) ?? []) : '';
      cells.push({ text, x0: xs[c], x1: xs[c + 1], span: root === r * cols + c ? (span.get(root) ?? 1) : 1 });
    }
    out.push({ page, cells });
  }
  return { block: { kind: 'table', page, top, bottom, left, right, rows: out }, used };
}

// ---------------------------------------------------------------------------------------------------------------
// Pages

const PAGE_NUMBER = /^[-—–－―~～·•\s]*(?:\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*[/／]\s*\d{1,4}|[-—–－―]\s*[ivxlcIVXLC]+\s*[-—–－―])[-—–－―~～·•\s]*$/;

function proseLines(fragments: Fragment[], page: number): ProseLine[] {
  const out: ProseLine[] = [];
  for (const line of groupLines(fragments)) {
    const text = lineText(line);
    if (text === '') continue;
    const sizes = line.map((f) => f.h || 10).sort((a, b) => a - b);
    const size = sizes[sizes.length >> 1];
    out.push({
      page,
      top: extent(line.map((f) => f.y - (f.h || 10)))[0],
      bottom: extent(line.map((f) => f.y))[1],
      left: extent(line.map((f) => f.x0))[0],
      right: extent(line.map((f) => f.x1))[1],
      size,
      text,
    });
  }
  return out;
}

function pageBlocks(page: RawPage, pageNumber: number): Block[] {
  const fragments: Fragment[] = [];
  for (const item of page.items) for (const f of splitItem(item)) if (f.s.trim() !== '') fragments.push(f);
  const tables: TableBlock[] = [];
  const used = new Set<Fragment>();
  for (const grid of findGrids(page.segments).slice(0, MAX_GRIDS)) {
    const read = readGrid(
      grid,
      fragments.filter((f) => !used.has(f)),
      pageNumber,
    );
    if (!read) continue;
    tables.push(read.block);
    read.used.forEach((f) => used.add(f));
  }
  const blocks: Block[] = [...tables];
  for (const line of proseLines(
    fragments.filter((f) => !used.has(f)),
    pageNumber,
  ))
    blocks.push({ kind: 'line', line });
  return blocks.sort((a, b) => blockTop(a) - blockTop(b));
}

const blockTop = (b: Block) => (b.kind === 'table' ? b.top : b.line.top);

/** Page numbers at the top or bottom of a page, and lines repeated at the same place on several pages (running headers). */
function dropFurniture(pages: Block[][], raw: RawPage[]): Block[][] {
  const key = (l: ProseLine) => l.text.replace(/\d+/g, '#').replace(/\s/g, '');
  const inMargin = (l: ProseLine, p: number) => l.bottom < raw[p].height * 0.15 || l.top > raw[p].height * 0.85;
  const seen = new Map<string, Set<number>>();
  pages.forEach((blocks, p) => {
    for (const b of blocks) if (b.kind === 'line' && inMargin(b.line, p)) {
      const k = key(b.line);
      if (!seen.has(k)) seen.set(k, new Set());
      seen.get(k)!.add(p);
    }
  });
  return pages.map((blocks, p) => {
    const lines = blocks.filter((b): b is { kind: 'line'; line: ProseLine } => b.kind === 'line');
    const first = lines[0];
    const last = lines[lines.length - 1];
    return blocks.filter((b) => {
      if (b.kind !== 'line' || !inMargin(b.line, p)) return true;
      const l = b.line;
      // Page numbers only as the first or last line of the page.
      if ((b === first || b === last || PAGE_NUMBER.test(l.text.replace(/\s/g, '')) && /[-—–－―第页/／]/.test(l.text)) && PAGE_NUMBER.test(l.text)) return false;
      // Running headers and footers: on at least two pages, kept on the first page (the title may be its first line).
      const on = seen.get(key(l));
      if (on && on.size >= 2 && p > Math.min(...on)) return false;
      return true;
    });
  });
}

/** Column boundaries that agree within tolerance (the table's left and right edges at least). */
function sameColumns(a: TableBlock, b: TableBlock): boolean {
  if (Math.abs(a.left - b.left) > 3 * RULE_TOLERANCE || Math.abs(a.right - b.right) > 3 * RULE_TOLERANCE) return false;
  const edges = (t: TableBlock) => clusterPositions(t.rows.flatMap((r) => r.cells.flatMap((c) => [c.x0, c.x1])));
  const ea = edges(a);
  const eb = edges(b);
  // Most of the continuation's column rules are the first part's (a continuation may lack a header split).
  const common = eb.filter((x) => ea.some((y) => Math.abs(x - y) <= RULE_TOLERANCE)).length;
  return common >= Math.min(eb.length, ea.length) * 0.6;
}

/** A label numbered as the start of an item: （五）, 5., 五、. */
const NUMBERED = /^[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]/;

/**
 * A box of several rows cut by the page break: its text ends on the next page, in the continuation's first row
 * ("（四）无" | "法提供"). The piece joins the box's text when the box reaches the bottom of the first part and the
 * piece does not start a numbered item of its own.
 */
function joinSplitCells(previous: TableBlock, first: TableRow): void {
  const count = previous.rows.length;
  for (const cell of first.cells) {
    if (cell.text === '' || NUMBERED.test(cell.text) || /^[\d.,%\s-]+$/.test(cell.text)) continue;
    for (let r = count - 1; r >= 0; r--) {
      const box = previous.rows[r].cells.find((c) => Math.abs(c.x0 - cell.x0) <= RULE_TOLERANCE && Math.abs(c.x1 - cell.x1) <= RULE_TOLERANCE);
      if (!box || box.text === '') continue;
      if (r + box.span === count && NUMBERED.test(box.text)) {
        box.text += cell.text;
        cell.text = '';
      }
      break;
    }
  }
}

const rowKey = (r: TableRow) => r.cells.map((c) => c.text).join('\u0001');

/**
 * All pages' blocks in reading order: page furniture dropped, and a table that goes on at the top of the next page
 * with the same columns joined to its first part (a repeated header row skipped).
 */
export function layoutDocument(doc: RawDocument): Block[] {
  const perPage = dropFurniture(
    doc.pages.map((p, i) => pageBlocks(p, i + 1)),
    doc.pages,
  );
  const out: Block[] = [];
  for (const blocks of perPage) {
    blocks.forEach((b, i) => {
      const previous = out[out.length - 1];
      if (i === 0 && b.kind === 'table' && previous?.kind === 'table' && previous.page < b.page && sameColumns(previous, b)) {
        let rows = b.rows;
        let k = 0;
        while (k < rows.length && k < previous.rows.length && rowKey(rows[k]) === rowKey(previous.rows[k]) && rows[k].cells.some((c) => c.text !== '')) k++;
        rows = rows.slice(k);
        if (rows.length > 0) joinSplitCells(previous, rows[0]);
        previous.rows.push(...rows);
        previous.bottom = b.bottom;
        return;
      }
      out.push(b);
    });
  }
  return out;
}

/**
 * A table's rows with the same number of fields each: the column rules of all its parts together give the columns;
 * a cell wider than one column keeps its text in its first column and empty fields for the rest. Rows and columns
 * with no text at all are left out.
 */
export function finishTable(table: TableBlock): FinalTable {
  const edges = clusterPositions(table.rows.flatMap((r) => r.cells.flatMap((c) => [c.x0, c.x1])));
  const column = (x: number) => {
    let best = 0;
    for (let i = 1; i < edges.length; i++) if (Math.abs(edges[i] - x) < Math.abs(edges[best] - x)) best = i;
    return best;
  };
  const width = Math.max(1, edges.length - 1);
  let rows = table.rows.map((r) => {
    const fields = new Array<string>(width).fill('');
    for (const c of r.cells) {
      if (c.text === '') continue;
      const i = Math.min(column(c.x0), width - 1);
      fields[i] = fields[i] === '' ? c.text : `${fields[i]}${c.text}`;
    }
    return { page: r.page, fields };
  });
  rows = rows.filter((r) => r.fields.some((f) => f !== ''));
  const keep = Array.from({ length: width }, (_, i) => rows.some((r) => r.fields[i] !== ''));
  return { rows: rows.map((r) => ({ page: r.page, fields: r.fields.filter((_, i) => keep[i]) })) };
}
