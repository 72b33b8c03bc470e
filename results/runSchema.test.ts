import { readFileSync } from 'node:fs';
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { runJsonSchema } from '../scripts/cli/schemaCommand.js';
import type { RunSummary } from './runFormat.js';
import { RunSummarySchema } from './runSchema.js';

describe('results/run.schema.json', () => {
  it('is the one TypeBox generates (run `npm run schema` after changing runSchema.ts)', () => {
    expect(readFileSync(new URL('./run.schema.json', import.meta.url), 'utf8')).toBe(runJsonSchema());
  });
});

describe('RunSummarySchema, the one source of the RunSummary type', () => {
  const m = (mean: number) => ({ mean, ci95: null, n: 1 });
  const summary: RunSummary = {
    formatVersion: 2,
    kind: 'sim',
    scenario: 's',
    replications: 1,
    channels: { phone: { offered: m(10), slOffered: m(0.8) } },
    targets: {
      phone: { variant: 'slOffered', thresholdS: 20, goal: 0.8, maxAbandonRate: null, maxAsaS: null },
    },
    days: { phone: [{ date: '2021-01-25', weekday: 'mon', offered: m(10) }] },
    classes: { phone: [{ name: 'vip', priority: 1, share: 0.2, slOffered: m(0.9) }] },
  };
  it('accepts what the type allows, per-class service included', () => {
    expect(Value.Check(RunSummarySchema, summary)).toBe(true);
  });
  it('checks the classes the writers produce (they used to pass unchecked)', () => {
    const bad = { ...summary, classes: { phone: [{ name: 'vip', priority: '1', share: 0.2 }] } };
    expect(Value.Check(RunSummarySchema, bad)).toBe(false);
    const badMetric = {
      ...summary,
      classes: { phone: [{ ...summary.classes!.phone![0]!, asaS: { mean: 'x' } }] },
    };
    expect(Value.Check(RunSummarySchema, badMetric)).toBe(false);
  });
});
