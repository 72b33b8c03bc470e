import { describe, expect, it } from 'vitest';
import { measurePhone } from '../../results/phone/k6PhoneResults.js';
import { SL_VARIANTS } from '../../scenarios/scenarioSchema.js';
import { SERVICE_LEVEL_VARIANTS } from '../analytic/erlangC.js';
import { deriveClassMetrics } from '../channels/phone/ClassMetrics.js';
import { CONTACT_FIELDS, type CounterRow, TIME_FIELDS } from '../channels/phone/PhoneCounters.js';
import { derivePhoneMetrics } from '../channels/phone/PhoneMetrics.js';
import {
  channelMetrics,
  findMetricSpec,
  metricChannels,
  metricNames,
  metricSpec,
  serviceLevelMetrics,
  serviceLevelVariant,
} from './metricRegistry.js';
import { serviceLevel } from './serviceLevel.js';

// 100 answered (80 within T), 20 abandoned (5 of them after T): the three variants by hand.
const counts = { answeredWithinT: 80, answered: 100, abandoned: 20, abandonedAfterT: 5 };

describe('serviceLevel, the one formula', () => {
  it('gives the three variants of DESIGN.md', () => {
    expect(serviceLevel('answered', counts)).toBe(80 / 100);
    expect(serviceLevel('offered', counts)).toBe(80 / 120);
    expect(serviceLevel('excludingShortAbandons', counts)).toBe(80 / 105);
  });
  it('is null, never NaN, on an empty denominator', () => {
    const none = { answeredWithinT: 0, answered: 0, abandoned: 3, abandonedAfterT: 0 };
    expect(serviceLevel('answered', none)).toBeNull();
    expect(serviceLevel('excludingShortAbandons', none)).toBeNull();
    expect(serviceLevel('offered', none)).toBe(0);
  });
});

describe('the metric registry', () => {
  it('lists the channels (phone and chat first), and looks metrics up by channel and name', () => {
    expect(metricChannels().slice(0, 2)).toEqual(['phone', 'chat']);
    expect(metricChannels()).toEqual(expect.arrayContaining(['checkin', 'email', 'outbound', 'portal']));
    expect(metricSpec('email', 'slIncludingOverdue')).toMatchObject({
      serviceLevel: 'excludingShortAbandons',
      unit: 'share',
      direction: 'higher',
    });
    expect(metricSpec('chat', 'firstResponseSlOffered')).toMatchObject({
      serviceLevel: 'offered',
      unit: 'share',
    });
    expect(metricSpec('phone', 'slOffered')).toMatchObject({
      channel: 'phone',
      unit: 'share',
      direction: 'higher',
      serviceLevel: 'offered',
      k6: { metric: 'sl_offered', stat: 'rate' },
      band: true,
    });
    expect(metricSpec('phone', 'asaS')).toMatchObject({ unit: 'seconds', direction: 'lower' });
    expect(metricSpec('phone', 'occupancy').k6).toBeNull();
    expect(findMetricSpec('phone', 'nope')).toBeUndefined();
    expect(findMetricSpec('chat', 'slOffered')).toBeUndefined();
    expect(() => metricSpec('phone', 'nope')).toThrow(/no metric "nope"/);
  });

  it('has one spec per name, each naming its own channel', () => {
    for (const channel of metricChannels()) {
      const names = metricNames(channel);
      expect(new Set(names).size).toBe(names.length);
      for (const spec of channelMetrics(channel)) expect(spec.channel).toBe(channel);
    }
  });

  it('service levels are shares where higher is better; the scenario and Erlang lists name the same ones', () => {
    const sl = serviceLevelMetrics('phone');
    expect(sl.map((s) => s.name).sort()).toEqual([...SL_VARIANTS].sort());
    expect(sl.map((s) => s.name).sort()).toEqual([...SERVICE_LEVEL_VARIANTS].sort());
    for (const spec of sl) expect([spec.unit, spec.direction]).toEqual(['share', 'higher']);
    expect(serviceLevelVariant('phone', 'slAnswered')).toBe('slAnswered');
    expect(serviceLevelVariant('phone', 'asaS')).toBe('slOffered');
    expect(serviceLevelVariant('phone', undefined)).toBe('slOffered');
  });

  it('derivePhoneMetrics gives exactly the registry names, the SL variants by the one formula', () => {
    const row = Object.fromEntries([...CONTACT_FIELDS, ...TIME_FIELDS].map((f) => [f, 0])) as CounterRow;
    Object.assign(row, counts, { offered: 130, blocked: 10, busyAgentS: 900, onDutyAgentS: 1800 });
    const metrics = derivePhoneMetrics(row, new Float64Array(1), { spanS: 1800, scheduledAgentS: 1800 });
    expect(Object.keys(metrics)).toEqual(metricNames('phone'));
    expect(metrics.slOffered).toBe(80 / 120);
    expect(metrics.slAnswered).toBe(0.8);
    expect(metrics.slExcludingShortAbandons).toBe(80 / 105);
    expect(metrics.abandonRate).toBe(20 / 120);
    expect(metrics.blockRate).toBe(10 / 130);
    expect(metrics.occupancy).toBe(0.5);
    const cls = deriveClassMetrics({ ...counts, offered: 130, waitSumAnsweredS: 1000 });
    expect([cls.slOffered, cls.slAnswered, cls.slExcludingShortAbandons]).toEqual([80 / 120, 0.8, 80 / 105]);
  });

  it('a k6 replay measures exactly the metrics whose spec names a k6 source', () => {
    const calls = [
      { interval: 0, outcome: 'answered', waitS: 5, retrial: false },
      { interval: 0, outcome: 'abandoned', waitS: 50, retrial: true },
      { interval: 0, outcome: 'blocked', waitS: 0, retrial: false },
    ];
    const measured = measurePhone(calls, 20);
    for (const spec of channelMetrics('phone')) {
      expect(measured[spec.name as keyof typeof measured].mean === null, spec.name).toBe(spec.k6 === null);
    }
  });
});
