import { InputError } from '../../scenarios/inputError.js';

/** commander argParser for a whole number within [min, max], failing as bad input (exit 2). */
export function wholeNumber(flag: string, min: number, max: number) {
  return (raw: string): number => {
    const value = Number(raw);
    if (!/^[0-9]+$/.test(raw) || value < min || value > max) {
      throw new InputError(undefined, [
        { path: flag, message: 'expected a whole number', value: raw, allowed: `${min} to ${max}` },
      ]);
    }
    return value;
  };
}

/** Seeds are whole numbers or short words; both are accepted and kept as given. */
export function seedValue(raw: string): number | string {
  if (/^[0-9]{1,15}$/.test(raw)) return Number(raw);
  if (/^[A-Za-z0-9_-]{1,64}$/.test(raw)) return raw;
  throw new InputError(undefined, [
    {
      path: '--seed',
      message: 'expected a whole number or a short word',
      value: raw,
      allowed: 'digits, letters, _ and -',
    },
  ]);
}
