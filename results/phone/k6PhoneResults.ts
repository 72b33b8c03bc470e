// Phone's measured metrics in a k6 run, in the result format of `hotline sim` (kind 'k6'): the same
// metric names per run, day and interval. `n` is the number of calls in the denominator (1 for
// counts). Metrics k6 cannot see (occupancy, queue length, agents...: the metrics whose spec has
// `k6: null`) are null with n = 0.
import type { PhoneMetric } from '../../sim/channels/phone/PhoneMetrics.js';
import { channelMetrics } from '../../sim/metrics/metricRegistry.js';
import { serviceLevelDenominator } from '../../sim/metrics/serviceLevel.js';
import type { MetricSummary } from '../../sim/replications/summarizeReplications.js';
import type { K6ChannelResults } from '../K6ChannelResults.js';
import { countFigure, meanFigure, NO_FIGURE, proportionFigure, quantileFigure } from '../k6Figures.js';
import type { MeasuredCall, MeasuredCalls } from './measuredCall.js';

type PhoneSummary = Record<PhoneMetric, MetricSummary>;

/** Phone metrics of a set of measured calls (one interval, day or the whole window). */
export function measurePhone(calls: readonly MeasuredCall[], thresholdS: number): PhoneSummary {
  let answered = 0;
  let abandoned = 0;
  let blocked = 0;
  let closed = 0;
  let selfServed = 0;
  let retrials = 0;
  let answeredWithinT = 0;
  let abandonedAfterT = 0;
  let waitSum = 0;
  const waits: number[] = [];
  for (const call of calls) {
    if (call.retrial) retrials++;
    if (call.outcome === 'answered') {
      answered++;
      waitSum += call.waitS;
      waits.push(call.waitS);
      if (call.waitS <= thresholdS) answeredWithinT++;
    } else if (call.outcome === 'abandoned') {
      abandoned++;
      if (call.waitS > thresholdS) abandonedAfterT++;
    } else if (call.outcome === 'blocked') blocked++;
    else if (call.outcome === 'closed') closed++;
    else if (call.outcome === 'selfServed') selfServed++;
  }
  waits.sort((a, b) => a - b);
  const offered = calls.length;
  const counts = { answeredWithinT, answered, abandoned, abandonedAfterT };
  const out = {} as PhoneSummary;
  for (const spec of channelMetrics('phone')) {
    out[spec.name] =
      spec.serviceLevel === null
        ? NO_FIGURE
        : proportionFigure(answeredWithinT, serviceLevelDenominator(spec.serviceLevel, counts));
  }
  Object.assign(out, {
    offered: countFigure(offered),
    answered: countFigure(answered),
    abandoned: countFigure(abandoned),
    blocked: countFigure(blocked),
    closed: countFigure(closed),
    selfServed: countFigure(selfServed),
    retrials: countFigure(retrials),
    asaS: meanFigure(waitSum, answered),
    waitP50S: quantileFigure(waits, 0.5),
    waitP80S: quantileFigure(waits, 0.8),
    waitP90S: quantileFigure(waits, 0.9),
    waitP95S: quantileFigure(waits, 0.95),
    waitP99S: quantileFigure(waits, 0.99),
    maxWaitS: answered > 0 ? { mean: waits[waits.length - 1]!, ci95: null, n: answered } : NO_FIGURE,
    abandonRate: proportionFigure(abandoned, answered + abandoned),
    blockRate: proportionFigure(blocked, offered - closed),
  } satisfies Partial<PhoneSummary>);
  return out;
}

/**
 * Phone in a k6 run: the calls k6 measured (call_wait_s: one sample per call, so merged segments
 * count exactly), with the server's self-report beside them (server_wait_s, wait_gap_s).
 */
export const phoneK6Results: K6ChannelResults<'phone', MeasuredCalls> = {
  channel: 'phone',
  emptyFacts: () => ({ calls: [], serverReported: [], waitGapsS: [] }),
  samples: {
    call_wait_s: ({ value, tags, metadata }, into) => {
      const call: MeasuredCall = {
        interval: Number(tags.interval ?? -1),
        outcome: tags.outcome ?? 'error',
        waitS: value,
        retrial: tags.attempt === 'retrial',
      };
      if (tags.server_outcome !== undefined) call.serverOutcome = tags.server_outcome;
      const callId = metadata?.call_id;
      if (callId !== undefined) call.callId = callId;
      into.calls.push(call);
    },
    server_wait_s: ({ value, tags }, into) => {
      into.serverReported.push({ outcome: tags.outcome ?? 'none', waitS: value });
    },
    wait_gap_s: ({ value }, into) => {
      into.waitGapsS.push(value);
    },
  },
  measure: (measurement, thresholdS, keep) => {
    const calls = measurement.channels.phone?.calls ?? [];
    return measurePhone(keep ? calls.filter((c) => keep(c.interval)) : calls, thresholdS);
  },
  // Calls with no usable outcome; a hang-up is an outcome (abandoned), not an error.
  healthValues: (measurement) => {
    const calls = measurement.channels.phone?.calls ?? [];
    return {
      call_errors: {
        rate: calls.length > 0 ? calls.filter((c) => c.outcome === 'error').length / calls.length : null,
      },
    };
  },
  thresholdS: (scenario) => scenario.channels.phone?.targets.thresholdS ?? null,
};
