import type { FastifyInstance } from 'fastify';
import { CHAT_OUTCOMES, type ChatService } from '../chat/ChatService.js';
import type { ModelService } from '../ModelService.js';
import { metricsText } from '../metricsText.js';
import { CALL_OUTCOMES } from '../phone/callTypes.js';
import type { PhoneService } from '../phone/PhoneService.js';
import type { ResponseTimeHistogram } from '../ResponseTimeHistogram.js';

const countsSchema = {
  type: 'object',
  properties: Object.fromEntries(CALL_OUTCOMES.map((o) => [o, { type: 'integer' }])),
};

const StateSchema = {
  type: 'object',
  required: ['modelTimeS', 'interval'],
  properties: {
    scenario: { type: 'string' },
    timeScale: { type: 'number' },
    modelTimeS: { type: 'number' },
    interval: { type: 'integer' },
    queueLength: { type: 'integer' },
    agentsBusy: { type: 'integer' },
    agentsOnDuty: { type: 'integer' },
    trunkLinesBusy: { type: 'integer' },
    retrialsPending: {
      type: 'integer',
      description: "Retrials of the model's own callers still to come (warm start; 0 otherwise).",
    },
    pendingCalls: { type: 'integer' },
    calls: {
      ...countsSchema,
      description: 'Calls ended, by outcome (absent when the scenario has no phone).',
    },
    ownCalls: {
      ...countsSchema,
      description:
        "Outcomes of the model's own callers since the clock started (a warm start's: the day before the window goes on in the model; absent when the scenario has no phone).",
    },
    hangUps: { type: 'integer', description: 'Calls ended by the caller hanging up (in calls.abandoned).' },
    chat: {
      type: 'object',
      description: 'The chat channel (absent when the scenario has none).',
      properties: {
        queued: { type: 'integer', description: 'Sessions waiting for an agent.' },
        inProgress: { type: 'integer', description: 'Sessions held by an agent.' },
        open: { type: 'integer', description: 'Sessions open over WebSockets.' },
        sessions: {
          type: 'object',
          description: 'Sessions ended, by outcome.',
          properties: Object.fromEntries(CHAT_OUTCOMES.map((o) => [o, { type: 'integer' }])),
        },
      },
    },
  },
} as const;

/** /health (no auth), /metrics (Prometheus text) and /v1/state (JSON snapshot). */
export function registerStatusRoutes(
  app: FastifyInstance,
  model: ModelService,
  acd: PhoneService | null,
  info: { scenario: string; timeScale: number },
  responseTimes?: ResponseTimeHistogram,
  chat: ChatService | null = null,
): void {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: {
        summary: 'Liveness (no auth)',
        response: { 200: { type: 'object', properties: { status: { type: 'string' } } } },
      },
    },
    async () => ({ status: model.isShutDown ? 'closing' : 'ok' }),
  );
  app.get(
    '/metrics',
    {
      schema: {
        summary: 'Prometheus metrics',
        produces: ['text/plain'],
        response: { 200: { type: 'string' } },
      },
    },
    async (_request, reply) => {
      reply.type('text/plain; version=0.0.4; charset=utf-8');
      return metricsText(
        modelTime(model),
        acd?.snapshot() ?? null,
        responseTimes,
        chat?.snapshot(),
        chat?.replyLateness,
      );
    },
  );
  app.get(
    '/v1/state',
    { schema: { summary: 'Snapshot of the ACD', response: { 200: StateSchema } } },
    async () => ({
      scenario: info.scenario,
      timeScale: info.timeScale,
      ...modelTime(model),
      ...acd?.snapshot(),
      ...(chat === null ? {} : { chat: chat.snapshot() }),
    }),
  );
}

/** Model time now (having run what is due) and its interval: every channel's clock. */
function modelTime(model: ModelService): { modelTimeS: number; interval: number } {
  const modelTimeS = model.now();
  return { modelTimeS, interval: model.run.simulation.interval };
}
