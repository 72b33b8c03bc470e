import { describe, expect, it } from 'vitest';
import { OFFICE_HOURS, withEmail } from '../../../sim/channels/email/testing.js';
import { compileProfile } from '../compileProfile.js';
import { emailGraceMs, MAX_GRACE_MS, MAX_POLLS, MIN_POLL_MS } from './emailProfile.js';
import { emailPlanEntries, emailReplayConfig } from './emailReplayConfig.js';

// withEmail: Monday 2024-01-01, 30-minute intervals, 200 e-mails a day around the clock.
const MONDAY_11 = 11 * 3600;

describe('the e-mail plan', () => {
  it('grace: until the last e-mail of the window is due on the working-hours clock, compressed, capped', () => {
    // Office hours, one working day (9 h): an e-mail of 11:00 Monday is due 11:00 Tuesday (86,400 s).
    const office = withEmail({}, { days: 2 });
    expect(emailGraceMs(office, MONDAY_11, 1000)).toBe(86_400);
    expect(emailGraceMs(office, MONDAY_11, 60)).toBe(MAX_GRACE_MS);
    // 24/7 and 20 minutes: 1,200 s, 5 s at 240x; never below a second.
    const allDay = withEmail({ workingHours: '24/7', targets: { goal: 0.8, answeredWithin: '20m' } });
    expect(emailGraceMs(allDay, MONDAY_11, 240)).toBe(5_000);
    expect(emailGraceMs(allDay, MONDAY_11, 100_000)).toBe(1_000);
    expect(OFFICE_HOURS.mon).toEqual(['09:00-18:00']);
  });

  it('polls every 120 model s (at least 250 ms), at most 200 times over the horizon; a VU for every e-mail', () => {
    const scenario = withEmail({ workingHours: '24/7', targets: { goal: 0.8, answeredWithin: '20m' } });
    const at = (timeScale: number) =>
      compileProfile(scenario, { day: 0, from: '10:00', to: '12:00' }, timeScale, { seed: 3 }).channels
        .email!;
    const slow = at(60);
    expect(slow.pollEveryMs).toBe(2_000);
    expect(slow.graceMs).toBe(20_000);
    expect(slow.thresholds).toEqual({ email_sl_including_overdue: ['rate>=0.8'] });
    const fast = at(2_000);
    expect(fast.pollEveryMs).toBe(MIN_POLL_MS);
    // A 10-hour window at 60x: 600 s + 20 s of grace + the lead in 200 polls is more than 2 s apart.
    const long = compileProfile(scenario, { day: 0, from: '08:00', to: '18:00' }, 60, { seed: 3 });
    expect(long.channels.email!.pollEveryMs).toBe(Math.ceil((620_000 + long.leadMs) / MAX_POLLS));
    expect(slow.maxVUs).toBe(slow.plannedEmails + 5);
    expect(slow.preAllocatedVUs).toBeLessThanOrEqual(slow.maxVUs);
    // Its plans file: one entry per planned e-mail, the Poisson instants with the common lead.
    const entries = emailPlanEntries(slow);
    expect(entries).toHaveLength(slow.plannedEmails);
    expect(entries.map((e) => e.atMs)).toEqual(slow.offsetsMs);
    expect(emailReplayConfig(slow).intervalIndex).toEqual([20, 21, 22, 23]);
    // 200 a day around the clock: about 16.7 in two hours.
    expect(slow.plannedEmails).toBeGreaterThan(3);
    expect(slow.plannedEmails).toBeLessThan(35);
  });
});
