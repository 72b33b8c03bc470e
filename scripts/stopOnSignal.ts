import { Interrupted, watchSignals } from './interrupted.js';

/**
 * Runs `work` with an AbortSignal that the first SIGINT or SIGTERM aborts with an `Interrupted`
 * (exit 130 / 143 in runCli), so the work can stop its worker threads, await them, and write
 * nothing. Repeated signals change nothing: stopping is already under way. The default handling of
 * both signals is restored when `work` settles.
 */
export async function stopOnSignal<T>(what: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const watch = watchSignals();
  const stop = new AbortController();
  watch.onSignal((signal, count) => {
    if (count === 1) stop.abort(new Interrupted(signal, what));
  });
  try {
    return await work(stop.signal);
  } finally {
    watch.dispose();
  }
}
