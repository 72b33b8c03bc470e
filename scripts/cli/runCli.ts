import { Command, CommanderError } from 'commander';
import { InputError } from '../../scenarios/inputError.js';
import { Interrupted } from '../interrupted.js';

export type CommandRegistrar = (program: Command) => void;

/**
 * Builds the `hotline` program from command registrars and runs it. Bad input (InputError or a
 * commander usage error) exits with 2 and a one-line message per problem, never a stack trace.
 */
export async function runCli(
  argv: string[],
  registrars: CommandRegistrar[],
  version: string,
): Promise<number> {
  const program = new Command('hotline')
    .description('Simulate, load-test and compare public hotline ecosystems.')
    .version(version)
    .showHelpAfterError('(run with --help for usage and examples)')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  for (const register of registrars) register(program);
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    return exitCodeFor(error);
  }
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // --help and --version end through here with exit code 0.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof InputError) {
    process.stderr.write(`error: ${error.message}\n`);
    return 2;
  }
  if (error instanceof Interrupted) {
    process.stderr.write(`${error.message}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`internal error: ${message}\n`);
  if (process.env.HOTLINE_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
  return 1;
}
