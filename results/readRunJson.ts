import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { InputError } from '../scenarios/inputError.js';
import { RESULT_FORMAT_VERSION } from './runFormat.js';

const MAX_ISSUES = 5;

/**
 * Reads one JSON file of a run folder: parse, refuse a newer format version (before the schema, whose
 * rules a newer writer may have changed), then validate. Every failure is an InputError naming the file.
 */
export function readRunJson<T extends TSchema>(folder: string, name: string, schema: T): Static<T> {
  const file = join(folder, name);
  const value = parseJson(file, readRunFile(file));
  checkFormatVersion(file, value);
  const issues = [...Value.Errors(schema, value)].slice(0, MAX_ISSUES).map((error) => ({
    path: error.path || '/',
    message: error.message.charAt(0).toLowerCase() + error.message.slice(1),
    value: error.value,
  }));
  if (issues.length > 0) {
    throw new InputError(file, [{ path: '', message: 'does not match the run format' }, ...issues]);
  }
  return value as Static<T>;
}

/** The text of a file of a run folder; unreadable (a folder, no permission) is bad input naming it. */
export function readRunFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      file,
      `cannot read the file (${code === 'EISDIR' ? 'it is a folder' : (code ?? 'error')})`,
    );
  }
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = text.trim() === '' ? 'the file is empty' : (error as Error).message;
    throw new InputError(file, `not valid JSON, the file is truncated or corrupt (${reason})`);
  }
}

function checkFormatVersion(file: string, value: unknown): void {
  const version = (value as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > RESULT_FORMAT_VERSION) {
    throw new InputError(
      file,
      `written in result format version ${version}, newer than this hotline reads ` +
        `(up to ${RESULT_FORMAT_VERSION}); upgrade hotline to read it`,
    );
  }
}
