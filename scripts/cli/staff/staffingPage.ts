import { type ChartSpec, compact, PALETTE } from '../../../results/report/chartSpec.js';
import { escapeHtml } from '../../../results/report/escapeHtml.js';
import { chartSlot, htmlPage } from '../../../results/report/htmlPage.js';
import { thresholdText } from '../../../sim/metrics/thresholdText.js';
import type { MethodChoice } from '../../../sim/planning/chooseStaffingMethod.js';
import type { StaffingPlan } from '../../../sim/planning/planStaffing.js';
import { formatStaffingPlan } from './formatStaffingPlan.js';

/**
 * `hotline staff --html`: per group a chart of required agents (on duty and scheduled) against
 * today's, per channel a chart of the service level each interval reaches with its 95% CI and the
 * goal, then the same text as the terminal (one source for both, so they cannot disagree).
 */
export function staffingPage(plan: StaffingPlan, choice: MethodChoice, scenarioName: string): string {
  const { calendar } = plan;
  const x = [...plan.groups[0]!.onDuty].map((_, i) => {
    const day = Math.floor(i / calendar.intervalsPerDay);
    return (
      Date.parse(`${calendar.dates[day]}T00:00:00Z`) / 1000 +
      (i % calendar.intervalsPerDay) * calendar.intervalS
    );
  });
  const charts: ChartSpec[] = [];
  for (const group of plan.groups) {
    charts.push({
      id: `agents-${group.group}`,
      title: `Agents per interval, group ${group.group} (${group.channels.join(', ')})`,
      note: 'Required on duty (what the simulation staffed), scheduled after shrinkage, and the scenario today.',
      xKind: 'time',
      xLabel: 'interval start',
      x,
      axes: [{ label: 'agents', unit: 'agents', side: 'left' }],
      series: [
        { label: 'required on duty', axis: 0, values: [...group.onDuty], color: PALETTE[0]! },
        {
          label: 'scheduled (shrinkage)',
          axis: 0,
          values: [...group.scheduled],
          color: PALETTE[2]!,
          dash: true,
        },
        {
          label: 'today',
          axis: 0,
          values: compact([...plan.currentAgents[group.group]!]),
          color: PALETTE[1]!,
        },
      ],
    });
  }
  for (const channel of plan.channels) {
    const sl = channel.intervals.map((i) => i.checks.find((c) => c.target === 'serviceLevel') ?? null);
    charts.push({
      id: `sl-${channel.channel}`,
      title: `Service level per interval, ${channel.channel} (${channel.targets.variant} ${thresholdText(channel.channel, channel.targets.thresholdS).long})`,
      note: "Simulated with the planned staffing: mean over the last iteration's replications with its 95% CI, the same on draws no iteration used (check), and the goal (dashed).",
      xKind: 'time',
      xLabel: 'interval start',
      x,
      axes: [{ label: channel.targets.variant, unit: 'share', side: 'left' }],
      series: [
        {
          label: channel.targets.variant,
          axis: 0,
          values: compact(sl.map((s) => s?.mean ?? null)),
          color: PALETTE[0]!,
          // A share lies in [0, 1]: the t interval of few replications reaches past it, the band does not.
          band: {
            lo: compact(sl.map((s) => (s?.ci95 ? Math.max(0, s.ci95[0]) : null))),
            hi: compact(sl.map((s) => (s?.ci95 ? Math.min(1, s.ci95[1]) : null))),
          },
        },
        ...checkSeries(plan, channel.channel),
        { label: 'goal', axis: 0, values: x.map(() => channel.targets.goal), color: PALETTE[1]!, dash: true },
      ],
    });
  }
  const title = `hotline staff: ${scenarioName}`;
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">method <b>${escapeHtml(plan.method)}</b>: ${escapeHtml(choice.reason)}</p>`,
    ...charts.map(chartSlot),
    '<h2>Plan</h2>',
    `<div class="scroll"><pre>${escapeHtml(formatStaffingPlan(plan, choice))}</pre></div>`,
  ].join('\n');
  return htmlPage({ title, body, charts });
}

/** The independent check's service level per interval, when the plan has one. */
function checkSeries(plan: StaffingPlan, channel: string): ChartSpec['series'] {
  const checked = plan.check?.channels.find((c) => c.channel === channel);
  if (!checked) return [];
  const values = checked.intervals.map(
    (i) => i.checks.find((c) => c.target === 'serviceLevel')?.mean ?? null,
  );
  return [
    { label: `check (seed ${plan.check!.seed})`, axis: 0, values: compact(values), color: PALETTE[2]! },
  ];
}
