// Keystroke → diagnostics over the real server (dist/server.js over stdio): one didChange (one character
// inserted, incremental sync, as an editor sends it) every intervalMs; for each keystroke, the time from sending
// didChange(version v) until a publishDiagnostics for version ≥ v arrives. A keystroke whose diagnostics are
// folded into a later publication (the server debounces) waits until that publication: nothing is dropped.

import { BenchClient, type Published } from './lsp';
import { typedChar } from './generate';
import { percentile, sleep } from './stats';

const SIZE_NOTICE = 'disclosureReport.maxLiveSize';

export interface TypingResult {
  label: string;
  chars: number;
  /** didOpen → first diagnostics (ms). */
  openMs: number;
  keystrokes: number;
  warmup: number;
  publishes: number;
  p50: number;
  p95: number;
  max: number;
  /** Measured keystrokes that never got diagnostics within the final wait. */
  unanswered: number;
  notes: string[];
}

/** Where a typist would type: the end of a prose line (the first at or after `from`), in UTF-16 units. */
function typingPosition(text: string, from: number): { line: number; character: number } {
  const lines = text.split('\n');
  let offset = 0;
  let fallback: { line: number; character: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    const prose = line.length >= 30 && /[。；]/.test(line) && !line.includes('|') && !line.includes('\t');
    if (prose && offset >= from) return { line: i, character: line.length };
    if (prose && !fallback) fallback = { line: i, character: line.length };
    offset += lines[i].length + 1;
  }
  return fallback ?? { line: 0, character: 0 };
}

export interface TypingOptions {
  intervalMs: number;
  measuredMs: number;
  warmupMs: number;
  /** Type in the middle of the document (a long one) rather than in its first prose line. */
  middle: boolean;
}

export async function typingBench(serverJs: string, label: string, text: string, options: TypingOptions): Promise<TypingResult> {
  const notes: string[] = [];
  const client = new BenchClient(serverJs);
  try {
    await Promise.race([client.initialize(), sleep(20_000).then(() => Promise.reject(new Error('initialize timed out')))]);
    const uri = `file:///bench/typing-${label.replace(/\W+/g, '_')}.txt`;
    const opened = performance.now();
    client.open(uri, text, 1);
    const forUri = (p: Published[]) => p.filter((x) => x.uri === uri);
    if (!(await client.waitFor((p) => forUri(p).length > 0, 60_000))) throw new Error(`no diagnostics within 60 s of opening ${label}`);
    const first = forUri(client.published)[0];
    const openMs = first.at - opened;
    if (first.codes.includes(SIZE_NOTICE)) notes.push(`above the server's live size limit (${SIZE_NOTICE}): it is checked on open and save only`);

    const position = typingPosition(text, options.middle ? text.length >> 1 : 0);
    const total = Math.round((options.warmupMs + options.measuredMs) / options.intervalMs);
    const warmup = Math.round(options.warmupMs / options.intervalMs);
    const sent: number[] = [];
    const start = performance.now() + 20;
    for (let i = 0; i < total; i++) {
      await sleep(start + i * options.intervalMs - performance.now());
      sent.push(performance.now());
      client.insert(uri, 2 + i, position.line, position.character + i, typedChar(i));
    }
    const lastVersion = 1 + total;
    // Bounded: the last keystroke's diagnostics, or 30 s.
    const settled = await client.waitFor((p) => forUri(p).some((x) => x.at >= sent[total - 1] && (x.version === undefined || x.version >= lastVersion)), 30_000);
    if (!settled) notes.push('the last keystroke got no diagnostics within 30 s');
    if (client.exited) notes.push('the server exited during the run');

    const published = forUri(client.published).filter((x) => x.at >= sent[0]);
    if (published.some((x) => x.version === undefined)) notes.push('some diagnostics were published without a version: matched by order (the first publication after the keystroke)');
    const latencies: number[] = [];
    let unanswered = 0;
    let from = 0;
    for (let i = warmup; i < total; i++) {
      const version = 2 + i;
      // Publications arrive in order and versions only grow: the search starts where the previous one ended.
      while (from < published.length && (published[from].at < sent[i] || (published[from].version !== undefined && published[from].version! < version))) from++;
      if (from >= published.length) unanswered++;
      else latencies.push(published[from].at - sent[i]);
    }
    const measuredSince = sent[warmup];
    const lateTimers = sent.slice(1).filter((t, i) => t - sent[i] > options.intervalMs * 1.5).length;
    if (lateTimers > 0) notes.push(`${lateTimers} keystroke(s) left more than ${options.intervalMs * 1.5} ms after the previous one (the benchmark's own event loop was busy)`);
    return {
      label,
      chars: text.length,
      openMs,
      keystrokes: total - warmup,
      warmup,
      publishes: published.filter((x) => x.at >= measuredSince).length,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      max: latencies.length ? Math.max(...latencies) : NaN,
      unanswered,
      notes,
    };
  } finally {
    await client.close();
  }
}
