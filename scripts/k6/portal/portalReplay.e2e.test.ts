import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRun } from '../../../results/loadRun.js';
import { portalScenarioText } from '../../../sim/channels/portal/testing.js';
import { runLoad } from '../runLoad.js';
import { compareWithPrediction } from '../testing/compareWithPrediction.js';

// The REAL k6 against the mocks on loopback: portal applications uploaded as multipart (generated
// PDFs and JPEGs, 20-200 KB) with deliberately bad uploads on, and status checks at 48 a day, over
// one hour of model time (09:00-10:00 of a Monday, the mocks warm-started with the model's own
// morning) at 240x: 15 s of wall time. The phone line of the test ecosystem is replayed too (support
// calls go there). Truth: conservation (every planned submission was sent and answered by its status,
// and the mock's counts equal k6's) and the scenario's refusal shares (binomial bounds); never a latency.
const PER_DAY = 4800;
const REFUSED = { wrongType: 0.05, tooBig: 0.05, badField: 0.1 };

function scenarioText(): string {
  return portalScenarioText((f) => {
    delete (f.channels as { chat?: unknown }).chat;
    f.agents.groups[0]!.skills = ['phone'];
    f.agents.groups[0]!.maxChats = undefined;
    // The line's own targets are not under test here (its k6 thresholds would set the exit code).
    f.channels.phone!.targets = { serviceLevel: { variant: 'slOffered', threshold: '20s', goal: 0 } };
    f.channels.portal.demand.applicationsPerDay = PER_DAY;
    f.channels.portal.validation.refused = REFUSED;
    f.channels.portal.statusChecks.perDay = 48;
    f.channels.portal.support = [{ cause: 'refusedUpload', probability: 0.3, channel: 'phone', delay: '1s' }];
    f.channels.portal.replay = { documentKB: { min: 20, max: 200 }, badUploads: true };
  });
}

type Figure = { mean: number | null };

describe('portal replay (k6 multipart uploads + status checks) against the mocks', () => {
  it('answers every planned submission by its status; the mock counts equal k6; compare prints portal rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotline-portal-replay-'));
    const file = join(dir, 'portal-e2e.json');
    writeFileSync(file, scenarioText());
    const result = await runLoad({
      scenarioFile: file,
      timeScale: 240,
      day: 0,
      from: '09:00',
      to: '10:00',
      segments: 1,
      quiet: true,
      k6StdoutToStderr: true,
      toolVersion: 'test',
      out: join(dir, 'measured'),
    });
    const plan = result.profile.channels.portal!;
    const planned = plan.plannedApplications;
    const portal = (result.summary.channels as Record<string, Record<string, Figure>>).portal!;
    const k6 = (name: string) => portal[name]!.mean!;
    const state = result.mockState as {
      portal: {
        received: number;
        refused: Record<string, number>;
        statusChecks: number;
        responses: Record<string, Record<string, number>>;
      };
    };
    const posts = state.portal.responses['POST /v1/applications'] ?? {};
    const gets = state.portal.responses['GET /v1/applications/:id'] ?? {};
    console.log(
      JSON.stringify({
        planned,
        mock: state.portal,
        k6: Object.fromEntries(Object.entries(portal).map(([k, f]) => [k, f.mean])),
      }),
    );
    expect(result.exitCode).toBe(0);
    expect(Object.keys(result.summary.channels)).toEqual(['phone', 'portal']);
    // 4,800 a day, flat: 200 in the hour; the drawn count is Poisson around it.
    expect(Math.abs(planned - 200)).toBeLessThan(4 * Math.sqrt(200));
    // Conservation: every planned submission was sent once and answered 201, 415, 413 or 400.
    const sent = Object.values(posts).reduce((a, b) => a + b, 0);
    expect(sent).toBe(planned);
    expect(k6('submissions')).toBe(planned);
    expect(k6('received') + k6('refusedWrongType') + k6('refusedTooBig') + k6('refusedBadField')).toBe(sent);
    expect(posts['201'] ?? 0).toBe(k6('received'));
    expect(posts['415'] ?? 0).toBe(k6('refusedWrongType'));
    expect(posts['413'] ?? 0).toBe(k6('refusedTooBig'));
    expect(posts['400'] ?? 0).toBe(k6('refusedBadField'));
    // The model's counts (GET /v1/state) are k6's.
    expect(state.portal.received).toBe(k6('received'));
    expect(state.portal.refused).toEqual({
      wrongType: k6('refusedWrongType'),
      tooBig: k6('refusedTooBig'),
      badField: k6('refusedBadField'),
    });
    expect(state.portal.statusChecks).toBe(k6('statusChecks'));
    expect(gets['200'] ?? 0).toBe(k6('statusChecks'));
    // Every bad upload got the answer it was planned for, and every valid one was received.
    const facts = result.measurement.channels.portal!.submissions;
    expect(facts.filter((s) => s.outcome !== s.planned)).toEqual([]);
    // Documents: what the plan drew.
    expect(k6('documents')).toBe(plan.applications.reduce((a, app) => a + app.documents.length, 0));
    // The refusal shares of the scenario, within 4 sd of a binomial.
    for (const [reason, p] of Object.entries(REFUSED)) {
      const seen = state.portal.refused[reason]!;
      expect(Math.abs(seen / planned - p), reason).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / planned));
    }
    // Status checks are made (48 a day per applicant, the rest of the hour): some, and all seen received.
    expect(k6('statusChecks')).toBeGreaterThan(0);
    // What the client cannot see in an hour is null, not zero.
    for (const metric of ['decided', 'decidedOnTimeShare', 'supportContacts', 'neverSubmitted'])
      expect(portal[metric]!.mean, metric).toBeNull();

    // The run folder loads with portal columns; `hotline compare` against a prediction of the same
    // window prints portal rows.
    const loaded = loadRun(result.saved.folder);
    expect(Object.keys(loaded.summary.channels)).toContain('portal');
    const printed = compareWithPrediction(file, result.saved.folder, dir, {
      day: 1,
      from: '09:00',
      to: '10:00',
    });
    expect(printed).toMatch(/applications started/);
    expect(printed).toMatch(/submissions refused/);
  }, 180_000);
});
