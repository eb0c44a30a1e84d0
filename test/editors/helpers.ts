// Shared by the real-editor tests: paths, the skip-or-fail rule for missing editors, and the
// diagnostics every editor must show for seed 003.
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** out/test/editors/*.js → the repository root. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const seedsDir = path.resolve(repoRoot, '..', 'shared', 'seeds');
export const seed003 = path.join(seedsDir, '003_bd5764f2f2266ecc.txt');
export const serverJs = path.join(repoRoot, 'dist', 'server.js');
export const testOutput = path.join(repoRoot, 'test-output');

/**
 * node:test options for a test that needs an installed editor. `missing` says what is absent (or undefined).
 * Locally the test is skipped; on CI (process.env.CI set) it runs and fails with the same message.
 */
export function editorTestOptions(missing: string | undefined): { skip: string | false; timeout: number } {
  const reason = missing && `${missing} — run: bash scripts/setup-test-env.sh`;
  return { skip: reason && !process.env.CI ? reason : false, timeout: 180_000 };
}

export function missingFile(file: string, what: string): string | undefined {
  return existsSync(file) ? undefined : `${what} not found at ${file}`;
}

/** Polls `read` until `done(value)` holds; on timeout throws with the last value seen. */
export async function waitFor<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
  show: (value: T) => string = (value) => JSON.stringify(value),
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen:\n${show(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface ExpectedDiagnostic {
  code: string;
  severity: 1 | 2 | 3 | 4;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/**
 * What `node dist/cli.js --format json [--locale en] <seed 003>` reports (the server shares the core with
 * the CLI): one warning on the “5” of “本年度被依法提起行政复议、行政诉讼案件 5 件” (line 9, column 101).
 * The server answers in the client's locale: VS Code sends `en` here, Neovim 0.7 sends none (→ zh).
 */
export function seed003Diagnostics(locale: 'zh' | 'en'): ExpectedDiagnostic[] {
  const message = {
    zh: '“本年度被依法提起行政复议、行政诉讼案件 5 件”把行政复议和行政诉讼并在一起，含义不明：表四中行政复议 5 件，行政诉讼 6 件（直接起诉 5 件、复议后起诉 1 件），合计 11 件；5 件只与行政复议相符，请分别写明复议和诉讼的件数',
    en: '“本年度被依法提起行政复议、行政诉讼案件 5 件” lumps reconsideration and litigation together: table 4 has 5 reconsideration and 6 litigation cases (5 direct, 1 after reconsideration), 11 in all; 5 matches only reconsideration, so state each kind separately',
  }[locale];
  return [
    {
      code: 'narrative.ambiguous-count',
      severity: 2,
      message,
      range: { start: { line: 8, character: 100 }, end: { line: 8, character: 101 } },
    },
  ];
}
