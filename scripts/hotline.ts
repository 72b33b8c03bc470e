// The `hotline` CLI: a thin layer over importable functions. Each command registers itself.
import { registerCompareCommand } from './cli/compareCommand.js';
import { registerErlangCommand } from './cli/erlangCommand.js';
import { registerLoadCommand } from './cli/loadCommand.js';
import { registerMergeCommand } from './cli/mergeCommand.js';
import { registerMocksCommand } from './cli/mocksCommand.js';
import { registerReportCommand } from './cli/reportCommand.js';
import { registerRosterCommand } from './cli/rosterCommand.js';
import { runCli } from './cli/runCli.js';
import { registerRunsCommand } from './cli/runsCommand.js';
import { registerSchemaCommand } from './cli/schemaCommand.js';
import { registerSimCommand } from './cli/simCommand.js';
import { registerStaffCommand } from './cli/staffCommand.js';
import { toolVersion } from './cli/toolVersion.js';
import { registerValidateCommand } from './cli/validateCommand.js';
import { registerWhatifCommand } from './cli/whatifCommand.js';
import { ignoreClosedPipe } from './ignoreClosedPipe.js';

ignoreClosedPipe(process.stdout);
ignoreClosedPipe(process.stderr);

process.exitCode = await runCli(
  process.argv.slice(2),
  [
    registerSimCommand,
    registerMergeCommand,
    registerValidateCommand,
    registerErlangCommand,
    registerStaffCommand,
    registerRosterCommand,
    registerSchemaCommand,
    registerReportCommand,
    registerCompareCommand,
    registerRunsCommand,
    registerMocksCommand,
    registerLoadCommand,
    registerWhatifCommand,
  ],
  toolVersion(),
);
