import { type ChartSpec, compact, PALETTE } from '../../../results/report/chartSpec.js';
import { escapeHtml } from '../../../results/report/escapeHtml.js';
import { chartSlot, htmlPage } from '../../../results/report/htmlPage.js';
import { formatDuration } from '../../../scenarios/duration.js';
import type { RosterResult } from '../../../sim/planning/roster/planRoster.js';
import { stoppedBy } from '../../../sim/planning/roster/stoppedBy.js';

const money = (x: number) => Math.round(x).toLocaleString('en-US');
const hours = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 1 });

/**
 * The roster page (`--report`): scheduled against required per interval, the simulated service level
 * against its goal, before and after, the rounds and the shift plan. Built on the report's page and
 * uPlot chart helpers, so it is self-contained like report.html.
 */
export function renderRosterPage(result: RosterResult): string {
  const { calendar } = result.scenario;
  const x = Array.from({ length: result.required.length }, (_, k) => {
    const day = Math.floor(k / calendar.intervalsPerDay);
    return (
      Date.parse(`${calendar.dates[day]}T00:00:00Z`) / 1000 +
      (k % calendar.intervalsPerDay) * calendar.intervalS
    );
  });
  const charts: ChartSpec[] = [
    {
      id: 'agents',
      title: 'Agents per interval: scheduled against required',
      note: 'Scheduled = on duty by the plan (breaks out), read back through the scenario loader. Required = what the plan was solved for (raised where simulation missed a target); first = before any raise.',
      xKind: 'time',
      xLabel: 'interval start',
      x,
      axes: [{ label: 'agents', unit: 'agents', side: 'left' }],
      // The plan last, so it is drawn on top: the dashed requirement shows through where the plan
      // schedules more than it (whole shifts cannot follow the requirement exactly).
      series: [
        {
          label: 'scheduled before',
          axis: 0,
          values: compact([...result.before.scheduled]),
          color: PALETTE[6]!,
          dash: true,
        },
        {
          label: 'required (first round)',
          axis: 0,
          values: [...result.initialRequired],
          color: PALETTE[4]!,
          dash: true,
        },
        { label: 'required', axis: 0, values: [...result.required], color: PALETTE[1]!, dash: true },
        {
          label: 'scheduled (plan)',
          axis: 0,
          values: compact([...result.after.scheduled]),
          color: PALETTE[0]!,
        },
      ],
    },
  ];
  const verdict = result.verdict;
  if (verdict) {
    charts.push({
      id: 'service-level',
      title: `Simulated ${verdict.variant} per interval (${formatDuration(verdict.thresholdS)}) with the plan`,
      note: `Mean over the last round's replications, and over fresh draws that no decision used; the goal is ${(verdict.goal * 100).toFixed(0)}%.`,
      xKind: 'time',
      xLabel: 'interval start',
      x,
      axes: [{ label: verdict.variant, unit: 'share', side: 'left' }],
      series: [
        { label: verdict.variant, axis: 0, values: compact(verdict.serviceLevel), color: PALETTE[2]! },
        ...(result.check
          ? [
              {
                label: `fresh draws (seed ${result.check.seed})`,
                axis: 0,
                values: compact(result.check.serviceLevel),
                color: PALETTE[5]!,
              },
            ]
          : []),
        { label: 'goal', axis: 0, values: x.map(() => verdict.goal), color: PALETTE[3]!, dash: true },
      ],
    });
  }
  const { solution } = result;
  const rows = (cells: string[][]) =>
    cells
      .map(
        (r) =>
          `<tr>${r.map((c, i) => `<td${i === 0 ? ' class="text"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`,
      )
      .join('\n');
  const judged = (v: { missed: readonly number[]; missedBeyondNoise: readonly number[] }, where: string) =>
    v.missed.length === 0
      ? `<span class="pass">every interval meets its targets ${where}</span>`
      : v.missedBeyondNoise.length === 0
        ? `<span class="warn">${v.missed.length} intervals miss a target by the mean ${where}, none beyond noise (each 95% CI reaches it)</span>`
        : `<span class="fail">${v.missed.length} intervals miss a target ${where}, ${v.missedBeyondNoise.length} beyond noise</span>`;
  const verdictLine = verdict
    ? `${judged(verdict, 'in the last round')}${result.check ? ` · ${judged(result.check, `on fresh draws (seed ${escapeHtml(result.check.seed)})`)}` : ''}`
    : 'not simulated';
  const body = `
<h1>Roster: ${escapeHtml(result.scenario.name)} with ${escapeHtml(result.templates.name)}</h1>
<p class="meta">group <b>${escapeHtml(result.group)}</b> · ${result.templateShifts} template shifts, ${result.shiftCount} with break placements · solver <b>${escapeHtml(stoppedBy(solution))}</b> in ${solution.solveS.toFixed(1)} s, ${solution.nodes} nodes, gap ${(Math.max(0, solution.gap) * 100).toFixed(2)}%, LP bound ${money(solution.lpBound)} · ${verdictLine}</p>
<table>
<tr><th class="text"></th><th>agent-hours</th><th>cost</th></tr>
${rows([
  ['before (scenario staffing)', hours(result.before.agentHours), money(result.before.cost)],
  ['after (this plan)', hours(result.after.agentHours), money(result.after.cost)],
])}
</table>
${charts.map(chartSlot).join('\n')}
<h2>Rounds</h2>
<table>
<tr><th>round</th><th>required agent-intervals</th><th>cost</th><th>gap</th><th>intervals missing</th></tr>
${result.rounds.map((r) => `<tr><td>${r.round}</td><td>${r.requiredTotal}</td><td>${money(r.cost)}</td><td>${(Math.max(0, r.gap) * 100).toFixed(2)}%</td><td>${r.missed.length}</td></tr>`).join('\n')}
</table>
<h2>Shift plan</h2>
<div class="scroll"><table>
<tr><th class="text">start</th><th>length</th><th class="text">breaks</th><th class="text">days</th><th>agents</th></tr>
${result.shifts
  .map(
    (s) =>
      `<tr><td class="text">${s.start}</td><td>${s.length}</td><td class="text">${escapeHtml((s.breaks ?? []).map((b) => `${b.length} after ${b.after}`).join(', ') || '-')}</td><td class="text">${(s.days ?? []).join(' ')}</td><td>${s.agents}</td></tr>`,
  )
  .join('\n')}
</table></div>`;
  return htmlPage({ title: `roster ${result.scenario.name}`, body, charts });
}
