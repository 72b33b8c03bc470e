// A sandbox folder's state before and after a case: every entry's kind, size and content digest, so
// the probe can tell which folders a command changed or deleted that were not its own output.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

/** Relative path (`/`-separated) -> a signature of the entry. */
export type Snapshot = Map<string, string>;

export function snapshot(root: string): Snapshot {
  const entries: Snapshot = new Map();
  walk(root, '', entries);
  return entries;
}

function walk(root: string, relative: string, entries: Snapshot): void {
  let names: string[];
  try {
    names = readdirSync(join(root, relative));
  } catch {
    return; // unreadable (a read-only hazard): its name is already in the snapshot
  }
  for (const name of names) {
    const path = relative ? `${relative}/${name}` : name;
    const full = join(root, path);
    const entry = lstatSync(full);
    if (entry.isSymbolicLink()) entries.set(path, `link:${readlinkSync(full)}`);
    else if (entry.isDirectory()) {
      entries.set(path, `dir:${entry.mode & 0o777}`);
      walk(root, path, entries);
    } else entries.set(path, `file:${entry.size}:${digest(full)}`);
  }
}

function digest(file: string): string {
  try {
    return createHash('sha1').update(readFileSync(file)).digest('hex').slice(0, 12);
  } catch {
    return 'unreadable';
  }
}

export interface SnapshotChange {
  path: string;
  change: 'deleted' | 'changed' | 'created';
}

/** What differs from `before` to `after`, entries under `ignored` prefixes left out. */
export function changes(
  before: Snapshot,
  after: Snapshot,
  ignored: readonly string[] = [],
): SnapshotChange[] {
  const skip = (path: string) => ignored.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
  const found: SnapshotChange[] = [];
  for (const [path, signature] of before) {
    if (skip(path)) continue;
    const now = after.get(path);
    if (now === undefined) found.push({ path, change: 'deleted' });
    else if (now !== signature) found.push({ path, change: 'changed' });
  }
  for (const path of after.keys())
    if (!skip(path) && !before.has(path)) found.push({ path, change: 'created' });
  return found;
}
