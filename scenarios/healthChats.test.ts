import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../sim/simulateScenario.js';

// health-chats is calibrated on FACTS (health-chats): 44 of 59 chats (85%) answer within 2 hours, 8 of
// 59 (15%) within a day or never. The scenario must keep reproducing that, and for the reason it
// states: what misses the 2-hour rule is what residents post outside the answering hours (Monday to
// Saturday 08:00-20:00), not a lack of moderators.
const file = fileURLToPath(new URL('./health-chats.json', import.meta.url));

describe('scenarios/health-chats.json against FACTS', async () => {
  const result = await simulateScenario(
    { text: readFileSync(file, 'utf8'), file, options: {} },
    { replications: 60, seed: 1, threads: 1 },
  );
  const chat = result.summary.channels.chat!;
  const mean = (metric: string) => chat.run[metric]!.mean!;

  it('has only a chat channel', () => {
    expect(Object.keys(result.summary.channels)).toEqual(['chat']);
  });

  it('about 85% of questions get a first answer within 2 hours', () => {
    expect(mean('firstResponseSlOffered')).toBeGreaterThan(0.82);
    expect(mean('firstResponseSlOffered')).toBeLessThan(0.89);
  });

  it('about 15% are answered the next day or never', () => {
    const late = mean('answeredNextDayShare') + mean('neverAnsweredShare');
    expect(late).toBeGreaterThan(0.1);
    expect(late).toBeLessThan(0.18);
  });

  it('questions posted Monday-Friday 08:00-18:00 are answered within 2 hours (the misses are out of hours)', () => {
    const { intervalsPerDay, intervalS } = result.scenario.calendar;
    let offered = 0;
    let withinT = 0;
    for (const replication of result.perReplication) {
      replication.channels.chat!.intervals.forEach((m, k) => {
        const day = Math.floor(k / intervalsPerDay);
        const clockS = (k % intervalsPerDay) * intervalS;
        if (day > 4 || clockS < 8 * 3600 || clockS >= 18 * 3600) return;
        offered += m.offered ?? 0;
        withinT += (m.firstResponseSlOffered ?? 0) * (m.offered ?? 0);
      });
    }
    expect(offered).toBeGreaterThan(1000);
    expect(withinT / offered).toBeGreaterThan(0.98);
  });
});
