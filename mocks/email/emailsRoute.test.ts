import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { withEmail } from '../../sim/channels/email/testing.js';
import { ManualTime } from '../../sim/testing/ManualTime.js';
import { buildMocks } from '../buildMocks.js';

// The e-mail transport through app.inject() on a hand-moved clock (1 model s = 1 wall s), from
// Monday 2024-01-01 10:00. One agent works e-mails only, Mon-Fri 09:00-18:00, 30 min each; the
// target is one working day (9 h). Expected instants are worked out by hand.

const H = 3600;
const DAY = 86_400;
const at = (day: number, hh: number, mm = 0) => day * DAY + hh * H + mm * 60;
const MON = 0;
const TUE = 1;
const apps: FastifyInstance[] = [];

async function emailMocks() {
  const scenario = withEmail(
    { handleTime: '30m' },
    {
      days: 7,
      callsPerDay: 0,
      groups: [
        { name: 'operators', skills: ['phone'], staffing: { kind: 'constant', agents: 0 } },
        { name: 'mail-desk', skills: ['email'], staffing: { kind: 'constant', agents: 1 } },
      ],
    },
  );
  const time = new ManualTime();
  const app = await buildMocks(scenario, {
    timeScale: 1,
    startAtS: at(MON, 10),
    wallNowMs: time.wallNowMs,
    timers: time,
  });
  apps.push(app);
  await app.ready();
  /** Moves model time on to `t` (a hand-computed instant). */
  const until = (t: number) => time.advance((t - at(MON, 10)) * 1000 - time.nowMs);
  return { app, until };
}

const submit = (app: FastifyInstance, payload: unknown) =>
  app.inject({ method: 'POST', url: '/v1/emails', payload: payload as object });
const statusOf = async (app: FastifyInstance, id: string) =>
  (await app.inject({ url: `/v1/emails/${id}` })).json();
const letter = { from: 'resident@example.org', subject: 'child benefit: documents refused' };

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

describe('POST /v1/emails and GET /v1/emails/:id', () => {
  it('an e-mail in working hours is opened at once and answered after its handle time', async () => {
    const { app, until } = await emailMocks();
    const response = await submit(app, letter);
    expect(response.statusCode).toBe(202);
    // Due one working day later: Mon 10:00-18:00 (8 h) and Tue 09:00-10:00.
    expect(response.json()).toEqual({
      id: 'e-0',
      status: 'inProgress',
      receivedAtS: at(MON, 10),
      dueAtS: at(TUE, 10),
      openedAtS: at(MON, 10),
    });
    until(at(MON, 10, 29));
    expect((await statusOf(app, 'e-0')).status).toBe('inProgress');
    until(at(MON, 10, 30));
    expect(await statusOf(app, 'e-0')).toMatchObject({
      status: 'answered',
      answeredAtS: at(MON, 10, 30),
      responseWorkingS: 30 * 60,
      agent: 1,
    });
  });

  it('an e-mail sent in the evening waits for the morning; its working response excludes the night', async () => {
    const { app, until } = await emailMocks();
    until(at(MON, 18, 30));
    const sent = (await submit(app, { ...letter, emailId: 'evening' })).json();
    // Due after 9 working hours: all of Tuesday 09:00-18:00.
    expect(sent).toEqual({ id: 'e-0', status: 'queued', receivedAtS: at(MON, 18, 30), dueAtS: at(TUE, 18) });
    until(at(TUE, 8, 59));
    expect((await statusOf(app, 'e-0')).status).toBe('queued');
    until(at(TUE, 9));
    expect(await statusOf(app, 'e-0')).toMatchObject({ status: 'inProgress', openedAtS: at(TUE, 9) });
    until(at(TUE, 9, 30));
    expect(await statusOf(app, 'e-0')).toMatchObject({
      status: 'answered',
      answeredAtS: at(TUE, 9, 30),
      responseWorkingS: 30 * 60,
    });
    const state = (await app.inject({ url: '/v1/state' })).json();
    expect(state.email).toEqual({ waiting: 0, inHand: 0, submitted: 1, answered: 1 });
  });

  it('FIFO: a second e-mail waits for the one agent; the backlog shows in /v1/state and /metrics', async () => {
    const { app, until } = await emailMocks();
    await submit(app, letter);
    until(at(MON, 10, 10));
    expect((await submit(app, letter)).json()).toMatchObject({ id: 'e-1', status: 'queued' });
    expect((await app.inject({ url: '/v1/state' })).json().email).toEqual({
      waiting: 1,
      inHand: 1,
      submitted: 2,
      answered: 0,
    });
    const metrics = (await app.inject({ url: '/metrics' })).body;
    expect(metrics).toContain('hotline_email_backlog 1');
    expect(metrics).toContain('hotline_emails_total{outcome="submitted"} 2');
    until(at(MON, 11));
    expect(await statusOf(app, 'e-1')).toMatchObject({
      status: 'answered',
      openedAtS: at(MON, 10, 30),
      answeredAtS: at(MON, 11),
      responseWorkingS: 50 * 60,
    });
  });

  it('refuses a bad body with 400 naming the field, and an unknown id with 404', async () => {
    const { app } = await emailMocks();
    const cases: [unknown, string][] = [
      [{ subject: 'no sender' }, '/from'],
      [{ ...letter, from: 'not an address' }, '/from'],
      [{ ...letter, subject: '' }, '/subject'],
      [{ ...letter, attachment: 'x.exe' }, '/attachment'],
    ];
    for (const [body, path] of cases) {
      const response = await submit(app, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json()).toMatchObject({
        error: 'invalid_request',
        issues: [expect.objectContaining({ path })],
      });
    }
    expect((await app.inject({ url: '/v1/state' })).json().email.submitted).toBe(0);
    expect((await app.inject({ url: '/v1/emails/e-7' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/v1/emails/nonsense' })).json()).toMatchObject({ error: 'not_found' });
  });
});
