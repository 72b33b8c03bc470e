// Which processes exist, read from /proc (Linux): the probe's way to see the k6 a command started
// and to check it is gone after a signal, by PID, without trusting the command's own word.
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessEntry {
  pid: number;
  ppid: number;
  pgid: number;
  command: string;
}

/** Every process this user can see, with its parent, its process group and its command line. */
export function listProcesses(): ProcessEntry[] {
  const entries: ProcessEntry[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const entry = readProcess(Number(name));
    if (entry) entries.push(entry);
  }
  return entries;
}

function readProcess(pid: number): ProcessEntry | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name sits in parentheses and may hold spaces: the fields after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    return { pid, ppid: Number(fields[1]), pgid: Number(fields[2]), command };
  } catch {
    return undefined; // gone between readdir and read
  }
}

/** The processes descending from `root` (children, grandchildren...) or in its process group. */
export function familyOf(root: number, table: ProcessEntry[] = listProcesses()): ProcessEntry[] {
  const family = new Set<number>([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of table) {
      if (!family.has(p.pid) && (family.has(p.ppid) || p.pgid === root)) {
        family.add(p.pid);
        grew = true;
      }
    }
  }
  return table.filter((p) => family.has(p.pid) && p.pid !== root);
}

/** True while `pid` exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
