// Requests to `hotline mocks` serving every channel (with a bearer token): every route without a
// token, with a wrong one, by a wrong method; every JSON route with broken bodies and every field of
// its schema given wrong values; every id route with bad ids; the multipart routes with broken
// uploads; unknown paths. Bad requests must get a 4xx with a JSON error, never a 5xx or a hang.
import type { HttpCase } from './ProbeCase.js';

export const TOKEN = 'probe-token';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const JSON_TYPE = { 'content-type': 'application/json' };

/** The routes of the mocks with every channel (as their /openapi.json lists them). */
const ROUTES: readonly { method: string; path: string }[] = [
  { method: 'POST', path: '/v1/calls' },
  { method: 'GET', path: '/v1/chat' },
  { method: 'POST', path: '/v1/checkins' },
  { method: 'GET', path: '/v1/checkins/1' },
  { method: 'POST', path: '/v1/emails' },
  { method: 'GET', path: '/v1/emails/1' },
  { method: 'GET', path: '/v1/outbound/dials' },
  { method: 'GET', path: '/v1/outbound/dials/1' },
  { method: 'POST', path: '/v1/outbound/ringing/claim' },
  { method: 'POST', path: '/v1/outbound/dials/1/answer' },
  { method: 'POST', path: '/v1/outbound/dials/1/hangup' },
  { method: 'POST', path: '/v1/outbound/dials/1/no-answer' },
  { method: 'POST', path: '/v1/applications' },
  { method: 'GET', path: '/v1/applications/1' },
  { method: 'GET', path: '/metrics' },
  { method: 'GET', path: '/v1/state' },
  { method: 'GET', path: '/openapi.json' },
];

/** The JSON bodies' fields (from the routes' schemas) and a valid body of each route. */
const JSON_ROUTES: readonly { path: string; valid: Record<string, unknown> }[] = [
  { path: '/v1/calls', valid: { patienceS: 5, callId: 'probe' } },
  { path: '/v1/emails', valid: { from: 'a@b.c', subject: 'probe', body: 'x', emailId: 'p' } },
  { path: '/v1/outbound/ringing/claim', valid: { waitMs: 0, answer: false } },
];

const BAD_BODIES: readonly [string, string][] = [
  ['not JSON', '{'],
  ['empty', ''],
  ['null', 'null'],
  ['an array', '[]'],
  ['a string', '"x"'],
  ['1e400', '1e400'],
  ['nested 10,000 deep', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`],
  ['an unknown field', '{"nope":1}'],
  ['a duplicate key', '{"patienceS":1,"patienceS":"x"}'],
  ['trailing garbage', '{}garbage'],
  ['a BOM', '\ufeff{}'],
];

const BAD_VALUES: readonly [string, string][] = [
  ['a string', '"x"'],
  ['a number', '5'],
  ['null', 'null'],
  ['an array', '[]'],
  ['an object', '{}'],
  ['-1', '-1'],
  ['1e400', '1e400'],
  ['-1e400', '-1e400'],
  ['2^53+1', '9007199254740993'],
  ['a huge string', JSON.stringify('x'.repeat(1_000_000))],
  ['true', 'true'],
];

const BAD_IDS = [
  'zzz',
  '-1',
  '0',
  '1e400',
  '99999999999999999999',
  '%00',
  'x'.repeat(5000),
  '..%2F..%2Fetc',
  '%20',
  '1.5',
  'NaN',
  '%ff',
];

export function httpCases(): HttpCase[] {
  const cases: HttpCase[] = [];
  const add = (c: Omit<HttpCase, 'kind' | 'category' | 'server'>) =>
    cases.push({ kind: 'http', category: 'http', server: 'all', ...c });
  for (const route of ROUTES) {
    const open = route.path === '/health';
    for (const [name, headers] of [
      ['no token', {}],
      ['a wrong token', { authorization: 'Bearer wrong' }],
      ['an empty bearer', { authorization: 'Bearer ' }],
      ['basic auth', { authorization: 'Basic cHJvYmU6cHJvYmU=' }],
      ['the token without Bearer', { authorization: TOKEN }],
    ] as const) {
      add({
        name: `${route.method} ${route.path} with ${name}`,
        method: route.method,
        path: route.path,
        headers,
        bad: !open,
      });
    }
    for (const method of ['PUT', 'DELETE', 'PATCH', route.method === 'GET' ? 'POST' : 'GET']) {
      add({
        name: `${method} ${route.path} (wrong method)`,
        method,
        path: route.path,
        headers: AUTH,
        bad: true,
      });
    }
  }
  for (const route of JSON_ROUTES) {
    for (const [name, body] of BAD_BODIES) {
      add({
        name: `POST ${route.path}: ${name}`,
        method: 'POST',
        path: route.path,
        headers: { ...AUTH, ...JSON_TYPE },
        body,
        bad: !acceptableBody(route.path, name),
      });
    }
    for (const field of Object.keys(route.valid)) {
      for (const [name, value] of BAD_VALUES) {
        const text = JSON.stringify({ ...route.valid, [field]: '__value__' }).replace('"__value__"', value);
        add({
          name: `POST ${route.path}: ${field} ${name}`,
          method: 'POST',
          path: route.path,
          headers: { ...AUTH, ...JSON_TYPE },
          body: text,
          bad: !acceptable(route.path, field, name),
        });
      }
    }
    add({
      name: `POST ${route.path}: form-encoded`,
      method: 'POST',
      path: route.path,
      headers: { ...AUTH, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
      bad: true,
    });
    add({
      name: `POST ${route.path}: text/plain`,
      method: 'POST',
      path: route.path,
      headers: { ...AUTH, 'content-type': 'text/plain' },
      body: '{}',
      bad: true,
    });
    add({
      name: `POST ${route.path}: 5 MB body`,
      method: 'POST',
      path: route.path,
      headers: { ...AUTH, ...JSON_TYPE },
      body: JSON.stringify({ x: 'x'.repeat(5_000_000) }),
      bad: true,
    });
  }
  for (const route of ROUTES.filter((r) => /\/1(\/|$)/.test(r.path))) {
    for (const id of BAD_IDS) {
      const path = route.path.replace('/1', `/${id}`);
      add({
        name: `${route.method} ${route.path.replace('/1', '/<id>')} id ${id.slice(0, 20)}`,
        method: route.method,
        path,
        headers: AUTH,
        bad: true,
        allowedStatuses: [414, 431],
      });
    }
  }
  cases.push(...multipartCases(), ...oddPathCases());
  return cases;
}

/**
 * Bodies a route may accept: no body or `null` where every field is optional (the call's options, a
 * claim's), and a byte-order mark before the JSON (RFC 8259 lets a parser ignore it).
 */
function acceptableBody(path: string, name: string): boolean {
  if (name === 'a BOM') return true;
  return (name === 'empty' || name === 'null') && path !== '/v1/emails';
}

/** Values a schema accepts for a field (a valid number, a string where strings are due...). */
function acceptable(path: string, field: string, value: string): boolean {
  if (path === '/v1/calls' && field === 'patienceS') return value === 'a number' || value === '2^53+1';
  if (path === '/v1/emails' && field === 'body') return value === 'a string';
  if (path === '/v1/emails' && (field === 'subject' || field === 'emailId')) return value === 'a string';
  if (path === '/v1/calls' && field === 'callId') return value === 'a string';
  if (path === '/v1/outbound/ringing/claim' && field === 'waitMs') return value === 'a number';
  if (path === '/v1/outbound/ringing/claim' && field === 'answer') return value === 'true';
  return false;
}

function multipart(parts: { name: string; filename?: string; type?: string; data: string | Uint8Array }[]): {
  body: Uint8Array;
  type: string;
} {
  const boundary = 'probe-boundary-1234';
  const chunks: Uint8Array[] = [];
  const enc = new TextEncoder();
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ''}`;
    chunks.push(
      enc.encode(
        `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ''}\r\n`,
      ),
    );
    chunks.push(typeof part.data === 'string' ? enc.encode(part.data) : part.data);
    chunks.push(enc.encode('\r\n'));
  }
  chunks.push(enc.encode(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

const JPEG_START = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]);

function multipartCases(): HttpCase[] {
  const checkinFields = [
    { name: 'lat', data: '55.7' },
    { name: 'lon', data: '37.6' },
    { name: 'personId', data: 'p1' },
    { name: 'promptId', data: 'q1' },
  ];
  const appFields = [
    { name: 'applicantName', data: 'Probe' },
    { name: 'birthDate', data: '1980-01-01' },
    { name: 'applicationType', data: 'childBenefit' },
  ];
  const variants: [string, string, ReturnType<typeof multipart> | { body: string; type: string }][] = [
    ['/v1/checkins', 'JSON instead of multipart', { body: '{}', type: 'application/json' }],
    ['/v1/checkins', 'no photo', multipart(checkinFields)],
    [
      '/v1/checkins',
      'a text file as the photo',
      multipart([...checkinFields, { name: 'photo', filename: 'a.jpg', type: 'image/jpeg', data: 'hello' }]),
    ],
    [
      '/v1/checkins',
      'lat 1e400',
      multipart([
        { name: 'lat', data: '1e400' },
        ...checkinFields.slice(1),
        { name: 'photo', filename: 'a.jpg', type: 'image/jpeg', data: JPEG_START },
      ]),
    ],
    [
      '/v1/checkins',
      'lat NaN',
      multipart([
        { name: 'lat', data: 'NaN' },
        ...checkinFields.slice(1),
        { name: 'photo', filename: 'a.jpg', type: 'image/jpeg', data: JPEG_START },
      ]),
    ],
    [
      '/v1/checkins',
      'two photos',
      multipart([
        ...checkinFields,
        { name: 'photo', filename: 'a.jpg', data: JPEG_START },
        { name: 'photo', filename: 'b.jpg', data: JPEG_START },
      ]),
    ],
    [
      '/v1/checkins',
      'a 12 MB photo',
      multipart([
        ...checkinFields,
        {
          name: 'photo',
          filename: 'a.jpg',
          type: 'image/jpeg',
          data: Buffer.concat([JPEG_START, Buffer.alloc(12_000_000)]),
        },
      ]),
    ],
    [
      '/v1/checkins',
      'a broken boundary',
      {
        body: '--x\r\nContent-Disposition: form-data; name="lat"\r\n\r\n1',
        type: 'multipart/form-data; boundary=x',
      },
    ],
    ['/v1/checkins', 'no boundary', { body: 'x', type: 'multipart/form-data' }],
    [
      '/v1/checkins',
      'a personId of 500 characters',
      multipart([
        ...checkinFields.slice(0, 2),
        { name: 'personId', data: 'p'.repeat(500) },
        checkinFields[3]!,
        { name: 'photo', filename: 'a.jpg', data: JPEG_START },
      ]),
    ],
    ['/v1/applications', 'JSON instead of multipart', { body: '{}', type: 'application/json' }],
    ['/v1/applications', 'no documents', multipart(appFields)],
    [
      '/v1/applications',
      'birthDate 2020-13-45',
      multipart([
        appFields[0]!,
        { name: 'birthDate', data: '2020-13-45' },
        appFields[2]!,
        { name: 'documents', filename: 'a.pdf', data: '%PDF-1.4' },
      ]),
    ],
    [
      '/v1/applications',
      'an unknown application type',
      multipart([
        ...appFields.slice(0, 2),
        { name: 'applicationType', data: 'nope' },
        { name: 'documents', filename: 'a.pdf', data: '%PDF-1.4' },
      ]),
    ],
    [
      '/v1/applications',
      'a 6 MB document',
      multipart([
        ...appFields,
        { name: 'documents', filename: 'a.pdf', data: Buffer.alloc(6_000_000, 0x25) },
      ]),
    ],
    [
      '/v1/applications',
      'a file in an unknown field',
      multipart([...appFields, { name: 'other', filename: 'a.pdf', data: '%PDF-1.4' }]),
    ],
    [
      '/v1/applications',
      '200 fields',
      multipart(Array.from({ length: 200 }, (_, i) => ({ name: `f${i}`, data: 'x' }))),
    ],
    [
      '/v1/applications',
      'a broken boundary',
      {
        body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1',
        type: 'multipart/form-data; boundary=x',
      },
    ],
  ];
  return variants.map(([path, name, { body, type }]) => ({
    kind: 'http',
    category: 'http',
    server: 'all',
    name: `POST ${path}: ${name}`,
    method: 'POST',
    path,
    headers: { ...AUTH, 'content-type': type },
    body,
    bad: true,
  }));
}

function oddPathCases(): HttpCase[] {
  const paths = [
    '/v1/nope',
    '/',
    '/v1',
    '/../../etc/passwd',
    '/v1/calls/',
    '/V1/CALLS',
    `/v1/${'x'.repeat(100_000)}`,
    '/v1/state?x=1&x=2',
    '/metrics?format=%zz',
    '/health/',
    '/v1/emails/',
    '/v1/outbound/dials?limit=-1',
    '/v1/outbound/dials?limit=1e400',
  ];
  return paths.map((path) => ({
    kind: 'http' as const,
    category: 'http' as const,
    server: 'all' as const,
    name: `GET ${path.slice(0, 40)}`,
    method: 'GET',
    path,
    headers: AUTH,
    bad: ![
      '/v1/state?x=1&x=2',
      '/metrics?format=%zz',
      '/health/',
      '/v1/outbound/dials?limit=-1',
      '/v1/outbound/dials?limit=1e400',
      '/v1/calls/',
    ].includes(path),
    allowedStatuses: [414, 431],
  }));
}
