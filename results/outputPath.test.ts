import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../scenarios/inputError.js';
import { checkOutputFile, ensureFolder, prepareRunFolder } from './outputPath.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hotline-output-'));
  writeFileSync(join(dir, 'a-file'), 'x');
  symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));
});

/** The InputError `run` throws, as one line: flag, message, value. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).message;
  }
  throw new Error('expected bad input');
}

describe('prepareRunFolder', () => {
  it.each([
    ['a file', 'a-file', /^--out: is a file, not a folder/],
    ['a folder under a file', 'a-file/run', /^--out: .*a-file is a file, not a folder/],
    ['a dangling symbolic link', 'dangling', /^--out: is a symbolic link to nothing/],
    ['a folder under a dangling link', 'dangling/run', /^--out: .*dangling is a symbolic link to nothing/],
  ])('refuses %s, naming the flag', (_, name, message) => {
    for (const create of [false, true]) {
      expect(refusal(() => prepareRunFolder('--out', join(dir, name), { create }))).toMatch(message);
    }
  });

  it('refuses a non-empty folder and accepts an empty or missing one', () => {
    mkdirSync(join(dir, 'full'));
    writeFileSync(join(dir, 'full', 'x'), '');
    expect(refusal(() => prepareRunFolder('--out', join(dir, 'full')))).toMatch(/exists and is not empty/);
    mkdirSync(join(dir, 'empty'));
    expect(prepareRunFolder('--out', join(dir, 'empty'))).toBe(join(dir, 'empty'));
  });

  it('without create, checks missing parents but creates nothing (not even its probe)', () => {
    const before = readdirSync(dir).sort();
    expect(prepareRunFolder('--out', join(dir, 'x', 'y', 'run'), { create: false })).toBe(
      join(dir, 'x', 'y', 'run'),
    );
    expect(readdirSync(dir).sort()).toEqual(before);
    prepareRunFolder('--out', join(dir, 'x', 'y', 'run'));
    expect(existsSync(join(dir, 'x', 'y'))).toBe(true);
    expect(existsSync(join(dir, 'x', 'y', 'run'))).toBe(false);
  });

  it.runIf(existsSync('/proc/self'))(
    'a folder that cannot be created (under /proc) is bad input, not an endless loop',
    () => {
      // Node's mkdirSync(..., {recursive: true}) never returns here; ours goes one level at a time.
      expect(refusal(() => prepareRunFolder('--out', '/proc/hotline-test/run'))).toMatch(
        /^--out: cannot (create the folder|write in) \/proc/,
      );
      expect(refusal(() => ensureFolder('--emit-k6-operator', '/proc/hotline-test/a/b'))).toMatch(
        /^--emit-k6-operator: cannot create the folder \/proc\/hotline-test/,
      );
    },
  );
});

describe('checkOutputFile', () => {
  it.each([
    ['in a missing folder', 'missing/page.html', /^--out: the folder .*missing does not exist/],
    ['under a file', 'a-file/page.html', /^--out: .*a-file is a file, not a folder/],
    ['at a dangling link', 'dangling', /^--out: is a symbolic link to nothing/],
    ['at a folder', '.', /^--out: is a folder, not a file/],
  ])('refuses a file %s', (_, name, message) => {
    expect(refusal(() => checkOutputFile('--out', join(dir, name)))).toMatch(message);
  });

  it('accepts a new file or one to replace, and leaves no probe behind', () => {
    expect(checkOutputFile('--out', join(dir, 'page.html'))).toBe(join(dir, 'page.html'));
    expect(checkOutputFile('--out', join(dir, 'a-file'))).toBe(join(dir, 'a-file'));
    expect(readdirSync(dir).sort()).toEqual(['a-file', 'dangling']);
  });
});
