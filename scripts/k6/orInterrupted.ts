import { Interrupted, type SignalWatch } from '../interrupted.js';

/** How long a failed step waits for the signal that may have caused it (only on failure). */
export const SIGNAL_GRACE_MS = 250;

/**
 * A child of a preparation step (esbuild's service building the k6 bundle) dies of the same
 * SIGINT/SIGTERM its process group got, and its failure ("The service was stopped") may reach us
 * before the signal's own handler runs. So a failed step gives the signal a moment to land and then
 * reports the interruption (exit 130/143) instead of the child's death (an internal error, exit 1).
 */
export async function orInterrupted<T>(step: Promise<T>, signals: SignalWatch, what: string): Promise<T> {
  try {
    return await step;
  } catch (error) {
    if (!signals.signal) await new Promise((resolve) => setTimeout(resolve, SIGNAL_GRACE_MS));
    if (signals.signal) throw new Interrupted(signals.signal, what);
    throw error;
  }
}
