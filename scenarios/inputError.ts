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

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
