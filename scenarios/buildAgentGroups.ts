import type { AgentGroupModel } from '../sim/agents/AgentGroupModel.js';
import { channelPlugin } from '../sim/channels/index.js';
import { buildStaffing } from './buildStaffing.js';
import type { InputIssue } from './inputError.js';
import type { CalendarModel } from './ScenarioModel.js';
import type { ScenarioFile } from './scenarioSchema.js';

/** The shared pool's groups, with the checks that tie them to the channels the file describes. */
export function buildAgentGroups(
  file: ScenarioFile,
  calendar: CalendarModel,
  issues: InputIssue[],
): readonly AgentGroupModel[] {
  const channels = Object.keys(file.channels);
  // Channels no agent serves (the portal's back office) need no group and take no skill.
  const served = channels.filter((c) => channelPlugin(c)?.withoutAgents !== true);
  const seen = new Set<string>();
  const groups = file.agents.groups.map((group, i): AgentGroupModel => {
    const path = `/agents/groups/${i}`;
    if (seen.has(group.name))
      issues.push({ path: `${path}/name`, message: 'another group has this name', value: group.name });
    seen.add(group.name);
    group.skills.forEach((skill, j) => {
      if (!served.includes(skill)) {
        issues.push({
          path: `${path}/skills/${j}`,
          message: channels.includes(skill)
            ? `no agent serves the ${skill} channel (its work is outside the agent pool)`
            : `the scenario has no ${skill} channel`,
          value: skill,
          allowed: served.join(', '),
        });
      }
    });
    if (group.maxChats !== undefined && group.maxChats > 1 && !group.skills.includes('chat')) {
      issues.push({
        path: `${path}/maxChats`,
        message: 'maxChats applies to chat, a skill this group lacks',
        value: group.maxChats,
      });
    }
    return Object.freeze({
      name: group.name,
      skills: Object.freeze([...group.skills]),
      slots: group.maxChats ?? 1,
      staffing: buildStaffing(group.staffing, calendar, issues, `${path}/staffing`),
    });
  });
  for (const channel of served) {
    if (!groups.some((g) => g.skills.includes(channel))) {
      issues.push({
        path: `/channels/${channel}`,
        message: `no agent group has the skill "${channel}": add it to the skills of a group in /agents/groups`,
      });
    }
  }
  return Object.freeze(groups);
}

/** Scheduled agents per interval in the groups that serve `channel` (for reports and tables). */
export function scheduledFor(
  groups: readonly AgentGroupModel[],
  channel: string,
  intervals: number,
): Float64Array {
  const out = new Float64Array(intervals);
  for (const group of groups) {
    if (!group.skills.includes(channel)) continue;
    const per = group.staffing.scheduledPerInterval;
    for (let i = 0; i < intervals; i++) out[i]! += per[i]!;
  }
  return out;
}
