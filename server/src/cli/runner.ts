// Runs the per-file work of a command over many files: in this thread (--jobs 1, or a single file) or on worker
// threads (one per core by default). Results are handed on in the order of the files whatever order the threads
// finish in, so the output is the same with one worker and with all.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { FileChecker, indexOne, type CheckTask, type FileReport, type IndexResult } from './analyse';

/** Messages to a worker thread. */
export type WorkerRequest =
  | { kind: 'index'; id: number; file: string }
  | { kind: 'addIndex'; results: IndexResult[] }
  | { kind: 'check'; id: number; task: CheckTask };

/** Messages from a worker thread. */
export type WorkerResponse = { kind: 'index'; id: number; result: IndexResult } | { kind: 'check'; id: number; report: FileReport } | { kind: 'failed'; id: number; error: string };

export interface Runner {
  /** Reads every file for the index (facts, and the drafts of converted files). */
  index(files: string[], onDone: () => void): Promise<IndexResult[]>;
  /** Checks every task, handing each report to emit in the tasks' order (emit is awaited: output back-pressure). */
  check(tasks: CheckTask[], index: IndexResult[], emit: (report: FileReport) => Promise<void>, onDone: () => void): Promise<void>;
  close(): Promise<void>;
}

export function defaultJobs(): number {
  return availableParallelism();
}

/** The runner for a run: worker threads when there are several files and jobs, else this thread. */
export function createRunner(jobs: number, files: number, script: string): Runner {
  const threads = Math.min(jobs, files);
  return threads > 1 ? new ThreadRunner(threads, script) : new InlineRunner();
}

class InlineRunner implements Runner {
  private readonly checker = new FileChecker();

  async index(files: string[], onDone: () => void): Promise<IndexResult[]> {
    const results: IndexResult[] = [];
    for (const file of files) {
      results.push(await indexOne(file));
      onDone();
    }
    return results;
  }

  async check(tasks: CheckTask[], index: IndexResult[], emit: (report: FileReport) => Promise<void>, onDone: () => void): Promise<void> {
    this.checker.addIndex(index);
    for (const task of tasks) {
      const report = await this.checker.check(task);
      onDone();
      await emit(report);
    }
  }

  async close(): Promise<void> {}
}

class ThreadRunner implements Runner {
  private readonly workers: Worker[];

  constructor(size: number, script: string) {
    this.workers = Array.from({ length: size }, () => new Worker(script, { workerData: { nianbaoWorker: true } }));
  }

  index(files: string[], onDone: () => void): Promise<IndexResult[]> {
    const results: IndexResult[] = new Array(files.length);
    return this.dispatch(
      files.map((file, id): WorkerRequest => ({ kind: 'index', id, file })),
      async (response) => {
        if (response.kind !== 'index') return;
        results[response.id] = response.result;
        onDone();
      },
    ).then(() => results);
  }

  async check(tasks: CheckTask[], index: IndexResult[], emit: (report: FileReport) => Promise<void>, onDone: () => void): Promise<void> {
    // Every thread sees the whole run's index; the drafts stay here (each task carries its own).
    const facts = index.map(({ file, facts: f }) => ({ file, facts: f }));
    for (const worker of this.workers) worker.postMessage({ kind: 'addIndex', results: facts } satisfies WorkerRequest);
    const done = new Map<number, FileReport>();
    let next = 0;
    // Reports wait here until every one before them is out; emitting is chained so that order and back-pressure hold.
    let emitting = Promise.resolve();
    await this.dispatch(
      tasks.map((task, id): WorkerRequest => ({ kind: 'check', id, task })),
      (response) => {
        if (response.kind !== 'check') return emitting;
        done.set(response.id, response.report);
        onDone();
        emitting = emitting.then(async () => {
          while (done.has(next)) {
            const report = done.get(next)!;
            done.delete(next);
            next++;
            await emit(report);
          }
        });
        return emitting;
      },
    );
    await emitting;
  }

  /**
   * Hands the requests to the threads, one at a time each, the next as soon as a thread answers. A thread that
   * fails (an exception outside the per-file guard, or exits) fails the run.
   */
  private dispatch(requests: WorkerRequest[], onResponse: (response: WorkerResponse) => Promise<void> | void): Promise<void> {
    return new Promise((resolve, reject) => {
      let sent = 0;
      let answered = 0;
      let failed = false;
      const cleanups: (() => void)[] = [];
      const finish = (error?: Error) => {
        if (failed) return;
        if (error) failed = true;
        for (const cleanup of cleanups) cleanup();
        if (error) reject(error);
        else resolve();
      };
      const sendNext = (worker: Worker) => {
        if (sent < requests.length) worker.postMessage(requests[sent++]);
      };
      for (const worker of this.workers) {
        const onMessage = async (response: WorkerResponse) => {
          if (response.kind === 'failed') {
            finish(new Error(response.error));
            return;
          }
          sendNext(worker);
          try {
            await onResponse(response);
          } catch (error) {
            finish(error as Error);
            return;
          }
          if (++answered === requests.length) finish();
        };
        const onError = (error: Error) => finish(error);
        const onExit = (code: number) => finish(new Error(`worker thread exited (${code})`));
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        cleanups.push(() => {
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
        });
        sendNext(worker);
      }
      if (requests.length === 0) finish();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/** The worker thread's side: answers index and check requests one at a time. */
export function serveWorker(port: { on(event: 'message', listener: (request: WorkerRequest) => void): void; postMessage(response: WorkerResponse): void }): void {
  const checker = new FileChecker();
  let queue = Promise.resolve();
  port.on('message', (request) => {
    queue = queue.then(async () => {
      try {
        if (request.kind === 'addIndex') checker.addIndex(request.results);
        else if (request.kind === 'index') port.postMessage({ kind: 'index', id: request.id, result: await indexOne(request.file) });
        else port.postMessage({ kind: 'check', id: request.id, report: await checker.check(request.task) });
      } catch (error) {
        const id = request.kind === 'addIndex' ? -1 : request.id;
        port.postMessage({ kind: 'failed', id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
    });
  });
}
