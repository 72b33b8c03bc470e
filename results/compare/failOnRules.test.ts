import { describe, expect, it } from 'vitest';
import { InputError } from '../../scenarios/inputError.js';
import { parseFailOn } from './failOnRules.js';

describe('--fail-on rules', () => {
  it('parses absolute and relative rules', () => {
    expect(parseFailOn('slOffered<-0.02, abandonRate>+0.01,asaS>+10%')).toEqual([
      {
        text: 'slOffered<-0.02',
        channel: null,
        metric: 'slOffered',
        op: '<',
        threshold: -0.02,
        relative: false,
      },
      {
        text: 'abandonRate>+0.01',
        channel: null,
        metric: 'abandonRate',
        op: '>',
        threshold: 0.01,
        relative: false,
      },
      { text: 'asaS>+10%', channel: null, metric: 'asaS', op: '>', threshold: 0.1, relative: true },
    ]);
  });

  it("takes any channel's metric from the registry, with or without the channel", () => {
    expect(
      parseFailOn('chat.firstResponseSlOffered<-0.05, firstResponseMeanS>+20%, phone.offered>+5'),
    ).toEqual([
      {
        text: 'chat.firstResponseSlOffered<-0.05',
        channel: 'chat',
        metric: 'firstResponseSlOffered',
        op: '<',
        threshold: -0.05,
        relative: false,
      },
      {
        text: 'firstResponseMeanS>+20%',
        channel: null,
        metric: 'firstResponseMeanS',
        op: '>',
        threshold: 0.2,
        relative: true,
      },
      {
        text: 'phone.offered>+5',
        channel: 'phone',
        metric: 'offered',
        op: '>',
        threshold: 5,
        relative: false,
      },
    ]);
  });

  it.each([
    ['slOffered', /not a rule/],
    ['slOffered<=-0.02', /not a rule/],
    ['slOffered<-0.02%%', /not a rule/],
    ['SL<-0.02', /unknown metric "SL"/],
    ['chat.slOffered<-0.02', /unknown metric "slOffered" of chat/],
    ['phone.firstResponseSlOffered<-0.02', /unknown metric "firstResponseSlOffered" of phone/],
    ['mail.slOffered<-0.02', /unknown channel "mail"/],
    ['', /empty rule/],
    ['asaS>+10%,,', /empty rule/],
  ])('rejects %j', (text, message) => {
    expect(() => parseFailOn(text)).toThrow(InputError);
    expect(() => parseFailOn(text)).toThrow(message);
  });
});
