import { prometheusCounters } from '../prometheusCounters.js';
import { prometheusGauge } from '../prometheusGauge.js';
import type { TransportPlugin } from '../TransportPlugin.js';
import { registerApplicationsRoute } from './applicationsRoute.js';
import { PortalService } from './PortalService.js';
import { ResponseCounts } from './ResponseCounts.js';

/** The portal transport has no options of its own yet. */
export type PortalTransportOptions = object;

const ROUTES = [
  'POST /v1/applications      multipart: applicantName, birthDate (yyyy-mm-dd), applicationType, documents (PDF/JPEG, <= 5 MB each)',
  'GET  /v1/applications/:id  status: received, documentsChecked, decided (model times)',
];

/** Portal applications over HTTP multipart; its part of /v1/state is under `portal`. */
export const portalTransport: TransportPlugin<'portal', PortalTransportOptions, PortalService> = {
  channel: 'portal',
  stateProperties: {
    portal: {
      type: 'object',
      description: 'The portal channel (absent when the scenario has none).',
      properties: {
        received: { type: 'integer', description: 'Applications received from clients.' },
        pending: { type: 'integer', description: 'Received and not decided yet.' },
        decided: { type: 'integer' },
        refused: {
          type: 'object',
          description: 'Submissions refused, by reason (415 wrongType, 413 tooBig, 400 badField).',
          properties: {
            wrongType: { type: 'integer' },
            tooBig: { type: 'integer' },
            badField: { type: 'integer' },
          },
        },
        statusChecks: { type: 'integer' },
        responses: {
          type: 'object',
          description: 'Responses of the portal routes by "METHOD route" and status code.',
          additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } },
        },
      },
    },
  },
  checkOptions() {},
  build({ app, model, firstContact }) {
    const portal = new PortalService(model);
    const responses = new ResponseCounts();
    registerApplicationsRoute(app, {
      portal,
      onFirstContact: firstContact,
      onResponse: (route, status) => responses.add(route, status),
    });
    return {
      service: portal,
      routes: ROUTES,
      state: () => ({ portal: { ...portal.snapshot(), responses: responses.byRoute() } }),
      metricLines: () => {
        const state = portal.snapshot();
        return [
          ...responses.text(
            'hotline_portal_responses_total',
            'Responses of the portal routes, by route and status code.',
          ),
          ...prometheusCounters(
            'hotline_portal_refused_total',
            'Submissions refused, by reason (wrongType 415, tooBig 413, badField 400).',
            state.refused,
            ['wrongType', 'tooBig', 'badField'],
          ).map((line) => line.replace('outcome=', 'reason=')),
          ...prometheusGauge(
            'hotline_portal_applications_pending',
            'Applications received and not decided.',
            state.pending,
          ),
          ...prometheusGauge(
            'hotline_portal_applications_decided',
            'Applications decided so far.',
            state.decided,
          ),
        ];
      },
    };
  },
};
