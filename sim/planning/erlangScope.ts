import type { InputIssue } from '../../scenarios/inputError.js';
import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';
import { channelPlugin } from '../channels/index.js';
import { setsRequirement } from './channelQueue.js';

/** What per-interval Erlang staffs: one channel's formula, for the one group that takes its contacts. */
export interface ErlangScope {
  readonly channel: string;
  readonly group: string;
  /** Agents on duty per interval by the plug-in's formula (`planning.erlangOnDuty`). */
  readonly onDuty: (label: (interval: number) => string) => Int32Array;
}

/**
 * The one rule for where the per-interval Erlang formula applies: exactly one channel sets a
 * requirement (others, such as an outbound campaign, may share the agents and are simulated with the
 * plan), its plug-in has a closed formula, and one agent group takes its contacts (the formula cannot
 * split them between groups). Otherwise the issue to report against `--method erlang`. Whether the
 * formula is also exact (no retrials, flat demand: the plug-in's `erlangHolds`) is chooseStaffingMethod's
 * question, for the default method.
 */
export function erlangScope(scenario: ScenarioModel): ErlangScope | ErlangRefusal {
  const planned = Object.keys(scenario.channels).filter((c) => setsRequirement(scenario, c));
  const channel = planned.length === 1 ? planned[0]! : undefined;
  const formula = channel === undefined ? undefined : channelPlugin(channel)?.planning?.erlangOnDuty;
  if (channel === undefined || formula === undefined) {
    const what = channel ?? (planned.length > 0 ? `channels ${planned.join(' + ')}` : 'no planned channel');
    return refusal(`${what}: no closed formula`, {
      path: '--method',
      message: `erlang: the per-interval formula covers one planned channel with a closed formula (phone); this scenario plans ${planned.join(', ') || 'no channel'}`,
      value: 'erlang',
      allowed: 'simulation, for chat, e-mail or several channels sharing agents',
    });
  }
  const groups = scenario.agentGroups.filter((g) => g.skills.includes(channel));
  if (groups.length !== 1) {
    return refusal(`${groups.length} groups share the ${channel} contacts`, {
      path: '--method',
      message: `erlang: ${groups.length} agent groups take ${channel} contacts (${groups.map((g) => g.name).join(', ') || 'none'}); the formula cannot split contacts between groups`,
      value: 'erlang',
      allowed: `simulation, or one group with the ${channel} skill`,
    });
  }
  const model = scenario.channels[channel as 'phone'];
  return {
    channel,
    group: groups[0]!.name,
    onDuty: (label) => formula(model, scenario.calendar.intervalS, label),
  };
}

/** Why the formula does not apply: a short reason (chooseStaffingMethod) and the issue for `--method erlang`. */
export interface ErlangRefusal {
  readonly reason: string;
  readonly issue: InputIssue;
}

export function isErlangScope(scope: ErlangScope | ErlangRefusal): scope is ErlangScope {
  return 'onDuty' in scope;
}

function refusal(reason: string, issue: InputIssue): ErlangRefusal {
  return { reason, issue };
}
