import { describe, expect, it } from 'vitest';
import { runBatch } from '../../engine/BatchDriver.js';
import { FIRST_EXTERNAL_CONTACT_ID } from '../../engine/externalContacts.js';
import { createModelRun } from '../../ModelRun.js';
import { studentT975 } from '../../metrics/studentT975.js';
import { total } from '../../testing/scenarioText.js';
import type { PortalCounters } from './PortalCounters.js';
import { SUPPORT_FIELDS } from './PortalCounters.js';
import { portalScenario } from './testing.js';

function runOnce(seed: number, scenario = portalScenario()) {
  const run = createModelRun(scenario, { seed, replication: 0, mode: 'batch' });
  runBatch(run.simulation);
  for (const process of Object.values(run.processes)) process!.finish(run.simulation.horizonS);
  return { run, portal: run.processes.portal!.counters };
}

const sumOf = (c: PortalCounters, fields: readonly (keyof PortalCounters)[]) =>
  fields.reduce((acc, f) => acc + total(c[f] as Float64Array), 0);
const refusedOf = (c: PortalCounters) => sumOf(c, ['refusedWrongType', 'refusedTooBig', 'refusedBadField']);

describe('portal: conservation in every replication', () => {
  for (const seed of [1, 2, 3]) {
    const { portal: c } = runOnce(seed);
    it(`seed ${seed}: applications = decided + given up + pending at end`, () => {
      expect(total(c.applications)).toBeGreaterThan(1500);
      expect(total(c.applications)).toBe(total(c.decided) + total(c.neverSubmitted) + total(c.pendingAtEnd));
    });
    it(`seed ${seed}: every submission is received or refused; documents = 3 per submission`, () => {
      expect(total(c.submissions)).toBe(total(c.received) + refusedOf(c));
      expect(total(c.documents)).toBe(3 * total(c.submissions));
    });
    it(`seed ${seed}: decisions on time and per type add up`, () => {
      expect(total(c.decidedOnTime)).toBeLessThanOrEqual(total(c.decided));
      expect(total(c.byType.decided)).toBe(total(c.decided));
      expect(total(c.byType.received)).toBe(total(c.received));
    });
  }
});

describe('portal: the support contacts it offered are what phone and chat counted as caused', () => {
  const { run, portal } = runOnce(7);
  const phoneFields = SUPPORT_FIELDS.filter((f) => f.endsWith('Phone'));
  const chatFields = SUPPORT_FIELDS.filter((f) => f.endsWith('Chat'));
  it('phone caused = the portal support calls, interval by interval', () => {
    const offered = Array.from(run.processes.phone!.counters.caused);
    const expected = offered.map((_, k) => phoneFields.reduce((acc, f) => acc + portal[f][k]!, 0));
    expect(total(run.processes.phone!.counters.caused)).toBeGreaterThan(100);
    expect(offered).toEqual(expected);
  });
  it('chat caused = the portal support chats, interval by interval', () => {
    const offered = Array.from(run.processes.chat!.counters.caused);
    const expected = offered.map((_, k) => chatFields.reduce((acc, f) => acc + portal[f][k]!, 0));
    expect(total(run.processes.chat!.counters.caused)).toBeGreaterThan(50);
    expect(offered).toEqual(expected);
  });
  it('caused chat sessions end like the chat channel own ones (conservation in chat)', () => {
    const chat = run.processes.chat!.counters;
    const ended =
      total(chat.completed) + total(chat.abandoned) + total(chat.leftAfterFirstReply) + total(chat.closed);
    expect(ended + total(chat.inSystemAtEnd)).toBe(total(chat.offered));
  });
});

describe('portal: support contacts by cause against their expectation (95% CI over replications)', () => {
  // 1-second delays: only contacts due in the last second of the day can fall past the horizon.
  const scenario = portalScenario();
  const model = scenario.channels.portal!;
  const replications = 20;
  const runs = Array.from({ length: replications }, (_, r) => runOnce(100 + r, scenario).portal);
  const ci = (values: number[]) => {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
    const half = (studentT975(values.length - 1) * sd) / Math.sqrt(values.length);
    return [mean - half, mean + half] as const;
  };

  it('refused-upload contacts = applications x refusals per application x probability', () => {
    // Refused with q = 0.2 per submission, resubmitted with r = 0.5, at most 3 submissions:
    // refusals per application = q (1 + qr + (qr)^2); support by phone 0.3 + chat 0.2.
    const applications = model.expectedApplications.reduce((a, b) => a + b, 0);
    const q = 0.2;
    const qr = q * 0.5;
    const expected = applications * q * (1 + qr + qr * qr) * 0.5;
    const [lo, hi] = ci(runs.map((c) => sumOf(c, ['supportRefusedUploadPhone', 'supportRefusedUploadChat'])));
    expect(lo).toBeLessThanOrEqual(expected);
    expect(hi).toBeGreaterThanOrEqual(expected);
  });

  it('refusals by reason in their shares of the submissions', () => {
    const submissions = runs.reduce((a, c) => a + total(c.submissions), 0);
    for (const [field, share] of [
      ['refusedWrongType', 0.05],
      ['refusedTooBig', 0.05],
      ['refusedBadField', 0.1],
    ] as const) {
      const n = runs.reduce((a, c) => a + total(c[field]), 0);
      expect(Math.abs(n - submissions * share)).toBeLessThan(
        4 * Math.sqrt(submissions * share * (1 - share)),
      );
    }
  });

  it('status-question chats = status checks x 0.1; decision calls = decisions x 0.25 (binomial, pooled)', () => {
    const pooled = (field: keyof PortalCounters) =>
      runs.reduce((a, c) => a + total(c[field] as Float64Array), 0);
    const binomialOk = (n: number, p: number, x: number) =>
      Math.abs(x - n * p) < 4 * Math.sqrt(n * p * (1 - p));
    expect(pooled('statusChecks')).toBeGreaterThan(10_000);
    expect(binomialOk(pooled('statusChecks'), 0.1, pooled('supportStatusQuestionChat'))).toBe(true);
    expect(binomialOk(pooled('decided'), 0.25, pooled('supportDecisionPhone'))).toBe(true);
  });
});

describe('portal: a decision falls on the hand-computed working day', () => {
  // 2021-03-01 is a Monday; 2021-03-08 (day 7) closed. One application of 5 working days, received
  // from outside on Friday 2021-03-05 at 14:30: Mon 8 is closed, so Tue 9 ... Mon 15, 14:30 (day 14).
  const scenario = portalScenario((f) => {
    f.calendar.days = 16;
    f.calendar.closedDates = ['2021-03-08'];
    f.channels.phone.hours = '24/7';
    f.channels.portal.demand.applicationsPerDay = 0;
    f.channels.portal.applicationTypes[0]!.decisionDays = 5;
    f.channels.portal.applicationTypes[0]!.deadlineDays = 5;
    f.channels.portal.support = [];
  });
  const decided: [number, number, boolean][] = [];
  const run = createModelRun(scenario, {
    seed: 1,
    replication: 0,
    mode: 'batch',
    observers: { portal: { decided: (id, at, onTime) => decided.push([id, at, onTime]) } },
  });
  const receivedAt = 4 * 86_400 + 14.5 * 3600;
  const id = FIRST_EXTERNAL_CONTACT_ID + 1;
  let times: ReturnType<NonNullable<typeof run.processes.portal>['submitFromOutside']> | undefined;
  const base = run.simulation.register({
    handle: (_kind, t) => {
      times = run.processes.portal!.submitFromOutside(t, id, 0, 2);
    },
  });
  run.simulation.calendar.schedule(receivedAt, base | 1);
  runBatch(run.simulation);
  const expectedAt = 14 * 86_400 + 14.5 * 3600;

  it('the process says when, and decides then', () => {
    expect(times?.decisionAtS).toBe(expectedAt);
    expect(times?.documentsCheckedAtS).toBe(8 * 86_400 + 14.5 * 3600); // the first working day after
    expect(decided).toEqual([[id, expectedAt, true]]);
  });

  it('counted in the interval of the decision, with 5 working days and 10 calendar days', () => {
    const c = run.processes.portal!.counters;
    const k = expectedAt / 1800;
    expect(c.decided[k]).toBe(1);
    expect(total(c.decided)).toBe(1);
    expect(c.decisionWorkingDaysSum[k]).toBe(5);
    expect(c.decisionElapsedSumS[k]).toBe(10 * 86_400);
  });
});

describe('portal: deterministic', () => {
  it('same seed, same counters; another seed, other counters', () => {
    const fields = (seed: number) => {
      const { portal } = runOnce(seed);
      return [portal.applications, portal.decided, portal.statusChecks, portal.supportDecisionPhone].map(
        (a) => Array.from(a),
      );
    };
    expect(fields(11)).toEqual(fields(11));
    expect(fields(11)).not.toEqual(fields(12));
  });
});
