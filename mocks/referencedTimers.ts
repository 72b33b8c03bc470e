import type { TimerHost } from '../sim/engine/RealtimeDriver.js';

/**
 * Node's timers, kept referenced (unlike the model driver's): an injected wait is a response or a
 * frame still to send, work in flight. Tests inject a ManualTime instead (`MocksOptions.timers`).
 */
export const REFERENCED_TIMERS: TimerHost = {
  set: (callback, delayMs) => setTimeout(callback, delayMs),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
