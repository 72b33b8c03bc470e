import type { AgentGroupModel } from '../sim/agents/AgentGroupModel.js';
import { channelOfSkill, channelPlugin, skillOf } from '../sim/channels/index.js';
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
    // Files name skills ("review"); the model names the channels they serve ("checkin").
    const skillChannels = group.skills.map((skill) => channelOfSkill(skill) ?? skill);
    skillChannels.forEach((channel, j) => {
      if (!served.includes(channel)) {
        issues.push({
          path: `${path}/skills/${j}`,
          message: channels.includes(channel)
            ? `no agent serves the ${channel} channel (its work is outside the agent pool)`
            : `the scenario has no ${channel} channel`,
          value: group.skills[j],
          allowed: served.map(skillName).join(', '),
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
      skills: Object.freeze(skillChannels),
      slots: group.maxChats ?? 1,
      staffing: buildStaffing(group.staffing, calendar, issues, `${path}/staffing`),
    });
  });
  for (const channel of served) {
    if (!groups.some((g) => g.skills.includes(channel))) {
      issues.push({
        path: `/channels/${channel}`,
        message: `no agent group has the skill "${skillName(channel)}": add it to the skills of a group in /agents/groups`,
      });
    }
  }
  return Object.freeze(groups);
}

const skillName = (channel: string): string => {
  const plugin = channelPlugin(channel);
  return plugin === undefined ? channel : skillOf(plugin);
};

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
