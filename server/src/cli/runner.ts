// Runs the per-file work of a command over many files: in this thread (--jobs 1, or a single file) or on worker
// threads (one per core by default). Results come back in the order of the tasks whatever order the threads
// finish in, so the output is the same with one worker and with all.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { FileChecker, type CheckedFile, type CheckTask } from './analyse';

/** Messages to a worker thread. */
export type WorkerRequest = { kind: 'check'; id: number; task: CheckTask };

/** Messages from a worker thread. */
export type WorkerResponse = { kind: 'checked'; id: number; result: CheckedFile } | { kind: 'failed'; error: string };

export interface Runner {
  /** Checks every task; the results in the tasks' order. */
  check(tasks: CheckTask[], onDone: () => void): Promise<CheckedFile[]>;
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

  async check(tasks: CheckTask[], onDone: () => void): Promise<CheckedFile[]> {
    const results: CheckedFile[] = [];
    for (const task of tasks) {
      results.push(await this.checker.check(task));
      onDone();
    }
    return results;
  }

  async close(): Promise<void> {}
}

class ThreadRunner implements Runner {
  private readonly workers: Worker[];

  constructor(size: number, script: string) {
    this.workers = Array.from({ length: size }, () => new Worker(script, { workerData: { nianbaoWorker: true } }));
  }

  /**
   * Hands the tasks to the threads, two at a time each, the next as soon as a thread answers. A thread that fails
   * (an exception outside the per-file guard, or it exits) fails the run.
   */
  check(tasks: CheckTask[], onDone: () => void): Promise<CheckedFile[]> {
    const results: CheckedFile[] = new Array(tasks.length);
    return new Promise((resolve, reject) => {
      let sent = 0;
      let answered = 0;
      let settled = false;
      const cleanups: (() => void)[] = [];
      const finish = (error?: Error) => {
        if (settled) return;
        settled = true;
        for (const cleanup of cleanups) cleanup();
        if (error) reject(error);
        else resolve(results);
      };
      const sendNext = (worker: Worker) => {
        if (sent < tasks.length) {
          const id = sent++;
          worker.postMessage({ kind: 'check', id, task: tasks[id] } satisfies WorkerRequest);
        }
      };
      for (const worker of this.workers) {
        const onMessage = (response: WorkerResponse) => {
          if (response.kind === 'failed') return finish(new Error(response.error));
          results[response.id] = response.result;
          onDone();
          if (++answered === tasks.length) return finish();
          sendNext(worker);
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
        // Two tasks in hand: a thread starts its next file while this thread is still taking its last answer.
        sendNext(worker);
        sendNext(worker);
      }
      if (tasks.length === 0) finish();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/** The worker thread's side: answers check requests, one at a time. */
export function serveWorker(port: { on(event: 'message', listener: (request: WorkerRequest) => void): void; postMessage(response: WorkerResponse): void }): void {
  const checker = new FileChecker();
  let queue = Promise.resolve();
  port.on('message', (request) => {
    queue = queue.then(async () => {
      try {
        port.postMessage({ kind: 'checked', id: request.id, result: await checker.check(request.task) });
      } catch (error) {
        port.postMessage({ kind: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
    });
  });
}
