import { describe, expect, it } from 'vitest';
import { InputError } from '../../scenarios/inputError.js';
import { measurePhone } from '../channels/phone/measurePhone.js';
import { simulatePhone } from '../channels/phone/simulatePhone.js';
import { scenarioModel, total } from '../testing/scenarioText.js';
import { resolveRunWindow } from './runWindow.js';

describe('run window (--day, --from, --to)', () => {
  const model = scenarioModel('covid-hotline', (f) => (f.calendar.days = 2));

  it('maps a day window to interval indexes', () => {
    expect(resolveRunWindow(model.calendar, { day: 2, from: '08:00', to: '10:30' })).toMatchObject({
      fromInterval: 48 + 16,
      toInterval: 48 + 21,
    });
  });

  it('refuses windows off the calendar, off the interval grid or backwards', () => {
    for (const spec of [
      { day: 3, from: '00:00', to: '01:00' },
      { day: 1, from: '08:10', to: '09:00' },
      { day: 1, from: '10:00', to: '09:00' },
      { day: 1, from: '7am', to: '09:00' },
    ]) {
      expect(() => resolveRunWindow(model.calendar, spec)).toThrow(InputError);
    }
  });

  it('measures the run over the window only: the same figures as the raw counts of those intervals', () => {
    const window = resolveRunWindow(model.calendar, { day: 1, from: '09:00', to: '12:00' });
    const counters = simulatePhone(model, 4, 0);
    const { run } = measurePhone(model.channels.phone!, counters, model.calendar, window);
    const [from, to] = [window.fromInterval, window.toInterval];
    expect(run.offered).toBe(total(counters.offered, from, to));
    const handled = total(counters.answered, from, to) + total(counters.abandoned, from, to);
    expect(run.slOffered).toBeCloseTo(total(counters.answeredWithinT, from, to) / handled, 12);
    expect(run.agentHours).toBeCloseTo(total(counters.onDutyAgentS, from, to) / 3600, 9);
    expect(run.offered).toBeLessThan(total(counters.offered));
  });
});
