// The contract every probe case is judged by: the exit code, no stack trace, an exit-2 message that
// names the problem, and for HTTP a 4xx with a JSON error (5xx only where documented).

/** A V8 stack frame ("    at fn (file:1:2)", "    at file:1:2", "    at async fn (...)") or Node's internals. */
const STACK_FRAME = /^\s+at (?:async )?(?:\S+ \()?(?:file:|node:|\/|[A-Za-z]:\\)[^\n]*:\d+(?::\d+)?\)?\s*$/m;
const NODE_INTERNAL = /node:internal/;

/** True when `text` shows a stack trace: a frame line or a reference to Node's internals. */
export function hasStackTrace(text: string): boolean {
  return STACK_FRAME.test(text) || NODE_INTERNAL.test(text);
}

/**
 * The exit-code rule: a code in `allowed` (0 and 2 unless the case says more: 99 where k6 thresholds
 * are in play, 1 for a failed --fail-on gate); a signalled run may end with the shell's convention
 * for the signal it got (130 SIGINT, 143 SIGTERM; the case adds them) or 0 for a server's clean stop.
 * Dying by the very signal the case sent (before Node installed its handler, during start-up) is the
 * same convention seen from the parent (a shell shows 143); dying by any other signal never keeps it.
 */
export function exitCodeProblem(
  code: number | null,
  signal: NodeJS.Signals | null,
  allowed: readonly number[],
  sent?: NodeJS.Signals,
): string | undefined {
  if (code === null) {
    return signal !== null && signal === sent
      ? undefined
      : `killed by ${signal ?? 'a signal'} (no exit code)`;
  }
  if (allowed.includes(code)) return undefined;
  return `exit code ${code} (allowed: ${allowed.join(', ')})`;
}

/** The conventional code of a run stopped by `signal`: 128 + its number. */
export function signalExitCode(signal: 'SIGINT' | 'SIGTERM'): number {
  return signal === 'SIGINT' ? 130 : 143;
}

/**
 * An exit-2 message must contain one word of each group (case-insensitive): e.g. the file and the
 * field, or the flag. Returns the groups it misses.
 */
export function missingNames(message: string, groups: readonly (readonly string[])[]): string[] {
  const text = message.toLowerCase();
  return groups
    .filter((group) => group.length > 0 && !group.some((word) => text.includes(word.toLowerCase())))
    .map((group) => group.join(' | '));
}

/**
 * The HTTP rule: the status is one the case allows, or (for a bad request, always) a 4xx whose body is JSON with an `error`;
 * never a 5xx the case does not allow (the documented 503 overload/outage and the 500 of
 * --error-rate are allowed by the cases that provoke them).
 */
export function httpProblem(
  status: number,
  body: string,
  bad: boolean,
  allowed: readonly number[] = [],
): string | undefined {
  if (allowed.includes(status)) return undefined;
  if (bad && status < 400) return `status ${status} for a bad request: ${body.slice(0, 200)}`;
  if (status >= 500) return `status ${status} (a 5xx nobody asked for): ${body.slice(0, 200)}`;
  if (status >= 400) {
    return hasJsonError(body) ? undefined : `status ${status} without a JSON error: ${body.slice(0, 200)}`;
  }
  return undefined;
}

function hasJsonError(body: string): boolean {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && 'error' in parsed;
  } catch {
    return false;
  }
}
