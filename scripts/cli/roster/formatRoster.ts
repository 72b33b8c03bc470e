import { formatDuration } from '../../../scenarios/duration.js';
import { intervalLabel } from '../../../sim/planning/roster/intervalLabel.js';
import type { RosterResult } from '../../../sim/planning/roster/planRoster.js';
import { stoppedBy } from '../../../sim/planning/roster/stoppedBy.js';
import { formatTable } from '../formatTable.js';

const STOPPED_BY = { optimal: 'gap', nodeLimit: 'node limit', timeLimit: 'time limit' } as const;

const money = (x: number) => Math.round(x).toLocaleString('en-US');
const hours = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 1 });
const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
// HiGHS's bound may pass the cost by its tolerance: a gap of -0.0% reads as a bug, show 0.
const gapText = (gap: number) => percent(Math.max(0, gap));

/** `hotline roster`'s text: the shift plan, before and after, the solver's figures, the rounds, the verdict. */
export function formatRoster(result: RosterResult): string {
  const { solution, verdict } = result;
  const calendar = result.scenario.calendar;
  const out: string[] = [];
  out.push(
    `${result.scenario.name}: roster for group ${result.group} from ${result.templates.name} ` +
      `(${result.templateShifts} template shifts, ${result.shiftCount} with break placements, ${result.required.length} intervals)`,
    '',
    'shift plan',
    formatTable(
      ['start', 'length', 'breaks', 'days', 'agents'],
      result.shifts.map((s) => [
        s.start,
        s.length,
        (s.breaks ?? []).map((b) => `${b.length} after ${b.after}`).join(', ') || '-',
        (s.days ?? []).join(' '),
        String(s.agents),
      ]),
    ),
    '',
    formatTable(
      ['', 'agent-hours', 'cost'],
      [
        ['before (scenario staffing)', hours(result.before.agentHours), money(result.before.cost)],
        ['after (this plan)', hours(result.after.agentHours), money(result.after.cost)],
        [
          'change',
          percent(result.after.agentHours / result.before.agentHours - 1),
          percent(result.after.cost / result.before.cost - 1),
        ],
      ],
    ),
    '',
    `solver: ${stoppedBy(solution)} in ${solution.solveS.toFixed(1)} s, ${solution.nodes} branch-and-bound nodes; ` +
      `cost ${money(solution.cost)}, bound ${money(solution.bound)}, gap ${gapText(solution.gap)}, LP bound ${money(solution.lpBound)}`,
  );
  const short = solution.shortfall.reduce((a, b) => a + b, 0);
  if (short > 0) {
    out.push(`shortfall: ${short} agent-intervals left uncovered (--penalty), e.g. ${firstShort(result)}`);
  }
  if (result.rounds.length > 0) {
    out.push(
      '',
      'rounds (solve, simulate, raise the requirement where an interval misses a target)',
      formatTable(
        ['round', 'required agent-intervals', 'cost', 'gap', 'stopped by', 'intervals missing'],
        result.rounds.map((r) => [
          String(r.round),
          String(r.requiredTotal),
          money(r.cost),
          gapText(r.gap),
          STOPPED_BY[r.status],
          String(r.missed.length) + (r.capped.length > 0 ? ` (${r.capped.length} at the caps)` : ''),
        ]),
      ),
    );
  }
  if (verdict) {
    const target = `${percent(verdict.goal)} ${verdict.variant} in ${formatDuration(verdict.thresholdS)}`;
    out.push(
      '',
      verdict.missed.length === 0
        ? `verdict: every interval meets the targets (${target}) in simulation`
        : `verdict: ${verdict.missed.length} intervals still miss a target (${target}) after ${result.rounds.length} rounds: ` +
            verdict.missed
              .slice(0, 10)
              .map((k) =>
                `${intervalLabel(calendar, k)} ${verdict.serviceLevel[k] === null ? '' : percent(verdict.serviceLevel[k]!)}`.trim(),
              )
              .join(', ') +
            (verdict.missed.length > 10 ? ', ...' : ''),
    );
    const check = result.check;
    if (check) {
      const below = check.missed.filter((k) => (check.serviceLevel[k] ?? 1) < check.goal).length;
      const where = `check on fresh draws (seed ${check.seed}, ${check.replications} replications)`;
      const beyond = check.missedBeyondNoise.length;
      out.push(
        check.missed.length === 0
          ? `${where}: every interval meets the targets`
          : `${where}: ${check.missed.length} intervals miss a target by the mean (${below} below the service-level goal; worst ${worst(result)}); ` +
              (beyond === 0
                ? 'none beyond noise (each 95% CI reaches the target)'
                : `${beyond} beyond noise (whole 95% CI short): ${check.missedBeyondNoise
                    .slice(0, 10)
                    .map((k) => intervalLabel(result.scenario.calendar, k))
                    .join(', ')}${beyond > 10 ? ', ...' : ''}`),
      );
    }
  } else {
    out.push('', 'not simulated (--rounds 0)');
  }
  return `${out.join('\n')}\n`;
}

function worst(result: RosterResult): string {
  const check = result.check!;
  let k = -1;
  for (const i of check.missed) {
    if (k < 0 || (check.serviceLevel[i] ?? 1) < (check.serviceLevel[k] ?? 1)) k = i;
  }
  const sl = check.serviceLevel[k];
  return `${intervalLabel(result.scenario.calendar, k)}${sl === null || sl === undefined ? '' : ` ${percent(sl)}`}`;
}

function firstShort(result: RosterResult): string {
  const k = result.solution.shortfall.findIndex((s) => s > 0);
  return `${intervalLabel(result.scenario.calendar, k)} short by ${result.solution.shortfall[k]}`;
}
