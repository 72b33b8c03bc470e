import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ScenarioSchema } from '../../scenarios/scenarioSchema.js';

/** The JSON Schema that scenario files name in "$schema", straight from the TypeBox definition. */
export function scenarioJsonSchema(): string {
  return `${JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', ...ScenarioSchema }, null, 2)}\n`;
}

export function registerSchemaCommand(program: Command): void {
  program
    .command('schema')
    .description('Print (or write) the JSON Schema of scenario files, for editors and other tools.')
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .addHelpText('after', '\nExample:\n  hotline schema --out scenarios/scenario.schema.json')
    .action((flags: { out?: string }) => {
      if (flags.out) writeFileSync(flags.out, scenarioJsonSchema());
      else process.stdout.write(scenarioJsonSchema());
    });
}
