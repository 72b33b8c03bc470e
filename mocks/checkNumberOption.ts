import type { InputIssue } from '../scenarios/inputError.js';

/**
 * A numeric option of the mocks: undefined when absent or bad (then an issue naming it); the
 * generic settings and every transport's own options are checked alike.
 */
export function checkNumberOption(
  path: string,
  value: number | undefined,
  min: number,
  whole: boolean,
  issues: InputIssue[],
): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value < min || (whole && !Number.isInteger(value))) {
    issues.push({ path, message: `expected a ${whole ? 'whole ' : ''}number >= ${min}`, value });
    return undefined;
  }
  return value;
}
