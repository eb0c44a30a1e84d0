// The files a command works on: files named, every report source under folders named (recursively), and what
// glob patterns match — in the order of the arguments, each folder and pattern in name order, each file once.

import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastGlob from 'fast-glob';
import { sourceKind } from '../readers';

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Every report source (.txt .md .docx .pdf .html …) under a folder, skipping hidden folders and node_modules. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder)
    .sort(byName)
    .flatMap((name) => {
      const child = join(folder, name);
      if (statSync(child).isDirectory()) return name === 'node_modules' || name.startsWith('.') ? [] : filesUnder(child);
      return sourceKind(name) !== null ? [child] : [];
    });
}

/** The files of one argument: a file, a folder, or a glob pattern (a pattern that matches nothing is an error). */
function filesOf(path: string): string[] {
  if (fastGlob.isDynamicPattern(path) && !exists(path)) {
    const matched = fastGlob
      .sync(path, { onlyFiles: true, ignore: ['**/node_modules/**'] })
      .filter((file) => sourceKind(file) !== null)
      .sort(byName);
    if (matched.length === 0) throw new Error(`没有匹配的文件 / no file matches: ${path}`);
    return matched;
  }
  const stat = statSync(path);
  return stat.isDirectory() ? filesUnder(path) : [path];
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Every file of the arguments, or the message naming the argument that could not be read (before any output). */
export function listFiles(paths: string[]): string[] | string {
  const files: string[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    let found: string[];
    try {
      found = filesOf(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return `无法读取 / cannot read: ${path}（没有这个文件或文件夹 / no such file or folder）`;
      const message = (error as Error).message;
      return message.includes(path) ? message : `无法读取 / cannot read: ${path}（${message}）`;
    }
    for (const file of found) {
      const key = resolve(file);
      if (seen.has(key)) continue;
      seen.add(key);
      files.push(file);
    }
  }
  return files;
}
