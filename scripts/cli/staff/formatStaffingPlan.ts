import { formatHalfWidth, formatValue } from '../../../results/report/formatMetric.js';
import { targetText } from '../../../results/targetText.js';
import { targetChecks } from '../../../sim/metrics/judgeTargets.js';
import { metricSpec } from '../../../sim/metrics/metricRegistry.js';
import type { MethodChoice } from '../../../sim/planning/chooseStaffingMethod.js';
import { intervalLabel, type StaffingPlan } from '../../../sim/planning/planStaffing.js';
import { formatTable } from '../formatTable.js';

/** `hotline staff`'s text: what ran and why, agent-hours, the verdict per channel, then the table. */
export function formatStaffingPlan(plan: StaffingPlan, choice: MethodChoice): string {
  const lines: string[] = [];
  const { onDuty, scheduled, current } = plan.agentHours;
  const change = current > 0 ? ` (${signedPercent(scheduled / current - 1)})` : '';
  lines.push(`method        ${plan.method}: ${choice.reason}`);
  lines.push(
    plan.method === 'simulation'
      ? `iterations    ${plan.iterations} simulations: ${plan.loadIterations} from the simulated load ` +
          `(${plan.converged ? 'converged: no interval moved by more than one agent' : `NOT converged: an interval still moved by ${plan.lastChange}; --max-iterations allows more`}), ` +
          `${plan.corrections} correction pass${plan.corrections === 1 ? '' : 'es'}` +
          (plan.channels.some((c) => c.missed.length > 0)
            ? ' (intervals still missed: --max-corrections allows more)'
            : '')
      : `iterations    ${plan.iterations} simulation (the check of the Erlang staffing)`,
  );
  lines.push(`simulated     ${plan.replications} replications per iteration, seed ${plan.seed}, 95% CIs`);
  lines.push(`shrinkage     ${(plan.shrinkage * 100).toFixed(1)}% (scheduled = on duty / (1 - shrinkage))`);
  lines.push(
    `agent-hours   on duty ${hours(onDuty)}, scheduled ${hours(scheduled)}; today ${hours(current)}${change}`,
  );
  for (const channel of plan.channels) {
    const judged = channel.intervals.filter((i) => i.verdict !== 'n/a').length;
    const targets = targetChecks(channel.channel, channel.targets)
      .map((check) => targetText(channel.channel, check, channel.targets))
      .join(', ');
    const missed = channel.missed.map((i) => intervalLabel(plan.calendar, i));
    lines.push(
      `${channel.channel.padEnd(13)} ${targets}: met in ${judged - missed.length} of ${judged} intervals with contacts` +
        (missed.length > 0 ? `; missed at ${shortList(missed)}` : ''),
    );
  }
  for (const { channel, why } of plan.unplanned) lines.push(`${channel.padEnd(13)} ${why}`);
  for (const pool of plan.pooling) {
    const gain = pool.separateAgentHours > 0 ? pool.jointAgentHours / pool.separateAgentHours - 1 : 0;
    lines.push(
      `pooling       group ${pool.group} (${pool.channels.join(' + ')}) staffed jointly: ${hours(pool.jointAgentHours)} agent-hours on duty ` +
        `against ${hours(pool.separateAgentHours)} for the channels staffed apart (${signedPercent(gain)}; last load iteration, before corrections)`,
    );
  }
  for (const channel of plan.check?.channels ?? []) {
    const judged = channel.intervals.filter((i) => i.verdict !== 'n/a').length;
    const beyond = channel.missedBeyondNoise.map((i) => intervalLabel(plan.calendar, i));
    const noise = channel.missed.length - beyond.length;
    lines.push(
      `check         ${channel.channel} on draws no iteration used (seed ${plan.check!.seed}, ${plan.check!.replications} replications): ` +
        `met in ${judged - channel.missed.length} of ${judged} intervals` +
        (noise > 0 ? `; ${noise} more within noise (mean short, 95% CI reaches the target)` : '') +
        `; missed beyond noise in ${beyond.length}` +
        (beyond.length > 0 ? `: ${shortList(beyond)}${fitsItsDraws(plan)}` : ''),
    );
  }
  for (const group of plan.groups) {
    const channels = plan.channels.filter((c) => c.group === group.group);
    lines.push(
      '',
      `per interval, group ${group.group} (${group.channels.join(', ')}), as the last iteration simulated it`,
    );
    const header = ['date', 'time', 'on duty', 'scheduled', 'today'];
    for (const channel of channels) {
      header.push(`${channel.channel} offered`);
      for (const check of targetChecks(channel.channel, channel.targets)) header.push(check.metric);
    }
    const today = plan.currentAgents[group.group]!;
    const rows = [...group.onDuty].map((agents, i) => {
      const [date, time] = intervalLabel(plan.calendar, i).split(' ') as [string, string];
      const row = [date, time, String(agents), String(group.scheduled[i]), today[i]!.toFixed(1)];
      for (const channel of channels) {
        const interval = channel.intervals[i]!;
        row.push(formatValue(interval.offered, 'count'));
        for (const check of targetChecks(channel.channel, channel.targets)) {
          const figure = interval.checks.find((c) => c.metric === check.metric);
          const unit = metricSpec(channel.channel, check.metric).unit;
          const mark = figure?.status === 'fail' ? ' !' : '';
          row.push(
            figure
              ? `${formatValue(figure.mean, unit)} ${formatHalfWidth(figure.ci95, unit)}${mark}`.trim()
              : '',
          );
        }
      }
      return row;
    });
    lines.push(formatTable(header, rows).trimEnd());
  }
  lines.push('', '! marks a target missed by the mean; ± is the half-width of the 95% CI over replications.');
  return `${lines.join('\n')}\n`;
}

function hours(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

function signedPercent(x: number): string {
  return `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
}

function shortList(items: string[]): string {
  return items.length <= 6
    ? items.join(', ')
    : `${items.slice(0, 6).join(', ')} and ${items.length - 6} more`;
}

/** Why a simulated plan misses on fresh draws, and the flag for it. */
function fitsItsDraws(plan: StaffingPlan): string {
  if (plan.method !== 'simulation') return '';
  return ` (the plan fits the draws of its ${plan.replications} replications an iteration: --replications allows more)`;
}
