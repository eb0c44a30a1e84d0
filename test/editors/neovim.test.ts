// Neovim 0.7 (Debian) as a second, independent LSP client: its built-in client starts
// `node dist/server.js --stdio`, opens seed 003 as a .txt file and must get the same diagnostics as
// the CLI, plus a hover that cites the Regulation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { editorTestOptions, repoRoot, seed003, seed003Diagnostics, serverJs } from './helpers';

const luaScript = path.join(repoRoot, 'test', 'editors', 'nvim', 'hover-and-diagnostics.lua');
const WAIT_MS = 20_000;

function nvimMissing(): string | undefined {
  const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? undefined : 'Neovim (nvim) is not installed';
}

interface NvimResult {
  diagnostics?: { code?: string; severity?: number; message: string; range: unknown }[];
  hover?: unknown;
  hover_error?: unknown;
  error?: string;
  server_messages: string[];
  /** nvim's exit status, output and raw result, for failure messages. */
  seen: string;
}

/** Runs the Lua script; resolves with its JSON output, or rejects with everything nvim produced. */
function runNvim(dir: string, file: string): Promise<NvimResult> {
  const out = path.join(dir, 'result.json');
  return new Promise((resolve, reject) => {
    const nvim = spawn('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${luaScript}`], {
      cwd: dir,
      env: {
        ...process.env,
        XDG_STATE_HOME: dir, // Neovim's lsp.log goes to a temp dir, not the home directory
        XDG_CACHE_HOME: dir,
        NIANBAO_SERVER: serverJs,
        NIANBAO_FILE: file,
        NIANBAO_HOVER_TEXT: '三安全一稳定',
        NIANBAO_OUT: out,
        NIANBAO_TIMEOUT_MS: String(WAIT_MS),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    nvim.stdout.on('data', (chunk) => (output += chunk));
    nvim.stderr.on('data', (chunk) => (output += chunk));
    // The Lua script bounds each wait itself; this only catches a hung nvim.
    const killer = setTimeout(() => nvim.kill('SIGKILL'), 3 * WAIT_MS);
    nvim.on('close', (code, signal) => {
      clearTimeout(killer);
      const json = existsSync(out) ? readFileSync(out, 'utf8') : '';
      const seen = `nvim exit ${code ?? signal}; output:\n${output}\nresult file:\n${json || '(none)'}`;
      // A failed step is recorded in the JSON (`error`) so that what did work can still be asserted.
      if (!json) reject(new Error(`Neovim wrote no result. ${seen}`));
      else resolve({ ...(JSON.parse(json) as NvimResult), seen });
    });
  });
}

test('Neovim: diagnostics and hover for seed 003', editorTestOptions(nvimMissing()), async (t) => {
  const missing = nvimMissing();
  assert.ok(!missing, `${missing} — run: bash scripts/setup-test-env.sh`);
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-nvim-'));
  try {
    const file = path.join(dir, '003.txt');
    copyFileSync(seed003, file);
    const started = Date.now();
    const result = await runNvim(dir, file);
    t.diagnostic(`neovim wall clock: ${Date.now() - started} ms`);

    const diagnostics = (result.diagnostics ?? []).map(({ code, severity, message, range }) => ({ code, severity, message, range }));
    assert.deepEqual(diagnostics, seed003Diagnostics('zh'), result.seen);
    assert.equal(result.error, undefined, result.seen);
    assert.match(JSON.stringify(result.hover), /第十四条/, result.seen);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
