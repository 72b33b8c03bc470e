import { describe, expect, it } from 'vitest';
import { InputError } from '../../scenarios/inputError.js';
import { parseFailOn } from './failOnRules.js';

describe('--fail-on rules', () => {
  it('parses absolute and relative rules', () => {
    expect(parseFailOn('slOffered<-0.02, abandonRate>+0.01,asaS>+10%')).toEqual([
      { text: 'slOffered<-0.02', metric: 'slOffered', op: '<', threshold: -0.02, relative: false },
      { text: 'abandonRate>+0.01', metric: 'abandonRate', op: '>', threshold: 0.01, relative: false },
      { text: 'asaS>+10%', metric: 'asaS', op: '>', threshold: 0.1, relative: true },
    ]);
  });

  it.each([
    ['slOffered', /not a rule/],
    ['slOffered<=-0.02', /not a rule/],
    ['slOffered<-0.02%%', /not a rule/],
    ['SL<-0.02', /unknown metric "SL"/],
    ['', /empty rule/],
    ['asaS>+10%,,', /empty rule/],
  ])('rejects %j', (text, message) => {
    expect(() => parseFailOn(text)).toThrow(InputError);
    expect(() => parseFailOn(text)).toThrow(message);
  });
});
