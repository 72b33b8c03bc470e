import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../scenarios/inputError.js';
import { loadScenarioText } from '../../scenarios/loadScenario.js';
import { OFFICE_HOURS } from '../channels/email/testing.js';
import { scenarioText } from '../testing/scenarioText.js';
import { erlangRequirement } from './erlangRequirement.js';
import { type PlannedChannel, planStaffing } from './planStaffing.js';

// Tests use the built worker (dist/replication-worker.js), as every simulation test does.
const read = (file: string) => readFileSync(file, 'utf8');
const serviceLevels = (channel: PlannedChannel) =>
  channel.intervals.map((interval) => interval.checks.find((c) => c.target === 'serviceLevel')!);

describe('planStaffing, simulation method', () => {
  it('on stationary demand converges to the Erlang A staffing within one agent in every interval', async () => {
    const text = read('scenarios/stationary-mmc.json');
    const erlang = erlangRequirement(loadScenarioText(text, undefined), 0).groups[0]!.onDuty;
    const plan = await planStaffing(text, undefined, {
      method: 'simulation',
      shrinkage: 0,
      replications: 16,
      seed: 7,
      threads: 2,
    });
    expect(plan.converged).toBe(true);
    expect(plan.groups).toHaveLength(1);
    const onDuty = plan.groups[0]!.onDuty;
    expect(onDuty).toHaveLength(48);
    // The first interval starts empty (less load than the rest), hence compared from the second.
    for (let i = 1; i < 48; i++)
      expect(Math.abs(onDuty[i]! - erlang[i]!), `interval ${i}`).toBeLessThanOrEqual(1);
  }, 120_000);

  it('on a sinusoidal arrival rate gives a time-stable service level, where per-interval Erlang does not', async () => {
    // Calls of 30 min on a rate with an 8 h period: the load lags the arrivals by a large share of a
    // cycle, which is what per-interval (SIPP) staffing ignores and the ISA reads from the simulation.
    const text = read('sim/planning/fixtures/sinusoid.json');
    const options = { shrinkage: 0, replications: 8, seed: 3, threads: 2 } as const;
    const isa = await planStaffing(text, undefined, { ...options, method: 'simulation' });
    const sipp = await planStaffing(text, undefined, { ...options, method: 'erlang' });
    const goal = 0.8;
    const isaSl = serviceLevels(isa.channels[0]!);
    const sippSl = serviceLevels(sipp.channels[0]!);
    expect(isaSl).toHaveLength(48);

    // The band: every interval's mean at most 3 points below the goal (and its 95% CI reaching the
    // goal), at most 19 points above it (at the trough's 30 agents one agent moves it by several
    // points; seen: 0.80 to 0.99).
    for (const [i, sl] of isaSl.entries()) {
      expect(sl.mean!, `ISA interval ${i}`).toBeGreaterThanOrEqual(goal - 0.03);
      expect(sl.mean!, `ISA interval ${i}`).toBeLessThanOrEqual(goal + 0.19);
      expect(sl.ci95![1], `ISA interval ${i}`).toBeGreaterThanOrEqual(goal);
    }
    // SIPP on the same demand, same seed: many intervals outside the band, some far below the goal
    // with their whole CI (seen: 3% in 20 s on the third rise, 100% on the falls).
    const outside = sippSl.filter((sl) => sl.mean! < goal - 0.03 || sl.mean! > goal + 0.19);
    expect(outside.length).toBeGreaterThanOrEqual(12);
    expect(sippSl.filter((sl) => sl.ci95![1] < goal - 0.2).length).toBeGreaterThanOrEqual(5);
    const spread = (xs: typeof isaSl) =>
      Math.max(...xs.map((s) => s.mean!)) - Math.min(...xs.map((s) => s.mean!));
    expect(spread(isaSl)).toBeLessThanOrEqual(0.2);
    expect(spread(sippSl)).toBeGreaterThan(0.6);
    // Time-stable for about the same agent-hours (within 10%).
    expect(Math.abs(isa.agentHours.onDuty / sipp.agentHours.onDuty - 1)).toBeLessThan(0.1);
  }, 120_000);

  it('pools a desk shared by phone and chat: fewer agent-hours than two dedicated desks, both planned by simulation', async () => {
    // A flat phone line (10 Erlangs) and a flat chat (one session at a time, one reply: 5 Erlangs).
    // Economies of scale say one pool serving both needs fewer agents than a pool for each; here
    // both ways are planned by the same algorithm and checked by simulation on fresh draws.
    const shared = read('sim/planning/fixtures/shared-desk.json');
    const file = JSON.parse(shared);
    file.agents.groups = [
      { name: 'phone-desk', skills: ['phone'], staffing: { kind: 'constant', agents: 14 } },
      { name: 'chat-desk', skills: ['chat'], maxChats: 1, staffing: { kind: 'constant', agents: 7 } },
    ];
    const options = {
      method: 'simulation',
      shrinkage: 0,
      seed: 1,
      threads: 2,
      checkReplications: 20,
    } as const;
    const pooled = await planStaffing(shared, undefined, options);
    const dedicated = await planStaffing(JSON.stringify(file), undefined, options);
    expect(pooled.groups.map((g) => [g.group, g.channels])).toEqual([['desk', ['phone', 'chat']]]);
    expect(dedicated.groups.map((g) => [g.group, g.channels])).toEqual([
      ['phone-desk', ['phone']],
      ['chat-desk', ['chat']],
    ]);
    // The formula's view of the shared group: jointly less than apart.
    const [pooling] = pooled.pooling;
    expect(pooling!.jointAgentHours).toBeLessThan(pooling!.separateAgentHours * 0.97);
    // The simulation's: the shared desk's plan is at least 2% cheaper than the dedicated desks'
    // (about 5% at this size). Both are plans that hold their targets, so the comparison is fair: on
    // fresh draws no channel of either misses beyond noise in more than 10% of its intervals (a plan
    // exactly at target misses beyond noise in ~2.5% by chance; the iterations use 4 replications).
    expect(pooled.agentHours.onDuty).toBeLessThan(dedicated.agentHours.onDuty * 0.98);
    for (const plan of [pooled, dedicated]) {
      for (const channel of plan.check!.channels)
        expect(channel.missedBeyondNoise.length, channel.channel).toBeLessThanOrEqual(4);
    }
  }, 180_000);

  it('plans chat and phone sharing one group (ecosystem), reporting both channels', async () => {
    const text = read('scenarios/ecosystem.json');
    const scenario = loadScenarioText(text, undefined);
    // One day is enough to exercise the shared pool: cut the week to Monday.
    const oneDay = JSON.stringify({
      ...JSON.parse(text),
      calendar: { ...JSON.parse(text).calendar, days: 1 },
    });
    const plan = await planStaffing(oneDay, undefined, {
      method: 'simulation',
      shrinkage: 0.25,
      replications: 2,
      seed: 1,
      threads: 2,
      // The rules under test (which group carries what, shrinkage, what is judged) do not need a
      // converged plan: two load iterations and one correction pass keep it to seconds.
      maxLoadIterations: 2,
      maxCorrections: 1,
    });
    expect(plan.iterations).toBeLessThanOrEqual(3);
    expect(plan.channels.map((c) => c.channel)).toEqual(Object.keys(scenario.channels));
    // Phone is first among operators' skills; chat is chat-desk's only skill: each carries its own.
    expect(scenario.agentGroups.map((g) => [g.name, g.skills])).toEqual([
      ['operators', ['phone', 'chat']],
      ['chat-desk', ['chat']],
    ]);
    expect(plan.groups.map((g) => [g.group, g.channels])).toEqual([
      ['operators', ['phone']],
      ['chat-desk', ['chat']],
    ]);
    for (const { onDuty, scheduled } of plan.groups) {
      for (let i = 0; i < onDuty.length; i++)
        expect(scheduled[i]).toBe(Math.ceil(onDuty[i]! / 0.75 - 1e-9) || 0);
    }
    expect(plan.agentHours.scheduled).toBeGreaterThan(plan.agentHours.onDuty);
    const chat = plan.channels.find((c) => c.channel === 'chat')!;
    // Chat is closed 23:00-07:00: no contacts, nothing judged there.
    expect(chat.intervals[0]!.verdict).toBe('n/a');
    expect(chat.intervals[20]!.checks[0]!.metric).toBe('firstResponseSlOffered');
  }, 120_000);
});

describe('planStaffing, bad input', () => {
  const text = read('scenarios/stationary-mmc.json');
  const bad = async (options: Parameters<typeof planStaffing>[2], t = text) => {
    const error = await planStaffing(t, undefined, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).message;
  };

  it('refuses shrinkage outside [0, 1) and an unknown method, naming the flag', async () => {
    expect(await bad({ method: 'simulation', shrinkage: 1 })).toMatch(/--shrinkage.*0 <= share < 1/s);
    expect(await bad({ method: 'simulation', shrinkage: -0.1 })).toMatch(/--shrinkage/);
    expect(await bad({ method: 'guess' as 'erlang', shrinkage: 0 })).toMatch(/--method.*erlang, simulation/s);
  });

  it('refuses a target no staffing can meet, naming the interval', async () => {
    // ASA at most 0 s: a caller always waits a little when agents are busy at all.
    const scenario = JSON.parse(text);
    scenario.channels.phone.targets.maxAsa = '0s';
    expect(await bad({ method: 'erlang', shrinkage: 0 }, JSON.stringify(scenario))).toMatch(
      /\/channels\/phone\/targets.*cannot be met at 2024-01-01 00:00/s,
    );
    expect(
      await bad({ method: 'simulation', shrinkage: 0, replications: 1 }, JSON.stringify(scenario)),
    ).toMatch(/\/channels\/phone\/targets.*cannot be met at 2024-01-01 00:00/s);
  });

  it('refuses the erlang method for chat', async () => {
    expect(await bad({ method: 'erlang', shrinkage: 0 }, read('scenarios/ecosystem.json'))).toMatch(
      /--method.*allowed: simulation/s,
    );
  });
});

describe('planStaffing, a deadline channel (e-mail)', () => {
  it('staffs a dedicated desk for the e-mails falling due, in office hours only, and meets the target', async () => {
    // stationary-mmc's phone line, plus 400 e-mails a day around the clock (10-minute handle time),
    // answered by a desk of its own within one working day (office hours Mon-Fri 09:00-18:00), 90%.
    const text = scenarioText('stationary-mmc', (f) => {
      f.calendar.days = 3;
      f.agents.groups.push({
        name: 'desk',
        skills: ['email'],
        staffing: { kind: 'constant', agents: 1 },
      });
      f.channels.email = {
        workingHours: OFFICE_HOURS,
        demand: { emailsPerDay: 400, intradayShape: Array(48).fill(1) },
        handleTime: '10m',
        targets: { goal: 0.9 },
      };
    });
    const plan = await planStaffing(text, undefined, {
      method: 'simulation',
      shrinkage: 0,
      replications: 4,
      seed: 5,
      threads: 2,
      check: false,
    });
    const desk = plan.groups.find((g) => g.group === 'desk')!;
    expect(desk.channels).toEqual(['email']);
    expect(plan.unplanned.map((u) => u.channel)).not.toContain('email');
    const hour = (day: number, hh: number) => day * 48 + hh * 2;
    for (let day = 0; day < 3; day++) {
      for (const hh of [0, 8, 18, 23]) expect(desk.onDuty[hour(day, hh)], `day ${day} ${hh}:00`).toBe(0);
    }
    // No plan answers in fewer agent-hours than the work falling due in the three days: e-mails of
    // Monday 00:00 to Wednesday 09:00 (2 days and 19 intervals), 10 minutes each.
    const dueHours = ((2 * 48 + 19) * (400 / 48) * 600) / 3600;
    const deskHours = desk.onDuty.reduce((a, b) => a + b, 0) / 2;
    expect(deskHours).toBeGreaterThanOrEqual(dueHours);
    // ... and the fluid plan, rounded up per interval, stays within a few agents of it per working
    // hour (27 working hours; corrections add where the simulated e-mails still missed).
    expect(deskHours).toBeLessThanOrEqual(dueHours + 3 * 27);
    const email = plan.channels.find((c) => c.channel === 'email')!;
    expect(email.missed).toEqual([]);
  }, 180_000);
});
