import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { checkOutputFile } from '../../results/outputPath.js';
import { runFormatJsonSchema } from '../../results/runSchema.js';
import { ScenarioSchema } from '../../scenarios/scenarioSchema.js';
import { ShiftTemplatesSchema } from '../../sim/planning/roster/shiftTemplatesSchema.js';

/** The JSON Schema that scenario files name in "$schema", straight from the TypeBox definition. */
export function scenarioJsonSchema(): string {
  return `${JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', ...ScenarioSchema }, null, 2)}\n`;
}

/** The JSON Schema of `hotline roster`'s shift-template files (scenarios/shifts/shifts.schema.json). */
export function shiftTemplatesJsonSchema(): string {
  return `${JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', ...ShiftTemplatesSchema }, null, 2)}\n`;
}

/** The JSON Schema of run folders (run.json, summary.json, replications.json). */
export function runJsonSchema(): string {
  return `${JSON.stringify(runFormatJsonSchema(), null, 2)}\n`;
}

export function registerSchemaCommand(program: Command): void {
  program
    .command('schema')
    .description(
      'Print (or write) the JSON Schema of scenario files (or, with --run, of run folders; with --shifts, of shift templates).',
    )
    .option('--run', 'the schema of run folders instead of scenarios')
    .option('--shifts', 'the schema of `hotline roster --shifts` template files instead of scenarios')
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .addHelpText(
      'after',
      '\nExamples:\n  hotline schema --out scenarios/scenario.schema.json\n  hotline schema --run --out results/run.schema.json\n  hotline schema --shifts --out scenarios/shifts/shifts.schema.json',
    )
    .action((flags: { out?: string; run?: boolean; shifts?: boolean }) => {
      const text = flags.run
        ? runJsonSchema()
        : flags.shifts
          ? shiftTemplatesJsonSchema()
          : scenarioJsonSchema();
      if (flags.out) writeFileSync(checkOutputFile('--out', flags.out), text);
      else process.stdout.write(text);
    });
}
