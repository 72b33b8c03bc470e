import type { ErrorIssue } from '../errors.js';

/** The form fields of an application, as validated. */
export interface ApplicationFields {
  readonly applicantName: string;
  readonly birthDate: string;
  readonly applicationType: string;
}

export const REQUIRED_FIELDS = ['applicantName', 'birthDate', 'applicationType'] as const;
const MAX_NAME = 200;

/** Whether `text` is a real calendar date written yyyy-mm-dd (2024-02-30 is not). */
function isIsoDate(text: string): boolean {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}

/**
 * The form's fields checked (FACTS: portal-support, typical bad input: a date as dd/mm/yyyy, a
 * missing required field); every problem as an issue naming the field, with what is allowed.
 */
export function checkApplicationFields(
  fields: Readonly<Record<string, string>>,
  types: readonly string[],
): { fields: ApplicationFields } | { issues: ErrorIssue[] } {
  const issues: ErrorIssue[] = [];
  for (const name of REQUIRED_FIELDS) {
    if ((fields[name] ?? '').trim() === '') issues.push({ path: `/${name}`, message: `${name} is required` });
  }
  for (const name of Object.keys(fields)) {
    if (!(REQUIRED_FIELDS as readonly string[]).includes(name))
      issues.push({
        path: `/${name}`,
        message: `unknown field ${name}; allowed: ${REQUIRED_FIELDS.join(', ')}, documents`,
      });
  }
  const name = fields.applicantName ?? '';
  if (name.length > MAX_NAME)
    issues.push({ path: '/applicantName', message: `applicantName is longer than ${MAX_NAME} characters` });
  const birthDate = fields.birthDate ?? '';
  if (birthDate !== '' && !isIsoDate(birthDate))
    issues.push({
      path: '/birthDate',
      message: `birthDate ${JSON.stringify(birthDate)} is not a date; allowed: yyyy-mm-dd, e.g. 1984-12-31`,
    });
  const type = fields.applicationType ?? '';
  if (type !== '' && !types.includes(type))
    issues.push({
      path: '/applicationType',
      message: `unknown applicationType ${JSON.stringify(type)}; allowed: ${types.join(', ')}`,
    });
  if (issues.length > 0) return { issues };
  return { fields: { applicantName: name.trim(), birthDate, applicationType: type } };
}
