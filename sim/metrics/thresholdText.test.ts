import { describe, expect, it } from 'vitest';
import { thresholdText } from './thresholdText.js';

describe('thresholdText', () => {
  it('reads seconds on the wall clock for a channel that declares nothing', () => {
    expect(thresholdText('phone', 20)).toEqual({ long: 'within 20 s', short: '@20s' });
  });

  it("says e-mail's threshold is working time", () => {
    expect(thresholdText('email', 32_400)).toEqual({
      long: 'within 9h of working time',
      short: '@9h of working time',
    });
  });

  it("names the portal's per-type deadline in working days, not 2592000 s", () => {
    const text = thresholdText('portal', 30 * 86_400);
    expect(text.long).toBe("within each type's deadline (the longest 30 working days)");
    expect(text.short).toBe('@deadline');
  });
});
