// Server memory: resident set (VmRSS from /proc/<pid>/status) of one real server (dist/server.js over stdio)
// right after initialize, then with N reports open, each once its diagnostics are published and the server has
// settled. The server exposes no way to force a garbage collection, so the figure includes garbage not yet
// collected; it is the median of several readings over the settle.

import { BenchClient } from './lsp';
import { generateReport } from './generate';
import { median, sleep } from './stats';

export interface MemoryRow {
  open: number;
  /** Total characters of the open documents. */
  chars: number;
  rssKb: number;
  hwmKb: number;
}

const SETTLE_MS = 2000;

async function settledRss(client: BenchClient): Promise<{ rss: number; hwm: number }> {
  await sleep(SETTLE_MS / 2);
  const readings: number[] = [];
  let hwm = NaN;
  for (let i = 0; i < 5; i++) {
    const m = client.memory();
    if (m) {
      readings.push(m.rss);
      hwm = m.hwm;
    }
    await sleep(SETTLE_MS / 10);
  }
  return { rss: median(readings), hwm };
}

export async function memoryBench(serverJs: string, counts: number[]): Promise<MemoryRow[]> {
  const client = new BenchClient(serverJs);
  const rows: MemoryRow[] = [];
  try {
    await Promise.race([client.initialize(), sleep(20_000).then(() => Promise.reject(new Error('initialize timed out')))]);
    const base = await settledRss(client);
    rows.push({ open: 0, chars: 0, rssKb: base.rss, hwmKb: base.hwm });
    let open = 0;
    let chars = 0;
    for (const count of counts) {
      const uris: string[] = [];
      for (; open < count; open++) {
        const report = generateReport(200_000 + open);
        const uri = `file:///bench/memory/report-${open}${report.ext}`;
        client.open(uri, report.text);
        chars += report.text.length;
        uris.push(uri);
      }
      const all = new Set(uris);
      const ok = await client.waitFor((p) => {
        const seen = new Set(p.filter((x) => all.has(x.uri)).map((x) => x.uri));
        return seen.size === all.size;
      }, 120_000);
      if (!ok) throw new Error(`diagnostics for ${count} open reports did not all arrive within 120 s`);
      const m = await settledRss(client);
      rows.push({ open: count, chars, rssKb: m.rss, hwmKb: m.hwm });
    }
    return rows;
  } finally {
    await client.close();
  }
}
