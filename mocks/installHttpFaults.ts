import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ChannelFaults } from './ChannelFaults.js';
import { ErrorBodySchema, MockError } from './errors.js';

/**
 * Applies a channel's faults to every HTTP route registered in `scope` (buildMocks gives each HTTP
 * transport its own encapsulated scope, so the status routes are never faulted). After validation,
 * before the handler: a latency draw, then the outage (503 + Retry-After) or the error rate (500), so
 * a refused request never reaches the model; the drawn latency delays whatever the response is.
 */
export function installHttpFaults(scope: FastifyInstance, faults: ChannelFaults, retryAfterS: number): void {
  // The OpenAPI contract of every route here that declares its responses says what a fault answers
  // (phone's declared it already; a route without response schemas is left undocumented as it was).
  scope.addHook('onRoute', (route) => {
    const schema = route.schema as { response?: Record<string, unknown> } | undefined;
    if (schema?.response === undefined) return;
    schema.response = { 500: ErrorBodySchema, 503: ErrorBodySchema, ...schema.response };
  });
  const latencyOf = new WeakMap<FastifyRequest, number>();
  scope.addHook('preHandler', async (request) => {
    const latencyMs = faults.latencyMs();
    if (latencyMs > 0) latencyOf.set(request, latencyMs);
    const refusal = faults.refusal();
    if (refusal === 'outage') throw new MockError('outage', 'injected outage (model time)', retryAfterS);
    if (refusal === 'injected_error') throw new MockError('injected_error', 'injected error (errorRate)');
  });
  scope.addHook('onSend', async (request, _reply, payload) => {
    const latencyMs = latencyOf.get(request);
    if (latencyMs !== undefined) {
      latencyOf.delete(request);
      await faults.wait(latencyMs);
    }
    return payload;
  });
}
