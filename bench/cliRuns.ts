// CLI throughput: `node dist/cli.js [--format json] <folder>` over folders of generated reports, output to
// /dev/null; wall time per run (process start to exit) and the peak resident set of the CLI process, measured by
// GNU time (`/usr/bin/time -f %M`) when `which time` finds one that works, else by a preload that reports
// process.resourceUsage().maxRSS on exit.

import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { generateReport } from './generate';
import { median } from './stats';

export interface CliRun {
  ms: number;
  maxRssKb: number;
  /** User + system CPU seconds of the CLI process. */
  cpuS: number;
  exitCode: number | null;
  stderr: string;
}

export interface RssProbe {
  /** How the peak RSS is measured, for the report. */
  method: string;
  wrap(cmd: string[], outFile: string): { command: string; args: string[]; env?: NodeJS.ProcessEnv };
}

/** GNU time when available, else a --require preload written to tmp. */
export function rssProbe(tmp: string): RssProbe {
  try {
    const time = execFileSync('which', ['time'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n')[0];
    if (time) {
      const probe = join(tmp, 'time-probe');
      execFileSync(time, ['-f', '%M %U %S', '-o', probe, process.execPath, '-e', '0'], { stdio: 'ignore' });
      if (/^\d+ [\d.]+ [\d.]+\s*$/m.test(readFileSync(probe, 'utf8'))) {
        return { method: `\`${time} -f '%M %U %S'\` (max RSS and user + system CPU time of the CLI process)`, wrap: (cmd, out) => ({ command: time, args: ['-f', '%M %U %S', '-o', out, ...cmd] }) };
      }
    }
  } catch {
    // no usable GNU time: the preload below
  }
  const hook = join(tmp, 'maxrss-hook.js');
  writeFileSync(hook, "process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeFileSync(process.env.NIANBAO_BENCH_RSS_FILE, `${u.maxRSS} ${u.userCPUTime / 1e6} ${u.systemCPUTime / 1e6}`); });\n");
  return {
    method: 'process.resourceUsage() (maxRSS, user + system CPU time) reported on exit by a --require preload',
    wrap: (cmd, out) => ({ command: cmd[0], args: ['--require', hook, ...cmd.slice(1)], env: { ...process.env, NIANBAO_BENCH_RSS_FILE: out } }),
  };
}

/** Writes count generated reports into dir (made fresh); returns their total size in bytes. */
export function writeReports(dir: string, count: number, firstIndex: number): number {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const report = generateReport(firstIndex + i);
    const data = Buffer.from(report.text, 'utf8');
    writeFileSync(join(dir, `report-${String(i).padStart(5, '0')}${report.ext}`), data);
    bytes += data.length;
  }
  return bytes;
}

export function runCli(cliJs: string, args: string[], probe: RssProbe, tmp: string, timeoutMs = 120_000): Promise<CliRun> {
  const out = join(tmp, `rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const { command, args: wrapped, env } = probe.wrap([process.execPath, cliJs, ...args], out);
  const devNull = openSync('/dev/null', 'w');
  return new Promise<CliRun>((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, wrapped, { stdio: ['ignore', devNull, 'pipe'], env: env ?? process.env });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill(), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      closeSync(devNull);
      reject(error);
    });
    child.on('close', (code) => {
      const ms = performance.now() - started;
      clearTimeout(timer);
      closeSync(devNull);
      let maxRssKb = NaN;
      let cpuS = NaN;
      try {
        // GNU time may write "Command exited with non-zero status N" first: the figures are on the last line.
        const last = readFileSync(out, 'utf8').trim().split('\n').pop() ?? '';
        const match = /^(\d+) ([\d.]+) ([\d.]+)$/.exec(last.trim());
        if (match) {
          maxRssKb = Number(match[1]);
          cpuS = Number(match[2]) + Number(match[3]);
        }
        rmSync(out, { force: true });
      } catch {
        // no reading: n/a
      }
      resolve({ ms, maxRssKb, cpuS, exitCode: code, stderr });
    });
  });
}

export interface CliRow {
  reports: number;
  format: string;
  /** Worker threads (--jobs); the CLI's default is one per core. */
  jobs: number;
  runs: number;
  ms: number;
  perSecond: number;
  /** Median user + system CPU seconds. */
  cpuS: number;
  maxRssKb: number;
  notes: string[];
}

/** `runs` runs (after one discarded warm-up run when warmup is set); the median time and the largest peak RSS. */
export async function cliBench(cliJs: string, dir: string, reports: number, format: 'text' | 'json', runs: number, warmup: boolean, probe: RssProbe, tmp: string, jobs = availableParallelism()): Promise<CliRow> {
  const args = [...(format === 'json' ? ['--format', 'json'] : []), '--jobs', String(jobs), '--exit-zero', dir];
  // Bounded: a run that takes longer than 15 ms per report (at least a minute) is killed and reported.
  const timeoutMs = Math.max(60_000, reports * 15);
  if (warmup) await runCli(cliJs, args, probe, tmp, timeoutMs);
  const results: CliRun[] = [];
  for (let i = 0; i < runs; i++) results.push(await runCli(cliJs, args, probe, tmp, timeoutMs));
  const notes: string[] = [];
  const failed = results.filter((r) => r.exitCode !== 0);
  if (failed.length) notes.push(`**exit code ${failed.map((r) => r.exitCode ?? 'none (killed)').join(', ')}**: ${failed[0].stderr.slice(0, 200).replace(/\s+/g, ' ')}`);
  const ms = median(results.map((r) => r.ms));
  return { reports, format, jobs, runs, ms, perSecond: reports / (ms / 1000), cpuS: median(results.map((r) => r.cpuS)), maxRssKb: Math.max(...results.map((r) => r.maxRssKb)), notes };
}
