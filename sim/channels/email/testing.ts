// Test support for the e-mail channel: scenarios with an e-mail channel. Not product code.
import type { ScenarioModel } from '../../../scenarios/ScenarioModel.js';
import type { ScenarioFile } from '../../../scenarios/scenarioSchema.js';
import { scenarioModel } from '../../testing/scenarioText.js';

export type EmailFile = NonNullable<ScenarioFile['channels']['email']>;
type Group = ScenarioFile['agents']['groups'][number];

export const OFFICE_HOURS = {
  mon: ['09:00-18:00'],
  tue: ['09:00-18:00'],
  wed: ['09:00-18:00'],
  thu: ['09:00-18:00'],
  fri: ['09:00-18:00'],
};

/**
 * stationary-mmc (from Monday 2024-01-01, 30-minute intervals) over `days` days with an e-mail channel
 * (fields over defaults: 200 e-mails a day around the clock, office hours Mon-Fri 09:00-18:00,
 * 10-minute handle time, 90% within one working day) and the agent groups given (default: the
 * phone group also works e-mails, after calls). `callsPerDay` sets the phone demand (0: no calls).
 */
export function withEmail(
  email: Partial<EmailFile> = {},
  options: { days?: number; groups?: Group[]; callsPerDay?: number } = {},
): ScenarioModel {
  return scenarioModel('stationary-mmc', (f) => {
    f.calendar.days = options.days ?? 1;
    f.channels.phone.demand.callsPerDay = options.callsPerDay ?? f.channels.phone.demand.callsPerDay;
    f.agents.groups = options.groups ?? [{ ...f.agents.groups[0]!, skills: ['phone', 'email'] }];
    f.channels.email = {
      workingHours: OFFICE_HOURS,
      demand: { emailsPerDay: 200, intradayShape: Array(48).fill(1) },
      handleTime: '10m',
      targets: { goal: 0.9 },
      ...email,
    };
  });
}
