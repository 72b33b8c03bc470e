// Chat's part of the k6 script (scenario `chat`, exec 'chat' of the bundle's entry): one WebSocket
// session per planned arrival, each replaying its resident (messages, think times, reply patience
// drawn in Node; k6 draws nothing). Logic lives in the k6-free chatSessions.ts.
import { sleep } from 'k6';
import { SharedArray } from 'k6/data';
import exec from 'k6/execution';
import { Counter, Rate, Trend } from 'k6/metrics';
import { clearTimeout, setTimeout } from 'k6/timers';
import { WebSocket } from 'k6/websockets';
import { intervalOfIteration } from '../intervalOfIteration.js';
import type { K6ChannelScript } from '../K6ChannelScript.js';
import type { ReplayConfig } from '../replayConfig.js';
import {
  CHAT_SESSIONS_FILE_ENV,
  type ChatReplayConfig,
  type ChatSessionEntry,
  chatK6Scenario,
} from './chatReplayConfig.js';
import { CHAT_RATE_METRICS, ChatResident, chatSessionRates, type ResidentAction } from './chatSessions.js';

export const k6Script: K6ChannelScript<ChatReplayConfig> = {
  channel: 'chat',
  k6Scenario: chatK6Scenario,
  scenario: chatScenario,
};

/** Builds the chat scenario's function over the replay's config (called in the init context). */
function chatScenario(
  chat: ChatReplayConfig | undefined,
  config: ReplayConfig,
  token: string | undefined,
): () => void {
  if (chat === undefined) return () => {};
  const sessions = new SharedArray('chat sessions', () => {
    const file = __ENV[CHAT_SESSIONS_FILE_ENV];
    if (!file) throw new Error(`set ${CHAT_SESSIONS_FILE_ENV} with -e (the chat sessions of the replay)`);
    return JSON.parse(open(file)) as ChatSessionEntry[];
  });
  const sessionsCount = new Counter('chat_sessions');
  /** One sample per session: first response (answered) or time to its end; tags outcome, answered, interval. */
  const sessionWaitS = new Trend('chat_session_wait_s');
  const firstResponseS = new Trend('chat_first_response_s');
  const replyS = new Trend('chat_reply_s');
  const rates = CHAT_RATE_METRICS.map((spec) => ({ name: spec.name, rate: new Rate(spec.k6!.metric) }));
  const arrivalLagMs = new Trend('arrival_lag_ms', true);
  const url = `${config.target.replace(/^http/, 'ws')}/v1/chat`;
  const params = token ? { headers: { Authorization: `Bearer ${token}` } } : null;

  return function chatSession(): void {
    const n = exec.scenario.iterationInTest;
    if (n >= chat.cumulative[chat.cumulative.length - 1]!) return;
    const plan = sessions[n] as ChatSessionEntry;
    const interval = String(chat.intervalIndex[intervalOfIteration(chat.cumulative, n)] ?? -1);
    if (plan.atMs !== null) {
      const dueAt = exec.scenario.startTime + plan.atMs;
      const waitMs = dueAt - Date.now();
      if (waitMs > 0) sleep(waitMs / 1000); // before the socket exists: nothing needs the event loop yet
      arrivalLagMs.add(Date.now() - dueAt, { channel: 'chat', interval });
    }
    const resident = new ChatResident(plan, config.timeScale, `${config.runId}-c${n}`);
    const timers: Partial<Record<'think' | 'patience', number>> = {};
    const socket = new WebSocket(url, null, params);
    const deadline = setTimeout(
      () => run(resident.onGone(Date.now(), 'session timed out')),
      chat.sessionTimeoutMs,
    );
    let ended = false;
    const run = (actions: ResidentAction[]) => {
      for (const action of actions) {
        if (action.kind === 'send') socket.send(JSON.stringify(action.frame));
        else if (action.kind === 'timer')
          timers[action.timer] = setTimeout(
            () => run(resident.onTimer(action.timer, Date.now())),
            action.delayMs,
          );
        else if (action.kind === 'cancel') {
          if (timers[action.timer] !== undefined) clearTimeout(timers[action.timer]!);
          timers[action.timer] = undefined;
        } else if (!ended) {
          ended = true;
          if (timers.think !== undefined) clearTimeout(timers.think);
          clearTimeout(deadline);
          record();
          socket.close();
        }
      }
    };
    const record = () => {
      const measured = resident.measured!;
      const tags = { channel: 'chat', interval };
      const sessionTags = { ...tags, outcome: measured.outcome, answered: measured.answered ? '1' : '0' };
      sessionsCount.add(1, sessionTags);
      sessionWaitS.add(measured.waitS, sessionTags);
      if (measured.answered) firstResponseS.add(measured.waitS, tags);
      for (const s of measured.replyS) replyS.add(s, tags);
      const values = chatSessionRates(measured, chat.thresholdS);
      for (const { name, rate } of rates) {
        const value = values[name];
        if (value !== null && value !== undefined) rate.add(value, tags);
      }
    };
    socket.onopen = () => run(resident.start(Date.now()));
    socket.onmessage = (event) => run(resident.onFrame(String(event?.data ?? ''), Date.now()));
    socket.onerror = (event) =>
      run(resident.onGone(Date.now(), `socket error ${String(event?.error ?? '')}`));
    socket.onclose = () => run(resident.onGone(Date.now(), 'socket closed without a closed frame'));
  };
}
