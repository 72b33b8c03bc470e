import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../sim/simulateScenario.js';

// portal-support (FACTS: portal-support: 24-hour phone, live chat, e-mail answered within one working
// day) keeps what the README says of it: every channel meets its target over the week; the run
// starts on a Saturday, so the weekend's e-mails (nobody works them) are the backlog Monday opens
// with, and they are still answered within one working day, by Monday 18:00.
const file = fileURLToPath(new URL('./portal-support.json', import.meta.url));

describe('scenarios/portal-support.json', async () => {
  const result = await simulateScenario(
    { text: readFileSync(file, 'utf8'), file, options: {} },
    { replications: 6, seed: 1, threads: 1 },
  );
  const { channels } = result.summary;

  it('has phone, chat and e-mail on one pool, each meeting its target over the week', () => {
    expect(Object.keys(channels)).toEqual(['phone', 'chat', 'email']);
    expect(channels.phone!.run.slOffered!.mean!).toBeGreaterThanOrEqual(0.8);
    expect(channels.chat!.run.firstResponseSlOffered!.mean!).toBeGreaterThanOrEqual(0.8);
    expect(channels.email!.run.slIncludingOverdue!.mean!).toBeGreaterThanOrEqual(0.9);
  });

  it("the weekend's e-mails wait for Monday and are answered within one working day", () => {
    const [saturday, sunday, monday] = channels.email!.days;
    expect(result.scenario.calendar.weekdays.slice(0, 3)).toEqual(['sat', 'sun', 'mon']);
    expect(saturday!.answered!.mean).toBe(0);
    expect(sunday!.answered!.mean).toBe(0);
    // The backlog on Sunday night is everything received since Saturday.
    expect(sunday!.backlogAtEnd!.mean).toBeCloseTo(saturday!.offered!.mean! + sunday!.offered!.mean!, 6);
    expect(sunday!.backlogAtEnd!.mean!).toBeGreaterThan(1000);
    // Within 9 working hours of Monday 09:00: every weekend e-mail (their cohorts' service level).
    expect(saturday!.slAnswered!.mean).toBe(1);
    expect(sunday!.slAnswered!.mean).toBe(1);
    // Monday works off more than it receives.
    expect(monday!.answered!.mean!).toBeGreaterThan(monday!.offered!.mean!);
  });
});
