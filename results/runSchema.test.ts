import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runJsonSchema } from '../scripts/cli/schemaCommand.js';

describe('results/run.schema.json', () => {
  it('is the one TypeBox generates (run `npm run schema` after changing runSchema.ts)', () => {
    expect(readFileSync(new URL('./run.schema.json', import.meta.url), 'utf8')).toBe(runJsonSchema());
  });
});
