// The progress bar of a long run: on the terminal (standard error) only — never when it is piped or redirected —
// and only for more than one file. It is gone (its line cleared) before the output is written.

import { SingleBar } from 'cli-progress';
import type { Locale } from '../core/i18n';

export class Progress {
  private bar: SingleBar | null = null;

  constructor(
    private readonly enabled: boolean,
    private readonly locale: Locale,
  ) {}

  /** Whether a bar can be shown at all: standard error is a terminal (and the caller did not turn it off). */
  static available(): boolean {
    return process.stderr.isTTY === true && process.env.TERM !== 'dumb';
  }

  /** A bar for a phase: checking every file, then checking again those that have last year's report or a copy. */
  start(total: number, phase: 'check' | 'cross'): void {
    this.stop();
    if (!this.enabled || total < 2) return;
    const label = this.locale === 'zh' ? (phase === 'check' ? '检查' : '跨年度核对') : phase === 'check' ? 'checking' : 'cross-year';
    this.bar = new SingleBar({
      format: `${label} [{bar}] {value}/{total} {percentage}% {eta_formatted}`,
      stream: process.stderr,
      clearOnComplete: true,
      hideCursor: true,
      barsize: 30,
      etaBuffer: 50,
    });
    this.bar.start(total, 0);
  }

  tick(): void {
    this.bar?.increment();
  }

  stop(): void {
    this.bar?.stop();
    this.bar = null;
  }
}
