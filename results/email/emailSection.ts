// The e-mail channel's part of report.html: its per-day table and its charts (received and answered,
// the backlog, the working-hours service level, response times, agent time), read through the metric
// registry (labels, units, bands). Absent when a run has no e-mail channel.
import { metricSpec } from '../../sim/metrics/metricRegistry.js';
import type { LoadedRun } from '../loadRun.js';
import { channelOfRun, channelSeriesOrEmpty, channelTargetsOf, limitSeries } from '../report/channelOfRun.js';
import { type ChartSeries, type ChartSpec, PALETTE } from '../report/chartSpec.js';
import { escapeHtml } from '../report/escapeHtml.js';
import { formatValue } from '../report/formatMetric.js';
import { intervalTimes } from '../report/intervalTimes.js';
import { metricLine, timeChart } from '../report/metricLine.js';
import { perDayTable } from '../report/perDayTable.js';
import { runLabel } from '../runMetrics.js';

const [BLUE, VERMILLION, GREEN, , ORANGE, SKY] = PALETTE as [string, ...string[]];

interface EmailTargets {
  variant: string;
  /** Working seconds (on the channel's working-hours clock). */
  thresholdS: number;
  goal: number;
}

const TABLE = [
  'offered',
  'answered',
  'backlogAtEnd',
  'SERVICE_LEVEL',
  'responseMeanWorkingH',
  'responseP90WorkingH',
  'overdueAtEnd',
  'workedHours',
  'emailShareOfAgentTime',
] as const;

/** "9 working hours" (the target's threshold on the working-hours clock). */
export function workingHoursText(thresholdS: number): string {
  const hours = thresholdS / 3600;
  return `${Number.isInteger(hours) ? hours : hours.toFixed(2)} working hour${hours === 1 ? '' : 's'}`;
}

/** The e-mail heading, note and per-day table (HTML), or '' when the run has no e-mail channel. */
export function emailSummaryHtml(run: LoadedRun): string {
  const email = channelOfRun(run, 'email');
  const targets = channelTargetsOf<EmailTargets>(run, 'email');
  if (email === null || targets === null) return '';
  const metrics = TABLE.map((m) => (m === 'SERVICE_LEVEL' ? targets.variant : m));
  const goal = `${formatValue(targets.goal, 'share')} answered within ${workingHoursText(targets.thresholdS)}`;
  return [
    '<h2>E-mail</h2>',
    `<p class="note">Service level on the working-hours clock (${escapeHtml(targets.variant)}), target ${escapeHtml(goal)}. ` +
      'Received, service level, response times and overdue count in the interval an e-mail arrived; answered and backlog in the interval they happen. ' +
      'slIncludingOverdue counts e-mails still unanswered past the target at the end of the run as missed; e-mails unanswered but not yet due have no verdict.</p>',
    perDayTable('email', metrics, email, runLabel(run)),
  ].join('\n');
}

/** The e-mail charts, or none when the run has no e-mail channel. */
export function emailCharts(run: LoadedRun): ChartSpec[] {
  const targets = channelTargetsOf<EmailTargets>(run, 'email');
  if (channelOfRun(run, 'email') === null || targets === null) return [];
  const x = intervalTimes(run.intervals);
  const line = (metric: string, color: string, axis = 0): ChartSeries =>
    metricLine(channelSeriesOrEmpty(run, 'email', metric), metricSpec('email', metric), color, { axis });
  const chart = timeChart(x);
  const within = workingHoursText(targets.thresholdS);
  return [
    chart({
      id: 'email-flow',
      title: 'E-mails received and answered per interval',
      axes: [{ label: 'e-mails per interval', unit: 'count', side: 'left' }],
      series: [line('offered', BLUE), line('answered', GREEN)],
    }),
    chart({
      id: 'email-backlog',
      title: 'E-mail backlog at the end of each interval',
      note: 'Received and not yet answered (waiting, or in an agent’s hands). It grows outside working hours and is worked down in them.',
      axes: [{ label: 'e-mails', unit: 'count', side: 'left' }],
      series: [line('backlogAtEnd', VERMILLION), line('meanWaiting', SKY)],
    }),
    chart({
      id: 'email-sl',
      title: `E-mail service level (${targets.variant}) by interval of receipt`,
      note: `Answered within ${within} of receipt; target ${formatValue(targets.goal, 'share')}.`,
      axes: [{ label: metricSpec('email', targets.variant).label, unit: 'share', side: 'left' }],
      series: [
        line(targets.variant, BLUE),
        limitSeries(run, targets.goal, `target ${formatValue(targets.goal, 'share')}`),
      ],
    }),
    chart({
      id: 'email-response',
      title: 'E-mail response time by interval of receipt (working hours)',
      axes: [{ label: 'working hours', unit: 'hours', side: 'left' }],
      series: [
        line('responseMeanWorkingH', ORANGE),
        line('responseP90WorkingH', VERMILLION),
        limitSeries(run, targets.thresholdS / 3600, `target ${within}`),
      ],
    }),
    chart({
      id: 'email-agents',
      title: 'Agent time on e-mail',
      note: 'Share of the on-duty time of agents with the email skill spent on e-mails; the rest went to their other skills or idle time.',
      axes: [{ label: 'share of agent time', unit: 'share', side: 'left' }],
      series: [line('emailShareOfAgentTime', GREEN)],
    }),
  ];
}
