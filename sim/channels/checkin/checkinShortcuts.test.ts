import { describe, expect, it } from 'vitest';
import { runBatch } from '../../engine/BatchDriver.js';
import { createModelRun } from '../../ModelRun.js';
import { BranchingStreams } from '../../rng/Streams.js';
import { checkinScenario, quietCheckin } from './testing.js';

// A plain batch run takes two shortcuts (CheckinProcess.ts): it sends the next minute's prompts in
// one event (`promptsAhead`), and it handles the instants nobody hears about (a quiet check-in's
// submission and decision, a failure's count) in the process's own agenda instead of the run's
// calendar. An observer turns the agenda off, and streams that may branch turn prompts ahead off
// (never branched here, they draw the replication's numbers): then every instant is a run event, as
// in real time. Both runs must count exactly the same, bit for bit, in a run where the verification
// queues (so decisions move from the agenda to the calendar), the review queue forms, and failures
// call the phone.

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

function run(shortcuts: boolean) {
  const model = createModelRun(scenario, {
    seed: 5,
    replication: 0,
    mode: 'batch',
    ...(shortcuts
      ? {}
      : { observers: { checkin: { decided: () => {} } }, streams: new BranchingStreams(5, 0, 0) }),
  });
  runBatch(model.simulation);
  for (const process of Object.values(model.processes)) process.finish(model.simulation.horizonS);
  return { checkin: model.processes.checkin!.counters, phone: model.processes.phone!.counters };
}

describe("checkin: a batch run's prompts ahead and agenda change no count", () => {
  const withEvents = run(false);
  const withAgenda = run(true);
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
