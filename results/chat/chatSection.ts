// The chat channel's part of report.html: its per-day table and its charts, all read through the
// metric registry (labels, units, bands), for sim and k6 runs alike. Absent when a run has no chat.
import { channelMetrics, metricSpec } from '../../sim/metrics/metricRegistry.js';
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

interface ChatTargets {
  variant: string;
  thresholdS: number;
  goal: number;
  maxAbandonRate: number | null;
}

/** The chat heading, note and per-day table (HTML), or '' when the run has no chat. */
export function chatSummaryHtml(run: LoadedRun): string {
  const chat = channelOfRun(run, 'chat');
  const targets = channelTargetsOf<ChatTargets>(run, 'chat');
  if (chat === null || targets === null) return '';
  const metrics: string[] = [
    ...channelMetrics('chat')
      .filter((s) => s.views.includes('table') && s.serviceLevel === null)
      .map((s) => s.name),
  ];
  metrics.splice(3, 0, targets.variant, 'firstResponseP90S', 'answeredNextDayShare', 'sessionsPerAgent');
  const goal = `${formatValue(targets.goal, 'share')} of first replies within ${formatValue(targets.thresholdS, 'seconds')}`;
  return [
    '<h2>Chat</h2>',
    `<p class="note">First-reply service level (${escapeHtml(targets.variant)}), target ${escapeHtml(goal)}. Sessions count in the interval they were opened.</p>`,
    perDayTable('chat', metrics, chat, runLabel(run)),
  ].join('\n');
}

/** The chat charts, or none when the run has no chat. */
export function chatCharts(run: LoadedRun): ChartSpec[] {
  const targets = channelTargetsOf<ChatTargets>(run, 'chat');
  if (channelOfRun(run, 'chat') === null || targets === null) return [];
  const x = intervalTimes(run.intervals);
  const line = (metric: string, color: string, axis = 0): ChartSeries =>
    metricLine(channelSeriesOrEmpty(run, 'chat', metric), metricSpec('chat', metric), color, { axis });
  const chart = timeChart(x);
  const abandonSeries = [line('abandonRate', VERMILLION)];
  if (targets.maxAbandonRate !== null)
    abandonSeries.push(
      limitSeries(run, targets.maxAbandonRate, `limit ${formatValue(targets.maxAbandonRate, 'share')}`),
    );
  return [
    chart({
      id: 'chat-sessions',
      title: 'Chat sessions per interval',
      axes: [{ label: 'sessions per interval', unit: 'count', side: 'left' }],
      series: [line('offered', BLUE), line('answered', GREEN), line('abandoned', VERMILLION)],
    }),
    chart({
      id: 'chat-sl',
      title: `First-reply service level (${targets.variant}) against its target`,
      note: `First reply within ${formatValue(targets.thresholdS, 'seconds')} of the question; target ${formatValue(targets.goal, 'share')}.`,
      axes: [{ label: metricSpec('chat', targets.variant).label, unit: 'share', side: 'left' }],
      series: [
        line(targets.variant, BLUE),
        limitSeries(run, targets.goal, `target ${formatValue(targets.goal, 'share')}`),
      ],
    }),
    chart({
      id: 'chat-first-reply',
      title: 'First reply and reply times per interval',
      axes: [{ label: 'seconds', unit: 'seconds', side: 'left' }],
      series: [
        line('firstResponseMeanS', ORANGE),
        line('firstResponseP90S', VERMILLION),
        line('replyMeanS', SKY),
      ],
    }),
    chart({
      id: 'chat-abandon',
      title: 'Chat abandonment before the first reply per interval',
      axes: [{ label: 'abandon rate', unit: 'share', side: 'left' }],
      series: abandonSeries,
    }),
    chart({
      id: 'chat-occupancy',
      title: 'Chat occupancy: slots, agents, sessions per agent',
      note: 'Occupancy in slots: sessions held / (agents on duty with the chat skill × maxChats). In agents: agents holding a session / agents on duty.',
      axes: [
        { label: 'occupancy', unit: 'share', side: 'left' },
        { label: 'sessions per agent', unit: 'agents', side: 'right' },
      ],
      series: [
        line('occupancySlots', BLUE),
        line('occupancyAgents', GREEN),
        line('sessionsPerAgent', ORANGE, 1),
      ],
    }),
  ];
}
