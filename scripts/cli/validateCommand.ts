import type { Command } from 'commander';
import { InputError } from '../../scenarios/inputError.js';
import { loadScenarioFile, readScenarioFile } from '../../scenarios/loadScenario.js';
import { expectedContactTotals } from '../../sim/channels/expectedContactTotals.js';
import { printNotices } from './printNotices.js';

export function registerValidateCommand(program: Command): void {
  program
    .command('validate')
    .description('Check scenario files against the schema and the cross-field rules.')
    .argument('<scenario...>', 'one or more scenario files')
    .addHelpText(
      'after',
      '\nExample:\n  hotline validate scenarios/*.json\n\nExit code 0 when all are valid, 2 when any is not.',
    )
    .action((files: string[]) => {
      const errors: string[] = [];
      for (const file of files) {
        if (isJsonSchemaFile(file)) {
          process.stdout.write(`--  ${file}: a JSON Schema, not a scenario (skipped)\n`);
          continue;
        }
        try {
          const model = loadScenarioFile(file);
          printNotices(file, model);
          const contacts = expectedContactTotals(model.channels).map(
            ({ channel, total }) => `~${Math.round(total).toLocaleString('en-US')} ${channel.contactsNoun}`,
          );
          process.stdout.write(
            `ok  ${file}: ${model.name}, ${model.calendar.days} day(s), ${contacts.join(', ')}\n`,
          );
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          errors.push(error.message);
        }
      }
      if (errors.length > 0) throw new InputError(undefined, errors.join('\n'));
    });
}

/** `hotline validate scenarios/*.json` also matches scenario.schema.json; it is not a scenario. */
function isJsonSchemaFile(file: string): boolean {
  try {
    const schema = (JSON.parse(readScenarioFile(file)) as { $schema?: unknown }).$schema;
    return typeof schema === 'string' && schema.includes('json-schema.org');
  } catch {
    return false;
  }
}
