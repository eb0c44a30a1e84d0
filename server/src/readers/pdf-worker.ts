// The part of the PDF reader that runs pdfjs-dist: in a worker thread of its own, so that a file that makes pdfjs
// loop or eat memory is stopped (terminated) after a time limit instead of hanging the server or the command line.
// The worker sends back, per page, the text items and the straight ruling lines in page coordinates (points,
// origin top left, y downwards), nothing else; all layout work happens in pdf-layout.ts on plain data.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { ReaderError } from './types';

/** One text item: its string and the box of its baseline, in points from the page's top left. */
export interface RawItem {
  s: string;
  /** Left x and baseline y. */
  x: number;
  y: number;
  /** Advance width and font height. */
  w: number;
  h: number;
}

/** A horizontal (y1 === y2) or vertical (x1 === x2) ruling line; x1 <= x2, y1 <= y2. */
export interface RawSegment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface RawPage {
  width: number;
  height: number;
  items: RawItem[];
  segments: RawSegment[];
}

export interface RawDocument {
  pages: RawPage[];
  /** Pages beyond MAX_PAGES that were not read. */
  skippedPages: number;
}

export interface WorkerLimits {
  /** Milliseconds for the whole file. */
  timeoutMs: number;
  maxPages: number;
  /** Characters of text in all pages together. */
  maxChars: number;
}

export const DEFAULT_LIMITS: WorkerLimits = { timeoutMs: 60_000, maxPages: 500, maxChars: 5_000_000 };

// Plain JavaScript, run with `eval: true` (CommonJS scope). pdfjs-dist 6 wants Node 22; the two features it uses
// that Node 20 (VS Code's Electron) lacks and that its legacy build does not polyfill are added here, in the worker only.
const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function () { let resolve, reject; const promise = new Promise((a, b) => { resolve = a; reject = b; }); return { promise, resolve, reject }; };
}
if (typeof ArrayBuffer.prototype.transferToFixedLength !== 'function') {
  ArrayBuffer.prototype.transferToFixedLength = function (length) {
    const n = length === undefined ? this.byteLength : length;
    const out = new ArrayBuffer(n);
    new Uint8Array(out).set(new Uint8Array(this, 0, Math.min(n, this.byteLength)));
    return out;
  };
}
function mul(m, n) {
  return [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3], m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]];
}
function apply(m, x, y) { return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]]; }
const EPS = 0.6;
function segmentsOf(OPS, ops, view) {
  const out = [];
  let ctm = [1, 0, 0, 1, 0, 0];
  const stack = [];
  const STROKES = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const FILLS = new Set([OPS.fill, OPS.eoFill]);
  const push = (a, b) => {
    const p = apply(view, a[0], a[1]);
    const q = apply(view, b[0], b[1]);
    if (Math.abs(p[1] - q[1]) <= EPS && Math.abs(p[0] - q[0]) > EPS) {
      const y = (p[1] + q[1]) / 2;
      out.push({ x1: Math.min(p[0], q[0]), y1: y, x2: Math.max(p[0], q[0]), y2: y });
    } else if (Math.abs(p[0] - q[0]) <= EPS && Math.abs(p[1] - q[1]) > EPS) {
      const x = (p[0] + q[0]) / 2;
      out.push({ x1: x, y1: Math.min(p[1], q[1]), x2: x, y2: Math.max(p[1], q[1]) });
    }
  };
  for (let i = 0; i < ops.fnArray.length && out.length < 200000; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() || ctm;
    else if (fn === OPS.transform) ctm = mul(args, ctm);
    else if (fn === OPS.paintFormXObjectBegin) { stack.push(ctm); if (args && args[0]) ctm = mul(args[0], ctm); }
    else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() || ctm;
    else if (fn === OPS.constructPath) {
      const paint = args[0];
      const stroke = STROKES.has(paint);
      const fill = FILLS.has(paint);
      if (!stroke && !fill) continue;
      const data = args[1] && args[1][0];
      if (!data) continue;
      // Subpaths as lists of points in user space.
      const subpaths = [];
      let cur = null;
      for (let k = 0; k < data.length; ) {
        const code = data[k];
        if (code === 0) { cur = { pts: [apply(ctm, data[k + 1], data[k + 2])], closed: false, curved: false }; subpaths.push(cur); k += 3; }
        else if (code === 1) { if (cur) cur.pts.push(apply(ctm, data[k + 1], data[k + 2])); k += 3; }
        else if (code === 2) { if (cur) { cur.curved = true; cur.pts.push(apply(ctm, data[k + 5], data[k + 6])); } k += 7; }
        else if (code === 3) { if (cur) { cur.curved = true; cur.pts.push(apply(ctm, data[k + 3], data[k + 4])); } k += 5; }
        else if (code === 4) { if (cur) cur.closed = true; k += 1; }
        else break;
      }
      for (const sp of subpaths) {
        if (sp.curved) continue;
        if (stroke) {
          for (let k = 1; k < sp.pts.length; k++) push(sp.pts[k - 1], sp.pts[k]);
          if (sp.closed && sp.pts.length > 2) push(sp.pts[sp.pts.length - 1], sp.pts[0]);
        } else {
          // A filled shape is a rule only when it is a thin bar: its centre line.
          let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
          for (const p0 of sp.pts) { const p = apply(view, p0[0], p0[1]); x0 = Math.min(x0, p[0]); y0 = Math.min(y0, p[1]); x1 = Math.max(x1, p[0]); y1 = Math.max(y1, p[1]); }
          const w = x1 - x0, h = y1 - y0;
          if (h <= 2.5 && w > 2) { const y = (y0 + y1) / 2; out.push({ x1: x0, y1: y, x2: x1, y2: y }); }
          else if (w <= 2.5 && h > 2) { const x = (x0 + x1) / 2; out.push({ x1: x, y1: y0, x2: x, y2: y1 }); }
        }
      }
    }
  }
  return out;
}
async function main() {
  const pdfjs = await import(workerData.pdfjsUrl);
  pdfjs.GlobalWorkerOptions.workerSrc = workerData.workerUrl;
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data: workerData.bytes, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0,
      stopAtErrors: false, disableAutoFetch: true, standardFontDataUrl: workerData.fontsUrl, cMapUrl: workerData.cmapsUrl, cMapPacked: true,
    }).promise;
  } catch (e) {
    const name = e && e.name;
    parentPort.postMessage({ error: name === 'PasswordException' ? 'password' : name === 'InvalidPDFException' ? 'invalid' : 'open', message: String(e && e.message) });
    return;
  }
  const pages = [];
  let chars = 0;
  const count = Math.min(doc.numPages, workerData.maxPages);
  for (let n = 1; n <= count; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const view = viewport.transform;
    const content = await page.getTextContent();
    const items = [];
    for (const it of content.items) {
      if (typeof it.str !== 'string' || it.str.trim() === '') continue;
      const t = it.transform;
      const p = apply(view, t[4], t[5]);
      const h = it.height || Math.hypot(t[2], t[3]);
      items.push({ s: it.str, x: p[0], y: p[1], w: it.width, h });
      chars += it.str.length;
    }
    if (chars > workerData.maxChars) { parentPort.postMessage({ error: 'too-large', message: '' }); return; }
    let segments = [];
    try { segments = segmentsOf(pdfjs.OPS, await page.getOperatorList(), view); } catch (e) { segments = []; }
    pages.push({ width: viewport.width, height: viewport.height, items, segments });
    page.cleanup();
  }
  parentPort.postMessage({ pages, skippedPages: doc.numPages - count });
  await doc.destroy();
}
main().catch((e) => parentPort.postMessage({ error: 'open', message: String(e && e.stack || e) }));
`;

/**
 * pdfjs-dist is an ES module loaded at run time, not bundled: from the copy esbuild.mjs puts beside the bundle
 * (dist/pdfjs-dist, shipped with the extension), else from node_modules (tests run from source).
 */
function pdfjsFile(name: string): string {
  const shipped = join(__dirname, 'pdfjs-dist', 'legacy', 'build', name);
  if (existsSync(shipped)) return shipped;
  // Not a literal, so that the bundler does not try to bundle it.
  const spec = ['pdfjs-dist', 'legacy', 'build', name].join('/');
  return require.resolve(spec);
}

const openFailed = () => new ReaderError('无法打开 PDF 文件（文件已损坏或不是 PDF）', 'Cannot open the PDF file (corrupt, or not a PDF)');

/** Runs pdfjs-dist over the bytes in a worker thread; rejects with a ReaderError, never hangs past the time limit. */
export function extractPdf(bytes: Uint8Array, limits: WorkerLimits = DEFAULT_LIMITS): Promise<RawDocument> {
  let pdfjsPath: string;
  let workerPath: string;
  try {
    pdfjsPath = pdfjsFile('pdf.mjs');
    workerPath = pdfjsFile('pdf.worker.mjs');
  } catch {
    return Promise.reject(new ReaderError('缺少 PDF 读取组件 pdfjs-dist', 'The PDF component pdfjs-dist is missing'));
  }
  const root = pdfjsPath.replace(/[\\/]legacy[\\/]build[\\/]pdf\.mjs$/, '');
  const dirUrl = (sub: string) => pathToFileURL(`${root}/${sub}/`).href;
  return new Promise((resolve, reject) => {
    // A copy: the worker gets its own buffer, the caller keeps theirs.
    const copy = new Uint8Array(bytes);
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        bytes: copy,
        pdfjsUrl: pathToFileURL(pdfjsPath).href,
        workerUrl: pathToFileURL(workerPath).href,
        fontsUrl: dirUrl('standard_fonts'),
        cmapsUrl: dirUrl('cmaps'),
        maxPages: limits.maxPages,
        maxChars: limits.maxChars,
      },
      transferList: [copy.buffer as ArrayBuffer],
      resourceLimits: { maxOldGenerationSizeMb: 2048 },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(
      () => finish(() => reject(new ReaderError(`PDF 读取超时（超过 ${Math.round(limits.timeoutMs / 1000)} 秒）`, `Reading the PDF timed out (over ${Math.round(limits.timeoutMs / 1000)} s)`))),
      limits.timeoutMs,
    );
    worker.on('message', (m: RawDocument | { error: string; message: string }) => {
      if ('error' in m) {
        if (m.error === 'password') {
          finish(() => reject(new ReaderError('PDF 已加密，需要密码才能打开，请提供未加密的文件', 'The PDF is encrypted and needs a password: provide an unencrypted file')));
        } else if (m.error === 'too-large') {
          finish(() => reject(new ReaderError('PDF 文字过多，超出读取上限', 'The PDF holds more text than the reader accepts')));
        } else finish(() => reject(openFailed()));
      } else finish(() => resolve(m));
    });
    worker.on('error', (e) =>
      finish(() => reject(/memory/i.test(String(e)) ? new ReaderError('PDF 文件过大，读取时内存不足', 'The PDF is too large: out of memory while reading it') : openFailed())),
    );
    worker.on('exit', () => finish(() => reject(openFailed())));
  });
}
