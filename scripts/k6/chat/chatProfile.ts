// Chat's part of the replay profile: its demand, and its plan from its drawn arrivals: the residents
// (drawChatSessions), the VU pool, the session timeout, its thresholds. Pure and free of k6 imports.
import type { ScenarioModel } from '../../../scenarios/ScenarioModel.js';
import { k6TargetThresholds } from '../../../sim/metrics/judgeTargets.js';
import type { ChannelReplayPlan, PlanContext } from '../K6ChannelClient.js';
import type { ArrivalPlan, ChannelDemand, K6Stage, ProfileInterval } from '../planArrivals.js';
import { type ChatSessionPlan, drawChatSessions } from './chatSessions.js';

export interface ChatReplayPlan extends ChannelReplayPlan {
  intervals: ProfileInterval[];
  stages: K6Stage[];
  cumulative: number[];
  plannedSessions: number;
  /** Wall ms after the scenario start at which session n opens (lead included); empty with even arrivals. */
  offsetsMs: number[];
  /** Session n's resident (iteration n). */
  sessions: ChatSessionPlan[];
  preAllocatedVUs: number;
  maxVUs: number;
  /** Wall ms after which a session still open is closed by the client (a hung target). */
  sessionTimeoutMs: number;
  /** The first-response threshold T, model seconds. */
  thresholdS: number;
  thresholds: Record<string, string[]>;
}

export function chatDemand(scenario: ScenarioModel): ChannelDemand | null {
  const { chat } = scenario.channels;
  if (chat === undefined) return null;
  return {
    channel: 'chat',
    expectedAt: (k) => chat.expectedSessions[k] ?? 0,
    // Questions to an asynchronous chat are posted while it is closed too.
    openAt: (k) => chat.open[k] === 1 || chat.asynchronous,
    dailyCv: chat.dailyCv,
  };
}

export function chatPlan(scenario: ScenarioModel, plan: ArrivalPlan, context: PlanContext): ChatReplayPlan {
  const chat = scenario.channels.chat!;
  const { timeScale, seed } = context.settings;
  // Little's law on sessions: the wait for an agent (at most the patience; bounded by ten replies)
  // plus every message's reply (stretched at most by the largest factor) and think time.
  const replyS = chat.replyTime.mean * Math.max(...chat.concurrencyFactors);
  const waitS = Math.min(chat.patience.mean, 10 * chat.replyTime.mean);
  const holdS = waitS + chat.messages.mean * (replyS + (chat.thinkTime?.mean ?? 0));
  const peakRatePerMs = Math.max(0, ...plan.intervals.map((i) => i.plannedCalls / Math.max(1, i.wallMs)));
  const peak = peakRatePerMs * (plan.leadMs + (holdS / timeScale) * 1000 + 50);
  const preAllocatedVUs = Math.ceil(peak * 1.5) + 5;
  const longestS = 10 * (chat.patience.mean + chat.messages.mean * (replyS + (chat.thinkTime?.mean ?? 0)));
  const sessionTimeoutMs = Math.round((longestS * 1000) / timeScale + 30_000);
  return {
    intervals: plan.intervals,
    stages: plan.stages,
    cumulative: plan.cumulative,
    plannedSessions: plan.planned,
    offsetsMs: plan.offsetsMs,
    sessions: drawChatSessions(chat, plan.planned, seed),
    preAllocatedVUs,
    maxVUs: Math.max(preAllocatedVUs * 2, preAllocatedVUs + 50),
    sessionTimeoutMs: Number.isFinite(sessionTimeoutMs) ? sessionTimeoutMs : 600_000,
    thresholdS: chat.targets.thresholdS,
    thresholds: k6TargetThresholds('chat', chat.targets),
  };
}
