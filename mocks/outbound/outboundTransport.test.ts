import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { blendedScenario, outboundFragment } from '../../sim/channels/outbound/testing.js';
import { ManualTime } from '../../sim/testing/ManualTime.js';
import { buildMocks } from '../buildMocks.js';

// The outbound transport through app.inject() on a hand-moved clock (1 model s = 1 wall s). The
// campaign alone on 4 agents with T = 1 and 7-minute calls that always connect: 3 dials start at the
// opening (model time 0), end at 420 s, and the same agents start the next 3 at once.
const apps: FastifyInstance[] = [];

async function campaignMocks() {
  const scenario = blendedScenario(
    outboundFragment({
      campaign: { numbersPerDay: 100, window: '24/7' },
      connectProbability: 1,
      talkTime: '7m',
      reserveIdleAgents: 1,
    }),
    (f) => {
      f.agents.groups[0]!.skills = ['outbound'];
      f.agents.groups[0]!.staffing = { kind: 'constant', agents: 4 };
      delete (f.channels as { phone?: unknown }).phone;
    },
  );
  const time = new ManualTime();
  const app = await buildMocks(scenario, { timeScale: 1, wallNowMs: time.wallNowMs, timers: time });
  apps.push(app);
  await app.ready();
  return { app, time };
}

const get = async (app: FastifyInstance, url: string) => {
  const response = await app.inject({ method: 'GET', url });
  const json = response.headers['content-type']?.toString().startsWith('application/json');
  return { statusCode: response.statusCode, body: json ? response.json() : null, text: response.body };
};

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

describe('outbound mocks', () => {
  it('lists what the model dials, at model time', async () => {
    const { app, time } = await campaignMocks();
    const first = await get(app, '/v1/outbound/dials');
    expect(first.statusCode).toBe(200);
    expect(first.body.atS).toBe(0);
    expect(first.body.dials).toEqual(
      [0, 1, 2].map((id) => ({ id, agent: id + 1, attempt: 1, startedAtS: 0, state: 'dialling' })),
    );
    time.advance(420_001);
    const later = await get(app, '/v1/outbound/dials');
    expect(later.body.dials.map((d: { id: number; startedAtS: number }) => [d.id, d.startedAtS])).toEqual([
      [3, 420],
      [4, 420],
      [5, 420],
    ]);
    expect((await get(app, '/v1/outbound/dials/1')).body).toEqual({
      id: 1,
      agent: 2,
      attempt: 1,
      startedAtS: 0,
      state: 'completed',
      endedAtS: 420,
    });
  });

  it('has its part of /v1/state and /metrics', async () => {
    const { app, time } = await campaignMocks();
    time.advance(420_001);
    const state = await get(app, '/v1/state');
    expect(state.body.outbound).toEqual({
      listed: 100 - 6,
      retriesPending: 0,
      dialling: 3,
      dials: { completed: 3, noAnswer: 0 },
      callees: {
        source: 'model',
        rung: 0,
        claimed: 0,
        answered: 0,
        declined: 0,
        missed: 0,
        unclaimed: 0,
        ringingUnclaimed: 0,
        waitingClaims: 0,
        firstUnclaimedAtS: null,
      },
    });
    const metrics = await get(app, '/metrics');
    expect(metrics.text).toContain('hotline_outbound_dials_total{outcome="completed"} 3');
    expect(metrics.text).toContain('hotline_outbound_listed 94');
  });

  it('answers an unknown or malformed dial id with a JSON error', async () => {
    const { app } = await campaignMocks();
    const unknown = await get(app, '/v1/outbound/dials/999');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body.error).toBe('not_found');
    const malformed = await get(app, '/v1/outbound/dials/abc');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body.error).toBe('invalid_request');
  });
});
