import { describe, expect, it } from 'vitest';
import { InputError, type InputIssue } from '../../../scenarios/inputError.js';
import { withEmail } from './testing.js';

// Bad e-mail fragments are InputErrors naming the field, its value and what is allowed; good ones
// get their defaults (one working day as the target, slIncludingOverdue).

function issuesOf(fields: Parameters<typeof withEmail>[0], days = 1): InputIssue[] {
  try {
    withEmail(fields, { days });
  } catch (error) {
    if (error instanceof InputError) return error.issues;
    throw error;
  }
  throw new Error('the file loaded');
}

describe('the e-mail fragment', () => {
  it('defaults: one working day (the longest day of the weekly hours), slIncludingOverdue', () => {
    const model = withEmail({ workingHours: { mon: ['08:00-20:00'], sat: ['09:00-13:00'] } }).channels.email!;
    expect(model.targets).toEqual({
      variant: 'slIncludingOverdue',
      thresholdS: 12 * 3600,
      goal: 0.9,
      maxAbandonRate: null,
      maxAsaS: null,
    });
    expect(
      withEmail({ targets: { goal: 0.8, answeredWithin: '4h', variant: 'slAnswered' } }).channels.email!
        .targets,
    ).toMatchObject({ variant: 'slAnswered', thresholdS: 4 * 3600, goal: 0.8 });
  });

  it('names a bad working range, a bad closed date and a zero target', () => {
    expect(issuesOf({ workingHours: { mon: ['18:00-09:00'] } })).toContainEqual(
      expect.objectContaining({ path: '/channels/email/workingHours/mon/0', value: '18:00-09:00' }),
    );
    expect(issuesOf({ closedDates: ['2024-02-30'] })).toContainEqual(
      expect.objectContaining({
        path: '/channels/email/closedDates/0',
        value: '2024-02-30',
        allowed: 'yyyy-mm-dd',
      }),
    );
    expect(issuesOf({ targets: { goal: 0.9, answeredWithin: '0s' } })).toContainEqual(
      expect.objectContaining({ path: '/channels/email/targets/answeredWithin', value: '0s' }),
    );
  });

  it('refuses e-mails nobody could ever answer: no working time in the horizon', () => {
    // The 1-day horizon is a Monday; the desk works only on Saturdays.
    expect(issuesOf({ workingHours: { sat: ['09:00-13:00'] } })).toContainEqual(
      expect.objectContaining({ path: '/channels/email/workingHours' }),
    );
    // The same with the Monday closed by the channel's own closed dates.
    expect(issuesOf({ closedDates: ['2024-01-01'] })).toContainEqual(
      expect.objectContaining({ path: '/channels/email/workingHours' }),
    );
  });

  it('the schema names an unknown field and a bad variant', () => {
    expect(issuesOf({ handelTime: '5m' } as never)).toContainEqual(
      expect.objectContaining({ path: '/channels/email', message: expect.stringContaining('handelTime') }),
    );
    expect(issuesOf({ targets: { goal: 0.9, variant: 'slOffered' } as never })).toContainEqual(
      expect.objectContaining({ path: '/channels/email/targets/variant' }),
    );
  });
});
