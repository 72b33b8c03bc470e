// The `hotline` CLI: a thin layer over importable functions. Each command registers itself.
import { runCli } from './cli/runCli.js';
import { registerErlangCommand } from './cli/erlangCommand.js';
import { toolVersion } from './cli/toolVersion.js';

process.exitCode = await runCli(process.argv.slice(2), [registerErlangCommand], toolVersion());
