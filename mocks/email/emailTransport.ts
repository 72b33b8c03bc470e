import { checkNumberOption } from '../checkNumberOption.js';
import { prometheusCounters } from '../prometheusCounters.js';
import { prometheusGauge } from '../prometheusGauge.js';
import type { TransportPlugin } from '../TransportPlugin.js';
import { EmailService } from './EmailService.js';
import { registerEmailsRoute } from './emailsRoute.js';

/** The e-mail transport's fields of the mocks' options. */
export interface EmailTransportOptions {
  /** Submitted e-mails whose status is kept; the oldest answered ones are forgotten past it (default 100000). */
  maxTrackedEmails?: number;
}

const MAX_TRACKED_EMAILS = 100_000;
const ROUTES = [
  'POST /v1/emails  submit an e-mail; answered by agents in working hours',
  'GET  /v1/emails/:id  status of a submitted e-mail (queued, inProgress, answered)',
];

/** E-mails over HTTP (submit + status); its part of /v1/state is under `email`. */
export const emailTransport: TransportPlugin<'email', EmailTransportOptions, EmailService> = {
  channel: 'email',
  stateProperties: {
    email: {
      type: 'object',
      description: 'The e-mail channel (absent when the scenario has none).',
      properties: {
        waiting: { type: 'integer', description: 'E-mails in the backlog, not yet opened.' },
        inHand: { type: 'integer', description: 'E-mails an agent is working on.' },
        submitted: { type: 'integer', description: 'E-mails submitted over HTTP.' },
        answered: { type: 'integer', description: 'Submitted e-mails answered.' },
      },
    },
  },
  checkOptions(options, issues) {
    checkNumberOption('maxTrackedEmails', options.maxTrackedEmails, 1, true, issues);
  },
  build({ app, model, options, retryAfterS, firstContact }) {
    const email = new EmailService(model, options.maxTrackedEmails ?? MAX_TRACKED_EMAILS);
    app.addHook('onRequest', async (request) => {
      if (request.method === 'POST' && request.routeOptions.url === '/v1/emails') firstContact();
    });
    registerEmailsRoute(app, { email, retryAfterS });
    return {
      service: email,
      routes: ROUTES,
      state: () => ({ email: email.snapshot() }),
      metricLines: () => {
        const state = email.snapshot();
        return [
          ...prometheusGauge('hotline_email_backlog', 'E-mails waiting for an agent.', state.waiting),
          ...prometheusGauge('hotline_email_in_hand', 'E-mails an agent is working on.', state.inHand),
          ...prometheusCounters(
            'hotline_emails_total',
            'E-mails submitted over HTTP, and those of them answered.',
            { submitted: state.submitted, answered: state.answered },
            ['submitted', 'answered'],
          ),
        ];
      },
    };
  },
};
