// The check-in channel's measured metrics in a k6 run, in the result format of `hotline sim` (kind
// 'k6'): the uploads k6 made become a row of the simulator's check-in counters, and the simulator's
// deriveCheckinMetrics turns it into metrics. What the client cannot see (prompts, misses and app
// errors that never upload, calls caused, queues, agents) is null.
import {
  CHECKIN_COUNT_FIELDS,
  CHECKIN_TIME_FIELDS,
  type CheckinCounterRow,
} from '../../sim/channels/checkin/CheckinCounters.js';
import type { CheckinMetric } from '../../sim/channels/checkin/checkinMetricSpecs.js';
import { deriveCheckinMetrics } from '../../sim/channels/checkin/deriveCheckinMetrics.js';
import { metricNames } from '../../sim/metrics/metricRegistry.js';
import type { ChannelSummary, K6ChannelResults } from '../K6ChannelResults.js';
import { countFigure, meanFigure, NO_FIGURE, proportionFigure, quantileFigure } from '../k6Figures.js';
import type { MeasuredCheckin, MeasuredCheckinUpload } from './measuredCheckin.js';

/** The check-in metrics a replay measures (counts of uploads and their decisions, confirmation times). */
export const K6_CHECKIN_METRICS = [
  'received',
  'failedGeolocationWrong',
  'failedPhotoNotIdentified',
  'confirmed',
  'confirmedWithinT',
  'confirmationMeanS',
  'confirmationP90S',
  'maxConfirmationS',
  'sentToReview',
  'reviewed',
] as const satisfies readonly CheckinMetric[];

/**
 * The simulator's counters of a set of measured uploads: received = uploads answered 202 (an error
 * before the service took it is not a check-in), failures by mode, confirmed (verified) with their
 * times from upload, review seen by a poll. Uploads count in their upload interval; the simulator
 * counts a decision in the interval it happens in (the verification's seconds later, a review's up
 * to an hour), so per interval the two differ by the decisions that cross an interval boundary.
 */
export function checkinCounterRow(
  uploads: readonly MeasuredCheckinUpload[],
  thresholdS: number,
): CheckinCounterRow {
  const row = Object.fromEntries(
    [...CHECKIN_COUNT_FIELDS, ...CHECKIN_TIME_FIELDS].map((f) => [f, 0]),
  ) as CheckinCounterRow;
  for (const upload of uploads) {
    if (upload.outcome === 'error') continue;
    row.received++;
    if (upload.sawReview) row.sentToReview++;
    if (upload.outcome === 'failed') {
      if (upload.mode === 'geolocationWrong') row.failedGeolocationWrong++;
      else if (upload.mode === 'photoNotIdentified') row.failedPhotoNotIdentified++;
    } else if (upload.outcome === 'verified' && upload.decisionS !== null) {
      const s = upload.decisionS;
      row.confirmed++;
      row.confirmationSumS += s;
      if (s <= thresholdS) row.confirmedWithinT++;
      row.maxConfirmationS = Math.max(row.maxConfirmationS, s);
      if (upload.sawReview) row.reviewed++;
    }
  }
  return row;
}

/** Check-in metrics of a set of measured uploads, with the simulator's definitions. */
export function measureCheckinUploads(
  uploads: readonly MeasuredCheckinUpload[],
  thresholdS: number,
): ChannelSummary {
  const row = checkinCounterRow(uploads, thresholdS);
  // The histogram, span, population and capacity feed metrics the client cannot see (nulled below).
  const derived = deriveCheckinMetrics(row, [], 1, 0, 1);
  const times = uploads
    .filter((u) => u.outcome === 'verified' && u.decisionS !== null)
    .map((u) => u.decisionS!)
    .sort((a, b) => a - b);
  const out: ChannelSummary = Object.fromEntries(metricNames('checkin').map((m) => [m, NO_FIGURE]));
  for (const name of ['received', 'failedGeolocationWrong', 'failedPhotoNotIdentified', 'confirmed'] as const)
    out[name] = countFigure(derived[name]!);
  out.sentToReview = countFigure(row.sentToReview);
  out.reviewed = countFigure(row.reviewed);
  out.confirmedWithinT = proportionFigure(row.confirmedWithinT, row.confirmed);
  out.confirmationMeanS = meanFigure(row.confirmationSumS, row.confirmed);
  out.confirmationP90S = quantileFigure(times, 0.9);
  out.maxConfirmationS =
    derived.maxConfirmationS === null
      ? NO_FIGURE
      : { mean: derived.maxConfirmationS, ci95: null, n: row.confirmed };
  return out;
}

/** The check-in channel in a k6 run: the uploads k6 measured (checkin_decision_s). */
export const checkinK6Results: K6ChannelResults<'checkin', MeasuredCheckin> = {
  channel: 'checkin',
  emptyFacts: () => ({ uploads: [] }),
  samples: {
    checkin_decision_s: ({ value, tags }, into) => {
      const outcome = tags.outcome ?? 'error';
      const decided = outcome === 'verified' || outcome === 'failed';
      into.uploads.push({
        interval: Number(tags.interval ?? -1),
        outcome,
        mode: tags.mode !== undefined && tags.mode !== 'none' ? tags.mode : null,
        decisionS: decided ? value : null,
        sawReview: tags.review === '1',
      });
    },
  },
  measure: (measurement, thresholdS, keep = () => true) =>
    measureCheckinUploads(
      (measurement.channels.checkin?.uploads ?? []).filter((u) => keep(u.interval)),
      thresholdS,
    ),
  thresholdS: (scenario) => scenario.channels.checkin?.targets.thresholdS ?? null,
};
