// The check-in channel's part of report.html: its per-day table and its charts, read through the
// metric registry (labels, units, bands). The loop chart puts the check-in failures, the calls they
// cause and the phone's abandon rate on one time axis. Absent when a run has no checkin.
import { metricSpec } from '../../sim/metrics/metricRegistry.js';
import type { LoadedRun } from '../loadRun.js';
import { channelOfRun, channelSeries, channelTargetsOf } from '../report/channelOfRun.js';
import { type ChartSeries, type ChartSpec, PALETTE } from '../report/chartSpec.js';
import { escapeHtml } from '../report/escapeHtml.js';
import { formatValue } from '../report/formatMetric.js';
import { intervalTimes } from '../report/intervalTimes.js';
import { metricLine, timeChart } from '../report/metricLine.js';
import { perDayTable } from '../report/perDayTable.js';
import { runLabel } from '../runMetrics.js';

const [BLUE, VERMILLION, GREEN, PURPLE, ORANGE, SKY, BLACK] = PALETTE as [string, ...string[]];

interface CheckinTargets {
  variant: string;
  thresholdS: number;
  goal: number;
}

/** The per-day columns, in order (the service level is the target's). */
const DAY_METRICS = [
  'monitored',
  'prompts',
  'received',
  'failureRate',
  'failedNoResponse',
  'failedAppError',
  'failedGeolocationWrong',
  'failedPhotoNotIdentified',
  'failedCannotUseApp',
  'confirmedWithinT',
  'confirmationMeanS',
  'reviewWaitMeanS',
  'maxReviewQueue',
  'callsCaused',
  'callsNotOffered',
];

/** The check-in heading, note and per-day table (HTML), or '' when the run has no checkin. */
export function checkinSummaryHtml(run: LoadedRun): string {
  const checkin = channelOfRun(run, 'checkin');
  const targets = channelTargetsOf<CheckinTargets>(run, 'checkin');
  if (checkin === null || targets === null) return '';
  const goal = `${formatValue(targets.goal, 'share')} of confirmed check-ins within ${formatValue(targets.thresholdS, 'seconds')} of submission`;
  return [
    '<h2>Check-in</h2>',
    `<p class="note">Target: ${escapeHtml(goal)}. Counts are per event: a prompt when sent, a failure when known (deadline, app error, verification), a call when made. Failure rate = failed or missed check-ins / prompts. Calls caused join the phone queue of the same run.</p>`,
    perDayTable('checkin', DAY_METRICS, checkin, runLabel(run)),
  ].join('\n');
}

/** The check-in charts (the loop first), or none when the run has no checkin. */
export function checkinCharts(run: LoadedRun): ChartSpec[] {
  const targets = channelTargetsOf<CheckinTargets>(run, 'checkin');
  if (channelOfRun(run, 'checkin') === null || targets === null) return [];
  const x = intervalTimes(run.intervals);
  const line = (
    channel: string,
    metric: string,
    color: string,
    options: { axis?: number; dash?: boolean; band?: boolean } = {},
  ): ChartSeries[] => {
    const s = channelSeries(run, channel, metric);
    if (s === null) return [];
    const spec = metricSpec(channel, metric);
    const label = channel === 'checkin' ? spec.label : `${channel}: ${spec.label}`;
    return [metricLine(s, spec, color, { ...options, label })];
  };
  const chart = timeChart(x);
  const hasPhone = channelSeries(run, 'phone', 'abandonRate') !== null;
  return [
    chart({
      id: 'checkin-loop',
      title: 'The loop: check-in failures by mode, the calls they cause, and the hotline',
      note: hasPhone
        ? 'Left: failures per interval by mode and the calls they cause. Right: the abandon rate of the phone channel of the same run, which takes those calls.'
        : 'Left: failures per interval by mode and the calls they cause. This run has no phone channel: the calls are counted, not queued.',
      axes: [
        { label: 'per interval', unit: 'count', side: 'left' },
        { label: 'phone', unit: 'share', side: 'right' },
      ],
      series: [
        ...line('checkin', 'failedNoResponse', SKY, { band: false }),
        ...line('checkin', 'failedAppError', PURPLE, { band: false }),
        ...line('checkin', 'failedGeolocationWrong', GREEN, { band: false }),
        ...line('checkin', 'failedPhotoNotIdentified', ORANGE, { band: false }),
        ...line('checkin', 'failedCannotUseApp', BLACK, { band: false, dash: true }),
        ...line('checkin', 'callsCaused', BLUE),
        ...line('phone', 'abandonRate', VERMILLION, { axis: 1 }),
      ],
    }),
    chart({
      id: 'checkin-calls',
      title: 'Calls caused per interval, by cause',
      axes: [{ label: 'calls per interval', unit: 'count', side: 'left' }],
      series: [
        ...line('checkin', 'callsCausedNoResponse', SKY),
        ...line('checkin', 'callsCausedAppError', PURPLE),
        ...line('checkin', 'callsCausedGeolocationWrong', GREEN),
        ...line('checkin', 'callsCausedPhotoNotIdentified', ORANGE),
        ...line('checkin', 'callsCausedCannotUseApp', BLACK, { dash: true }),
      ],
    }),
    chart({
      id: 'checkin-volume',
      title: 'Prompts, check-ins received and failures per interval',
      axes: [{ label: 'per interval', unit: 'count', side: 'left' }],
      series: [
        ...line('checkin', 'prompts', BLUE),
        ...line('checkin', 'received', GREEN),
        ...line('checkin', 'failed', VERMILLION),
      ],
    }),
    chart({
      id: 'checkin-confirmation',
      title: 'Confirmation: time from submission and the manual review backlog',
      note: `Target: ${formatValue(targets.goal, 'share')} confirmed within ${formatValue(targets.thresholdS, 'seconds')}. Manual reviews wait for agents with the review skill.`,
      axes: [
        { label: 'seconds', unit: 'seconds', side: 'left' },
        { label: 'check-ins waiting for review', unit: 'count', side: 'right' },
      ],
      series: [
        ...line('checkin', 'confirmationMeanS', BLUE),
        ...line('checkin', 'reviewWaitMeanS', ORANGE),
        ...line('checkin', 'meanReviewQueue', VERMILLION, { axis: 1 }),
      ],
    }),
  ];
}
