import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Interrupted, watchSignals } from '../interrupted.js';
import { orInterrupted, SIGNAL_GRACE_MS } from './orInterrupted.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('orInterrupted', () => {
  it('a step that fails because the group got SIGINT reports the interruption (130), even when the signal lands after the failure', async () => {
    vi.useFakeTimers();
    const source = new EventEmitter();
    const signals = watchSignals(source);
    const result = orInterrupted(Promise.reject(new Error('The service was stopped')), signals, 'cleaned up');
    const settled = result.catch((error: unknown) => error);
    await Promise.resolve();
    source.emit('SIGINT'); // inside the grace: after the failure, before the timer
    await vi.advanceTimersByTimeAsync(SIGNAL_GRACE_MS);
    const error = await settled;
    expect(error).toBeInstanceOf(Interrupted);
    expect((error as Interrupted).exitCode).toBe(130);
    signals.dispose();
  });

  it('a failure with no signal is the step’s own error; a success passes through', async () => {
    vi.useFakeTimers();
    const signals = watchSignals(new EventEmitter());
    const failed = orInterrupted(Promise.reject(new Error('disk full')), signals, 'x').catch((e: Error) => e);
    await vi.advanceTimersByTimeAsync(SIGNAL_GRACE_MS);
    expect((await failed).message).toBe('disk full');
    expect(await orInterrupted(Promise.resolve(7), signals, 'x')).toBe(7);
    signals.dispose();
  });
});
