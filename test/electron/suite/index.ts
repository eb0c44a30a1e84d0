// Loaded by VS Code's extension host (see test/electron/run.test.ts): opens seed 003 and waits until
// the extension's diagnostic shows up in vscode.languages.getDiagnostics.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { seed003Diagnostics } from '../../editors/helpers';

const WAIT_MS = 30_000;

export async function run(): Promise<void> {
  const uri = vscode.Uri.file(process.env.NIANBAO_REPORT ?? '');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));

  const deadline = Date.now() + WAIT_MS;
  let diagnostics = vscode.languages.getDiagnostics(uri);
  while (diagnostics.length === 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    diagnostics = vscode.languages.getDiagnostics(uri);
  }
  const seen = diagnostics.map((d) => ({
    code: typeof d.code === 'object' ? String(d.code.value) : d.code,
    severity: d.severity + 1, // vscode.DiagnosticSeverity counts from 0 (Error), LSP from 1
    message: d.message,
    range: {
      start: { line: d.range.start.line, character: d.range.start.character },
      end: { line: d.range.end.line, character: d.range.end.character },
    },
  }));
  // VS Code sends its display language to the server; a default install is English.
  const locale = vscode.env.language.startsWith('zh') ? 'zh' : 'en';
  assert.deepEqual(seen, seed003Diagnostics(locale));
}
