import { describe, expect, it } from 'vitest';
import { ManualTime } from '../../sim/testing/ManualTime.js';
import { DelayedFrames } from './DelayedFrames.js';

// A socket's frames with injected delays, on a hand-moved clock: what goes out when.
function frames() {
  const time = new ManualTime();
  const sent: string[] = [];
  const queue = new DelayedFrames((text) => sent.push(`${text}@${time.nowMs}`), time);
  return { time, sent, queue };
}

describe('DelayedFrames', () => {
  it('sends at once without a delay and without anything queued', () => {
    const { sent, queue } = frames();
    queue.send('a', 0);
    expect(sent).toEqual(['a@0']);
  });

  it('never lets a frame overtake an earlier one: each goes out at max(its delay, the one before)', () => {
    const { time, sent, queue } = frames();
    queue.send('reply', 300);
    queue.send('closed', 0); // due at once, but behind the reply
    time.advance(50);
    queue.send('late', 100); // due at 150, behind the reply
    time.advance(249);
    expect(sent).toEqual([]);
    time.advance(1);
    expect(sent).toEqual(['reply@300', 'closed@300', 'late@300']);
    queue.send('next', 0);
    expect(sent.at(-1)).toBe('next@300');
  });

  it('flush sends everything now, in order; drop forgets it and its timers', () => {
    const { time, sent, queue } = frames();
    queue.send('a', 100);
    queue.send('b', 50);
    queue.flush();
    expect(sent).toEqual(['a@0', 'b@0']);
    expect(time.pendingTimers).toBe(0);
    queue.send('c', 100);
    queue.drop();
    time.advance(200);
    expect(sent).toEqual(['a@0', 'b@0']);
    expect(time.pendingTimers).toBe(0);
  });
});
