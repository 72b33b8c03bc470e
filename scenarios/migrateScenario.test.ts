import { describe, expect, it } from 'vitest';
import { simulatePhone } from '../sim/channels/phone/simulatePhone.js';
import { scenarioText } from '../sim/testing/scenarioText.js';
import type { InputError } from './inputError.js';
import { loadScenarioText } from './loadScenario.js';

/** line-122 written the format 1 way: staffing inside the phone channel, no agent groups. */
// biome-ignore lint/suspicious/noExplicitAny: a format 1 file has no type any more
type FormatOneFile = any;

function formatOne(change?: (file: FormatOneFile) => void): string {
  const file: FormatOneFile = JSON.parse(scenarioText('line-122'));
  file.channels.phone.staffing = file.agents.groups[0].staffing;
  delete file.agents;
  delete file.formatVersion;
  change?.(file);
  return JSON.stringify(file);
}

function issuesOf(text: string) {
  try {
    loadScenarioText(text, 'x.json');
  } catch (error) {
    return (error as InputError).issues;
  }
  throw new Error('loaded without an error');
}

describe('scenario format 1', () => {
  it('loads as one agent group with the phone skill, with a notice, and simulates the same to the bit', () => {
    const v1 = loadScenarioText(formatOne(), 'v1.json', { days: 2 });
    const v2 = loadScenarioText(scenarioText('line-122'), 'v2.json', { days: 2 });
    expect(v1.notices).toHaveLength(1);
    expect(v1.notices[0]).toMatch(/format 1 read as format 2/);
    expect(v2.notices).toEqual([]);
    expect(v1.agentGroups.map((g) => [g.name, g.skills, g.slots])).toEqual([['agents', ['phone'], 1]]);
    const a = simulatePhone(v1, 5, 0);
    const b = simulatePhone(v2, 5, 0);
    for (const field of [
      'offered',
      'answered',
      'abandoned',
      'blocked',
      'closed',
      'retrials',
      'busyAgentS',
    ] as const)
      expect(Array.from(a[field]), field).toEqual(Array.from(b[field]));
  });

  it('names staffing errors where the format 1 file has them', () => {
    const issues = issuesOf(
      formatOne((f) => {
        f.channels.phone.staffing = { kind: 'perInterval', agents: [1, 2, 3] };
      }),
    );
    expect(issues.map((i) => i.path)).toEqual(['/channels/phone/staffing/agents']);
  });
});

describe('agent groups', () => {
  it('a skill must name a channel of the scenario, and every channel needs a group with its skill', () => {
    const skills = issuesOf(
      scenarioText('stationary-mmc', (f) => {
        f.agents.groups.push({ ...f.agents.groups[0]!, name: 'chatters', skills: ['chat'], maxChats: 3 });
      }),
    );
    expect(skills).toEqual([
      expect.objectContaining({
        path: '/agents/groups/1/skills/0',
        message: 'the scenario has no chat channel',
      }),
    ]);
    const unserved = issuesOf(
      scenarioText('stationary-mmc', (f) => {
        f.agents.groups[0]!.skills = ['chat'];
      }),
    );
    expect(unserved.map((i) => i.path)).toEqual(['/agents/groups/0/skills/0', '/channels/phone']);
  });

  it('group names are unique and maxChats needs the chat skill', () => {
    const issues = issuesOf(
      scenarioText('stationary-mmc', (f) => {
        f.agents.groups.push({ ...f.agents.groups[0]!, maxChats: 2 });
      }),
    );
    expect(issues.map((i) => i.path)).toEqual(['/agents/groups/1/name', '/agents/groups/1/maxChats']);
  });

  it('a file with both agents and channels.phone.staffing is format 2 with an unknown field', () => {
    const issues = issuesOf(
      scenarioText('stationary-mmc', (f) => {
        (f.channels.phone as Record<string, unknown>).staffing = { kind: 'constant', agents: 3 };
      }),
    );
    expect(issues[0]).toMatchObject({
      path: '/channels/phone',
      message: expect.stringMatching(/unknown field "staffing"/),
    });
  });
});
