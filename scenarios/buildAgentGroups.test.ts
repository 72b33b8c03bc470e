import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from './inputError.js';
import { loadScenarioText } from './loadScenario.js';

// social-monitoring.json: operators (phone) and reviewers ("review": the check-in channel's skill).
const base = JSON.parse(readFileSync('scenarios/social-monitoring.json', 'utf8'));

function issuesOf(edit: (file: typeof base) => void) {
  const file = structuredClone(base);
  edit(file);
  try {
    loadScenarioText(JSON.stringify(file), 'social.json');
  } catch (error) {
    if (error instanceof InputError) return error.issues;
    throw error;
  }
  return [];
}

describe('skills as files name them', () => {
  it('"review" serves the check-in channel inside the model', () => {
    const model = loadScenarioText(JSON.stringify(base), 'social.json');
    const reviewers = model.agentGroups.find((g) => g.name === 'reviewers')!;
    expect(reviewers.skills).toEqual(['checkin']);
  });

  it('refuses the channel name "checkin" as a skill, naming "review" among the allowed', () => {
    const issues = issuesOf((f) => {
      f.agents.groups[1].skills = ['checkin'];
    });
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]!.path).toBe('/agents/groups/1/skills/0');
    expect(String(issues[0]!.allowed)).toContain('review');
  });

  it('says which skill is missing when no group reviews check-ins', () => {
    const issues = issuesOf((f) => {
      f.agents.groups[1].skills = ['phone'];
    });
    expect(issues.map((i) => i.message)).toContain(
      'no agent group has the skill "review": add it to the skills of a group in /agents/groups',
    );
  });
});
