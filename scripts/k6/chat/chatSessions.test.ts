import { describe, expect, it } from 'vitest';
import { withChat } from '../../../mocks/chat/testing.js';
import { ChatResident, type ChatSessionPlan, chatSessionRates, drawChatSessions } from './chatSessions.js';

// The chat replay's k6-free logic: residents drawn in Node, the resident's state machine, the rates.

describe('drawChatSessions', () => {
  it('draws from the simulator streams: same seed same residents, geometric message counts with their mean', () => {
    const chat = withChat({
      messages: { kind: 'geometric', mean: 3 },
      thinkTime: { kind: 'exponential', mean: '2m' },
      replyPatience: '10m',
    }).channels.chat!;
    const a = drawChatSessions(chat, 4000, 7);
    expect(drawChatSessions(chat, 4000, 7)).toEqual(a);
    expect(drawChatSessions(chat, 4000, 8)).not.toEqual(a);
    const mean = a.reduce((s, p) => s + p.messages, 0) / a.length;
    // Geometric with mean 3: sd sqrt(6) ~ 2.45, so the mean of 4000 is within 4 sd (0.155) of 3.
    expect(Math.abs(mean - 3)).toBeLessThan(0.155);
    for (const plan of a) {
      expect(plan.thinkS).toHaveLength(plan.messages - 1);
      expect(plan.replyPatienceS.every((p) => p === 600)).toBe(true);
    }
    const thinks = a.flatMap((p) => p.thinkS);
    expect(Math.abs(thinks.reduce((s, x) => s + x, 0) / thinks.length - 120)).toBeLessThan(
      (4 * 120) / Math.sqrt(thinks.length),
    );
  });

  it('without reply patience a resident waits for ever (-1)', () => {
    const chat = withChat({ messages: 2, thinkTime: '1m' }).channels.chat!;
    expect(drawChatSessions(chat, 1, 1)[0]).toEqual({ messages: 2, thinkS: [60], replyPatienceS: [-1] });
  });
});

describe('ChatResident', () => {
  const plan: ChatSessionPlan = { messages: 2, thinkS: [30], replyPatienceS: [120] };
  const frame = (f: object) => JSON.stringify(f);

  it('opens, thinks after the first reply, writes again, closes after the last; times in model seconds', () => {
    const r = new ChatResident(plan, 60, 'x-1'); // 60 model s per wall s
    expect(r.start(1000)).toEqual([{ kind: 'send', frame: { type: 'open', sessionId: 'x-1' } }]);
    expect(r.onFrame(frame({ type: 'opened', sessionId: 'x-1', atS: 0 }), 1001)).toEqual([]);
    // First reply 2 wall s after opening: 120 model s; think 30 model s = 500 wall ms.
    expect(r.onFrame(frame({ type: 'reply', message: 1, atS: 120, agent: 1 }), 3000)).toEqual([
      { kind: 'cancel', timer: 'patience' },
      { kind: 'timer', timer: 'think', delayMs: 500 },
    ]);
    expect(r.onTimer('think', 3500)).toEqual([
      { kind: 'send', frame: { type: 'message' } },
      { kind: 'timer', timer: 'patience', delayMs: 2000 },
    ]);
    expect(r.onFrame(frame({ type: 'reply', message: 2, atS: 210, agent: 1 }), 4500)).toEqual([
      { kind: 'cancel', timer: 'patience' },
      { kind: 'send', frame: { type: 'close' } },
    ]);
    expect(r.onFrame(frame({ type: 'closed', outcome: 'completed', atS: 210 }), 4510)).toContainEqual({
      kind: 'end',
    });
    expect(r.measured).toEqual({ outcome: 'completed', answered: true, waitS: 120, replyS: [120, 60] });
  });

  it('leaves when a later reply outlasts its patience; abandoned sessions carry their time to the end', () => {
    const r = new ChatResident(plan, 60, 'x-2');
    r.start(0);
    r.onFrame(frame({ type: 'reply', message: 1, atS: 6, agent: 1 }), 100);
    r.onTimer('think', 600);
    expect(r.onTimer('patience', 2600)).toEqual([{ kind: 'send', frame: { type: 'close' } }]);
    r.onFrame(frame({ type: 'closed', outcome: 'left', atS: 156 }), 2601);
    expect(r.measured).toMatchObject({ outcome: 'left', answered: true, waitS: 6 });

    const q = new ChatResident(plan, 60, 'x-3');
    q.start(0);
    q.onFrame(frame({ type: 'closed', outcome: 'abandoned', atS: 240 }), 4000);
    expect(q.measured).toEqual({ outcome: 'abandoned', answered: false, waitS: 240, replyS: [] });
  });

  it('an error frame, a bad frame or a dropped socket end the session as an error', () => {
    for (const [act, why] of [
      [(r: ChatResident) => r.onFrame('nope', 5), 'frame is not JSON'],
      [
        (r: ChatResident) => r.onFrame(frame({ type: 'error', error: 'overloaded' }), 5),
        'server error overloaded',
      ],
      [(r: ChatResident) => r.onGone(5, 'socket closed'), 'socket closed'],
    ] as const) {
      const r = new ChatResident(plan, 60, 'e');
      r.start(0);
      expect(act(r)).toContainEqual({ kind: 'end' });
      expect(r.measured).toMatchObject({ outcome: 'error', answered: false, error: why });
    }
  });
});

describe('chatSessionRates', () => {
  const T = 60;
  it('puts a session in the denominators of the first-response SL variants and the abandon rate', () => {
    const session = (outcome: 'completed' | 'abandoned' | 'closed', answered: boolean, waitS: number) =>
      chatSessionRates({ outcome, answered, waitS, replyS: [] }, T);
    expect(session('completed', true, 30)).toEqual({
      firstResponseSlOffered: 1,
      firstResponseSlAnswered: 1,
      firstResponseSlExcludingShortAbandons: 1,
      abandonRate: 0,
    });
    expect(session('completed', true, 90)).toMatchObject({ firstResponseSlOffered: 0, abandonRate: 0 });
    // Abandoned after 30 s (short): offered counts it, excluding-short-abandons does not, answered never.
    expect(session('abandoned', false, 30)).toEqual({
      firstResponseSlOffered: 0,
      firstResponseSlAnswered: null,
      firstResponseSlExcludingShortAbandons: null,
      abandonRate: 1,
    });
    expect(session('abandoned', false, 90)).toMatchObject({ firstResponseSlExcludingShortAbandons: 0 });
    expect(session('closed', false, 0)).toEqual({
      firstResponseSlOffered: null,
      firstResponseSlAnswered: null,
      firstResponseSlExcludingShortAbandons: null,
      abandonRate: null,
    });
  });
});
