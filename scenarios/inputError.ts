/**
 * Bad input from the user: a scenario file, a flag, a run folder. The CLI prints `message` and exits
 * with code 2; nothing else should ever reach the user as a stack trace.
 */
export interface InputIssue {
  /** JSON pointer-like path inside the file, e.g. `/channels/phone/talkTime/kind`; '' for the whole file. */
  path: string;
  message: string;
  /** The offending value, shown to the user as JSON. */
  value?: unknown;
  /** What would have been accepted, e.g. `exponential, lognormal, gamma`. */
  allowed?: string;
}

export class InputError extends Error {
  readonly file: string | undefined;
  readonly issues: InputIssue[];

  constructor(file: string | undefined, issues: InputIssue[] | string) {
    const list = typeof issues === 'string' ? [{ path: '', message: issues }] : issues;
    super(formatIssues(file, list));
    this.name = 'InputError';
    this.file = file;
    this.issues = list;
  }
}

export function formatIssues(file: string | undefined, issues: InputIssue[]): string {
  return issues
    .map((issue) => {
      const where = [file, issue.path || undefined].filter(Boolean).join(' at ');
      const value = issue.value === undefined ? '' : ` (got ${preview(issue.value)})`;
      const allowed = issue.allowed ? `; allowed: ${issue.allowed}` : '';
      return `${where ? `${where}: ` : ''}${issue.message}${value}${allowed}`;
    })
    .join('\n');
}

const PREVIEW_LENGTH = 80;
const PREVIEW_DEPTH = 8;

/**
 * The value as short JSON for a message. Bounded in depth and length (never JSON.stringify of the
 * whole value: a value nested 10,000 levels deep would overflow the stack, a huge one waste time).
 */
export function preview(value: unknown): string {
  const text = shortJson(value, PREVIEW_LENGTH + 1);
  return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH - 3)}...` : text;
}

/** JSON text of `value`, stopping once `limit` characters are written; "..." stands for deeper levels. */
function shortJson(value: unknown, limit: number): string {
  let out = '';
  const write = (value: unknown, depth: number): void => {
    if (out.length >= limit) return;
    if (value === null || typeof value !== 'object') {
      out += typeof value === 'string' ? JSON.stringify(value.slice(0, limit)) : scalar(value);
      return;
    }
    if (depth >= PREVIEW_DEPTH) {
      out += Array.isArray(value) ? '[...]' : '{...}';
      return;
    }
    const isArray = Array.isArray(value);
    out += isArray ? '[' : '{';
    let first = true;
    for (const key in value) {
      if (out.length >= limit) return;
      if (!first) out += ',';
      first = false;
      if (!isArray) out += `${JSON.stringify(key.slice(0, limit))}:`;
      write((value as Record<string, unknown>)[key], depth + 1);
    }
    out += isArray ? ']' : '}';
  };
  write(value, 0);
  return out;
}

function scalar(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'bigint' || value === undefined) return String(value);
  return JSON.stringify(value) ?? String(value);
}
