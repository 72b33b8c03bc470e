// The small scenario most probe cases start from: one day of a phone line with every distribution
// kind that takes parameters (gamma, lognormal, erlang, uniform), retrials, trunk lines, a shift with
// a break, so a mutated field reaches the simulator in about a second.

export function tinyScenario(): Record<string, unknown> {
  return {
    name: 'probe-tiny',
    description: 'A small phone line for the probe.',
    source: ['probe'],
    formatVersion: 2,
    calendar: { startDate: '2024-01-01', days: 1, interval: '60m' },
    agents: {
      groups: [
        {
          name: 'operators',
          skills: ['phone'],
          staffing: {
            kind: 'shifts',
            shifts: [{ start: '00:00', length: '24h', agents: 4, breaks: [{ after: '4h', length: '30m' }] }],
          },
        },
      ],
    },
    channels: {
      phone: {
        hours: '24/7',
        demand: { callsPerDay: 960, intradayShape: new Array(24).fill(1), dailyCv: 0.05 },
        trunkLines: 20,
        talkTime: { kind: 'gamma', mean: '180s', cv: 0.8 },
        afterCallWork: { kind: 'lognormal', mean: '20s', cv: 0.5 },
        patience: { kind: 'erlang', mean: '5m', k: 2 },
        retrial: {
          afterBlocked: 0.5,
          afterAbandoned: 0.3,
          delay: { kind: 'uniform', min: '1m', max: '5m' },
          maxAttempts: 3,
        },
        targets: {
          serviceLevel: { variant: 'slOffered', threshold: '20s', goal: 0.8 },
          maxAbandonRate: 0.05,
          maxAsa: '30s',
        },
      },
    },
  };
}
