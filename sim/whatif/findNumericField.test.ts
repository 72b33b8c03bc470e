import { describe, expect, it } from 'vitest';
import { InputError } from '../../scenarios/inputError.js';
import { scenarioText } from '../testing/scenarioText.js';
import { findNumericField, numericPaths } from './findNumericField.js';

const covid = JSON.parse(scenarioText('covid-hotline'));

function message(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('findNumericField', () => {
  it('finds numbers the file has, by dotted path with list indexes', () => {
    const field = findNumericField(covid, 'agents.groups.0.staffing.shifts.2.agents');
    expect(field).toMatchObject({ kind: 'number', current: 37, base: 37 });
    expect(findNumericField(covid, 'channels.phone.demand.callsPerDay.mon')).toMatchObject({
      kind: 'number',
      current: covid.channels.phone.demand.callsPerDay.mon,
    });
  });

  it('finds fields the file leaves out where the format has them, with their default', () => {
    expect(findNumericField(covid, 'channels.phone.demand.scale')).toMatchObject({
      kind: 'number',
      current: undefined,
      base: 1,
    });
    expect(findNumericField(covid, 'agents.groups.0.staffing.scale')).toMatchObject({ base: 1 });
  });

  it('finds durations (values keep their unit)', () => {
    expect(findNumericField(covid, 'channels.phone.talkTime.mean')).toMatchObject({ kind: 'duration' });
  });

  it('an unknown path names the nearest numeric path', () => {
    expect(message(() => findNumericField(covid, 'channels.phone.demand.scal'))).toMatch(
      /no such field.*nearest numeric path is channels\.phone\.demand\.scale/,
    );
    expect(message(() => findNumericField(covid, 'agents.groups.1.staffing.scale'))).toMatch(
      /agents\.groups\.1\.staffing\.scale: no such field.*agents\.groups exists.*agents\.groups\.0\.staffing\.scale/,
    );
    expect(message(() => findNumericField(covid, 'channels.chat.demand.scale'))).toMatch(/no such field/);
  });

  it('a path at something that is not a number says what it is and what is inside', () => {
    expect(message(() => findNumericField(covid, 'channels.phone.demand'))).toMatch(
      /channels\.phone\.demand is an object .*not a number.*numeric fields inside: channels\.phone\.demand\./,
    );
    expect(message(() => findNumericField(covid, 'name'))).toMatch(/name is the text "covid-hotline"/);
    expect(message(() => findNumericField(covid, 'calendar.startDate'))).toMatch(/not a number/);
  });

  it('numericPaths lists only paths findNumericField accepts', () => {
    const paths = numericPaths(covid);
    expect(paths).toContain('channels.phone.demand.scale');
    expect(paths).toContain('agents.groups.0.staffing.scale');
    for (const path of paths) expect(() => findNumericField(covid, path)).not.toThrow();
  });
});
