import { describe, expect, it } from 'vitest';
import { createModelClock } from '../../sim/engine/ModelClock.js';
import { ManualTime } from '../../sim/testing/ManualTime.js';
import { ModelService } from '../ModelService.js';
import type { CallResult, PatienceSource } from '../phone/callTypes.js';
import { PhoneService } from '../phone/PhoneService.js';
import { type ChatReply, ChatService, type ChatSessionListener } from './ChatService.js';
import { withChat } from './testing.js';

// The chat transport over the chat process, on a hand-moved clock (1 model s = 1 wall s). Expected
// instants are worked out by hand from deterministic reply times and patience.

function service(
  chatFields?: Parameters<typeof withChat>[0],
  group?: Parameters<typeof withChat>[1],
  patience: PatienceSource = 'scenario',
) {
  const time = new ManualTime();
  const clock = createModelClock(0, 1, time.wallNowMs);
  const model = new ModelService(withChat(chatFields, group), clock, 1, time);
  const phone = new PhoneService(model, patience);
  const chat = new ChatService(model);
  clock.start();
  return { chat, phone, model, time };
}

/** A resident's session: what it heard, in order. */
function resident() {
  const heard: string[] = [];
  const replies: ChatReply[] = [];
  const listener: ChatSessionListener = {
    opened: (id, at) => heard.push(`opened ${id} ${at}`),
    reply: (reply) => {
      replies.push(reply);
      heard.push(`reply ${reply.message} ${reply.atS} agent ${reply.agent}`);
    },
    closed: (outcome, at, reason) => heard.push(`closed ${outcome} ${at}${reason ? ` ${reason}` : ''}`),
  };
  return { heard, replies, listener };
}

const seconds = (s: number) => s * 1000;

describe('ChatService', () => {
  it('opens, replies at model time, takes several messages and completes on close', () => {
    const { chat, time } = service({ replyTime: '90s' });
    const a = resident();
    const id = chat.open(a.listener, 'a-1') as number;
    expect(typeof id).toBe('number');
    time.advance(seconds(89.999));
    expect(a.heard).toEqual(['opened a-1 0']);
    time.advance(seconds(0.001));
    expect(a.replies).toEqual([{ message: 1, atS: 90, agent: 1, firstResponseS: 90 }]);
    // The resident thinks 10 s, writes again; the agent needs 90 s more.
    time.advance(seconds(10));
    expect(chat.message(id)).toBeNull();
    time.advance(seconds(90));
    expect(a.replies[1]).toEqual({ message: 2, atS: 190, agent: 1 });
    time.advance(seconds(5));
    expect(chat.message(id)).toBeNull();
    time.advance(seconds(90));
    expect(chat.close(id)).toBe(true);
    expect(a.heard).toEqual([
      'opened a-1 0',
      'reply 1 90 agent 1',
      'reply 2 190 agent 1',
      'reply 3 285 agent 1',
      'closed completed 285',
    ]);
    expect(chat.snapshot()).toMatchObject({ queued: 0, inProgress: 0, open: 0 });
    expect(chat.snapshot().sessions).toEqual({ closed: 0, abandoned: 0, left: 0, completed: 1 });
  });

  it('queues when the only slot is taken: FCFS, first response counts the wait', () => {
    const { chat, time } = service({ replyTime: '60s' }, { agents: 1, maxChats: 1 });
    const a = resident();
    const b = resident();
    const idA = chat.open(a.listener) as number;
    time.advance(seconds(10));
    chat.open(b.listener, 'b');
    expect(chat.snapshot()).toMatchObject({ queued: 1, inProgress: 1, open: 2 });
    time.advance(seconds(50)); // A's reply at 60 s; A closes at 75 s, B is assigned then
    time.advance(seconds(15));
    chat.close(idA);
    expect(chat.snapshot()).toMatchObject({ queued: 0, inProgress: 1 });
    time.advance(seconds(60));
    expect(b.replies).toEqual([{ message: 1, atS: 135, agent: 1, firstResponseS: 125 }]);
  });

  it('an agent holding two sessions replies at the stretched speed (factors [1, 2])', () => {
    const { chat, time } = service({ replyTime: '60s', concurrencyFactors: [1, 2] }, { maxChats: 2 });
    const a = resident();
    const b = resident();
    chat.open(a.listener);
    time.advance(seconds(20)); // A alone for 20 s: 40 s of work left, at half speed 80 s more
    chat.open(b.listener);
    time.advance(seconds(100));
    expect(a.replies[0]).toMatchObject({ message: 1, atS: 100, firstResponseS: 100 });
    // B: 60 s of work at half speed while A is held (A waits for its resident: still held), so 120 s.
    time.advance(seconds(100));
    expect(b.replies[0]).toMatchObject({ message: 1, atS: 140, firstResponseS: 120 });
  });

  it("abandons in the queue when the model's patience runs out", () => {
    const { chat, time } = service({ replyTime: '1h', patience: '45s' });
    chat.open(resident().listener);
    const b = resident();
    chat.open(b.listener, 'b');
    time.advance(seconds(44.9));
    expect(chat.snapshot().queued).toBe(1);
    time.advance(seconds(0.2));
    expect(b.heard).toEqual(['opened b 0', 'closed abandoned 45']);
    expect(chat.snapshot()).toMatchObject({ queued: 0, open: 1, sessions: { abandoned: 1 } });
  });

  it('refuses a message while the agent writes and after the session ended; close ends it as the model says', () => {
    const { chat, time } = service({ replyTime: '60s', messages: 3, thinkTime: '1m' });
    const a = resident();
    const id = chat.open(a.listener) as number;
    expect(chat.message(id)).toBe('not_waiting'); // no reply yet
    time.advance(seconds(60));
    expect(chat.message(id)).toBeNull();
    expect(chat.message(id)).toBe('not_waiting'); // replying again
    time.advance(seconds(30));
    expect(chat.close(id)).toBe(true); // waiting for the second reply: left
    expect(a.heard.at(-1)).toBe('closed left 90');
    expect(chat.message(id)).toBe('not_open');
    expect(chat.close(id)).toBe(false);
  });

  it('a dropped session ends in the model unheard: the slot frees for the next resident', () => {
    const { chat, time } = service({ replyTime: '60s' });
    const a = resident();
    const b = resident();
    const idA = chat.open(a.listener) as number;
    chat.open(b.listener);
    time.advance(seconds(10));
    chat.drop(idA); // the agent was writing A's first reply: abandoned
    time.advance(seconds(60));
    expect(a.heard).toEqual(['opened s-0 0']);
    expect(b.replies[0]).toMatchObject({ atS: 70, firstResponseS: 70 });
    expect(chat.snapshot().sessions.abandoned).toBe(1);
  });

  it('says closed outside the answering hours of a live chat', () => {
    const { chat } = service({ hours: { mon: ['08:00-18:00'] } });
    const a = resident();
    const id = chat.open(a.listener) as number;
    expect(a.heard).toEqual(['opened s-0 0', 'closed closed 0']);
    expect(chat.isOpen(id)).toBe(false);
  });

  it('phone and chat share the pool: a busy phone agent leaves the chat session queued', async () => {
    const { chat, phone, time } = service({ replyTime: '60s' });
    const call = phone.offer({ patienceS: 1e9 });
    expect(await call).toMatchObject({ outcome: 'answered', agent: 1 });
    const a = resident();
    chat.open(a.listener);
    expect(chat.snapshot().queued).toBe(1);
    time.advance(seconds(3600));
    // stationary-mmc's talk time is exponential; whenever the call ends, the session is answered then.
    expect(a.replies).toHaveLength(1);
    expect(a.replies[0]!.firstResponseS).toBeGreaterThan(0);
  });

  it("with the client's patience, a call queued behind a chat waits until the caller hangs up; the chat keeps its agent", async () => {
    const { chat, phone, model, time } = service({ replyTime: '1h' }, {}, 'client');
    const a = resident();
    chat.open(a.listener, 'a'); // the one blended agent takes the session: no agent for a call
    const caller = new AbortController();
    let result: CallResult | undefined;
    void phone.offer({ callId: 'c' }, caller.signal).then((r) => {
      result = r;
    });
    time.advance(seconds(7200)); // far past any scenario patience: nobody but the caller ends the call
    await Promise.resolve();
    expect(result).toBeUndefined();
    expect(phone.snapshot()).toMatchObject({ queueLength: 1, pendingCalls: 1, hangUps: 0 });
    expect(a.replies).toEqual([{ message: 1, atS: 3600, agent: 1, firstResponseS: 3600 }]);
    caller.abort();
    await Promise.resolve();
    expect(result).toMatchObject({ outcome: 'abandoned', reason: 'hangUp', callId: 'c', agent: null });
    expect(phone.snapshot()).toMatchObject({ queueLength: 0, pendingCalls: 0, hangUps: 1 });
    expect(chat.snapshot()).toMatchObject({ inProgress: 1, open: 1 });
    model.shutdown();
    expect(a.heard.at(-1)).toBe('closed completed 7200 shutdown');
  });

  it('shutdown closes every open session with reason shutdown and refuses new ones', () => {
    const { chat, model, time } = service({ replyTime: '60s' }, { maxChats: 1 });
    const a = resident();
    const b = resident();
    chat.open(a.listener);
    chat.open(b.listener);
    time.advance(seconds(70));
    model.shutdown();
    expect(a.heard.at(-1)).toBe('closed completed 70 shutdown');
    expect(b.heard.at(-1)).toBe('closed abandoned 70 shutdown');
    expect(chat.open(resident().listener)).toBe('shutting_down');
    expect(chat.snapshot().open).toBe(0);
  });
});
