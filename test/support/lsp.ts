// A minimal LSP client over stdio for protocol tests: spawns the real bundled server (dist/server.js).

import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { after, before } from 'node:test';
import { join } from 'node:path';
import { REPO_ROOT } from './seeds';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Code actions without the 在此行/在此文件停用规则 ones every finding has (for tests of the quick fixes themselves). */
export function withoutDisableActions(actions: Json[]): Json[] {
  return actions.filter((a: { title: string }) => !/^(在此(行|文件)停用规则 |Disable \S+ for this (line|file)$)/.test(a.title));
}

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Json[];
}

export class LspClient {
  readonly process: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: Json) => void; reject: (e: Error) => void }>();
  private readonly diagnostics: PublishedDiagnostics[] = [];
  private readonly waiters: (() => void)[] = [];
  /** Requests the server sent to us (workspace/applyEdit, workspace/configuration …) and our answers. */
  readonly serverRequests: { method: string; params: Json }[] = [];
  private readonly answers = new Map<string, (params: Json) => Json>();
  stderr = '';

  constructor() {
    this.process = spawn(process.execPath, [join(REPO_ROOT, 'dist', 'server.js'), '--stdio'], { stdio: 'pipe' });
    this.process.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.process.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  /** How to answer a request from the server, e.g. workspace/applyEdit. */
  answer(method: string, handler: (params: Json) => Json): void {
    this.answers.set(method, handler);
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())![1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.onMessage(message);
    }
  }

  private onMessage(message: Json): void {
    if (message.id !== undefined && message.method === undefined) {
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error.message));
      else waiter?.resolve(message.result);
      return;
    }
    if (message.id !== undefined) {
      this.serverRequests.push({ method: message.method, params: message.params });
      const handler = this.answers.get(message.method);
      this.write({ jsonrpc: '2.0', id: message.id, result: handler ? handler(message.params) : null });
      return;
    }
    if (message.method === 'textDocument/publishDiagnostics') {
      this.diagnostics.push(message.params);
      for (const wake of this.waiters.splice(0)) wake();
    }
  }

  private write(message: Json): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.process.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.process.stdin.write(body);
  }

  request<T = Json>(method: string, params: Json): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: Json): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  async initialize(locale = 'zh-cn', capabilities: Json = {}): Promise<Json> {
    const result = await this.request('initialize', { processId: process.pid, rootUri: null, locale, capabilities });
    this.notify('initialized', {});
    return result;
  }

  open(uri: string, text: string, languageId = 'plaintext', version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** The next diagnostics published for uri that satisfy accept (default: any), waiting up to timeoutMs. */
  async diagnosticsFor(uri: string, accept: (d: PublishedDiagnostics) => boolean = () => true, timeoutMs = 5000): Promise<PublishedDiagnostics> {
    const deadline = Date.now() + timeoutMs;
    let seen = 0;
    for (;;) {
      const found = this.diagnostics.slice(seen).find((d) => d.uri === uri && accept(d));
      seen = this.diagnostics.length;
      if (found) {
        this.diagnostics.splice(0, this.diagnostics.indexOf(found) + 1);
        return found;
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; published: ${JSON.stringify(this.diagnostics.filter((d) => d.uri === uri)).slice(0, 2000)}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** shutdown + exit; resolves with the exit code. */
  async close(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    if (this.process.exitCode === null) {
      await this.request('shutdown', null);
      this.notify('exit', null);
    }
    return exited;
  }
}

/**
 * Real servers for the tests of one file, one per name (initialized with the given locale): started
 * before the tests, and each must shut down with exit code 0 after them.
 */
export function serversFor<K extends string>(locales: Record<K, string>): Record<K, LspClient> {
  const servers = {} as Record<K, LspClient>;
  const names = Object.keys(locales) as K[];
  before(async () => {
    for (const name of names) {
      servers[name] = new LspClient();
      await servers[name].initialize(locales[name]);
    }
  });
  after(async () => {
    for (const name of names) assert.equal(await servers[name].close(), 0);
  });
  return servers;
}
