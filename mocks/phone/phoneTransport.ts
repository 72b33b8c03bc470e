import { checkNumberOption } from '../checkNumberOption.js';
import { prometheusCounters } from '../prometheusCounters.js';
import { prometheusGauge } from '../prometheusGauge.js';
import { ResponseTimeHistogram } from '../ResponseTimeHistogram.js';
import type { TransportPlugin } from '../TransportPlugin.js';
import { registerCallsRoute } from './callsRoute.js';
import { CALL_OUTCOMES, type PatienceSource } from './callTypes.js';
import { PhoneService } from './PhoneService.js';

/** The phone transport's fields of the mocks' options. */
export interface PhoneTransportOptions {
  /** Calls held open at once before new ones get 503 (default 10000). */
  maxPendingCalls?: number;
  /**
   * Who makes a queued caller give up when the request carries no patienceS: 'scenario' (default,
   * `hotline mocks`): the class's patience draw; 'client' (`hotline load`): nobody but the caller,
   * who hangs up by closing the connection. The draw happens either way, so streams stay aligned.
   * A patienceS sent by the client is honoured in both.
   */
  patience?: PatienceSource;
}

const MAX_PENDING_CALLS = 10_000;
const CALLS_ROUTE = 'POST /v1/calls   place a call; answered when an agent picks up';

const countsSchema = {
  type: 'object',
  properties: Object.fromEntries(CALL_OUTCOMES.map((o) => [o, { type: 'integer' }])),
};

/** Calls over HTTP (POST /v1/calls); the scenario's phone faults are the base of the mocks' faults for it. */
export const phoneTransport: TransportPlugin<'phone', PhoneTransportOptions, PhoneService> = {
  channel: 'phone',
  // The phone snapshot is at the top of /v1/state: it was the only channel when the route was made.
  stateProperties: {
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
  },
  checkOptions(options, issues) {
    checkNumberOption('maxPendingCalls', options.maxPendingCalls, 0, true, issues);
    if (options.patience !== undefined && options.patience !== 'scenario' && options.patience !== 'client')
      issues.push({
        path: 'patience',
        message: 'unknown patience source',
        value: options.patience,
        allowed: 'scenario, client',
      });
  },
  scenarioFaults: (scenario) => scenario.channels.phone?.faults ?? undefined,
  build({ app, model, options, retryAfterS, clockStartsAtFirstContact, firstContact, contactEnded }) {
    const acd = new PhoneService(model, options.patience ?? 'scenario');
    if (clockStartsAtFirstContact) {
      app.addHook('onRequest', async (request) => {
        if (request.method === 'POST' && request.routeOptions.url === '/v1/calls') firstContact();
      });
    }
    const responseTimes = new ResponseTimeHistogram();
    app.addHook('onResponse', async (request, reply) => {
      if (request.method === 'POST' && request.routeOptions.url === '/v1/calls')
        responseTimes.observe(reply.elapsedTime / 1000);
    });
    registerCallsRoute(app, {
      acd,
      maxPendingCalls: options.maxPendingCalls ?? MAX_PENDING_CALLS,
      retryAfterS,
      // Every outcome the model gives, hang-ups included (MocksOptions.onContactEnd gets a CallResult).
      onCallEnd: contactEnded,
    });
    return {
      service: acd,
      routes: [CALLS_ROUTE],
      state: () => {
        // modelTimeS and interval are the status route's (the model's clock), not the ACD's copy.
        const { modelTimeS: _t, interval: _i, ...state } = acd.snapshot();
        return state;
      },
      metricLines: () => {
        const state = acd.snapshot();
        return [
          ...prometheusGauge('hotline_queue_length', 'Calls waiting for an agent.', state.queueLength),
          ...prometheusGauge(
            'hotline_agents_busy',
            'Agents talking or in after-call work.',
            state.agentsBusy,
          ),
          ...prometheusGauge(
            'hotline_agents_on_duty',
            'Agents on duty (busy agents past their shift included).',
            state.agentsOnDuty,
          ),
          ...prometheusGauge(
            'hotline_trunk_lines_busy',
            'Trunk lines in use (IVR, queue and talk).',
            state.trunkLinesBusy,
          ),
          ...prometheusGauge(
            'hotline_retrials_pending',
            "Retrials of the model's own callers still to come (warm start).",
            state.retrialsPending,
          ),
          ...prometheusGauge(
            'hotline_calls_pending',
            'Requests held open (in the IVR or the queue).',
            state.pendingCalls,
          ),
          ...prometheusCounters(
            'hotline_calls_total',
            'Calls ended, by outcome.',
            state.calls,
            CALL_OUTCOMES,
          ),
          ...responseTimes.text(
            'hotline_call_response_seconds',
            'Wall time from request to response of POST /v1/calls (the wait in queue included).',
          ),
        ];
      },
    };
  },
};
