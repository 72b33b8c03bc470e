// The portal channel's measured metrics in a k6 run, in the result format of `hotline sim` (kind
// 'k6'): the submissions and status checks k6 made become a row of the simulator's portal counters,
// and the simulator's derivePortalMetrics turns it into metrics. What a client cannot see within a
// replay window (decisions working days away, support contacts the model causes, the model's own
// applicants, resubmissions, which the replay does not make) is null.

import { derivePortalMetrics } from '../../sim/channels/portal/derivePortalMetrics.js';
import { PORTAL_FIELDS, type PortalCounterRow } from '../../sim/channels/portal/PortalCounters.js';
import type { PortalMetric } from '../../sim/channels/portal/portalMetricSpecs.js';
import { metricNames } from '../../sim/metrics/metricRegistry.js';
import type { ChannelSummary, K6ChannelResults } from '../K6ChannelResults.js';
import { countFigure, NO_FIGURE, proportionFigure } from '../k6Figures.js';
import type { MeasuredPortal } from './measuredPortal.js';

/** The portal metrics a replay measures: its submissions by answer, their documents, its status checks. */
export const K6_PORTAL_METRICS = [
  'applications',
  'submissions',
  'documents',
  'refusedWrongType',
  'refusedTooBig',
  'refusedBadField',
  'refusedShare',
  'received',
  'statusChecks',
] as const satisfies readonly PortalMetric[];

const REFUSED_FIELDS = ['refusedWrongType', 'refusedTooBig', 'refusedBadField'] as const;

/**
 * The simulator's counters of a set of measured submissions and checks: every submission the portal
 * answered (201, 415, 413, 400; not an error) is an application's first submission (the replay does
 * not resubmit), with its documents; refusals by reason; received = 201; status checks that got a
 * stage. All counted where they happened, as the simulator counts them.
 */
export function portalCounterRow(facts: MeasuredPortal): PortalCounterRow {
  const row = Object.fromEntries(PORTAL_FIELDS.map((f) => [f, 0])) as PortalCounterRow;
  for (const submission of facts.submissions) {
    if (submission.outcome === 'error') continue;
    row.applications++;
    row.submissions++;
    row.documents += submission.documents;
    if (submission.outcome === 'received') row.received++;
    else if ((REFUSED_FIELDS as readonly string[]).includes(submission.outcome))
      row[submission.outcome as (typeof REFUSED_FIELDS)[number]]++;
  }
  row.statusChecks = facts.statusChecks.filter((c) => c.stage !== 'error').length;
  return row;
}

/** Portal metrics of the measured facts whose interval passes `keep`, with the simulator's definitions. */
export function measureK6Portal(
  facts: MeasuredPortal,
  keep: (interval: number) => boolean = () => true,
): ChannelSummary {
  const kept: MeasuredPortal = {
    submissions: facts.submissions.filter((s) => keep(s.interval)),
    statusChecks: facts.statusChecks.filter((c) => keep(c.interval)),
  };
  const row = portalCounterRow(kept);
  const derived = derivePortalMetrics(row, []);
  const out: ChannelSummary = Object.fromEntries(metricNames('portal').map((m) => [m, NO_FIGURE]));
  for (const name of K6_PORTAL_METRICS) out[name] = countFigure(derived[name] ?? 0);
  const refused = REFUSED_FIELDS.reduce((sum, f) => sum + row[f], 0);
  out.refusedShare = proportionFigure(refused, row.submissions);
  return out;
}

const intervalOf = (tags: Record<string, string>) => Number(tags.interval ?? -1);

/** The portal in a k6 run: the submissions (portal_upload_ms) and status checks (portal_status_ms) k6 made. */
export const portalK6Results: K6ChannelResults<'portal', MeasuredPortal> = {
  channel: 'portal',
  emptyFacts: () => ({ submissions: [], statusChecks: [] }),
  samples: {
    portal_upload_ms: ({ value, tags }, into) => {
      into.submissions.push({
        interval: intervalOf(tags),
        outcome: tags.outcome ?? 'error',
        planned: tags.planned ?? 'received',
        documents: Number(tags.documents ?? 0),
        uploadMs: value,
      });
    },
    portal_status_ms: ({ tags }, into) => {
      into.statusChecks.push({ interval: intervalOf(tags), stage: tags.stage ?? 'error' });
    },
  },
  measure: (measurement, _thresholdS, keep) =>
    measureK6Portal(measurement.channels.portal ?? portalK6Results.emptyFacts(), keep),
  thresholdS: (scenario) => scenario.channels.portal?.targets.thresholdS ?? null,
};
