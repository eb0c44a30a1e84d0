// The progress bar of a long run: on the terminal (standard error) only — never when it is piped or redirected —
// and only for more than one file. Output written to the same terminal while it runs clears the bar's line first;
// the bar comes back on the next file done.

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

  start(total: number, phase: 'read' | 'check'): void {
    this.stop();
    if (!this.enabled || total < 2) return;
    const label = this.locale === 'zh' ? (phase === 'read' ? '读取' : '检查') : phase === 'read' ? 'reading ' : 'checking';
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

  /** Before anything is written to a terminal that shows the bar: the bar's line is cleared. */
  clearLine(): void {
    if (this.bar && process.stdout.isTTY) process.stderr.write('\r\x1b[2K');
  }

  stop(): void {
    this.bar?.stop();
    this.bar = null;
  }
}
