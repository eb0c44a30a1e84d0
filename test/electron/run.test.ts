// Runs the in-editor suite (test/electron/suite/index.ts) inside a real desktop VS Code through
// @vscode/test-electron. VS Code comes from VSCODE_EXECUTABLE_PATH or a download; where neither is
// possible (e.g. a machine without access to update.code.visualstudio.com) the test is skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { repoRoot, seed003 } from '../editors/helpers';

const VSCODE_VERSION = '1.96.4'; // the VS Code inside code-server 4.96.4, within engines.vscode
const DOWNLOAD_TIMEOUT_MS = 30_000;

/** A VS Code executable, or the reason there is none. */
async function findVSCode(): Promise<{ executable: string } | { reason: string }> {
  const configured = process.env.VSCODE_EXECUTABLE_PATH;
  if (configured) return { executable: configured };
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`no answer within ${DOWNLOAD_TIMEOUT_MS} ms`)), DOWNLOAD_TIMEOUT_MS).unref(),
  );
  try {
    const download = downloadAndUnzipVSCode({
      version: VSCODE_VERSION,
      cachePath: path.join(repoRoot, '.vscode-test'),
      timeout: DOWNLOAD_TIMEOUT_MS,
    });
    return { executable: await Promise.race([download, timeout]) };
  } catch (error) {
    return {
      reason: `VSCODE_EXECUTABLE_PATH is not set and VS Code ${VSCODE_VERSION} could not be downloaded (${(error as Error).message})`,
    };
  }
}

test('VS Code (electron): the diagnostic of seed 003 reaches vscode.languages', { timeout: 300_000 }, async (t) => {
  const vscode = await findVSCode();
  if ('reason' in vscode) {
    t.skip(vscode.reason);
    return;
  }
  // The suite runs inside VS Code's extension host, so it is bundled on its own (vscode stays external).
  const suite = path.join(repoRoot, 'out', 'electron-suite', 'index.js');
  execFileSync(
    path.join(repoRoot, 'node_modules', '.bin', 'esbuild'),
    ['test/electron/suite/index.ts', '--bundle', '--platform=node', '--format=cjs', '--external:vscode', `--outfile=${suite}`, '--log-level=warning'],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-electron-'));
  try {
    const workspace = path.join(dir, 'workspace');
    mkdirSync(workspace);
    copyFileSync(seed003, path.join(workspace, '003.txt'));
    const exitCode = await runTests({
      vscodeExecutablePath: vscode.executable,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suite,
      extensionTestsEnv: { NIANBAO_REPORT: path.join(workspace, '003.txt') },
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(dir, 'user-data')],
    });
    assert.equal(exitCode, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
