import { describe, expect, it } from 'vitest';
import { InputError, type InputIssue } from '../../../scenarios/inputError.js';
import { type PortalFile, portalScenario } from './testing.js';

// Cross-field checks the schema cannot make: each names the path, the value and what is allowed.

function issuesOf(change: (f: PortalFile) => void): InputIssue[] {
  try {
    portalScenario(change);
  } catch (error) {
    if (error instanceof InputError) return error.issues;
    throw error;
  }
  return [];
}

describe('buildPortalModel: cross-field checks', () => {
  it('loads the test ecosystem, with the portal served by no agent group', () => {
    expect(issuesOf(() => {})).toEqual([]);
    const model = portalScenario().channels.portal!;
    expect(model.types.map((t) => t.name)).toEqual(['benefit']);
    expect(model.types[0]!.decisionDays.mean).toBe(3); // uniform 2..4
  });

  it('type shares must add up to 1', () => {
    const issues = issuesOf((f) => {
      f.channels.portal.applicationTypes[0]!.share = 0.8;
    });
    expect(issues).toMatchObject([{ path: '/channels/portal/applicationTypes', message: /add up to 0.8/ }]);
  });

  it('refusal shares together at most 1', () => {
    const issues = issuesOf((f) => {
      f.channels.portal.validation.refused = { wrongType: 0.5, tooBig: 0.4, badField: 0.2 };
    });
    expect(issues).toMatchObject([{ path: '/channels/portal/validation/refused' }]);
  });

  it('a uniform day range with min above max', () => {
    const issues = issuesOf((f) => {
      f.channels.portal.applicationTypes[0]!.decisionDays = { kind: 'uniform', min: 6, max: 5 };
    });
    expect(issues).toMatchObject([
      { path: '/channels/portal/applicationTypes/0/decisionDays/min', value: 6 },
    ]);
  });

  it('support on a channel the scenario lacks names the rule', () => {
    const issues = issuesOf((f) => {
      delete (f.channels as { chat?: unknown }).chat;
      f.agents.groups[0]!.skills = ['phone'];
      f.agents.groups[0]!.maxChats = undefined;
    });
    expect(issues).toMatchObject([
      { path: '/channels/portal/support/1/channel', value: 'chat', allowed: 'phone' },
      { path: '/channels/portal/support/2/channel', value: 'chat' },
    ]);
  });

  it("one cause's probabilities add up to at most 1", () => {
    const issues = issuesOf((f) => {
      f.channels.portal.support![0]!.probability = 0.9;
    });
    expect(issues).toMatchObject([
      { path: '/channels/portal/support', message: /refusedUpload add up to 1.1/ },
    ]);
  });

  it("the replay's document sizes: min above max is refused; defaults are 100-1000 KB, half PDFs, no bad uploads", () => {
    const issues = issuesOf((f) => {
      f.channels.portal.replay = { documentKB: { min: 600, max: 500 } };
    });
    expect(issues).toMatchObject([{ path: '/channels/portal/replay/documentKB/min', value: 600 }]);
    expect(portalScenario().channels.portal!.replay).toEqual({
      pdfShare: 0.5,
      documentBytes: { min: 100 * 1024, max: 1000 * 1024 },
      badUploads: false,
    });
  });

  it('no agent group may have the portal skill', () => {
    const issues = issuesOf((f) => {
      (f.agents.groups[0]!.skills as string[]).push('portal');
    });
    expect(issues).toMatchObject([
      { path: '/agents/groups/0/skills/2', message: /no agent serves the portal channel/, value: 'portal' },
    ]);
  });
});
