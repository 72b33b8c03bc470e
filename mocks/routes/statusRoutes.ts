import type { FastifyInstance } from 'fastify';
import { type ChannelFaults, FAULT_KINDS } from '../ChannelFaults.js';
import { faultMetricLines } from '../faultMetricLines.js';
import type { ModelService } from '../ModelService.js';
import { metricsText } from '../metricsText.js';
import type { Transport } from '../TransportPlugin.js';

/** The snapshot's channel-free part; each transport adds its own properties (stateProperties). */
function stateSchema(transportProperties: Readonly<Record<string, object>>) {
  return {
    type: 'object',
    required: ['modelTimeS', 'interval'],
    properties: {
      scenario: { type: 'string' },
      timeScale: { type: 'number' },
      modelTimeS: { type: 'number' },
      interval: { type: 'integer' },
      faults: {
        type: 'object',
        description:
          'Faults injected so far, by channel (the channels the scenario has): latency (responses or frames delayed), error (refused by the error rate), outage (refused in the outage window).',
        additionalProperties: {
          type: 'object',
          properties: Object.fromEntries(FAULT_KINDS.map((fault) => [fault, { type: 'integer' }])),
        },
      },
      ...transportProperties,
    },
  };
}

/**
 * /health (no auth), /metrics (Prometheus text) and /v1/state (JSON snapshot): the model clock's part
 * here, each channel's part from its transport (`stateProperties` declares the snapshot's fields), and
 * the faults each channel injected.
 */
export function registerStatusRoutes(
  app: FastifyInstance,
  model: ModelService,
  info: { scenario: string; timeScale: number },
  transports: readonly Transport<unknown>[],
  faults: readonly ChannelFaults[],
  stateProperties: Readonly<Record<string, object>>,
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
      return metricsText(modelTime(model), [
        ...transports.map((t) => t.metricLines()),
        faultMetricLines(faults),
      ]);
    },
  );
  app.get(
    '/v1/state',
    { schema: { summary: 'Snapshot of the model', response: { 200: stateSchema(stateProperties) } } },
    async () => {
      // The clock first: a transport's snapshot runs what is due, so it reads the same instant.
      const clock = modelTime(model);
      return Object.assign(
        { scenario: info.scenario, timeScale: info.timeScale, ...clock },
        ...transports.map((t) => t.state()),
        { faults: Object.fromEntries(faults.map((f) => [f.channel, { ...f.counts }])) },
      );
    },
  );
}

/** Model time now (having run what is due) and its interval: every channel's clock. */
function modelTime(model: ModelService): { modelTimeS: number; interval: number } {
  const modelTimeS = model.now();
  return { modelTimeS, interval: model.run.simulation.interval };
}
