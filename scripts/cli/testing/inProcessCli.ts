// Test support: run `hotline` in the test's own process (no build, no spawn), its output captured.
import { vi } from 'vitest';
import { runCli } from '../runCli.js';
import type { CliResult } from './builtCli.js';

/**
 * Runs the CLI with the given commands registered and returns its exit code and what it wrote.
 * Spies on stdout and stderr while it runs and restores them (and process.exitCode) after.
 */
export async function inProcessCli(
  args: readonly string[],
  commands: Parameters<typeof runCli>[1],
): Promise<CliResult & { code: number }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await runCli([...args], commands, '0.0.0-test');
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  }
}
