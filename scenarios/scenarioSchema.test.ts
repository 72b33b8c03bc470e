import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../scripts/cli/schemaCommand.js';

describe('scenario.schema.json', () => {
  it('is the one TypeBox generates (run `npm run schema` after changing scenarioSchema.ts)', () => {
    const committed = readFileSync(new URL('./scenario.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(scenarioJsonSchema());
  });

  it('is named by every reference scenario', () => {
    for (const name of ['covid-hotline', 'line-122', 'stationary-mmc']) {
      const file = JSON.parse(readFileSync(new URL(`./${name}.json`, import.meta.url), 'utf8'));
      expect(file.$schema).toBe('./scenario.schema.json');
    }
  });
});
