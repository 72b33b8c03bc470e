import { describe, expect, it } from 'vitest';
import { agentGroupsOf } from '../agents/agentGroupsOf.js';
import type { PhoneOutcomeRecord } from '../channels/phone/PhoneOutcome.js';
import { createModelRun } from '../ModelRun.js';
import { scenarioModel, total } from '../testing/scenarioText.js';
import { runBatch } from './BatchDriver.js';

// The time integrals (busy agents, queue length, sessions in progress) are integrated lazily: each
// integrator integrates itself only before it changes what it integrates, and the core asks all of
// them at interval boundaries. A change of state that forgot to integrate first would credit the
// new rate to the time before it. These checks recompute the integrals from the contacts themselves
// (sample-path conservation laws, exact up to rounding), on the shared pool of the ecosystem
// scenario: shifts with breaks, IVR, retrials, phone before chat, agents holding 3 chats.

describe('time integrals, integrated lazily, equal what the contacts add up to', () => {
  const scenario = scenarioModel('ecosystem', (f) => {
    f.calendar.days = 1;
    delete f.channels.phone.afterCallWork; // an answered call then holds its agent for its talk time only
  });
  const answered: PhoneOutcomeRecord[] = [];
  const run = createModelRun(scenario, {
    seed: 5,
    replication: 0,
    mode: 'batch',
    observers: { phone: { outcome: (r) => (r.outcome === 'answered' ? answered.push(r) : undefined) } },
  });
  runBatch(run.simulation);
  const horizonS = run.simulation.horizonS;
  run.processes.phone!.finish(horizonS);
  run.processes.chat!.finish(horizonS);
  const phone = run.processes.phone!.counters;
  const chat = run.processes.chat!.counters;

  it('phone: agent-seconds busy = the talk time of every answered call (cut at the horizon)', () => {
    let talk = 0;
    for (const r of answered) talk += Math.min(r.atS + r.talkS, horizonS) - r.atS;
    expect(answered.length).toBeGreaterThan(40_000);
    expect(total(phone.busyAgentS) / talk).toBeCloseTo(1, 9);
  });

  it('phone: the queue-length integral = the waits of every queued call (Little on the sample path)', () => {
    expect(total(phone.queueTimeSumS)).toBeGreaterThan(3600);
    expect(total(phone.queueAreaS) / total(phone.queueTimeSumS)).toBeCloseTo(1, 9);
  });

  it('chat: slots busy in the pool = sessions in progress in the chat process / 3 slots per agent', () => {
    expect(total(chat.sessionS)).toBeGreaterThan(3600);
    expect(total(chat.busyAgentS) / (total(chat.sessionS) / 3)).toBeCloseTo(1, 9);
  });

  it('agents on duty integrate the staffing steps, interval by interval', () => {
    // With no overtime the pool's on-duty integral of an interval is the scheduled agents x its length;
    // overtime adds the agents finishing a contact after their shift.
    const intervalS = scenario.calendar.intervalS;
    for (let k = 0; k < run.simulation.intervals; k++) {
      const scheduled = agentGroupsOf(scenario)
        .filter((g) => g.skills.includes('phone'))
        .reduce((sum, g) => sum + scheduledAgentSeconds(g.staffing, k * intervalS, intervalS), 0);
      expect(phone.onDutyAgentS[k]! - phone.overtimeAgentS[k]!, `interval ${k}`).toBeCloseTo(scheduled, 6);
    }
  });
});

/** Agent-seconds the step function `staffing` schedules in [from, from + length). */
function scheduledAgentSeconds(
  staffing: { readonly changeTimesS: ArrayLike<number>; readonly agents: ArrayLike<number> },
  from: number,
  length: number,
): number {
  let sum = 0;
  const n = staffing.changeTimesS.length;
  for (let i = 0; i < n; i++) {
    const start = Math.max(staffing.changeTimesS[i]!, from);
    const end = Math.min(i + 1 < n ? staffing.changeTimesS[i + 1]! : Number.POSITIVE_INFINITY, from + length);
    if (end > start) sum += staffing.agents[i]! * (end - start);
  }
  return sum;
}
