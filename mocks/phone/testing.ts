// Test support for the phone transport: scenarios with phone changes, and calls to place. Not product code.
import type { FastifyInstance } from 'fastify';
import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';
import type { ScenarioFile } from '../../scenarios/scenarioSchema.js';
import { scenarioModel } from '../../sim/testing/scenarioText.js';
import { untilTurns } from '../testing.js';

type PhoneFile = ScenarioFile['channels']['phone'];
type StaffingFile = ScenarioFile['agents']['groups'][number]['staffing'];

/**
 * stationary-mmc (14 agents, 100 calls / 30 min, AHT 180 s, patience 5 min) with phone fields
 * replaced; `staffing` replaces the staffing of its one agent group.
 */
export function stationary(changes: Partial<PhoneFile> & { staffing?: StaffingFile } = {}): ScenarioModel {
  const { staffing, ...phone } = changes;
  return scenarioModel('stationary-mmc', (f) => {
    Object.assign(f.channels.phone!, phone);
    if (staffing !== undefined) f.agents.groups[0]!.staffing = staffing;
  });
}

export interface Posted {
  statusCode: number;
  body: Record<string, unknown>;
  headers: Record<string, unknown>;
}

/** POST /v1/calls through inject. */
export async function postCall(
  app: FastifyInstance,
  payload: unknown = {},
  headers: Record<string, string> = {},
): Promise<Posted> {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/calls',
    payload: payload as object,
    headers,
  });
  return { statusCode: response.statusCode, body: response.json(), headers: response.headers };
}

/**
 * Waits until `count` calls are held by the mock (requests through inject reach the handler a few
 * event-loop turns later). Counts turns, not milliseconds, so a busy machine cannot fail it.
 */
export async function untilHeld(app: FastifyInstance, count: number): Promise<void> {
  await untilTurns(
    () => app.hotline.transports.phone!.pendingCalls >= count,
    () => `the mock holds ${app.hotline.transports.phone!.pendingCalls} calls, expected ${count}`,
  );
}
