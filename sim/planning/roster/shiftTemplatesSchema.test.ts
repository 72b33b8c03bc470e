import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shiftTemplatesJsonSchema } from '../../../scripts/cli/schemaCommand.js';

describe('shifts.schema.json', () => {
  it('is the one TypeBox generates (run `npm run schema` after changing shiftTemplatesSchema.ts)', () => {
    const committed = readFileSync('scenarios/shifts/shifts.schema.json', 'utf8');
    expect(committed).toBe(shiftTemplatesJsonSchema());
  });

  it('is named by the shipped templates', () => {
    for (const file of ['covid.json', 'portal-back-office.json']) {
      expect(JSON.parse(readFileSync(`scenarios/shifts/${file}`, 'utf8')).$schema, file).toBe(
        './shifts.schema.json',
      );
    }
  });
});
