import { describe, expect, it } from 'vitest';
import {
  type EmailHttpReply,
  type EmailPolling,
  type EmailStatusReply,
  emailRates,
  intervalAt,
  nextPollDelayMs,
  readEmailStatus,
  replayEmail,
} from './emailSubmissions.js';

/**
 * A fake target on a fake clock: e-mail e-0 received at model 36,000 s (10:00), due at 39,600 s;
 * `answerAfterMs` wall ms after the submit it is answered (null: never). Time scale 60.
 */
function fakeTarget(answerAfterMs: number | null, options: { submitStatus?: number; lose?: boolean } = {}) {
  let now = 1_000;
  const submittedAt = now;
  const requests: string[] = [];
  const base: EmailStatusReply = { id: 'e-0', status: 'queued', receivedAtS: 36_000, dueAtS: 39_600 };
  const json = (status: number, body: unknown): EmailHttpReply => ({ status, body: JSON.stringify(body) });
  return {
    requests,
    transport: {
      submit(body: string) {
        requests.push(`POST ${JSON.parse(body).emailId}`);
        return options.submitStatus ? json(options.submitStatus, { error: 'no' }) : json(202, base);
      },
      poll(id: string) {
        requests.push(`GET ${id} @${now - submittedAt}`);
        if (options.lose) return json(404, { error: 'not_found' });
        if (answerAfterMs !== null && now - submittedAt >= answerAfterMs) {
          return json(200, {
            ...base,
            status: 'answered',
            openedAtS: 36_060,
            answeredAtS: 36_600,
            responseWorkingS: 600,
          });
        }
        return json(200, { ...base, status: 'queued' });
      },
      sleepMs(ms: number) {
        now += ms;
      },
      nowMs: () => now,
    },
  };
}

const polling = (deadlineMs: number): EmailPolling => ({
  pollEveryMs: 500,
  maxPolls: 200,
  deadlineMs,
  timeScale: 60,
});

describe('replayEmail', () => {
  it('submits once, polls every interval until answered, and reports the mock model times', () => {
    const target = fakeTarget(1_200);
    const replied = replayEmail(target.transport, 'run-e0', polling(100_000));
    expect(target.requests).toEqual(['POST run-e0', 'GET e-0 @500', 'GET e-0 @1000', 'GET e-0 @1500']);
    expect(replied).toEqual({
      outcome: 'answered',
      responseWorkingS: 600,
      responseS: 600,
      waitS: 60,
      answeredAtS: 36_600,
      polls: 3,
    });
  });

  it('stops at the deadline (the last poll lands on it): overdue once the model time is past due', () => {
    // 61 s of wall after the submit at 60x is 3,660 model s: past the due instant (3,600 s after receipt).
    const target = fakeTarget(null);
    const replied = replayEmail(target.transport, 'x', polling(1_000 + 61_000));
    expect(replied.outcome).toBe('overdue');
    expect(replied.polls).toBe(122);
    expect(target.requests.at(-1)).toBe('GET e-0 @61000');
  });

  it('pending when the horizon comes before its due instant; bounded by maxPolls', () => {
    const replied = replayEmail(fakeTarget(null).transport, 'x', polling(1_000 + 30_000));
    expect(replied.outcome).toBe('pending');
    expect(replied.polls).toBe(60);
    const bounded = replayEmail(fakeTarget(null).transport, 'x', { ...polling(1e9), maxPolls: 7 });
    expect(bounded.polls).toBe(7);
    expect(bounded.outcome).toBe('pending');
  });

  it('a refused submit or an unknown e-mail is an error', () => {
    const refused = replayEmail(fakeTarget(0, { submitStatus: 503 }).transport, 'x', polling(10_000));
    expect(refused).toMatchObject({ outcome: 'error', error: 'submit: HTTP 503 (expected 202)', polls: 0 });
    const lost = replayEmail(fakeTarget(0, { lose: true }).transport, 'x', polling(10_000));
    expect(lost).toMatchObject({ outcome: 'error', polls: 1 });
  });
});

describe('the pieces', () => {
  it('nextPollDelayMs: the interval, shortened to land on the deadline, then stop', () => {
    const p = polling(2_000);
    expect(nextPollDelayMs(0, 0, p)).toBe(500);
    expect(nextPollDelayMs(1_800, 3, p)).toBe(200);
    expect(nextPollDelayMs(2_000, 4, p)).toBeNull();
    expect(nextPollDelayMs(0, 200, p)).toBeNull();
  });

  it('readEmailStatus: the status, or why not', () => {
    expect(readEmailStatus({ status: 200, body: 'nope' }, 200)).toBe('reply is not JSON');
    expect(readEmailStatus({ status: 500, body: '{}' }, 200)).toBe('HTTP 500 (expected 200)');
    expect(readEmailStatus({ status: 200, body: '{"id":"e-1"}' }, 200)).toBe(
      'reply carries no id and receivedAtS',
    );
  });

  it('emailRates: within T counts 1; late or overdue 0; pending has no verdict; slAnswered only answered', () => {
    const answered = (workingS: number) => ({
      outcome: 'answered' as const,
      responseWorkingS: workingS,
      responseS: workingS,
      waitS: 0,
      answeredAtS: 0,
      polls: 1,
    });
    const unanswered = (outcome: 'overdue' | 'pending') => ({
      ...answered(0),
      outcome,
      responseWorkingS: null,
    });
    expect(emailRates(answered(3600), 3600)).toEqual({ slIncludingOverdue: 1, slAnswered: 1 });
    expect(emailRates(answered(3601), 3600)).toEqual({ slIncludingOverdue: 0, slAnswered: 0 });
    expect(emailRates(unanswered('overdue'), 3600)).toEqual({ slIncludingOverdue: 0, slAnswered: null });
    expect(emailRates(unanswered('pending'), 3600)).toEqual({ slIncludingOverdue: null, slAnswered: null });
  });

  it('intervalAt: the scenario interval of a model instant', () => {
    expect(intervalAt(36_600, 1800)).toBe(20);
    expect(intervalAt(1799.9, 1800)).toBe(0);
  });
});
