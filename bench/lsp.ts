// A minimal LSP client over stdio for the benchmarks: spawns the real bundled server (dist/server.js) and notes
// when each publishDiagnostics arrives. Only stdio, no sockets.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Published {
  uri: string;
  version?: number;
  /** performance.now() when the message was read from the server's stdout. */
  at: number;
  count: number;
  /** Codes of the diagnostics (to notice the size-limit notice). */
  codes: string[];
}

export class BenchClient {
  readonly process: ChildProcessWithoutNullStreams;
  private buffer: Buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: Json) => void; reject: (e: Error) => void }>();
  readonly published: Published[] = [];
  private waiters: (() => void)[] = [];
  stderr = '';

  constructor(serverJs: string) {
    this.process = spawn(process.execPath, [serverJs, '--stdio'], { stdio: 'pipe' });
    this.process.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.process.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  private onData(chunk: Buffer): void {
    const at = performance.now();
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())![1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.onMessage(message, at);
    }
  }

  private onMessage(message: Json, at: number): void {
    if (message.id !== undefined && message.method === undefined) {
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error.message));
      else waiter?.resolve(message.result);
      return;
    }
    if (message.id !== undefined) {
      // workspace/configuration, client/registerCapability …: answer with nothing (defaults).
      this.write({ jsonrpc: '2.0', id: message.id, result: message.method === 'workspace/configuration' ? (message.params?.items ?? []).map(() => null) : null });
      return;
    }
    if (message.method === 'textDocument/publishDiagnostics') {
      const params = message.params;
      this.published.push({
        uri: params.uri,
        version: typeof params.version === 'number' ? params.version : undefined,
        at,
        count: params.diagnostics.length,
        codes: params.diagnostics.map((d: Json) => String(d.code ?? '')),
      });
      for (const wake of this.waiters.splice(0)) wake();
    }
  }

  private write(message: Json): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.process.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
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

  async initialize(): Promise<void> {
    await this.request('initialize', { processId: process.pid, rootUri: null, locale: 'zh-cn', capabilities: {} });
    this.notify('initialized', {});
  }

  open(uri: string, text: string, version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version, text } });
  }

  /** Inserts text at (line, character): one keystroke, as an editor sends it. */
  insert(uri: string, version: number, line: number, character: number, text: string): void {
    const at = { line, character };
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text }] });
  }

  /** Resolves when accept(published) holds for some publication, or false after timeoutMs. */
  async waitFor(accept: (p: Published[]) => boolean, timeoutMs: number): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    while (!accept(this.published)) {
      const left = deadline - performance.now();
      if (left <= 0 || this.exited) return false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return true;
  }

  /** Resident memory of the server process in KB (VmRSS and its peak VmHWM), from /proc; null where there is none. */
  memory(): { rss: number; hwm: number } | null {
    try {
      const status = readFileSync(join('/proc', String(this.process.pid), 'status'), 'utf8');
      const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
      return { rss: field('VmRSS'), hwm: field('VmHWM') };
    } catch {
      return null;
    }
  }

  get exited(): boolean {
    return this.process.exitCode !== null || this.process.signalCode !== null;
  }

  /** shutdown + exit, killing the server (its own pid) if it does not go within 5 s. */
  async close(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    const timer = setTimeout(() => this.process.kill(), 5000);
    try {
      await Promise.race([this.request('shutdown', null), new Promise((resolve) => setTimeout(resolve, 5000))]);
      this.notify('exit', null);
    } catch {
      this.process.kill();
    }
    await exited;
    clearTimeout(timer);
  }
}
