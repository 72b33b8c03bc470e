import { describe, expect, it } from 'vitest';
import { checkApplicationFields } from './checkApplicationFields.js';

const TYPES = ['childBenefit', 'maternity'];
const good = { applicantName: 'Ivan Petrov', birthDate: '1984-12-31', applicationType: 'maternity' };

describe('checkApplicationFields', () => {
  it('takes a good form', () => {
    expect(checkApplicationFields(good, TYPES)).toEqual({ fields: good });
  });

  it.each([['12/31/2024'], ['31/12/2024'], ['2024-02-30'], ['2024-1-5']])(
    'refuses birthDate %s, naming the field and yyyy-mm-dd',
    (birthDate) => {
      const result = checkApplicationFields({ ...good, birthDate }, TYPES);
      expect(result).toEqual({
        issues: [{ path: '/birthDate', message: expect.stringMatching(/birthDate .* allowed: yyyy-mm-dd/) }],
      });
    },
  );

  it('names each missing field', () => {
    const result = checkApplicationFields({ birthDate: '2000-01-01' }, TYPES);
    expect(result).toEqual({
      issues: [
        { path: '/applicantName', message: 'applicantName is required' },
        { path: '/applicationType', message: 'applicationType is required' },
      ],
    });
  });

  it('lists the allowed application types', () => {
    const result = checkApplicationFields({ ...good, applicationType: 'pension' }, TYPES);
    expect(result).toMatchObject({
      issues: [{ path: '/applicationType', message: /allowed: childBenefit, maternity/ }],
    });
  });

  it('refuses an unknown field', () => {
    const result = checkApplicationFields({ ...good, pasport: '123' }, TYPES);
    expect(result).toMatchObject({ issues: [{ path: '/pasport' }] });
  });
});
