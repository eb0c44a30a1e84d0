// Small helpers: percentiles, timing with warm-up, Markdown tables, what else keeps the machine busy.

import { readFileSync } from 'node:fs';

/** The p-th percentile (0–100) by nearest rank of values (not sorted in place). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Median times (ms) of several functions measured in turns: a warm-up (warmups calls of each), then `rounds`
 * rounds in which each function is sampled for about roundMs (at least once). Taking turns spreads any burst of
 * other work on the machine over all of them instead of spoiling one.
 */
export function timeInterleaved(fns: (() => unknown)[], rounds = 5, roundMs = 60, warmups = 3): number[] {
  for (let i = 0; i < warmups; i++) for (const fn of fns) fn();
  const samples: number[][] = fns.map(() => []);
  for (let round = 0; round < rounds; round++) {
    fns.forEach((fn, i) => {
      const until = performance.now() + roundMs;
      do {
        const start = performance.now();
        fn();
        samples[i].push(performance.now() - start);
      } while (performance.now() < until);
    });
  }
  return samples.map(median);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/** A Markdown table; numbers-looking columns (align 'r') are right-aligned. */
export function mdTable(header: string[], rows: string[][], aligns: ('l' | 'r')[] = header.map((_, i) => (i === 0 ? 'l' : 'r'))): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(aligns.map((a) => (a === 'r' ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

export function ms(value: number, digits = 1): string {
  return Number.isFinite(value) ? `${value.toFixed(digits)} ms` : 'n/a';
}

export function kb(chars: number): string {
  return `${(chars / 1024).toFixed(1)} K`;
}

export function mb(kilobytes: number): string {
  return Number.isFinite(kilobytes) ? `${(kilobytes / 1024).toFixed(1)} MB` : 'n/a';
}

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** CPU jiffies of the whole machine (busy, all cores) and of this process with its reaped children. */
interface CpuSnapshot {
  machineBusy: number;
  machineTotal: number;
  steal: number;
  own: number;
}

function cpuSnapshot(): CpuSnapshot | null {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already counted in user)
    const [user, nice, system, idle, iowait, irq, softirq, steal = 0] = cpu;
    const self = readFileSync('/proc/self/stat', 'utf8');
    const fields = self.slice(self.lastIndexOf(')') + 2).split(' ').map(Number);
    const own = fields[11] + fields[12] + fields[13] + fields[14]; // utime stime cutime cstime
    return { machineBusy: user + nice + system + irq + softirq, machineTotal: user + nice + system + idle + iowait + irq + softirq + steal, steal, own };
  } catch {
    return null;
  }
}

/**
 * Measures what else ran on the machine: started now, the returned function tells the share of all cores that
 * processes other than this one and its children (servers, CLI runs) kept busy since, and the share stolen by
 * the hypervisor; null where /proc is not there.
 */
export function otherLoad(): () => { other: number; steal: number } | null {
  const start = cpuSnapshot();
  return () => {
    const end = cpuSnapshot();
    if (!start || !end || end.machineTotal <= start.machineTotal) return null;
    const total = end.machineTotal - start.machineTotal;
    const other = Math.max(0, end.machineBusy - start.machineBusy - (end.own - start.own));
    return { other: other / total, steal: (end.steal - start.steal) / total };
  };
}
