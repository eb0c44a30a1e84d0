// The workspace index: every report in the workspace folders, read once (again only when its stamp — mtime and
// size on disk, the version of an open document — changes), kept as ReportFacts. The cross-year rules look up last
// year's report of the same body here; the server keeps it current from file events and open documents.

import { decodeBytes } from '../decode';
import { parseReport } from '../parse';
import type { ReportModel } from '../model';
import { readSource, type SourceKind } from '../../readers';
import { dirname, join } from 'node:path';
import { isInside, kindOfUri, nameOfUri, pathOfUri, type FileStamp, type WorkspaceFiles } from '../workspace';
import { factsOf, type ReportFacts } from './entry';

export interface IndexEntry extends ReportFacts {
  uri: string;
  /** mtime:size on disk, or open:version for a document open in the editor. */
  stamp: string;
  /** Bumped whenever the entry's facts change: findings that used it are stale. */
  rev: number;
}

export interface IndexOptions {
  /**
   * Which sources are read. The server leaves PDFs out (reading one takes seconds): their converted
   * `<name>.nianbao.md` drafts stand for them. The command line reads everything it is given.
   */
  kinds: ReadonlySet<SourceKind>;
}

export interface IndexStats {
  /** Files read and parsed by the index (not counting open documents given as models). */
  reads: number;
  /** Files whose stamp was unchanged, so not read again. */
  unchanged: number;
  entries: number;
}

/** A change of the index that can affect findings: the (body, year) keys whose reports changed. */
export type IndexListener = (keys: { bodyKey: string; year: number }[]) => void;

const stampOf = (s: FileStamp): string => `${s.mtime}:${s.size}`;

/** The same facts, so that nothing is re-checked when an edit or a save changed nothing the rules read. */
function sameFacts(a: ReportFacts, b: ReportFacts): boolean {
  const plain = (f: ReportFacts) => JSON.stringify({ ...f, sentences: [...f.sentences.entries()] });
  return plain(a) === plain(b);
}

export class WorkspaceIndex {
  private readonly entries = new Map<string, IndexEntry>();
  /** The URIs of the reports of each body and year (`bodyKey|year`): a lookup must not scan the whole workspace. */
  private readonly byReport = new Map<string, Set<string>>();
  private readonly folders: string[] = [];
  /** Files named one by one (the command line's arguments): in the workspace whatever folder they are in. */
  private readonly included = new Set<string>();
  private readonly listeners: IndexListener[] = [];
  private nextRev = 1;
  /** One operation at a time: a file event cannot overtake the scan that is reading the same file. */
  private queue: Promise<unknown> = Promise.resolve();
  readonly stats: IndexStats = { reads: 0, unchanged: 0, entries: 0 };

  constructor(
    private readonly files: WorkspaceFiles,
    private readonly options: IndexOptions,
  ) {}

  onDidChange(listener: IndexListener): void {
    this.listeners.push(listener);
  }

  get workspaceFolders(): readonly string[] {
    return this.folders;
  }

  /** Whether a file belongs to the workspace (and so to the index). With no folder, nothing does. */
  covers(uri: string): boolean {
    return this.included.has(uri) || this.folders.some((f) => isInside(uri, f));
  }

  indexable(uri: string): boolean {
    const kind = kindOfUri(uri);
    return kind !== null && this.options.kinds.has(kind) && this.covers(uri);
  }

  /** Adds folders and reads every report in them. */
  scan(folderUris: string[]): Promise<void> {
    return this.enqueue(async () => {
      for (const folder of folderUris) if (!this.folders.includes(folder)) this.folders.push(folder);
      const changed: ReportFacts[] = [];
      for (const folder of folderUris) {
        for (const file of await this.files.list(folder)) {
          if (!this.indexable(file.uri)) continue;
          changed.push(...(await this.refreshOne(file.uri, stampOf(file))));
        }
      }
      this.notify(changed);
    });
  }

  /** A file created or changed on disk (or closed in the editor): read again unless its stamp is the same. */
  refresh(uri: string): Promise<void> {
    return this.enqueue(async () => {
      if (!this.indexable(uri)) return;
      const stat = await this.files.stat(uri);
      if (!stat) {
        this.notify(this.removeOne(uri));
        return;
      }
      this.notify(await this.refreshOne(uri, stat.mtime < 0 ? `open:${-stat.size - 1}` : stampOf(stat)));
    });
  }

  remove(uri: string): Promise<void> {
    return this.enqueue(async () => this.notify(this.removeOne(uri)));
  }

  /**
   * An open document's current version, from the model the service parsed anyway (open documents win over the
   * disk). Synchronous, so that a check right after sees it.
   */
  setOpen(uri: string, version: number, model: ReportModel): void {
    if (!this.indexable(uri)) return;
    this.notify(model.isReport ? this.put(uri, `open:${version}`, factsOf(model)) : this.removeOne(uri));
  }

  /** A file read by someone else (the command line reads each file once): included in the workspace, facts from its model. */
  setModel(uri: string, stamp: string, model: ReportModel): void {
    this.setFacts(uri, stamp, model.isReport ? factsOf(model) : null);
  }

  /** The same, from facts made elsewhere (the command line's worker threads); null when the file is not a report. */
  setFacts(uri: string, stamp: string, facts: ReportFacts | null): void {
    this.included.add(uri);
    this.notify(facts ? this.put(uri, stamp, facts) : this.removeOne(uri));
  }

  get(uri: string): IndexEntry | undefined {
    return this.entries.get(uri);
  }

  all(): IndexEntry[] {
    return [...this.entries.values()];
  }

  /**
   * The reports of a body and year, in URI order. A file that a converted draft in the same folder names as its
   * source is left out: the draft (which the clerk edits) stands for it.
   */
  reportsOf(bodyKey: string, year: number): IndexEntry[] {
    const found = [...(this.byReport.get(`${bodyKey}|${year}`) ?? [])].map((uri) => this.entries.get(uri)!);
    const shadowed = new Set(found.filter((e) => e.draftOf !== null).map((e) => siblingKey(e.uri, e.draftOf!)));
    return found.filter((e) => !shadowed.has(fileKey(e.uri))).sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }

  /** Whether two entries are one report: a converted draft and the source it names (in the same folder). */
  sameReport(a: { uri: string; draftOf: string | null }, b: { uri: string; draftOf: string | null }): boolean {
    return (a.draftOf !== null && siblingKey(a.uri, a.draftOf) === fileKey(b.uri)) || (b.draftOf !== null && siblingKey(b.uri, b.draftOf) === fileKey(a.uri));
  }

  /** Resolves when every operation queued so far is done. */
  idle(): Promise<void> {
    return this.enqueue(async () => undefined);
  }

  private enqueue<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async refreshOne(uri: string, stamp: string): Promise<ReportFacts[]> {
    const current = this.entries.get(uri);
    if (current?.stamp === stamp) {
      this.stats.unchanged++;
      return [];
    }
    const content = await this.files.read(uri);
    if (content === null) return this.removeOne(uri);
    this.stats.reads++;
    let text: string;
    try {
      text = typeof content === 'string' ? content : kindOfUri(uri) === 'text' ? decodeBytes(content).text : (await readSource(content, nameOfUri(uri))).text;
    } catch {
      // A file that cannot be read is no report here; checking it (when opened, or by the CLI) says why.
      return this.removeOne(uri);
    }
    const model = parseReport(text);
    if (!model.isReport) return this.removeOne(uri);
    return this.put(uri, stamp, factsOf(model));
  }

  private put(uri: string, stamp: string, facts: ReportFacts): ReportFacts[] {
    const current = this.entries.get(uri);
    if (current && sameFacts(current, facts)) {
      current.stamp = stamp;
      return [];
    }
    if (current) this.unlist(current);
    const entry: IndexEntry = { ...facts, uri, stamp, rev: this.nextRev++ };
    this.entries.set(uri, entry);
    const key = `${entry.bodyKey}|${entry.year}`;
    this.byReport.set(key, (this.byReport.get(key) ?? new Set()).add(uri));
    this.stats.entries = this.entries.size;
    return current ? [current, facts] : [facts];
  }

  private removeOne(uri: string): ReportFacts[] {
    const current = this.entries.get(uri);
    if (!current) return [];
    this.unlist(current);
    this.entries.delete(uri);
    this.stats.entries = this.entries.size;
    return [current];
  }

  private unlist(entry: IndexEntry): void {
    const key = `${entry.bodyKey}|${entry.year}`;
    const uris = this.byReport.get(key);
    uris?.delete(entry.uri);
    if (uris?.size === 0) this.byReport.delete(key);
  }

  private notify(changed: ReportFacts[]): void {
    const keys = changed.filter((f) => f.bodyKey !== null && f.year !== null).map((f) => ({ bodyKey: f.bodyKey!, year: f.year! }));
    if (changed.length === 0) return;
    for (const listener of this.listeners) listener(keys);
  }
}

/** A file's identity for comparisons: its path (encodings of the URI do not matter), else the URI. */
function fileKey(uri: string): string {
  return pathOfUri(uri) ?? uri;
}

/** The identity of the file called name beside uri. */
function siblingKey(uri: string, name: string): string {
  const path = pathOfUri(uri);
  return path ? join(dirname(path), name) : `${uri.slice(0, uri.lastIndexOf('/') + 1)}${encodeURIComponent(name)}`;
}
