import { prometheusCounters } from '../prometheusCounters.js';
import { prometheusGauge } from '../prometheusGauge.js';
import type { TransportPlugin } from '../TransportPlugin.js';
import { DIAL_OUTCOMES, OutboundService } from './OutboundService.js';
import { registerOutboundRoutes } from './outboundRoutes.js';

const ROUTES = [
  'GET  /v1/outbound/dials      the dials the model is making now (read-only: the model dials)',
  'GET  /v1/outbound/dials/:id  one dial, in progress or recently ended',
];

/** The outbound campaign shown over HTTP; its part of /v1/state is under `outbound`. No options. */
export const outboundTransport: TransportPlugin<'outbound', object, OutboundService> = {
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
      },
    },
  },
  checkOptions() {},
  build({ app, model }) {
    const outbound = new OutboundService(model);
    registerOutboundRoutes(app, outbound);
    return {
      service: outbound,
      routes: ROUTES,
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
        ];
      },
    };
  },
};
