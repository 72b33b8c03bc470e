// Chat's measured metrics in a k6 run, in the result format of `hotline sim` (kind 'k6').
import { channelMetrics } from '../../sim/metrics/metricRegistry.js';
import { serviceLevelDenominator } from '../../sim/metrics/serviceLevel.js';
import type { ChannelSummary, K6ChannelResults } from '../K6ChannelResults.js';
import { countFigure, meanFigure, NO_FIGURE, proportionFigure, quantileFigure } from '../k6Figures.js';
import type { MeasuredChat, MeasuredSession } from './measuredSession.js';

/**
 * Chat metrics of a set of measured sessions and replies, with the simulator's definitions: answered
 * = sessions that got a first reply; first-response SLs by the one SL formula on (answered within T,
 * answered, abandoned, abandoned after T); abandonRate = abandoned / (answered + abandoned).
 */
export function measureChat(
  sessions: readonly MeasuredSession[],
  replies: readonly number[],
  thresholdS: number,
): ChannelSummary {
  let answered = 0;
  let answeredWithinT = 0;
  let abandoned = 0;
  let abandonedAfterT = 0;
  let firstSum = 0;
  const firsts: number[] = [];
  const byOutcome: Record<string, number> = { closed: 0, completed: 0, left: 0 };
  for (const session of sessions) {
    if (session.answered) {
      answered++;
      firstSum += session.waitS;
      firsts.push(session.waitS);
      if (session.waitS <= thresholdS) answeredWithinT++;
    } else if (session.outcome === 'abandoned') {
      abandoned++;
      if (session.waitS > thresholdS) abandonedAfterT++;
    }
    if (session.outcome in byOutcome) byOutcome[session.outcome]!++;
  }
  firsts.sort((a, b) => a - b);
  const sortedReplies = [...replies].sort((a, b) => a - b);
  const counts = { answeredWithinT, answered, abandoned, abandonedAfterT };
  const out: ChannelSummary = {};
  for (const spec of channelMetrics('chat')) {
    out[spec.name] =
      spec.serviceLevel === null
        ? NO_FIGURE
        : proportionFigure(answeredWithinT, serviceLevelDenominator(spec.serviceLevel, counts));
  }
  Object.assign(out, {
    offered: countFigure(sessions.length),
    answered: countFigure(answered),
    abandoned: countFigure(abandoned),
    closed: countFigure(byOutcome.closed!),
    completed: countFigure(byOutcome.completed!),
    leftAfterFirstReply: countFigure(byOutcome.left!),
    firstResponseMeanS: meanFigure(firstSum, answered),
    firstResponseP50S: quantileFigure(firsts, 0.5),
    firstResponseP90S: quantileFigure(firsts, 0.9),
    firstResponseP95S: quantileFigure(firsts, 0.95),
    maxFirstResponseS:
      answered > 0 ? { mean: firsts[firsts.length - 1]!, ci95: null, n: answered } : NO_FIGURE,
    replyMeanS: meanFigure(
      replies.reduce((a, b) => a + b, 0),
      replies.length,
    ),
    replyP90S: quantileFigure(sortedReplies, 0.9),
    abandonRate: proportionFigure(abandoned, answered + abandoned),
  });
  return out;
}

/** Chat in a k6 run: the sessions and replies k6 measured (chat_session_wait_s, chat_reply_s). */
export const chatK6Results: K6ChannelResults<'chat', MeasuredChat> = {
  channel: 'chat',
  emptyFacts: () => ({ sessions: [], replies: [] }),
  samples: {
    chat_session_wait_s: ({ value, tags }, into) => {
      into.sessions.push({
        interval: Number(tags.interval ?? -1),
        outcome: tags.outcome ?? 'error',
        answered: tags.answered === '1',
        waitS: value,
      });
    },
    chat_reply_s: ({ value, tags }, into) => {
      into.replies.push({ interval: Number(tags.interval ?? -1), s: value });
    },
  },
  measure: (measurement, thresholdS, keep = () => true) =>
    measureChat(
      (measurement.channels.chat?.sessions ?? []).filter((s) => keep(s.interval)),
      (measurement.channels.chat?.replies ?? []).filter((r) => keep(r.interval)).map((r) => r.s),
      thresholdS,
    ),
  thresholdS: (scenario) => scenario.channels.chat?.targets.thresholdS ?? null,
};
