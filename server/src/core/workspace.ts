// The files around a report: one small interface for reading and listing them, so that the language service
// (core/service.ts) and the workspace index (core/index/) never touch a transport. The server implements it with
// its open documents over the disk (open documents win), the command line with the file system alone, tests with
// whatever they like.

import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sourceKind, type SourceKind } from '../readers';

/** What the index keeps to know whether a file changed without reading it again. */
export interface FileStamp {
  mtime: number;
  size: number;
}

export interface ListedFile extends FileStamp {
  uri: string;
}

export interface WorkspaceFiles {
  /** The file's content: text for a document open in the editor, bytes from disk, null when it cannot be read. */
  read(uri: string): Promise<Uint8Array | string | null>;
  /** Every report source under a folder (recursively; hidden folders and node_modules left out), in name order. */
  list(folderUri: string): Promise<ListedFile[]>;
  /** Modification time and size; null when the file is gone. For an open document, null mtime semantics do not apply: see OverlayFiles. */
  stat(uri: string): Promise<FileStamp | null>;
}

export function uriOfPath(path: string): string {
  return pathToFileURL(path).href;
}

/** The file-system path of a file: URI, or null for other schemes (untitled:, vscode-notebook-cell: …). */
export function pathOfUri(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

/** The file name of a URI, decoded (for messages and hovers). */
export function nameOfUri(uri: string): string {
  const path = pathOfUri(uri);
  if (path) return basename(path);
  let name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep it encoded
  }
  return name;
}

/** Whether uri lies inside the folder (both file: URIs; compared on their paths, so encodings do not matter). */
export function isInside(uri: string, folderUri: string): boolean {
  const path = pathOfUri(uri);
  const folder = pathOfUri(folderUri);
  if (!path || !folder) return false;
  const prefix = folder.endsWith('/') || folder.endsWith('\\') ? folder : `${folder}/`;
  return path.startsWith(prefix) || path.startsWith(prefix.replace(/\/$/, '\\'));
}

/** The kind of a URI's file as its name says (readers/index.ts), or null when it is no report source. */
export function kindOfUri(uri: string): SourceKind | null {
  return sourceKind(nameOfUri(uri));
}

/** The file system: what the command line reads, and the server reads for files not open in the editor. */
export class DiskFiles implements WorkspaceFiles {
  async read(uri: string): Promise<Uint8Array | null> {
    const path = pathOfUri(uri);
    if (!path) return null;
    try {
      return await readFile(path);
    } catch {
      return null;
    }
  }

  async stat(uri: string): Promise<FileStamp | null> {
    const path = pathOfUri(uri);
    if (!path) return null;
    try {
      const s = await stat(path);
      return s.isFile() ? { mtime: s.mtimeMs, size: s.size } : null;
    } catch {
      return null;
    }
  }

  async list(folderUri: string): Promise<ListedFile[]> {
    const folder = pathOfUri(folderUri);
    if (!folder) return [];
    const result: ListedFile[] = [];
    const walk = async (dir: string): Promise<void> => {
      let names: string[];
      try {
        names = (await readdir(dir)).sort();
      } catch {
        return;
      }
      for (const name of names) {
        const path = join(dir, name);
        let s;
        try {
          s = await stat(path);
        } catch {
          continue;
        }
        if (s.isDirectory()) {
          if (name !== 'node_modules' && !name.startsWith('.')) await walk(path);
        } else if (s.isFile() && sourceKind(name) !== null) {
          result.push({ uri: uriOfPath(path), mtime: s.mtimeMs, size: s.size });
        }
      }
    };
    await walk(folder);
    return result;
  }
}

/**
 * Documents open in the editor over another WorkspaceFiles (the disk): an open document's text wins, and its
 * stamp is its version (negative, so it never equals a disk stamp).
 */
export class OverlayFiles implements WorkspaceFiles {
  constructor(
    private readonly base: WorkspaceFiles,
    private readonly open: (uri: string) => { text: string; version: number } | undefined,
  ) {}

  async read(uri: string): Promise<Uint8Array | string | null> {
    return this.open(uri)?.text ?? this.base.read(uri);
  }

  async stat(uri: string): Promise<FileStamp | null> {
    const document = this.open(uri);
    return document ? { mtime: -1, size: -document.version - 1 } : this.base.stat(uri);
  }

  list(folderUri: string): Promise<ListedFile[]> {
    return this.base.list(folderUri);
  }
}

/** A fixed set of files in memory (tests, and the command line's files given one by one). */
export class MemoryFiles implements WorkspaceFiles {
  private readonly files = new Map<string, { content: Uint8Array | string; mtime: number }>();
  private clock = 0;

  set(uri: string, content: Uint8Array | string): void {
    this.files.set(uri, { content, mtime: ++this.clock });
  }

  delete(uri: string): void {
    this.files.delete(uri);
  }

  async read(uri: string): Promise<Uint8Array | string | null> {
    return this.files.get(uri)?.content ?? null;
  }

  async stat(uri: string): Promise<FileStamp | null> {
    const file = this.files.get(uri);
    return file ? { mtime: file.mtime, size: file.content.length } : null;
  }

  async list(folderUri: string): Promise<ListedFile[]> {
    const prefix = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
    return [...this.files.keys()]
      .filter((uri) => uri.startsWith(prefix) && sourceKind(nameOfUri(uri)) !== null)
      .sort()
      .map((uri) => ({ uri, mtime: this.files.get(uri)!.mtime, size: this.files.get(uri)!.content.length }));
  }
}
