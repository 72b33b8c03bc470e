import type { TimerHost } from '../../sim/engine/RealtimeDriver.js';
import { prometheusCounters } from '../prometheusCounters.js';
import { prometheusGauge } from '../prometheusGauge.js';
import type { TransportPlugin } from '../TransportPlugin.js';
import { CALLEE_MODES, type CalleeMode, DIAL_OUTCOMES, OutboundService } from './OutboundService.js';
import { registerOutboundRoutes } from './outboundRoutes.js';

const ROUTES = [
  'GET  /v1/outbound/dials      the dials the model is making now',
  'GET  /v1/outbound/dials/:id  one dial, in progress or recently ended',
];
const CALLEE_ROUTES = [
  'POST /v1/outbound/ringing/claim        a callee claims a ringing dial (long poll: waitMs)',
  'POST /v1/outbound/dials/:id/answer     the claimer answers; /hangup ends the talk; /no-answer declines',
];

/** The outbound transport's fields of the mocks' options. */
export interface OutboundTransportOptions {
  /**
   * Who the people called are: 'model' (default, `hotline mocks`): the model draws every outcome;
   * 'client' (`hotline load`): dials ring until a client claims and answers them (see OutboundService).
   */
  callees?: CalleeMode;
  /** The mocks' shared timers option (tests: ManualTime), read here for the claims' long polls. */
  timers?: TimerHost;
}

const CALLEE_COUNTS = ['rung', 'claimed', 'answered', 'declined', 'missed', 'unclaimed'] as const;

/** The outbound campaign over HTTP; its part of /v1/state is under `outbound`. */
export const outboundTransport: TransportPlugin<'outbound', OutboundTransportOptions, OutboundService> = {
  channel: 'outbound',
  stateProperties: {
    outbound: {
      type: 'object',
      description: 'The outbound campaign (absent when the scenario has none).',
      properties: {
        listed: { type: 'integer', description: 'Numbers waiting to be dialled now.' },
        retriesPending: { type: 'integer', description: 'Numbers whose retry is not due yet.' },
        dialling: { type: 'integer', description: 'Dials in progress.' },
        dials: {
          type: 'object',
          description: 'Dials ended since the mocks started, by outcome.',
          properties: Object.fromEntries(DIAL_OUTCOMES.map((o) => [o, { type: 'integer' }])),
        },
        callees: {
          type: 'object',
          description:
            'Who answers the dials (source: model or client) and, with client callees, what they did since the mocks started.',
          properties: {
            source: { type: 'string', enum: [...CALLEE_MODES] },
            ...Object.fromEntries(CALLEE_COUNTS.map((c) => [c, { type: 'integer' }])),
            ringingUnclaimed: { type: 'integer', description: 'Dials ringing now that no callee claimed.' },
            waitingClaims: { type: 'integer', description: 'Claims waiting for a dial to ring.' },
            firstUnclaimedAtS: {
              type: ['number', 'null'],
              description:
                'Model time the earliest dial that rang out unclaimed started (null: none): when callees fell behind.',
            },
          },
        },
      },
    },
  },
  checkOptions(options, issues) {
    if (options.callees !== undefined && !CALLEE_MODES.includes(options.callees))
      issues.push({
        path: 'callees',
        message: 'unknown callee source',
        value: options.callees,
        allowed: CALLEE_MODES.join(', '),
      });
  },
  build({ app, model, options, firstContact }) {
    const outbound = new OutboundService(model, options.callees ?? 'model', options.timers);
    registerOutboundRoutes(app, outbound, firstContact);
    return {
      service: outbound,
      routes: outbound.callees === 'client' ? [...ROUTES, ...CALLEE_ROUTES] : ROUTES,
      state: () => ({ outbound: outbound.snapshot() }),
      metricLines: () => {
        const state = outbound.snapshot();
        return [
          ...prometheusGauge(
            'hotline_outbound_listed',
            'Outbound numbers waiting to be dialled now.',
            state.listed,
          ),
          ...prometheusGauge(
            'hotline_outbound_retries_pending',
            'Outbound numbers whose retry is not due yet.',
            state.retriesPending,
          ),
          ...prometheusGauge('hotline_outbound_dialling', 'Outbound dials in progress.', state.dialling),
          ...prometheusCounters(
            'hotline_outbound_dials_total',
            'Outbound dials ended, by outcome.',
            state.dials,
            DIAL_OUTCOMES,
          ),
          ...prometheusCounters(
            'hotline_outbound_callees_total',
            'What the client callees did with the dials (callees client), by action.',
            Object.fromEntries(CALLEE_COUNTS.map((c) => [c, state.callees[c]])),
            CALLEE_COUNTS,
          ),
        ];
      },
    };
  },
};
