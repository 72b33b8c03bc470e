// E-mail's measured metrics in a k6 run, in the result format of `hotline sim` (kind 'k6'): the facts
// k6 read from the mock's model times become the simulator's counter row, and the simulator's own
// deriveEmailMetrics turns them into metrics. Metrics k6 cannot see (the backlog of the model's own
// e-mails, the agents: specs with `k6: null`) are null with n = 0.
import { deriveEmailMetrics } from '../../sim/channels/email/deriveEmailMetrics.js';
import type { EmailCounterRow } from '../../sim/channels/email/EmailCounters.js';
import { channelMetrics } from '../../sim/metrics/metricRegistry.js';
import { type ServiceLevelCounts, serviceLevelDenominator } from '../../sim/metrics/serviceLevel.js';
import { WAIT_BUCKETS, waitBucket } from '../../sim/metrics/WaitHistogram.js';
import type { MetricSummary } from '../../sim/replications/summarizeReplications.js';
import type { ChannelSummary, K6ChannelResults } from '../K6ChannelResults.js';
import { NO_FIGURE, proportionFigure } from '../k6Figures.js';
import type { MeasuredEmails } from './measuredEmail.js';

/** The facts of the e-mails (and answers) whose interval passes `keep`, as the simulator's counter row. */
export function emailCounterRow(
  facts: MeasuredEmails,
  thresholdS: number,
  keep: (interval: number) => boolean = () => true,
): { row: EmailCounterRow; histogram: Float64Array } {
  const kept = <T extends { interval: number }>(list: readonly T[]) => list.filter((x) => keep(x.interval));
  const emails = kept(facts.emails).filter((e) => e.outcome !== 'error');
  const working = kept(facts.responsesWorking);
  const waits = kept(facts.waits);
  const histogram = new Float64Array(WAIT_BUCKETS);
  for (const { s } of working) histogram[waitBucket(s)]!++;
  const sum = (list: readonly { s: number }[]) => list.reduce((acc, x) => acc + x.s, 0);
  const count = (outcome: string) => emails.filter((e) => e.outcome === outcome).length;
  const overdue = count('overdue');
  const row: EmailCounterRow = {
    offered: emails.length,
    cohortAnswered: count('answered'),
    answeredWithinT: working.filter((x) => x.s <= thresholdS).length,
    responseWorkingSumS: sum(working),
    responseSumS: sum(kept(facts.responses)),
    waitSumS: sum(waits),
    started: waits.length,
    maxResponseWorkingS: working.reduce((acc, x) => Math.max(acc, x.s), 0),
    unansweredAtEnd: overdue + count('pending'),
    overdueAtEnd: overdue,
    answered: facts.answers.filter(keep).length,
    // The agents and the backlog of the model's own e-mails are not visible to a client.
    busyAgentS: 0,
    onDutyAgentS: 0,
    overtimeAgentS: 0,
    waitingAreaS: 0,
  };
  return { row, histogram };
}

/**
 * E-mail metrics of the measured e-mails, by the simulator's formulas (deriveEmailMetrics); service
 * levels carry a Wilson interval over their denominator (the one SL formula's), durations their count.
 */
export function measureK6Email(
  facts: MeasuredEmails,
  thresholdS: number,
  keep?: (interval: number) => boolean,
): ChannelSummary {
  const { row, histogram } = emailCounterRow(facts, thresholdS, keep);
  const derived = deriveEmailMetrics(row, histogram, 0, 1);
  const counts: ServiceLevelCounts = {
    answeredWithinT: row.answeredWithinT,
    answered: row.cohortAnswered,
    abandoned: row.unansweredAtEnd,
    abandonedAfterT: row.overdueAtEnd,
  };
  const out: ChannelSummary = {};
  for (const spec of channelMetrics('email')) {
    const value = derived[spec.name as keyof typeof derived];
    out[spec.name] =
      spec.k6 === null || value === null
        ? NO_FIGURE
        : spec.serviceLevel !== null
          ? proportionFigure(row.answeredWithinT, serviceLevelDenominator(spec.serviceLevel, counts))
          : figure(
              value,
              spec.unit === 'count' ? 1 : spec.name === 'waitMeanS' ? row.started : row.cohortAnswered,
            );
  }
  return out;
}

const figure = (mean: number, n: number): MetricSummary => ({ mean, ci95: null, n });

const intervalOf = (tags: Record<string, string>) => Number(tags.interval ?? -1);

/** E-mail in a k6 run: the e-mails k6 submitted and polled (emails, email_response_*, email_wait_s, email_answers). */
export const emailK6Results: K6ChannelResults<'email', MeasuredEmails> = {
  channel: 'email',
  emptyFacts: () => ({ emails: [], responsesWorking: [], responses: [], waits: [], answers: [] }),
  samples: {
    emails: ({ tags }, into) => {
      into.emails.push({ interval: intervalOf(tags), outcome: tags.outcome ?? 'error' });
    },
    email_response_working_h: ({ value, tags }, into) => {
      into.responsesWorking.push({ interval: intervalOf(tags), s: value * 3600 });
    },
    email_response_h: ({ value, tags }, into) => {
      into.responses.push({ interval: intervalOf(tags), s: value * 3600 });
    },
    email_wait_s: ({ value, tags }, into) => {
      into.waits.push({ interval: intervalOf(tags), s: value });
    },
    email_answers: ({ tags }, into) => {
      into.answers.push(intervalOf(tags));
    },
  },
  measure: (measurement, thresholdS, keep) =>
    measureK6Email(measurement.channels.email ?? emailK6Results.emptyFacts(), thresholdS, keep),
  thresholdS: (scenario) => scenario.channels.email?.targets.thresholdS ?? null,
};
