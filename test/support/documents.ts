// Positions in fixture text for protocol tests, and opening a fixture as a new document.

import assert from 'node:assert/strict';
import type { LspClient } from './lsp';

export interface Position {
  line: number;
  character: number;
}

/** Position of the n-th occurrence of `find` in text, plus `offset` characters into it (UTF-16, as LSP counts). */
export function positionOf(text: string, find: string, n = 0, offset = 0): Position {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(find, at + 1);
  assert.ok(at >= 0, `${JSON.stringify(find)} (occurrence ${n}) not in fixture`);
  const before = text.slice(0, at + offset);
  return { line: before.split('\n').length - 1, character: before.length - (before.lastIndexOf('\n') + 1) };
}

/** Range of the n-th occurrence of `find` (it may span lines). */
export function rangeOf(text: string, find: string, n = 0): { start: Position; end: Position } {
  return { start: positionOf(text, find, n), end: positionOf(text, find, n, find.length) };
}

let opened = 0;

/** Opens text as a new plain-text .txt document and returns its uri. */
export function openFixture(client: LspClient, text: string, name = 'fixture'): string {
  const uri = `file:///fixtures/${name}-${opened++}.txt`;
  client.open(uri, text);
  return uri;
}
