import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repo } from './cli/testing/builtCli.js';

// `hotline <command> --help | head -1`: the reader closes the pipe after the first line. Before the
// fix Node printed an unhandled EPIPE with its stack trace and exited 1.
describe('a reader that closes the pipe early', () => {
  it('hotline sim --help | head -1: exit 0, no stack trace', async () => {
    // Output of a few bytes fits in the pipe's buffer before the reader closes it, so the test closes
    // its end first and only then lets the CLI write (it waits for stdin to end).
    const child = spawn(
      process.execPath,
      [
        '-e',
        `process.stdin.resume(); process.stdin.on('end', () => import(${JSON.stringify(join(repo, 'dist', 'hotline.js'))}));`,
        '--',
        'sim',
        '--help',
      ],
      { cwd: repo, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.stdout.destroy();
    child.stdin.end();
    expect(await exited).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
  });
});
