// A command stopped by SIGINT or SIGTERM after cleaning up (children stopped and awaited, temporary
// files removed, nothing half-written). The CLI prints the message and exits with the shell's
// convention, 128 + the signal number: 130 for SIGINT, 143 for SIGTERM.

export type StopSignal = 'SIGINT' | 'SIGTERM';

const SIGNAL_NUMBER: Record<StopSignal, number> = { SIGINT: 2, SIGTERM: 15 };

export class Interrupted extends Error {
  readonly signal: StopSignal;
  readonly exitCode: number;
  constructor(signal: StopSignal, what: string) {
    super(`interrupted by ${signal}: ${what}`);
    this.name = 'Interrupted';
    this.signal = signal;
    this.exitCode = 128 + SIGNAL_NUMBER[signal];
  }
}

export interface SignalWatch {
  /** The first SIGINT/SIGTERM received, if any. */
  readonly signal: StopSignal | undefined;
  /** Called on every signal (the first and any repeat), with how many have arrived. */
  onSignal(listener: (signal: StopSignal, count: number) => void): void;
  /** Restores the default handling. */
  dispose(): void;
}

/**
 * Takes over SIGINT and SIGTERM for the duration of a command that owns children, so a signal stops
 * them and cleans up instead of killing this process and orphaning them. `source` is for tests.
 */
export function watchSignals(source: NodeJS.EventEmitter = process): SignalWatch {
  let first: StopSignal | undefined;
  let count = 0;
  const listeners: ((signal: StopSignal, count: number) => void)[] = [];
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const handler = () => {
      first ??= signal;
      count++;
      for (const listener of listeners) listener(signal, count);
    };
    source.on(signal, handler);
    return [signal, handler] as const;
  });
  return {
    get signal() {
      return first;
    },
    onSignal(listener) {
      listeners.push(listener);
    },
    dispose() {
      for (const [signal, handler] of handlers) source.off(signal, handler);
    },
  };
}
