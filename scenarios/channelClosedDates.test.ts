import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from './inputError.js';
import { loadScenarioText } from './loadScenario.js';

// ecosystem.json: phone 24/7 and chat 07:00-23:00, a week from Monday 2020-12-07, 30-minute intervals.
const base = JSON.parse(readFileSync('scenarios/ecosystem.json', 'utf8'));
const IPD = 48;

function load(edit: (file: typeof base) => void) {
  const file = structuredClone(base);
  edit(file);
  return loadScenarioText(JSON.stringify(file), 'eco.json');
}

const openOnDay = (open: Uint8Array, day: number) =>
  open.subarray(day * IPD, (day + 1) * IPD).reduce((a, b) => a + b, 0);

describe('a channel closed on its own dates', () => {
  it('closes only that channel: the chat desk has a holiday while the phone line runs', () => {
    const model = load((f) => {
      f.channels.chat.closedDates = ['2020-12-08'];
    });
    const { phone, chat } = model.channels;
    expect(openOnDay(chat!.open, 1)).toBe(0);
    expect(openOnDay(chat!.open, 0)).toBe(32); // 07:00-23:00 = 16 h = 32 intervals
    expect(openOnDay(chat!.open, 2)).toBe(32);
    for (let d = 0; d < 7; d++) expect(openOnDay(phone!.open, d)).toBe(IPD);
  });

  it('adds to calendar.closedDates, which still close every channel', () => {
    const model = load((f) => {
      f.calendar.closedDates = ['2020-12-10'];
      f.channels.phone.closedDates = ['2020-12-09'];
    });
    const { phone, chat } = model.channels;
    expect([0, 1, 2, 3, 4].map((d) => openOnDay(phone!.open, d))).toEqual([IPD, IPD, 0, 0, IPD]);
    expect([0, 1, 2, 3, 4].map((d) => openOnDay(chat!.open, d))).toEqual([32, 32, 32, 0, 32]);
  });

  it('names the field of a date that does not exist', () => {
    try {
      load((f) => {
        f.channels.chat.closedDates = ['2020-12-08', '2021-02-30'];
      });
      expect.unreachable('a bad date must be refused');
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      const issue = (error as InputError).issues[0]!;
      expect(issue.path).toBe('/channels/chat/closedDates/1');
      expect(issue.value).toBe('2021-02-30');
    }
  });
});
