import type { TimerHost } from '../sim/engine/RealtimeDriver.js';

/**
 * Waits `ms` wall milliseconds on `timers` (injected in tests, so a wait is measured on a hand-moved
 * clock), or less if `signal` aborts (shutdown must not wait for injected latency).
 */
export function sleep(ms: number, signal: AbortSignal, timers: TimerHost): Promise<void> {
  if (!(ms > 0) || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      timers.clear(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = timers.set(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
