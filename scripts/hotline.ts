// The `hotline` CLI: a thin layer over importable functions. Each command registers itself.
import { registerErlangCommand } from './cli/erlangCommand.js';
import { runCli } from './cli/runCli.js';
import { registerSchemaCommand } from './cli/schemaCommand.js';
import { registerSimCommand } from './cli/simCommand.js';
import { toolVersion } from './cli/toolVersion.js';
import { registerValidateCommand } from './cli/validateCommand.js';

process.exitCode = await runCli(
  process.argv.slice(2),
  [registerSimCommand, registerValidateCommand, registerErlangCommand, registerSchemaCommand],
  toolVersion(),
);
