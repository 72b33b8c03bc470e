// Test support: the mocks listening on 127.0.0.1 for the socket tests, on a manual clock and with
// under-pressure off (a loaded machine delays the event loop past its second: its 503 is not these
// tests'), plus a record of whether each finished response's request was read to the end. Not
// product code.
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';
import { ManualTime } from '../../sim/testing/ManualTime.js';
import { buildMocks } from '../buildMocks.js';

export interface ListeningMocks {
  app: FastifyInstance;
  port: number;
  /** One entry per finished response, in order: did the server read its request to the end? */
  readToEnd: boolean[];
}

/** Builds the mocks for `scenario` and listens on an ephemeral loopback port; the caller closes `app`. */
export async function listeningMocks(scenario: ScenarioModel): Promise<ListeningMocks> {
  const time = new ManualTime();
  const app = await buildMocks(scenario, {
    timeScale: 60,
    wallNowMs: time.wallNowMs,
    timers: time,
    pressure: { maxEventLoopDelay: 0 },
  });
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
  } catch (error) {
    await app.close();
    throw error;
  }
  const readToEnd: boolean[] = [];
  app.server.on('request', (req, res) => res.on('finish', () => readToEnd.push(req.complete)));
  const { port } = app.server.address() as AddressInfo;
  return { app, port, readToEnd };
}
