import { describe, expect, it } from 'vitest';
import { runBatch } from '../../engine/BatchDriver.js';
import { createModelRun } from '../../ModelRun.js';
import { checkinScenario, quietCheckin } from './testing.js';

// A batch run without an observer handles the instants nobody hears about (a quiet check-in's
// submission and decision, a failure's count) in the process's own agenda instead of the run's
// calendar (CheckinProcess.ts). An observer turns the agenda off: every instant is a run event, as
// in real time. The two runs must count exactly the same, bit for bit, in a run where the
// verification queues (so decisions move from the agenda to the calendar), the review queue forms,
// and failures call the phone.

const scenario = checkinScenario(
  {
    ...quietCheckin(),
    population: { initial: 2000, admissionsPerDay: 0, daysMonitored: 2 },
    prompts: { meanGap: '1h' },
    responseDelay: { kind: 'lognormal', mean: '4m', cv: 1.2 },
    failures: { noResponse: 0.05, appError: 0.03, geolocationWrong: 0.05, photoNotIdentified: 0.08 },
    verification: { capacity: 10, latency: { kind: 'lognormal', mean: '20s', cv: 0.5 }, reviewShare: 0.15 },
    reviewTime: { kind: 'exponential', mean: '3m' },
    calls: {
      noResponse: { probability: 0.3, delay: { kind: 'exponential', mean: '10m' } },
      appError: { probability: 0.5, delay: { kind: 'exponential', mean: '5m' } },
      geolocationWrong: { probability: 0.4, delay: { kind: 'exponential', mean: '5m' } },
      photoNotIdentified: { probability: 0.5, delay: '0s' },
    },
    cannotUseApp: { share: 0.05, callProbability: 0.3, callDelay: { kind: 'exponential', mean: '30m' } },
  },
  { days: 2, reviewers: 5, phone: true },
);

function run(observed: boolean) {
  const model = createModelRun(scenario, {
    seed: 5,
    replication: 0,
    mode: 'batch',
    ...(observed ? { observers: { checkin: { decided: () => {} } } } : {}),
  });
  runBatch(model.simulation);
  for (const process of Object.values(model.processes)) process.finish(model.simulation.horizonS);
  return { checkin: model.processes.checkin!.counters, phone: model.processes.phone!.counters };
}

describe('checkin: the agenda of a batch run without an observer changes no count', () => {
  const withEvents = run(true);
  const withAgenda = run(false);
  const sum = (values: Float64Array) => values.reduce((a, b) => a + b, 0);

  it('the run exercises the verification queue, the review queue and the calls', () => {
    expect(sum(withEvents.checkin.verificationQueueAreaS)).toBeGreaterThan(0);
    expect(sum(withEvents.checkin.reviewQueueAreaS)).toBeGreaterThan(0);
    expect(sum(withEvents.checkin.callsCausedPhotoNotIdentified)).toBeGreaterThan(50);
    expect(sum(withEvents.checkin.lateResponses)).toBeGreaterThan(0);
  });

  it('every check-in counter, interval by interval, bit for bit', () => {
    expect(withAgenda.checkin).toEqual(withEvents.checkin);
  });

  it("the phone's counters too: the calls come at the same instants", () => {
    expect(withAgenda.phone).toEqual(withEvents.phone);
  });
});
