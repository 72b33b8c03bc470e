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

/** A share as `0.3` or `30%`, from 0 to `max` (included unless `maxIncluded` is false). */
export function shareValue(flag: string, max: number, maxIncluded = true) {
  return (raw: string): number => {
    const text = raw.trim();
    const percent = text.endsWith('%');
    const value = Number(percent ? text.slice(0, -1) : text) / (percent ? 100 : 1);
    const inRange = value >= 0 && (maxIncluded ? value <= max : value < max);
    if (text === '' || text === '%' || !Number.isFinite(value) || !inRange) {
      throw new InputError(undefined, [
        {
          path: flag,
          message: 'expected a share',
          value: raw,
          allowed: `0 <= share ${maxIncluded ? '<=' : '<'} ${max}, e.g. 0.3 or 30%`,
        },
      ]);
    }
    return value;
  };
}

/** A number above 0 (at most 1e9: finite and printable). */
export function positiveNumber(flag: string) {
  return (raw: string): number => {
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value) || value <= 0 || value > 1e9) {
      throw new InputError(undefined, [
        { path: flag, message: 'expected a number above 0', value: raw, allowed: 'more than 0, at most 1e9' },
      ]);
    }
    return value;
  };
}
