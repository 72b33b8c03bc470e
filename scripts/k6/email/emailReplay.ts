// E-mail's part of the k6 script (scenario `email`, exec 'email' of the bundle's entry): one iteration
// per planned e-mail: submitted at its planned instant (POST /v1/emails), then its status polled
// (GET /v1/emails/:id) until answered or the window's end + grace. Logic lives in the k6-free
// emailSubmissions.ts; times are the mock's model instants, so polling does not blur them.
import { sleep } from 'k6';
import { SharedArray } from 'k6/data';
import exec from 'k6/execution';
import http from 'k6/http';
import { Counter, Rate, Trend } from 'k6/metrics';
import { intervalOfIteration } from '../intervalOfIteration.js';
import type { K6ChannelScript } from '../K6ChannelScript.js';
import type { ReplayConfig } from '../replayConfig.js';
import {
  EMAIL_PLANS_FILE_ENV,
  EMAIL_REQUEST_TIMEOUT_MS,
  type EmailPlanEntry,
  type EmailReplayConfig,
  emailK6Scenario,
} from './emailReplayConfig.js';
import {
  EMAIL_RATE_METRICS,
  type EmailTransport,
  emailRates,
  intervalAt,
  type RepliedEmail,
  replayEmail,
} from './emailSubmissions.js';

export const k6Script: K6ChannelScript<EmailReplayConfig> = {
  channel: 'email',
  k6Scenario: emailK6Scenario,
  scenario: emailScenario,
};

/** Builds the e-mail scenario's function over the replay's config (called in the init context). */
function emailScenario(
  email: EmailReplayConfig | undefined,
  config: ReplayConfig,
  token: string | undefined,
): () => void {
  if (email === undefined) return () => {};
  const part: EmailReplayConfig = email;
  const plans = new SharedArray('email plans', () => {
    const file = __ENV[EMAIL_PLANS_FILE_ENV];
    if (!file) throw new Error(`set ${EMAIL_PLANS_FILE_ENV} with -e (the e-mails of the replay)`);
    return JSON.parse(open(file)) as EmailPlanEntry[];
  });
  /** One sample per e-mail; tags outcome (answered, overdue, pending, error) and interval (received). */
  const emails = new Counter('emails');
  /** One sample per answer, tagged with the interval it was sent in (model time): a flow. */
  const answers = new Counter('email_answers');
  /** Answered e-mails' response, working hours / calendar hours; opened e-mails' wait, model s. */
  const responseWorkingH = new Trend('email_response_working_h');
  const responseH = new Trend('email_response_h');
  const waitS = new Trend('email_wait_s');
  const polls = new Trend('email_polls');
  const rates = EMAIL_RATE_METRICS.map((spec) => ({ name: spec.name, rate: new Rate(spec.k6!.metric) }));
  const arrivalLagMs = new Trend('arrival_lag_ms', true);
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const timeout = `${EMAIL_REQUEST_TIMEOUT_MS}ms`;

  return function emailIteration(): void {
    const n = exec.scenario.iterationInTest;
    // The tail stage may start a few iterations past the plan; they send nothing.
    if (n >= part.cumulative[part.cumulative.length - 1]!) return;
    const interval = String(part.intervalIndex[intervalOfIteration(part.cumulative, n)] ?? -1);
    const tags = { channel: 'email', interval };
    const plan = plans[n] as EmailPlanEntry;
    if (plan.atMs !== null) {
      const dueAt = exec.scenario.startTime + plan.atMs;
      const waitMs = dueAt - Date.now();
      if (waitMs > 0) sleep(waitMs / 1000);
      arrivalLagMs.add(Date.now() - dueAt, tags);
    }
    const transport: EmailTransport = {
      submit: (body) => reply(http.post(`${config.target}/v1/emails`, body, params('POST /v1/emails'))),
      poll: (id) =>
        reply(http.get(`${config.target}/v1/emails/${encodeURIComponent(id)}`, params('GET /v1/emails/:id'))),
      sleepMs: (ms) => sleep(ms / 1000),
      nowMs: () => Date.now(),
    };
    const replied = replayEmail(transport, `${config.runId}-e${n}`, {
      pollEveryMs: part.pollEveryMs,
      maxPolls: part.maxPolls,
      deadlineMs: exec.scenario.startTime + config.windowEndWallMs + part.graceMs,
      timeScale: config.timeScale,
    });
    record(replied, tags);
  };

  function params(name: string) {
    return { headers, timeout, tags: { channel: 'email', name } };
  }

  function record(replied: RepliedEmail, tags: { channel: string; interval: string }): void {
    emails.add(1, { ...tags, outcome: replied.outcome });
    polls.add(replied.polls, tags);
    if (replied.waitS !== null) waitS.add(replied.waitS, tags);
    if (replied.outcome === 'answered') {
      if (replied.responseWorkingS !== null) responseWorkingH.add(replied.responseWorkingS / 3600, tags);
      if (replied.responseS !== null) responseH.add(replied.responseS / 3600, tags);
      const answeredIn = intervalAt(replied.answeredAtS!, part.intervalS);
      answers.add(1, { channel: 'email', interval: String(answeredIn) });
    }
    const values = emailRates(replied, part.thresholdS);
    for (const { name, rate } of rates) {
      const value = values[name];
      if (value !== null && value !== undefined) rate.add(value, tags);
    }
  }
}

function reply(response: { status: number; body: unknown }) {
  return { status: response.status, body: typeof response.body === 'string' ? response.body : null };
}
