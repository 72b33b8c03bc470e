// `hotline load --adapter file.json`: read and check an adapter file (schema below), every problem an
// InputError naming the file, the field path and what is allowed (exit 2).
import { readFileSync } from 'node:fs';
import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { InputError, type InputIssue } from '../../scenarios/inputError.js';
import { type CallAdapter, resolveAdapter } from './callAdapter.js';

const Outcome = Type.Union([
  Type.Literal('answered'),
  Type.Literal('abandoned'),
  Type.Literal('blocked'),
  Type.Literal('closed'),
  Type.Literal('selfServed'),
]);
const FieldName = Type.String({ minLength: 1, maxLength: 200 });
const OptionalField = Type.Union([FieldName, Type.Null()]);

export const AdapterSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    /** Path of the call endpoint (POST, held until the answer). Default /v1/calls. */
    callsPath: Type.Optional(Type.String({ pattern: '^/', maxLength: 500 })),
    /** Path probed before the run (any HTTP answer counts). Default /health. */
    healthPath: Type.Optional(Type.String({ pattern: '^/', maxLength: 500 })),
    /** Where the token of --token-env goes. Default {header: "Authorization", scheme: "Bearer"}. */
    auth: Type.Optional(
      Type.Object(
        {
          header: Type.String({ pattern: '^[A-Za-z0-9-]+$', maxLength: 100 }),
          scheme: Type.Optional(Type.Union([Type.String({ pattern: '^[A-Za-z0-9-]+$' }), Type.Null()])),
        },
        { additionalProperties: false },
      ),
    ),
    /** Extra headers sent with every call. */
    headers: Type.Optional(Type.Record(Type.String({ pattern: '^[A-Za-z0-9-]+$' }), Type.String())),
    /** Body field names of the call; null leaves the field out. */
    request: Type.Optional(
      Type.Object(
        {
          callId: Type.Optional(OptionalField),
          class: Type.Optional(OptionalField),
          /** Send the caller's patience (model seconds) too. Default null: the caller hangs up itself. */
          patienceS: Type.Optional(OptionalField),
        },
        { additionalProperties: false },
      ),
    ),
    /** Where the reply says what happened (dotted paths into the JSON body). */
    response: Type.Optional(
      Type.Object(
        {
          outcome: Type.Optional(FieldName),
          /** The server's own wait (a cross-check only); null when it reports none. */
          wait: Type.Optional(OptionalField),
          waitUnit: Type.Optional(Type.Union([Type.Literal('s'), Type.Literal('ms')])),
          /** The server's words for each outcome, e.g. {"answered": ["CONNECTED"]}. */
          outcomes: Type.Optional(Type.Partial(Type.Record(Outcome, Type.Array(Type.String())))),
        },
        { additionalProperties: false },
      ),
    ),
    /** HTTP statuses that are call outcomes rather than errors, e.g. {"486": "blocked"}. */
    statusOutcomes: Type.Optional(Type.Record(Type.String({ pattern: '^[1-5][0-9]{2}$' }), Outcome)),
  },
  { additionalProperties: false },
);

export type AdapterFile = Static<typeof AdapterSchema>;

/** Reads, parses and checks an adapter file; returns it with every default filled in. */
export function loadAdapter(file: string): CallAdapter {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    // The flag too: a path like "" or "-1" alone does not tell the user which file was meant.
    throw new InputError(
      file,
      `cannot read the adapter file (--adapter) (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, `the adapter file is not valid JSON (${(error as Error).message})`);
  }
  const issues: InputIssue[] = [];
  for (const error of Value.Errors(AdapterSchema, value)) {
    if (issues.length >= 8) break;
    const schema = error.schema as { properties?: object; anyOf?: { const?: unknown }[] };
    const words = (schema.anyOf ?? []).map((s) => s.const).filter((c) => typeof c === 'string');
    const known = words.length > 0 ? words : Object.keys(schema.properties ?? {});
    issues.push({
      path: error.path || '/',
      message:
        words.length > 0 ? 'unknown value' : error.message.charAt(0).toLowerCase() + error.message.slice(1),
      value: error.value,
      ...(known.length > 0 ? { allowed: known.join(', ') } : {}),
    });
  }
  if (issues.length > 0) throw new InputError(file, issues);
  return resolveAdapter(value as AdapterFile);
}
