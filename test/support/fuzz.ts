// A fuzzer over the REAL language server (dist/server.js over stdio, through LspClient): random documents from
// the seeds, the real corpus and the sample; random incremental and full edits, close/reopen; random requests
// at random positions; every response checked against the client's own copy of the text.
//
// Invariants (a failure names the seed, the operation index, the text and the offending response):
//  1. every request is answered within timeoutMs with no error (deliberately invalid requests may be refused,
//     but must be answered); the server never exits and never logs an error (window/logMessage type 1);
//  2. every range (diagnostics, related information, edits, symbols, folding, inlay hints, hover, completion)
//     is well-formed, inside the document of the version it was computed for and never splits a surrogate pair;
//  3. documentSymbol: a non-empty name, selectionRange inside range, children inside their parent;
//  4. the edits of one WorkspaceEdit / TextEdit[] never overlap or repeat a range; fix-all (source action and
//     command) reaches a fixed point: once applied, asking again offers no edit;
//  5. no stale diagnostics: once editing stops, the last publishDiagnostics of a document carries its latest
//     version and equals what the server publishes for the same text opened fresh under another URI;
//  6. the server's view of the text is the client's: on settling, diagnostics, symbols, folding, formatting,
//     inlay hints, fix-all and a hover of the edited document equal those of a fresh open of the client's copy.
//
// Operations, drawn at random: open (disclosure-report, plaintext or markdown; a corpus text, a cut of one, two
// joined, a draft full of astral characters, a small synthetic draft of headings, labels and rows; \n, \r\n or
// \r line breaks); didChange with one to three incremental changes (random ranges; text from a pool of CJK,
// astral characters, figures, tabs, pipes, \r, \n, \r\n, U+2028, table lines cut from the corpus, headings; or
// edits that keep the report's shape: a mistyped figure, an astral character at a label's start, lines deleted,
// duplicated or inserted, the rest cut, trailing whitespace); full-text replacement; close (and reopen);
// didSave; didChangeConfiguration (rule levels, enable, autoDetect, inlay hints); hover, completion, inlayHint,
// codeAction (with the diagnostics last published; sometimes one is applied), documentSymbol, foldingRange,
// formatting (sometimes applied), the fix-all source action and command (applied, then asked again); requests
// on unknown documents and past the end; and settling (stop editing, compare with a fresh open).
//
// The client applies each change twice: with vscode-languageserver-textdocument (TextDocument.update) and with
// its own splice (\r\n, \r and \n are line breaks, as in VS Code); the splice is the truth, and the number of
// times the library disagreed is reported (it has a known bug next to a lone \r).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from './lsp';
import { prng, randomInt, EDIT_ALPHABET } from './random';
import { readSeed, REPO_ROOT, SEED_NAMES } from './seeds';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

export interface FuzzFailure {
  seed: number;
  /** Index of the operation (0-based) during which the failure was seen. */
  operation: number;
  /** The operation, e.g. `hover file:///… {"line":3,"character":5}`. */
  description: string;
  /** Which invariant (1–6) and what broke. */
  invariant: string;
  message: string;
  uri?: string;
  /** The client's text of the document the response was for. */
  text?: string;
  response?: unknown;
  /** Recent changes of the document (for stateful failures). */
  history?: unknown[];
  /** A smaller text that still fails the same way (document-wide requests only), when one was found. */
  minimal?: { text: string; languageId: string; basename: string; description: string };
}

export interface FuzzOptions {
  seed: number;
  operations: number;
  onFailure?: (failure: FuzzFailure) => void;
  /** Stop after this many failures (default 5). */
  maxFailures?: number;
  /** Per request, and per wait for diagnostics (default 5000 ms). */
  timeoutMs?: number;
  /** Stop before this time (Date.now() value) even if fewer operations ran. */
  deadline?: number;
  /** Shrink the text of a failing document-wide request (default true). */
  shrink?: boolean;
  /** Called every `progressEvery` operations. */
  onProgress?: (done: number) => void;
  progressEvery?: number;
}

export interface FuzzResult {
  seed: number;
  operations: number;
  failures: number;
  requests: number;
  changes: number;
  settles: number;
  /** Settles whose document had diagnostics (compared one by one with a fresh open's). */
  settlesWithDiagnostics: number;
  fixAllApplied: number;
  /** Changes after which TextDocument.update disagreed with the client's own splice. */
  libraryDivergences: number;
  libraryDivergenceExample?: { before: string; change: unknown; library: string; splice: string };
  /** Corpus texts never opened (should be empty for a long enough run). */
  unopened: string[];
  restarts: number;
  durationMs: number;
}

// ---------------------------------------------------------------------------------------------------------
// Text: line index, positions and the splice, independent of the library.

/** Offsets where lines start: \r\n, \r and \n each end a line (VS Code's rule). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** End of line `line`'s content (before its line break). */
function contentEnd(text: string, starts: number[], line: number): number {
  let end = line + 1 < starts.length ? starts[line + 1] : text.length;
  if (end > starts[line] && text.charCodeAt(end - 1) === 10) end--;
  if (end > starts[line] && text.charCodeAt(end - 1) === 13) end--;
  return end;
}

/** An LSP position as VS Code reads it: past the last line → end of text, past the line's content → its end. */
export function offsetAt(text: string, starts: number[], p: Position): number {
  if (p.line < 0) return 0;
  if (p.line >= starts.length) return text.length;
  const end = contentEnd(text, starts, p.line);
  return Math.min(starts[p.line] + Math.max(0, p.character), end);
}

export function positionAt(starts: number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

/** Applies one content change the way VS Code means it (the client's truth). */
export function splice(text: string, change: { range?: Range; text: string }): string {
  if (!change.range) return change.text;
  const starts = lineStarts(text);
  const a = offsetAt(text, starts, change.range.start);
  const b = Math.max(a, offsetAt(text, starts, change.range.end));
  return text.slice(0, a) + change.text + text.slice(b);
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const splitsPair = (text: string, offset: number) => offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
const rangeInside = (inner: Range, outer: Range) => !before(inner.start, outer.start) && !before(outer.end, inner.end);

/** One view of a version of a document, for checking what the server said about it. */
class Snapshot {
  readonly starts: number[];
  constructor(readonly text: string) {
    this.starts = lineStarts(text);
  }

  /** Problems of a position (empty when it is a valid position of this text between two characters). */
  position(p: unknown, what: string): string[] {
    const q = p as Position;
    if (!q || !Number.isInteger(q.line) || !Number.isInteger(q.character)) return [`${what}: not a position: ${JSON.stringify(p)}`];
    if (q.line < 0 || q.line >= this.starts.length) return [`${what}: line ${q.line} outside the document (${this.starts.length} lines)`];
    const length = contentEnd(this.text, this.starts, q.line) - this.starts[q.line];
    if (q.character < 0 || q.character > length) return [`${what}: character ${q.character} outside line ${q.line} (length ${length})`];
    if (splitsPair(this.text, this.starts[q.line] + q.character)) return [`${what}: ${q.line}:${q.character} splits a surrogate pair`];
    return [];
  }

  range(r: unknown, what: string): string[] {
    const q = r as Range;
    if (!q || typeof q !== 'object') return [`${what}: not a range: ${JSON.stringify(r)}`];
    const problems = [...this.position(q.start, `${what}.start`), ...this.position(q.end, `${what}.end`)];
    if (problems.length === 0 && before(q.end, q.start)) problems.push(`${what}: end before start ${JSON.stringify(q)}`);
    return problems;
  }

  offset(p: Position): number {
    return offsetAt(this.text, this.starts, p);
  }

  /** Problems of a TextEdit[] meant for this text: each range valid, none overlapping or repeated. */
  edits(edits: unknown, what: string): string[] {
    if (!Array.isArray(edits)) return [`${what}: not an array of edits: ${JSON.stringify(edits)?.slice(0, 200)}`];
    const problems: string[] = [];
    const spans: { a: number; b: number; i: number }[] = [];
    edits.forEach((e: Json, i) => {
      const range = e?.range ?? e?.replace; // TextEdit or InsertReplaceEdit
      const own = this.range(range, `${what}[${i}].range`);
      if (typeof e?.newText !== 'string') own.push(`${what}[${i}]: newText is not a string`);
      problems.push(...own);
      if (own.length === 0) spans.push({ a: this.offset(range.start), b: this.offset(range.end), i });
    });
    spans.sort((x, y) => x.a - y.a || x.b - y.b);
    for (let k = 1; k < spans.length; k++) {
      const [p, q] = [spans[k - 1], spans[k]];
      if (q.a < p.b) problems.push(`${what}: edits ${p.i} and ${q.i} overlap (${p.a}–${p.b} and ${q.a}–${q.b})`);
      else if (q.a === p.a && q.b === p.b) problems.push(`${what}: edits ${p.i} and ${q.i} repeat the range ${p.a}–${p.b}`);
    }
    return problems;
  }

  /** Applies non-overlapping edits (as the editor does: all ranges refer to this text). */
  apply(edits: { range: Range; newText: string }[]): string {
    const sorted = edits.map((e) => ({ a: this.offset(e.range.start), b: this.offset(e.range.end), t: e.newText })).sort((x, y) => y.a - x.a || y.b - x.b);
    let text = this.text;
    for (const e of sorted) text = text.slice(0, e.a) + e.t + text.slice(e.b);
    return text;
  }

  /** A random position at a character boundary (never inside a surrogate pair or a \r\n). */
  randomPosition(random: () => number): Position {
    return positionAt(this.starts, this.randomOffset(random));
  }

  randomOffset(random: () => number): number {
    let o = randomInt(random, this.text.length + 1);
    if (splitsPair(this.text, o)) o--;
    if (o > 0 && this.text.charCodeAt(o - 1) === 13 && this.text.charCodeAt(o) === 10) o--;
    return o;
  }

  randomRange(random: () => number, maxLength: number): Range {
    const a = this.randomOffset(random);
    let b = Math.min(this.text.length, a + randomInt(random, maxLength + 1));
    if (splitsPair(this.text, b)) b++;
    if (b > 0 && b < this.text.length && this.text.charCodeAt(b - 1) === 13 && this.text.charCodeAt(b) === 10) b++;
    return { start: positionAt(this.starts, a), end: positionAt(this.starts, b) };
  }

  fullRange(): Range {
    const last = this.starts.length - 1;
    return { start: { line: 0, character: 0 }, end: { line: last, character: this.text.length - this.starts[last] } };
  }
}

/** Problems of a documentSymbol answer (DocumentSymbol[] or SymbolInformation[]). */
function symbolProblems(snapshot: Snapshot, result: unknown, uri: string): string[] {
  if (result === null) return [];
  if (!Array.isArray(result)) return [`documentSymbol: not an array`];
  const problems: string[] = [];
  const walk = (symbols: Json[], parent: Range | null, path: string) => {
    symbols.forEach((s, i) => {
      const where = `${path}[${i}] ${JSON.stringify(s?.name)}`;
      if (typeof s?.name !== 'string' || s.name.trim() === '') problems.push(`${where}: empty name`);
      if (s?.location) {
        if (s.location.uri !== uri) problems.push(`${where}: location in another document ${s.location.uri}`);
        problems.push(...snapshot.range(s.location.range, `${where}.location.range`));
        return;
      }
      const own = [...snapshot.range(s?.range, `${where}.range`), ...snapshot.range(s?.selectionRange, `${where}.selectionRange`)];
      problems.push(...own);
      if (own.length > 0) return;
      if (!rangeInside(s.selectionRange, s.range)) problems.push(`${where}: selectionRange ${JSON.stringify(s.selectionRange)} not inside range ${JSON.stringify(s.range)}`);
      if (parent && !rangeInside(s.range, parent)) problems.push(`${where}: range ${JSON.stringify(s.range)} not inside its parent's ${JSON.stringify(parent)}`);
      if (s.children !== undefined) {
        if (!Array.isArray(s.children)) problems.push(`${where}: children not an array`);
        else walk(s.children, s.range, `${where}.children`);
      }
    });
  };
  walk(result, null, 'symbol');
  return problems;
}

function foldingProblems(snapshot: Snapshot, result: unknown): string[] {
  if (result === null) return [];
  if (!Array.isArray(result)) return ['foldingRange: not an array'];
  const problems: string[] = [];
  const lines = snapshot.starts.length;
  result.forEach((f: Json, i) => {
    const where = `folding[${i}] ${JSON.stringify(f)}`;
    if (!Number.isInteger(f?.startLine) || !Number.isInteger(f?.endLine)) return void problems.push(`${where}: lines not integers`);
    if (f.startLine < 0 || f.endLine >= lines) problems.push(`${where}: outside the document (${lines} lines)`);
    if (f.startLine > f.endLine) problems.push(`${where}: startLine after endLine`);
    if (f.startCharacter !== undefined) problems.push(...snapshot.position({ line: f.startLine, character: f.startCharacter }, `${where}.start`));
    if (f.endCharacter !== undefined) problems.push(...snapshot.position({ line: f.endLine, character: f.endCharacter }, `${where}.end`));
  });
  return problems;
}

function hoverProblems(snapshot: Snapshot, result: Json): string[] {
  if (result === null) return [];
  const problems: string[] = [];
  if (result.contents === undefined) problems.push('hover: no contents');
  if (result.range !== undefined) problems.push(...snapshot.range(result.range, 'hover.range'));
  return problems;
}

function inlayProblems(snapshot: Snapshot, result: unknown): string[] {
  if (result === null) return [];
  if (!Array.isArray(result)) return ['inlayHint: not an array'];
  const problems: string[] = [];
  result.forEach((h: Json, i) => {
    problems.push(...snapshot.position(h?.position, `inlayHint[${i}].position`));
    if (!(typeof h?.label === 'string' ? h.label.length > 0 : Array.isArray(h?.label) && h.label.length > 0)) problems.push(`inlayHint[${i}]: empty label`);
    if (h?.textEdits) problems.push(...snapshot.edits(h.textEdits, `inlayHint[${i}].textEdits`));
  });
  return problems;
}

function completionProblems(snapshot: Snapshot, result: Json, position: Position): string[] {
  if (result === null) return [];
  const items: Json[] = Array.isArray(result) ? result : result?.items;
  if (!Array.isArray(items)) return ['completion: neither an array nor a CompletionList'];
  const problems: string[] = [];
  items.forEach((item, i) => {
    const where = `completion[${i}] ${JSON.stringify(item?.label)}`;
    if (typeof item?.label !== 'string' || item.label === '') problems.push(`${where}: empty label`);
    const edit = item?.textEdit;
    if (edit) {
      for (const key of ['range', 'insert', 'replace'] as const) {
        if (!edit[key]) continue;
        const own = snapshot.range(edit[key], `${where}.textEdit.${key}`);
        problems.push(...own);
        // LSP: a single-line range that contains the position of the request.
        if (own.length === 0 && (edit[key].start.line !== edit[key].end.line || before(position, edit[key].start) || before(edit[key].end, position))) {
          problems.push(`${where}: textEdit.${key} ${JSON.stringify(edit[key])} is not a single-line range containing ${JSON.stringify(position)}`);
        }
      }
    }
    if (item?.additionalTextEdits) problems.push(...snapshot.edits(item.additionalTextEdits, `${where}.additionalTextEdits`));
  });
  return problems;
}

/** Problems of a WorkspaceEdit meant for uri at this snapshot; its edits for uri (null when unusable). */
function workspaceEditProblems(snapshot: Snapshot, edit: Json, uri: string, what: string): { problems: string[]; edits: { range: Range; newText: string }[] | null } {
  const problems: string[] = [];
  let edits: Json[] = [];
  if (edit?.changes) {
    for (const [target, list] of Object.entries(edit.changes)) {
      if (target !== uri) problems.push(`${what}: edits another document ${target}`);
      else edits = list as Json[];
    }
  }
  if (edit?.documentChanges) {
    for (const change of edit.documentChanges) {
      if (change?.textDocument?.uri !== uri) problems.push(`${what}: changes another document ${JSON.stringify(change?.textDocument ?? change)}`);
      else edits = edits.concat(change.edits);
    }
  }
  if (!edit?.changes && !edit?.documentChanges) problems.push(`${what}: neither changes nor documentChanges`);
  problems.push(...snapshot.edits(edits, `${what}.edits`));
  return { problems, edits: problems.length === 0 ? edits : null };
}

function codeActionProblems(snapshot: Snapshot, result: unknown, uri: string): string[] {
  if (result === null) return [];
  if (!Array.isArray(result)) return ['codeAction: not an array'];
  const problems: string[] = [];
  result.forEach((a: Json, i) => {
    const where = `codeAction[${i}] ${JSON.stringify(a?.title)}`;
    if (typeof a?.title !== 'string' || a.title === '') problems.push(`${where}: empty title`);
    if (a?.edit) problems.push(...workspaceEditProblems(snapshot, a.edit, uri, `${where}.edit`).problems);
    if (Array.isArray(a?.diagnostics)) a.diagnostics.forEach((d: Json, k: number) => problems.push(...snapshot.range(d?.range, `${where}.diagnostics[${k}].range`)));
  });
  return problems;
}

function diagnosticProblems(snapshot: Snapshot, diagnostics: unknown, uri: string): string[] {
  if (!Array.isArray(diagnostics)) return ['diagnostics: not an array'];
  const problems: string[] = [];
  diagnostics.forEach((d: Json, i) => {
    const where = `diagnostic[${i}] ${d?.code}`;
    problems.push(...snapshot.range(d?.range, `${where}.range`));
    if (typeof d?.message !== 'string' || d.message === '') problems.push(`${where}: empty message`);
    (d?.relatedInformation ?? []).forEach((r: Json, k: number) => {
      if (r?.location?.uri !== uri) problems.push(`${where}.relatedInformation[${k}]: another document ${r?.location?.uri}`);
      else problems.push(...snapshot.range(r.location.range, `${where}.relatedInformation[${k}].range`));
    });
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// The corpus and the pool of inserted text.

export interface CorpusText {
  name: string;
  text: string;
}

export function loadCorpus(): CorpusText[] {
  const corpus: CorpusText[] = SEED_NAMES.map((name) => ({ name: `seeds/${name}`, text: readSeed(name) }));
  const realDir = resolve(REPO_ROOT, '..', 'shared', 'real');
  for (const folder of readdirSync(realDir).sort()) {
    const dir = join(realDir, folder);
    if (!statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir).sort()) {
      if (file.endsWith('.txt')) corpus.push({ name: `real/${folder}/${file}`, text: readFileSync(join(dir, file), 'utf8') });
    }
  }
  corpus.push({ name: 'samples/example-2024.nianbao.md', text: readFileSync(join(REPO_ROOT, 'samples', 'example-2024.nianbao.md'), 'utf8') });
  return corpus;
}

const CJK = [...'一二三四五六七八九十〇年度报告政府信息公开申请总计合计行政复议诉讼件项万元结转下办理予以部分不同意其他自然人法人（）、，。：'];
const ASTRAL = ['𠀀', '𠀁', '𡃁', '😀', '𝟘', '𪚥'];
const HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
  '（七）总计',
  '四、结转下年度继续办理',
  '（六）其他处理',
  '## 三、收到和处理政府信息公开申请情况',
  '# 2024年政府信息公开工作年度报告',
  '| --- | --- | --- |',
  '<!-- nianbao-disable-next-line table3.row-total -->',
  '// nianbao-disable-file',
  '截至2023年12月31日',
  '未收取信息处理费',
];
const SEPARATORS = ['\t', '|', ' ', '  ', '\u3000', '-', '—', ' | ', '\t\t', '\f', '\v', '\u00a0', '\ufeff', '\u200b'];
/** Not line breaks for LSP (only \r\n, \r, \n are), but line terminators for a JavaScript regex. */
const FALSE_BREAKS = ['\u2028', '\u2029', '\u0085'];
const BREAKS = ['\n', '\r\n', '\r', '\n\n', '\r\r\n', '\n\r'];

/** Words of the tables' headers and captions, for small synthetic drafts. */
const TABLE_WORDS = [
  '勾稽关系', '复议后起诉', '未经复议直接起诉', '行政复议', '行政诉讼', '总计', '结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况', '自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计',
  '信息内容\t本年制发件数\t本年废止件数\t现行有效件数', '（七）总计', '一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量',
];

class Pool {
  private readonly tableLines: string[];
  private readonly labels: string[];
  constructor(private readonly corpus: CorpusText[]) {
    this.tableLines = corpus.flatMap((c) => c.text.split(/\r\n|\r|\n/).filter((l) => (l.match(/\d+/g) ?? []).length >= 2));
    this.labels = [...new Set(this.tableLines.map((l) => l.replace(/[\s|]*\d[\d\s|.\-—]*$/, '').trim()).filter((l) => l.length >= 2 && l.length < 40))];
  }

  /** A small draft of headings, labels, header words and rows of figures (blanks included), often malformed. */
  synthetic(random: () => number): string {
    const pick = <T>(list: readonly T[]) => list[randomInt(random, list.length)];
    const lines: string[] = [];
    for (let n = 1 + randomInt(random, 14); n > 0; n--) {
      const r = random();
      const cells = () => Array.from({ length: randomInt(random, 9) }, () => (random() < 0.25 ? '' : String(randomInt(random, random() < 0.7 ? 10 : 200))));
      const sep = pick(['\t', ' ', '  ', ' | ']);
      if (r < 0.2) {
        // A heading, whole or cut short (a draft being typed), often with whitespace after it.
        const heading = pick(HEADINGS);
        lines.push((random() < 0.3 ? heading.slice(0, 2 + randomInt(random, heading.length - 1)) : heading) + pick(['', '', ' ', '\t', '\u3000', ' \u3000']));
      }
      else if (r < 0.45) lines.push([pick(this.labels), ...cells()].join(sep));
      else if (r < 0.6) lines.push(pick(TABLE_WORDS) + (random() < 0.4 ? sep + cells().join(sep) : ''));
      else if (r < 0.75) lines.push(pick(this.tableLines));
      else if (r < 0.85) lines.push(cells().join(sep));
      else if (r < 0.92) lines.push(pick(this.labels));
      else lines.push('');
    }
    return lines.join(pick(['\n', '\n', '\r\n', '\r'])) + pick(['', '\n', ' ']);
  }

  piece(random: () => number): string {
    const r = random();
    const pick = <T>(list: readonly T[]) => list[randomInt(random, list.length)];
    if (r < 0.15) return Array.from({ length: 1 + randomInt(random, 6) }, () => pick(CJK)).join('');
    if (r < 0.22) return pick(ASTRAL).repeat(1 + randomInt(random, 2));
    if (r < 0.37) return String(random() < 0.3 ? 0 : randomInt(random, random() < 0.5 ? 10 : 1000));
    if (r < 0.48) return pick(SEPARATORS);
    if (r < 0.5) return pick(FALSE_BREAKS);
    if (r < 0.65) return pick(BREAKS);
    if (r < 0.77) return pick(this.tableLines) + (random() < 0.6 ? pick(BREAKS) : '');
    if (r < 0.85) return (random() < 0.5 ? pick(BREAKS) : '') + pick(HEADINGS) + (random() < 0.7 ? pick(BREAKS) : '');
    return Array.from({ length: 1 + randomInt(random, 8) }, () => pick(EDIT_ALPHABET)).join('');
  }

  text(random: () => number): string {
    let s = '';
    for (let n = 1 + randomInt(random, random() < 0.8 ? 2 : 4); n > 0; n--) s += this.piece(random);
    return s;
  }

  /** A text to open or to replace a document with. */
  document(random: () => number, corpusText: CorpusText): string {
    let text = corpusText.text;
    if (random() < 0.35) return this.synthetic(random);
    const r = random();
    if (r < 0.15) {
      const lines = text.split(/(?<=\r\n|\r|\n)/);
      const a = randomInt(random, lines.length);
      text = lines.slice(a, a + 1 + randomInt(random, lines.length - a)).join('');
    } else if (r < 0.2) {
      text += '\n' + this.corpus[randomInt(random, this.corpus.length)].text;
    } else if (r < 0.22) {
      text = '';
    }
    const shape = random();
    if (shape < 0.12) {
      // A draft full of astral characters: at the start of lines (labels, headings) and anywhere.
      const lines = text.split('\n');
      for (let i = 0; i < 40; i++) {
        const k = randomInt(random, lines.length);
        let a = random() < 0.5 ? 0 : randomInt(random, lines[k].length + 1);
        if (a > 0 && a < lines[k].length && isHigh(lines[k].charCodeAt(a - 1))) a--;
        lines[k] = lines[k].slice(0, a) + ASTRAL[randomInt(random, ASTRAL.length)] + lines[k].slice(a);
      }
      text = lines.join('\n');
    } else if (shape < 0.22) {
      // A prefix cut anywhere (often inside a section or right after a heading) and a tail of whitespace.
      let cut = randomInt(random, text.length + 1);
      if (cut > 0 && isHigh(text.charCodeAt(cut - 1))) cut--;
      text = text.slice(0, cut) + [' ', '\t', '\n', '', '\u3000'][randomInt(random, 5)];
    }
    const eol = random();
    if (eol < 0.1) text = text.replace(/\r\n|\r|\n/g, '\r\n');
    else if (eol < 0.14) text = text.replace(/\r\n|\r|\n/g, '\r');
    return text;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The wire: publishDiagnostics and log messages, read from the server's stdout independently of LspClient.

interface Published {
  version?: number;
  diagnostics: Json[];
  /** Order of arrival. */
  seq: number;
}

class Wire {
  private buffer = Buffer.alloc(0);
  private seq = 0;
  private readonly waiters = new Set<() => void>();
  /** Publishes per uri with their incarnation (closes acknowledged before them). */
  onPublish: (uri: string, published: Published) => void = () => undefined;
  onLogError: (message: string) => void = () => undefined;

  constructor(stream: NodeJS.ReadableStream) {
    stream.on('data', (chunk: Buffer) => this.data(chunk));
  }

  private data(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())![1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      if (message.method === 'textDocument/publishDiagnostics') {
        this.onPublish(message.params.uri, { version: message.params.version, diagnostics: message.params.diagnostics, seq: this.seq++ });
        for (const wake of [...this.waiters]) wake();
      } else if (message.method === 'window/logMessage' && message.params?.type === 1) {
        this.onLogError(String(message.params.message));
      } else if (message.method === 'window/showMessage' && message.params?.type === 1) {
        this.onLogError(String(message.params.message));
      }
    }
  }

  /** Resolves when done() holds (checked after every publish), false after timeoutMs. */
  until(done: () => boolean, timeoutMs: number): Promise<boolean> {
    if (done()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const wake = () => {
        if (!done()) return;
        this.waiters.delete(wake);
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        resolve(done());
      }, timeoutMs);
      this.waiters.add(wake);
    });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Documents as the client keeps them.

interface Doc {
  uri: string;
  basename: string;
  languageId: string;
  corpusName: string;
  text: string;
  version: number;
  library: TextDocument;
  open: boolean;
  /** Closes sent / acknowledged (the empty publish that follows a close). */
  closesSent: number;
  closesAcked: number;
  /** Text of each version not yet superseded by a publish. */
  texts: Map<number, string>;
  /** Latest publish of the current incarnation. */
  last: Published | null;
  /** Text at open and the changes since (the last 60). */
  history: unknown[];
  /** The text before the last didChange (null after open). */
  previousText: string | null;
}

const RULE_CODES = [
  'table3.row-total', 'table3.result-total', 'table3.balance', 'table3.suspect-cell', 'table4.group-total', 'table.not-a-number', 'table.negative',
  'table.not-integer', 'table.missing-row', 'table.missing-cell', 'table.extra-cells', 'table.blank-cells', 'table.unreadable',
  'narrative.count-mismatch', 'narrative.ambiguous-count', 'narrative.percent', 'narrative.fee', 'structure.missing-section',
  'structure.section-order', 'structure.duplicate-section', 'structure.row-label', 'structure.outdated-format',
  'structure.government-duties', 'year.mismatch', 'encoding.mojibake',
];
const LEVELS = ['error', 'warning', 'information', 'hint', 'off'];

/** Pushed settings (workspace/didChangeConfiguration), mostly the defaults, sometimes rules set, flat or nested. */
function randomSettings(random: () => number): Json {
  if (random() < 0.4) return { disclosureReport: {} };
  const rules: Record<string, Json> = {};
  const nested = random() < 0.5;
  for (let n = randomInt(random, 4); n > 0; n--) {
    const code = RULE_CODES[randomInt(random, RULE_CODES.length)];
    const level = LEVELS[randomInt(random, LEVELS.length)];
    if (nested) {
      const [family, rule] = code.split('.');
      (rules[family] ??= {})[rule] = level;
    } else rules[code] = level;
  }
  return { disclosureReport: { enable: random() < 0.9, autoDetect: random() < 0.8, inlayHints: { enable: random() < 0.7 }, rules } };
}

const LANGUAGES = ['disclosure-report', 'disclosure-report', 'plaintext', 'plaintext', 'markdown'];

function basenameFor(random: () => number, languageId: string, n: number): string {
  const names =
    languageId === 'markdown'
      ? [`d${n}.nianbao.md`, `notes-${n}.md`, encodeURIComponent(`2024年年度报告-${n}.md`)]
      : [`d${n}.nianbao.txt`, `d${n}.txt`, encodeURIComponent(`政府信息公开年报-${n}.txt`), `draft ${n}.txt`.replace(' ', '%20')];
  return names[randomInt(random, names.length)];
}

const truncate = (s: string, n = 1500) => (s.length > n ? `${s.slice(0, n)}… (${s.length} characters)` : s);

/** A failure as text: the seed, the operation, the invariant, the text and the response. */
export function formatFailure(f: FuzzFailure): string {
  const lines = [
    `seed ${f.seed}, operation ${f.operation}: ${f.description}`,
    `invariant ${f.invariant}: ${f.message}`,
  ];
  if (f.uri) lines.push(`uri: ${f.uri}`);
  if (f.text !== undefined) lines.push(`text (${f.text.length} chars): ${JSON.stringify(truncate(f.text))}`);
  if (f.response !== undefined) lines.push(`response: ${truncate(JSON.stringify(f.response) ?? 'undefined', 2000)}`);
  if (f.history) lines.push(`recent changes: ${truncate(JSON.stringify(f.history.slice(-6)), 3000)}`);
  if (f.minimal) lines.push(`minimal repro (${f.minimal.languageId}, ${f.minimal.basename}): ${f.minimal.description}${f.minimal.text ? ` on ${JSON.stringify(f.minimal.text)}` : ''}`);
  return lines.join('\n');
}

/** What a document-wide request of the shrinker asks, and the problems of its answer. */
type WideKind = 'diagnostics' | 'documentSymbol' | 'foldingRange' | 'formatting' | 'inlayHint' | 'fixAll';

// ---------------------------------------------------------------------------------------------------------

export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const { seed, operations } = options;
  const timeoutMs = options.timeoutMs ?? 5000;
  const maxFailures = options.maxFailures ?? 5;
  const random = prng(seed);
  const started = Date.now();
  const corpus = loadCorpus();
  const pool = new Pool(corpus);
  const unopened = new Set(corpus.map((c) => c.name));
  // Texts to open: every corpus text once (in a seeded order), then at random.
  const openOrder = [...corpus];
  for (let i = openOrder.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    [openOrder[i], openOrder[j]] = [openOrder[j], openOrder[i]];
  }
  const result: FuzzResult = { seed, operations: 0, failures: 0, requests: 0, changes: 0, settles: 0, settlesWithDiagnostics: 0, fixAllApplied: 0, libraryDivergences: 0, unopened: [], restarts: 0, durationMs: 0 };
  const seenFailures = new Set<string>();
  let stopRequested = false;

  let op = 0;
  let description = '';
  let client!: LspClient;
  let wire!: Wire;
  let fixAllCommand: string | null = null;
  let exited = false;
  let documentCount = 0;
  let docs: Doc[] = [];
  let inflight: Promise<void>[] = [];
  let shrinkClient: LspClient | null = null;
  const clients: LspClient[] = [];

  function fail(invariant: string, message: string, extra: Partial<FuzzFailure> = {}): void {
    // The same problem again (same invariant, same message shape) is reported once.
    const key = `${invariant}:${message.replace(/\d+/g, 'N').slice(0, 160)}`;
    if (seenFailures.has(key)) return;
    seenFailures.add(key);
    result.failures++;
    options.onFailure?.({ seed, operation: op, description, invariant, message, ...extra });
    // Never throws (it is called from stream callbacks too): the loop stops at its next step.
    if (result.failures >= maxFailures) stopRequested = true;
  }

  async function start(): Promise<void> {
    client = new LspClient();
    clients.push(client);
    exited = false;
    const mine = client;
    client.process.once('exit', (code, signal) => {
      if (mine !== client) return;
      exited = true;
      // Recorded at the next check (throwing from here would escape the run).
      pendingExit = `server exited (code ${code}, signal ${signal}); stderr: ${truncate(client.stderr, 2000)}`;
    });
    wire = new Wire(client.process.stdout);
    wire.onPublish = onPublish;
    wire.onLogError = (message) => logErrors.push(message);
    client.answer('workspace/applyEdit', onApplyEdit);
    client.answer('workspace/configuration', (params) => (params?.items ?? []).map(() => null));
    const init = await withTimeout(client.initialize('zh-cn'), 'initialize');
    const commands: string[] = init?.capabilities?.executeCommandProvider?.commands ?? [];
    fixAllCommand = commands.find((c) => /fixall/i.test(c)) ?? null;
    docs = [];
  }
  let pendingExit: string | null = null;
  const logErrors: string[] = [];

  function checkAlive(): void {
    if (logErrors.length > 0) {
      const message = logErrors.splice(0).join('\n');
      fail('1 (no server error)', `the server logged an error: ${truncate(message, 2000)}`);
    }
    if (pendingExit) {
      const message = pendingExit;
      pendingExit = null;
      fail('1 (never exits)', message);
    }
  }

  function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
    return new Promise<T>((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${what} within ${timeoutMs} ms`)), timeoutMs);
      promise.then(
        (v) => {
          clearTimeout(timer);
          resolvePromise(v);
        },
        (e) => {
          clearTimeout(timer);
          reject(e);
        },
      );
    });
  }

  // --- publishes -------------------------------------------------------------------------------------------

  function docOf(uri: string): Doc | undefined {
    return docs.find((d) => d.uri === uri);
  }

  const freshWaiting = new Map<string, { snapshot: Snapshot; published: Published | null; closed: boolean }>();

  function onPublish(uri: string, published: Published): void {
    const fresh = freshWaiting.get(uri);
    if (fresh) {
      if (fresh.closed) return; // its close acknowledgement
      const problems = diagnosticProblems(fresh.snapshot, published.diagnostics, uri);
      if (problems.length) fail('2 (ranges)', problems.join('; '), { uri, text: fresh.snapshot.text, response: published });
      fresh.published = published;
      return;
    }
    const doc = docOf(uri);
    if (!doc) return;
    if (doc.closesAcked < doc.closesSent) {
      // Publishes of an incarnation already closed, up to the empty publish that acknowledges the close.
      if (published.version === undefined && published.diagnostics.length === 0) doc.closesAcked++;
      return;
    }
    if (!doc.open) {
      if (published.diagnostics.length > 0) fail('5 (no stale diagnostics)', `diagnostics published for a closed document`, { uri, response: published });
      return;
    }
    if (published.version !== undefined) {
      if (doc.last?.version !== undefined && published.version < doc.last.version) {
        fail('5 (no stale diagnostics)', `version ${published.version} published after version ${doc.last.version}`, { uri, text: doc.text, response: published, history: doc.history });
      }
      const text = doc.texts.get(published.version);
      if (text === undefined) {
        fail('5 (no stale diagnostics)', `diagnostics for version ${published.version}, which the client never sent (current ${doc.version})`, { uri, response: published });
      } else {
        const problems = diagnosticProblems(new Snapshot(text), published.diagnostics, uri);
        if (problems.length) {
          // Shrunk on a second server (a fresh open of smaller texts) before it is reported.
          const [at, desc, history] = [op, description, [...doc.history]];
          inflight.push(
            shrink('diagnostics', doc, text, problems[0])
              .catch(() => undefined)
              .then((minimal) => failAt(at, desc, '2 (ranges)', problems.slice(0, 8).join('; '), { uri, text, response: published, history, minimal })),
          );
        }
        for (const v of doc.texts.keys()) if (v < published.version) doc.texts.delete(v);
      }
    }
    doc.last = published;
  }

  // --- sending ---------------------------------------------------------------------------------------------

  function openDoc(text: string, corpusName: string): Doc {
    const languageId = LANGUAGES[randomInt(random, LANGUAGES.length)];
    const n = documentCount++;
    const basename = basenameFor(random, languageId, n);
    const uri = `file:///fuzz/s${seed}/${n}/${basename}`;
    const version = 1 + randomInt(random, 3);
    const doc: Doc = {
      uri,
      basename,
      languageId,
      corpusName,
      text,
      version,
      library: TextDocument.create(uri, languageId, version, text),
      open: true,
      closesSent: 0,
      closesAcked: 0,
      texts: new Map([[version, text]]),
      last: null,
      history: [{ open: truncate(text, 400), languageId, version }],
      previousText: null,
    };
    docs.push(doc);
    unopened.delete(corpusName);
    client.open(uri, text, languageId, version);
    return doc;
  }

  function reopen(doc: Doc): void {
    doc.open = true;
    doc.version = random() < 0.5 ? 1 : doc.version + 1;
    doc.texts = new Map([[doc.version, doc.text]]);
    doc.last = null;
    doc.library = TextDocument.create(doc.uri, doc.languageId, doc.version, doc.text);
    doc.history = [{ reopen: truncate(doc.text, 400), version: doc.version }];
    doc.previousText = null;
    client.open(doc.uri, doc.text, doc.languageId, doc.version);
  }

  function close(doc: Doc): void {
    doc.open = false;
    doc.closesSent++;
    doc.last = null;
    client.notify('textDocument/didClose', { textDocument: { uri: doc.uri } });
  }

  /** Sends one didChange with these changes (applied in order) and updates the client's copy. */
  function change(doc: Doc, changes: { range?: Range; text: string }[]): void {
    let library = doc.library;
    let text = doc.text;
    doc.version++;
    for (const c of changes) {
      const previous = text;
      text = splice(text, c);
      library = TextDocument.update(library, [c as Json], doc.version);
      if (library.getText() !== text) {
        result.libraryDivergences++;
        result.libraryDivergenceExample ??= { before: previous, change: c, library: library.getText(), splice: text };
        library = TextDocument.create(doc.uri, doc.languageId, doc.version, text);
      }
    }
    doc.previousText = doc.text;
    doc.text = text;
    doc.library = library;
    doc.texts.set(doc.version, text);
    doc.history.push({ version: doc.version, changes });
    if (doc.history.length > 60) doc.history.splice(1, doc.history.length - 60);
    result.changes++;
    client.notify('textDocument/didChange', { textDocument: { uri: doc.uri, version: doc.version }, contentChanges: changes });
  }

  /**
   * Edits that keep the document a report but break it where checks look: a figure mistyped, an astral
   * character at the start of a label or heading, whole lines deleted, duplicated or inserted, the text cut with
   * whitespace after it, trailing whitespace after a heading. Null: a plain random edit instead.
   */
  function structuredChange(snapshot: Snapshot): { range: Range; text: string } | null {
    const text = snapshot.text;
    const r = random();
    const at = (a: number, b: number, newText: string) => ({ range: { start: positionAt(snapshot.starts, a), end: positionAt(snapshot.starts, b) }, text: newText });
    const line = randomInt(random, snapshot.starts.length);
    const lineStart = snapshot.starts[line];
    const lineEnd = contentEnd(text, snapshot.starts, line);
    const nextLine = line + 1 < snapshot.starts.length ? snapshot.starts[line + 1] : text.length;
    if (r < 0.22) {
      // A mistyped figure: another number, a blank, a dash, a full-width or a decimal figure.
      const numbers = [...text.matchAll(/\d+/g)];
      if (numbers.length === 0) return null;
      const m = numbers[randomInt(random, numbers.length)];
      const n = Number(m[0]);
      const choices = [String(n + 1 + randomInt(random, 9)), String(Math.max(0, n - 1 - randomInt(random, 3))), String(randomInt(random, 1000)), '0', '', '-', '—', '１２', `${n}.5`, `${n} ${n}`];
      return at(m.index!, m.index! + m[0].length, choices[randomInt(random, choices.length)]);
    }
    if (r < 0.32) {
      // An astral character at the start of a line's text (a label, a heading) or in place of one of its characters.
      const lead = /^[ \t\u3000#|]*/.exec(text.slice(lineStart, lineEnd))![0].length;
      const astral = ASTRAL[randomInt(random, ASTRAL.length)];
      const a = lineStart + lead;
      if (a >= lineEnd) return at(a, a, astral);
      // Often with a typo in the rest of the line too (then the label differs from the format's).
      const chars = [...text.slice(a, lineEnd)];
      if (random() < 0.5) chars.shift();
      if (random() < 0.6 && chars.length > 0) chars[randomInt(random, chars.length)] = CJK[randomInt(random, CJK.length)];
      return at(a, lineEnd, astral + chars.join(''));
    }
    if (r < 0.42) {
      const k = randomInt(random, 3);
      if (k === 0) {
        // Whole lines deleted.
        const last = Math.min(snapshot.starts.length - 1, line + randomInt(random, 4));
        const end = last + 1 < snapshot.starts.length ? snapshot.starts[last + 1] : text.length;
        return at(lineStart, end, '');
      }
      if (k === 1) {
        // A line duplicated (with its line break, or one added when it is the last).
        const copy = text.slice(lineStart, nextLine);
        return at(lineStart, lineStart, /[\r\n]$/.test(copy) ? copy : `${copy}\n`);
      }
      // A table line or a heading inserted as a line of its own.
      return at(lineStart, lineStart, `${random() < 0.5 ? pool.piece(random).replace(/[\r\n]+$/, '') : HEADINGS[randomInt(random, HEADINGS.length)]}${BREAKS[randomInt(random, 3)]}`);
    }
    if (r < 0.46) {
      // The rest of the text cut, whitespace after the cut (a heading with an empty body).
      const a = random() < 0.5 ? lineEnd : snapshot.randomOffset(random);
      return at(a, text.length, [' ', '\t', '\n', '', '\u3000', ' \u3000\n'][randomInt(random, 6)]);
    }
    if (r < 0.52) {
      // Trailing whitespace after a line (headings especially).
      return at(lineEnd, lineEnd, [' ', '\t', '\u3000', '  ', ' \u3000'][randomInt(random, 5)]);
    }
    return null;
  }

  function randomChange(current: string): { range: Range; text: string } {
    const snapshot = new Snapshot(current);
    const aware = structuredChange(snapshot);
    if (aware) return aware;
    const r = random();
    const range = snapshot.randomRange(random, r < 0.45 ? 0 : r < 0.9 ? 12 : 400);
    const text = r < 0.45 || random() < 0.6 ? pool.text(random) : '';
    return { range, text };
  }

  /** A request whose answer is checked against the text it was sent for (answered in order, so pipelined). */
  function request(method: string, params: Json, check: (result: Json) => string[], extra: Partial<FuzzFailure>, tolerateError = false): Promise<Json> {
    result.requests++;
    const what = `${method} ${JSON.stringify(params).slice(0, 300)}`;
    const at = op;
    const desc = description;
    const done = withTimeout(client.request(method, params), what).then(
      (response) => {
        const problems = check(response);
        if (problems.length) failAt(at, desc, problems[0].startsWith('codeAction') || problems[0].includes('edit') ? '2/4 (ranges, edits)' : method === 'textDocument/documentSymbol' ? '2/3 (ranges, symbols)' : '2 (ranges)', problems.slice(0, 8).join('; '), { ...extra, response });
        return response;
      },
      (error: Error) => {
        if (!tolerateError || /no answer/.test(error.message)) failAt(at, desc, '1 (answers every request)', `${what}: ${error.message}`, extra);
        return undefined;
      },
    );
    inflight.push(done.then(() => undefined));
    return done;
  }

  function failAt(at: number, desc: string, invariant: string, message: string, extra: Partial<FuzzFailure>): void {
    const [savedOp, savedDesc] = [op, description];
    [op, description] = [at, desc];
    try {
      fail(invariant, message, extra);
    } finally {
      [op, description] = [savedOp, savedDesc];
    }
  }

  async function drain(): Promise<void> {
    const waiting = inflight;
    inflight = [];
    await Promise.all(waiting);
  }

  // --- document-wide requests (used by the fuzz loop, the settle comparison and the shrinker) ---------------

  function wideParams(kind: WideKind, uri: string, snapshot: Snapshot): [string, Json] {
    switch (kind) {
      case 'documentSymbol':
        return ['textDocument/documentSymbol', { textDocument: { uri } }];
      case 'foldingRange':
        return ['textDocument/foldingRange', { textDocument: { uri } }];
      case 'formatting':
        return ['textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } }];
      case 'inlayHint':
        return ['textDocument/inlayHint', { textDocument: { uri }, range: snapshot.fullRange() }];
      default:
        return ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } }];
    }
  }

  function wideProblems(kind: WideKind, snapshot: Snapshot, uri: string, response: Json): string[] {
    switch (kind) {
      case 'documentSymbol':
        return symbolProblems(snapshot, response, uri);
      case 'foldingRange':
        return foldingProblems(snapshot, response);
      case 'formatting':
        return response === null ? [] : snapshot.edits(response, 'formatting');
      case 'inlayHint':
        return inlayProblems(snapshot, response);
      case 'diagnostics':
        return diagnosticProblems(snapshot, response, uri);
      default:
        return codeActionProblems(snapshot, response, uri);
    }
  }

  /** One shrink at a time (they share the second server and its queue of publishes). */
  let shrinking: Promise<unknown> = Promise.resolve();
  function shrink(kind: WideKind, doc: { languageId: string; basename: string }, text: string, firstProblem: string): Promise<FuzzFailure['minimal']> {
    const next = shrinking.then(() => shrinkNow(kind, doc, text, firstProblem));
    shrinking = next.catch(() => undefined);
    return next;
  }

  /** Shrinks text while a document-wide request on a fresh document still breaks the same invariant. */
  async function shrinkNow(kind: WideKind, doc: { languageId: string; basename: string }, text: string, firstProblem: string): Promise<FuzzFailure['minimal']> {
    if (options.shrink === false) return undefined;
    shrinkClient ??= await (async () => {
      const c = new LspClient();
      clients.push(c);
      await withTimeout(c.initialize('zh-cn'), 'initialize (shrinker)');
      return c;
    })();
    const sc = shrinkClient;
    const shape = firstProblem.replace(/\[\d+\]|\d+/g, 'N').replace(/".*?"/g, 'S').slice(0, 40);
    let count = 0;
    const stillFails = async (candidate: string): Promise<string | null> => {
      const uri = `file:///fuzz/shrink/${seed}/${count++}/${doc.basename}`;
      const snapshot = new Snapshot(candidate);
      sc.open(uri, candidate, doc.languageId, 1);
      try {
        let response: Json;
        if (kind === 'diagnostics') response = (await sc.diagnosticsFor(uri, (d) => d.version === 1, timeoutMs)).diagnostics;
        else {
          const [method, params] = wideParams(kind, uri, snapshot);
          response = await withTimeout(sc.request(method, params), method);
        }
        const problems = wideProblems(kind, snapshot, uri, response);
        const same = problems.find((p) => p.replace(/\[\d+\]|\d+/g, 'N').replace(/".*?"/g, 'S').slice(0, 40) === shape);
        return same ?? null;
      } catch {
        return null;
      } finally {
        sc.notify('textDocument/didClose', { textDocument: { uri } });
        (sc as unknown as { diagnostics: unknown[] }).diagnostics.length = 0;
      }
    };
    if (!(await stillFails(text))) {
      return { text: '', languageId: doc.languageId, basename: doc.basename, description: `not reproduced by a fresh open of the same text: the failure depends on the document's edit history (see the recent changes)` };
    }
    let current = text;
    let problem = firstProblem;
    const deadline = Date.now() + 30_000;
    // Lines, then characters: remove chunks (halving) while the failure stays.
    for (const unit of ['line', 'char'] as const) {
      const split = () => (unit === 'line' ? current.split(/(?<=\r\n|\r(?!\n)|\n)/) : [...current]);
      let parts = split();
      for (let size = Math.max(1, parts.length >> 1); size >= 1 && Date.now() < deadline; size = size === 1 ? 0 : Math.max(1, size >> 1)) {
        for (let at = 0; at < parts.length && Date.now() < deadline; ) {
          const candidate = [...parts.slice(0, at), ...parts.slice(at + size)].join('');
          const found = await stillFails(candidate);
          if (found) {
            current = candidate;
            problem = found;
            parts = split();
          } else at += size;
        }
      }
    }
    return { text: current, languageId: doc.languageId, basename: doc.basename, description: `${kind} on a fresh document: ${problem}` };
  }

  async function wide(kind: WideKind, doc: Doc): Promise<Json> {
    const snapshot = new Snapshot(doc.text);
    const [method, params] = wideParams(kind, doc.uri, snapshot);
    result.requests++;
    const what = `${method} ${doc.uri}`;
    const at = op;
    const desc = description;
    const done = withTimeout(client.request(method, params), what).then(
      async (response) => {
        const problems = wideProblems(kind, snapshot, doc.uri, response);
        if (problems.length) {
          const minimal = await shrink(kind, doc, snapshot.text, problems[0]).catch(() => undefined);
          failAt(at, desc, kind === 'documentSymbol' ? '2/3 (ranges, symbols)' : kind === 'fixAll' || kind === 'formatting' ? '2/4 (ranges, edits)' : '2 (ranges)', problems.slice(0, 8).join('; '), {
            uri: doc.uri,
            text: snapshot.text,
            response,
            minimal,
          });
        }
        return response;
      },
      (error: Error) => {
        failAt(at, desc, '1 (answers every request)', `${what}: ${error.message}`, { uri: doc.uri, text: snapshot.text });
        return undefined;
      },
    );
    inflight.push(done.then(() => undefined));
    return done;
  }

  // --- fix-all through the command: the server sends workspace/applyEdit, the client applies it ------------

  let applyTarget: Doc | null = null;
  let applyProblems: string[] = [];
  let applyCount = 0;

  function onApplyEdit(params: Json): Json {
    const doc = applyTarget;
    applyCount++;
    if (!doc) {
      applyProblems.push(`workspace/applyEdit outside a command: ${JSON.stringify(params).slice(0, 300)}`);
      return { applied: false };
    }
    const snapshot = new Snapshot(doc.text);
    const { problems, edits } = workspaceEditProblems(snapshot, params?.edit, doc.uri, 'applyEdit');
    if (problems.length || !edits) {
      applyProblems.push(...problems);
      return { applied: false };
    }
    // As an editor does: the edit becomes a didChange before the answer.
    applyEditToDoc(doc, snapshot, edits);
    return { applied: true };
  }

  function applyEditToDoc(doc: Doc, snapshot: Snapshot, edits: { range: Range; newText: string }[]): void {
    if (edits.length === 0) return;
    // Descending order: each change's range is still right after the ones before it.
    const sorted = [...edits].sort((x, y) => snapshot.offset(y.range.start) - snapshot.offset(x.range.start) || snapshot.offset(y.range.end) - snapshot.offset(x.range.end));
    change(
      doc,
      sorted.map((e) => ({ range: e.range, text: e.newText })),
    );
    if (doc.text !== snapshot.apply(edits)) fail('internal', 'the client applied an edit two ways with different results', { uri: doc.uri, text: snapshot.text, response: edits });
  }

  async function fixAllByCommand(doc: Doc): Promise<void> {
    if (!fixAllCommand) return;
    await drain();
    const textBefore = doc.text;
    applyTarget = doc;
    applyProblems = [];
    const calls = applyCount;
    let answer: Json;
    try {
      result.requests++;
      answer = await withTimeout(client.request('workspace/executeCommand', { command: fixAllCommand, arguments: [doc.uri] }), `executeCommand ${fixAllCommand}`);
    } catch (error) {
      return fail('1 (answers every request)', `executeCommand ${fixAllCommand}: ${(error as Error).message}`, { uri: doc.uri, text: textBefore });
    } finally {
      applyTarget = null;
    }
    if (applyProblems.length) return fail('2/4 (ranges, edits)', applyProblems.slice(0, 8).join('; '), { uri: doc.uri, text: textBefore, response: answer });
    if (applyCount === calls) return; // nothing to fix (or not a report)
    result.fixAllApplied++;
    // Fixed point: asked again on the fixed text, the command and the source action change nothing.
    applyTarget = doc;
    const textAfter = doc.text;
    let again: Json;
    try {
      result.requests++;
      again = await withTimeout(client.request('workspace/executeCommand', { command: fixAllCommand, arguments: [doc.uri] }), `executeCommand ${fixAllCommand} (again)`);
    } catch (error) {
      return fail('1 (answers every request)', `executeCommand ${fixAllCommand} (again): ${(error as Error).message}`, { uri: doc.uri, text: textAfter });
    } finally {
      applyTarget = null;
    }
    if (applyCount !== calls + 1 || applyProblems.length) {
      fail('4 (fix-all fixed point)', `after applying the fix-all command's edit, the command edits again: ${JSON.stringify(again)}; ${applyProblems.join('; ')}`, {
        uri: doc.uri,
        text: textAfter,
        response: client.serverRequests.filter((r) => r.method === 'workspace/applyEdit').slice(-2),
        history: [{ before: truncate(textBefore, 3000) }],
      });
    }
  }

  async function fixAllByAction(doc: Doc): Promise<void> {
    const response = await wide('fixAll', doc);
    await drain();
    const action = Array.isArray(response) ? response.find((a: Json) => typeof a?.kind === 'string' && a.kind.startsWith('source.fixAll')) : undefined;
    if (!action?.edit) return;
    const snapshot = new Snapshot(doc.text);
    const { edits } = workspaceEditProblems(snapshot, action.edit, doc.uri, 'fixAll');
    if (!edits || edits.length === 0) return;
    applyEditToDoc(doc, snapshot, edits);
    result.fixAllApplied++;
    const again = await wide('fixAll', doc);
    await drain();
    const still = Array.isArray(again) ? again.filter((a: Json) => a?.edit && workspaceEditProblems(new Snapshot(doc.text), a.edit, doc.uri, 'x').edits?.length) : [];
    if (still.length > 0) {
      fail('4 (fix-all fixed point)', `after applying the fix-all source action, it offers another edit`, { uri: doc.uri, text: doc.text, response: { first: action, again: still }, history: [{ before: truncate(snapshot.text, 3000) }] });
    }
  }

  // --- settling: the last diagnostics carry the latest version and equal a fresh open's ---------------------

  let freshCount = 0;

  const normalize = (value: Json, from: string, to: string) => JSON.stringify(value ?? null).split(JSON.stringify(from).slice(1, -1)).join(JSON.stringify(to).slice(1, -1));

  async function settle(doc: Doc): Promise<void> {
    await drain();
    if (!doc.open) return;
    result.settles++;
    const version = doc.version;
    const ok = await wire.until(() => doc.last?.version === version || (doc.last !== null && doc.last.version === undefined), timeoutMs);
    checkAlive();
    if (!ok) {
      return fail('5 (no stale diagnostics)', `no diagnostics for version ${version} within ${timeoutMs} ms; last published: version ${doc.last?.version}`, { uri: doc.uri, text: doc.text, response: doc.last, history: doc.history });
    }
    // The same text opened fresh under another uri with the same file name.
    const freshUri = `file:///fuzz/fresh/${seed}/${freshCount++}/${doc.basename}`;
    const snapshot = new Snapshot(doc.text);
    const fresh = { snapshot, published: null as Published | null, closed: false };
    freshWaiting.set(freshUri, fresh);
    client.open(freshUri, doc.text, doc.languageId, 1);
    const hoverAt = snapshot.randomPosition(random);
    const kinds: WideKind[] = ['documentSymbol', 'foldingRange', 'formatting', 'inlayHint', 'fixAll'];
    const pairs: [string, Json, Json][] = [];
    const asks: Promise<void>[] = [];
    for (const kind of kinds) {
      const [method, params] = wideParams(kind, doc.uri, snapshot);
      const [, freshParams] = wideParams(kind, freshUri, snapshot);
      asks.push(Promise.all([withTimeout(client.request(method, params), method), withTimeout(client.request(method, freshParams), method)]).then(([a, b]) => void pairs.push([kind, a, b])));
    }
    asks.push(
      Promise.all([
        withTimeout(client.request('textDocument/hover', { textDocument: { uri: doc.uri }, position: hoverAt }), 'hover'),
        withTimeout(client.request('textDocument/hover', { textDocument: { uri: freshUri }, position: hoverAt }), 'hover'),
      ]).then(([a, b]) => void pairs.push([`hover at ${JSON.stringify(hoverAt)}`, a, b])),
    );
    result.requests += 2 * asks.length;
    try {
      await Promise.all(asks);
    } catch (error) {
      freshWaiting.delete(freshUri);
      return fail('1 (answers every request)', `settle: ${(error as Error).message}`, { uri: doc.uri, text: doc.text });
    }
    const got = await wire.until(() => fresh.published !== null, timeoutMs);
    fresh.closed = true;
    client.notify('textDocument/didClose', { textDocument: { uri: freshUri } });
    setTimeout(() => freshWaiting.delete(freshUri), 2000).unref();
    checkAlive();
    if (!got) return fail('1 (answers every request)', `no diagnostics for a freshly opened document within ${timeoutMs} ms`, { uri: freshUri, text: doc.text });
    const last = doc.last;
    if (last?.version !== undefined && last.version !== doc.version) {
      return fail('5 (no stale diagnostics)', `after the fresh document was checked, the last diagnostics of the edited one are for version ${last.version}, not ${doc.version}`, {
        uri: doc.uri,
        text: doc.text,
        response: last,
        history: doc.history,
      });
    }
    if ((last?.diagnostics.length ?? 0) > 0) result.settlesWithDiagnostics++;
    const edited = normalize(last?.diagnostics, doc.uri, 'URI');
    const reference = normalize(fresh.published!.diagnostics, freshUri, 'URI');
    if (edited !== reference) {
      const minimal = await singleStepRepro(doc);
      return fail('5/6 (diagnostics = a fresh open of the same text)', `diagnostics of the edited document differ from a fresh open of its text:\n  edited: ${truncate(edited, 1500)}\n  fresh:  ${truncate(reference, 1500)}`, {
        uri: doc.uri,
        text: doc.text,
        history: doc.history,
        minimal,
      });
    }
    for (const [kind, a, b] of pairs.sort((x, y) => x[0].localeCompare(y[0]))) {
      if (normalize(a, doc.uri, 'URI') !== normalize(b, freshUri, 'URI')) {
        const minimal = await singleStepRepro(doc);
        return fail('6 (server text = client text)', `${kind} of the edited document differs from a fresh open of its text:\n  edited: ${truncate(normalize(a, doc.uri, 'URI'), 1200)}\n  fresh:  ${truncate(normalize(b, freshUri, 'URI'), 1200)}`, {
          uri: doc.uri,
          text: doc.text,
          history: doc.history,
          minimal,
        });
      }
    }
  }

  /**
   * For a stateful failure: does the last didChange alone reproduce it? Opens the text before it on a second
   * server, waits for its diagnostics, sends the change, and compares the diagnostics with a fresh open.
   */
  function singleStepRepro(doc: Doc): Promise<FuzzFailure['minimal']> {
    const [text, previousText, history] = [doc.text, doc.previousText, [...doc.history]];
    const next = shrinking.then(() => singleStepNow({ ...doc, text, previousText, history }));
    shrinking = next.catch(() => undefined);
    return next;
  }

  async function singleStepNow(doc: Doc): Promise<FuzzFailure['minimal']> {
    const last = doc.history[doc.history.length - 1] as { version: number; changes: { range?: Range; text: string }[] } | undefined;
    if (options.shrink === false || !last?.changes || doc.previousText === null) return undefined;
    try {
      shrinkClient ??= await (async () => {
        const c = new LspClient();
        clients.push(c);
        await withTimeout(c.initialize('zh-cn'), 'initialize (repro)');
        return c;
      })();
      const sc = shrinkClient;
      const n = freshCount++;
      const a = `file:///fuzz/repro/${seed}/${n}/a/${doc.basename}`;
      const b = `file:///fuzz/repro/${seed}/${n}/b/${doc.basename}`;
      sc.open(a, doc.previousText, doc.languageId, 1);
      await sc.diagnosticsFor(a, (d) => d.version === 1, timeoutMs);
      sc.notify('textDocument/didChange', { textDocument: { uri: a, version: 2 }, contentChanges: last.changes });
      const edited = await sc.diagnosticsFor(a, (d) => d.version === 2, timeoutMs);
      sc.open(b, doc.text, doc.languageId, 1);
      const fresh = await sc.diagnosticsFor(b, (d) => d.version === 1, timeoutMs);
      sc.notify('textDocument/didClose', { textDocument: { uri: a } });
      sc.notify('textDocument/didClose', { textDocument: { uri: b } });
      if (normalize(edited.diagnostics, a, 'URI') === normalize(fresh.diagnostics, b, 'URI')) return undefined;
      return {
        text: doc.previousText,
        languageId: doc.languageId,
        basename: doc.basename,
        description: `open, wait for diagnostics, then didChange ${JSON.stringify(last.changes)}: diagnostics ${truncate(normalize(edited.diagnostics, a, 'URI'), 600)} ≠ fresh ${truncate(normalize(fresh.diagnostics, b, 'URI'), 600)}`,
      };
    } catch {
      return undefined;
    }
  }

  // --- the loop ----------------------------------------------------------------------------------------------

  const openDocs = () => docs.filter((d) => d.open);
  const pick = <T>(list: T[]): T => list[randomInt(random, list.length)];
  let nextCorpus = 0;

  try {
    await start();
    for (op = 0; op < operations; op++) {
      if (stopRequested || (options.deadline && Date.now() > options.deadline)) break;
      result.operations = op + 1;
      if (options.onProgress && op % (options.progressEvery ?? 10000) === 0) options.onProgress(op);
      checkAlive();
      if (exited) {
        await drain().catch(() => undefined);
        result.restarts++;
        await start();
      }
      // Keep LspClient's own queue of publishes from growing (the wire keeps what the checks need).
      (client as unknown as { diagnostics: unknown[] }).diagnostics.length = 0;
      client.serverRequests.length = 0;
      if (inflight.length >= 24) await drain();

      const open = openDocs();
      const r = random();
      if (open.length === 0 || (r < 0.04 && open.length < 4)) {
        const source = nextCorpus < openOrder.length ? openOrder[nextCorpus++] : pick(corpus);
        const text = pool.document(random, source);
        description = `open ${source.name}`;
        const doc = openDoc(text, source.name);
        description = `open ${source.name} as ${doc.uri} (${doc.languageId})`;
        continue;
      }
      const doc = pick(open);
      const snapshot = new Snapshot(doc.text);
      const extra = { uri: doc.uri, text: doc.text };
      if (r < 0.45) {
        // One to three changes in one didChange, each drawn against the text left by the ones before it.
        const sequential: { range: Range; text: string }[] = [];
        let scratch = doc.text;
        for (let n = random() < 0.85 ? 1 : 2 + randomInt(random, 2); n > 0; n--) {
          const c = randomChange(scratch);
          sequential.push(c);
          scratch = splice(scratch, c);
        }
        description = `didChange ${doc.uri} v${doc.version + 1} ${truncate(JSON.stringify(sequential), 300)}`;
        change(doc, sequential);
      } else if (r < 0.48) {
        const text = random() < 0.75 ? pool.document(random, pick(corpus)) : doc.text.replace(/\r\n|\r|\n/g, pick(['\n', '\r\n', '\r']));
        description = `didChange (full text) ${doc.uri} v${doc.version + 1}`;
        change(doc, [{ text }]);
      } else if (r < 0.475) {
        // Saved (the server checks a document above maxLiveSize in full on save; below it, nothing changes).
        description = `didSave ${doc.uri}`;
        client.notify('textDocument/didSave', { textDocument: { uri: doc.uri } });
      } else if (r < 0.485) {
        const settings = randomSettings(random);
        description = `didChangeConfiguration ${JSON.stringify(settings)}`;
        client.notify('workspace/didChangeConfiguration', { settings });
      } else if (r < 0.5) {
        description = `close and reopen ${doc.uri}`;
        close(doc);
        if (random() < 0.7) reopen(doc);
      } else if (r < 0.55) {
        const position = snapshot.randomPosition(random);
        description = `hover ${doc.uri} ${JSON.stringify(position)}`;
        void request('textDocument/hover', { textDocument: { uri: doc.uri }, position }, (res) => hoverProblems(snapshot, res), extra);
      } else if (r < 0.59) {
        const position = snapshot.randomPosition(random);
        description = `completion ${doc.uri} ${JSON.stringify(position)}`;
        void request('textDocument/completion', { textDocument: { uri: doc.uri }, position }, (res) => completionProblems(snapshot, res, position), extra);
      } else if (r < 0.63) {
        const range = random() < 0.5 ? snapshot.fullRange() : snapshot.randomRange(random, 2000);
        description = `inlayHint ${doc.uri} ${JSON.stringify(range)}`;
        void request('textDocument/inlayHint', { textDocument: { uri: doc.uri }, range }, (res) => inlayProblems(snapshot, res), extra);
      } else if (r < 0.73) {
        const range = snapshot.randomRange(random, random() < 0.5 ? 0 : 200);
        // The diagnostics the editor shows now (possibly of an older version, as in an editor).
        const diagnostics = doc.last?.diagnostics ?? [];
        const only = random() < 0.15 ? ['source.fixAll'] : random() < 0.2 ? ['quickfix'] : undefined;
        description = `codeAction ${doc.uri} ${JSON.stringify(range)} only=${JSON.stringify(only)}`;
        const asked = request('textDocument/codeAction', { textDocument: { uri: doc.uri }, range, context: { diagnostics, only } }, (res) => codeActionProblems(snapshot, res, doc.uri), extra);
        if (random() < 0.3) {
          // Apply one of the offered actions, as the user would.
          const actions = await asked;
          if (Array.isArray(actions) && actions.length > 0 && doc.open && doc.text === snapshot.text) {
            const action = pick(actions as Json[]);
            const { edits } = action?.edit ? workspaceEditProblems(snapshot, action.edit, doc.uri, 'action') : { edits: null };
            if (edits && edits.length) {
              description = `apply code action ${JSON.stringify(action.title)} to ${doc.uri}`;
              applyEditToDoc(doc, snapshot, edits);
            }
          }
        }
      } else if (r < 0.79) {
        description = `documentSymbol ${doc.uri}`;
        void wide('documentSymbol', doc);
      } else if (r < 0.83) {
        description = `foldingRange ${doc.uri}`;
        void wide('foldingRange', doc);
      } else if (r < 0.87) {
        description = `formatting ${doc.uri}`;
        const edits = wide('formatting', doc);
        if (random() < 0.3) {
          const response = await edits;
          if (Array.isArray(response) && response.length && doc.open && doc.text === snapshot.text && snapshot.edits(response, 'formatting').length === 0) {
            description = `apply formatting to ${doc.uri}`;
            applyEditToDoc(doc, snapshot, response);
          }
        }
      } else if (r < 0.91) {
        description = `fix-all source action ${doc.uri}`;
        await fixAllByAction(doc);
      } else if (r < 0.935) {
        description = `executeCommand fix-all ${doc.uri}`;
        await fixAllByCommand(doc);
      } else if (r < 0.95) {
        // Deliberately invalid: a document the server does not have, or positions past the end. It may be refused
        // but must be answered, and what it answers must still fit the document.
        const far = { line: snapshot.starts.length + randomInt(random, 5), character: randomInt(random, 50) };
        const beyond = { line: randomInt(random, snapshot.starts.length), character: 1000 + randomInt(random, 50) };
        const unknown = `file:///fuzz/nowhere/${randomInt(random, 1000)}.nianbao.txt`;
        const choice = randomInt(random, 3);
        if (choice === 0) {
          description = `hover on an unknown document ${unknown}`;
          void request('textDocument/hover', { textDocument: { uri: unknown }, position: far }, () => [], {}, true);
        } else {
          const position = choice === 1 ? far : beyond;
          description = `hover/completion/codeAction past the end ${doc.uri} ${JSON.stringify(position)}`;
          void request('textDocument/hover', { textDocument: { uri: doc.uri }, position }, (res) => hoverProblems(snapshot, res), extra, true);
          void request('textDocument/completion', { textDocument: { uri: doc.uri }, position }, (res) => completionProblems(snapshot, res, { line: Math.min(position.line, snapshot.starts.length - 1), character: 0 }).filter((p) => !p.includes('single-line')), extra, true);
          void request('textDocument/codeAction', { textDocument: { uri: doc.uri }, range: { start: position, end: position }, context: { diagnostics: [] } }, (res) => codeActionProblems(snapshot, res, doc.uri), extra, true);
        }
      } else {
        description = `settle ${doc.uri} (stop editing; compare with a fresh open)`;
        await settle(doc);
      }
    }
    // Editing stops: every open document must settle.
    for (const doc of stopRequested ? [] : openDocs()) {
      description = `final settle ${doc.uri}`;
      await settle(doc);
    }
    await drain();
    checkAlive();
  } finally {
    await Promise.allSettled(inflight);
    for (const c of clients) {
      if (c.process.exitCode === null && c.process.signalCode === null) {
        const closing = c.close().catch(() => null);
        const code = await Promise.race([closing, new Promise((r) => setTimeout(() => r('timeout'), 3000))]);
        if (code !== 0 && c.process.exitCode === null) c.process.kill();
        if (c === client && code !== 0 && !exited && result.failures < maxFailures) {
          result.failures++;
          options.onFailure?.({ seed, operation: op, description: 'shutdown + exit', invariant: '1 (never exits)', message: `the server did not shut down cleanly: ${String(code)}` });
        }
      }
    }
  }
  result.unopened = [...unopened];
  result.durationMs = Date.now() - started;
  return result;
}
