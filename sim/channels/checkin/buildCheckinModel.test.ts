import { describe, expect, it } from 'vitest';
import { InputError, type InputIssue } from '../../../scenarios/inputError.js';
import { loadScenarioText } from '../../../scenarios/loadScenario.js';
import type { CheckinChannelFile } from './checkinSchema.js';
import { checkinScenario, checkinScenarioFile, quietCheckin } from './testing.js';

// The check-in fragment's cross-field checks: each bad file is refused with an issue naming the
// field, and a good one gives the prompts its fields say (hand-computed).

function issuesOf(change: (c: CheckinChannelFile) => void): InputIssue[] {
  const checkin = quietCheckin();
  change(checkin);
  try {
    loadScenarioText(JSON.stringify(checkinScenarioFile(checkin)), 'bad-checkin.json');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).issues;
  }
  throw new Error('the file was accepted');
}

describe('buildCheckinModel', () => {
  it('refuses failure and review shares summing above 1, naming /channels/checkin/failures', () => {
    const issues = issuesOf((c) => {
      c.failures = { noResponse: 0.3, appError: 0.3, geolocationWrong: 0.3, photoNotIdentified: 0.1 };
      c.verification = { ...c.verification, reviewShare: 0.2 };
      c.reviewTime = '3m';
    });
    expect(issues.map((i) => i.path)).toEqual(['/channels/checkin/failures']);
    expect(issues[0]!.message).toContain('1.2');
  });

  it('needs a review time when check-ins go to review', () => {
    const issues = issuesOf((c) => {
      c.verification = { ...c.verification, reviewShare: 0.1 };
    });
    expect(issues.map((i) => i.path)).toEqual(['/channels/checkin/reviewTime']);
  });

  it('needs one profile weight per interval of the day, not all zero', () => {
    expect(issuesOf((c) => (c.prompts = { meanGap: '2h', dailyProfile: [1, 2] }))[0]!.path).toBe(
      '/channels/checkin/prompts/dailyProfile',
    );
    expect(
      issuesOf((c) => (c.prompts = { meanGap: '2h', dailyProfile: Array(24).fill(0) }))[0]!.message,
    ).toContain('zero');
  });

  it('refuses a zero mean gap and a zero deadline', () => {
    expect(issuesOf((c) => (c.prompts = { meanGap: '0s' })).map((i) => i.path)).toEqual([
      '/channels/checkin/prompts/meanGap',
    ]);
    expect(issuesOf((c) => (c.deadline = '0m')).map((i) => i.path)).toEqual(['/channels/checkin/deadline']);
  });

  it('expected prompts: a night-only profile puts the day mean (N x 24 h / gap) into the night hours', () => {
    const profile = Array.from({ length: 24 }, (_, h) => (h < 6 ? 1 : 0));
    const model = checkinScenario(
      {
        ...quietCheckin(),
        population: { initial: 1200, admissionsPerDay: 100, daysMonitored: 12 },
        prompts: { meanGap: '3h', dailyProfile: profile },
      },
      { days: 1 },
    ).channels.checkin!;
    // Constant population 1,200 (steady state), 8 prompts a person a day, all in hours 0-5.
    for (let h = 0; h < 6; h++) expect(model.expectedPrompts[h]).toBeCloseTo((1200 * 8) / 6, 9);
    for (let h = 6; h < 24; h++) expect(model.expectedPrompts[h]).toBe(0);
  });
});
