// The QA panel of a k6 run: what the load was (k6 version, target, time scale, thresholds and their
// verdicts) and how well it was delivered (latency, failed requests by status, dropped iterations,
// arrival lag per channel, VUs), per interval when the folder has load-quality.json, else from k6's own
// end-of-test summary (older folders). Empty for sim runs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Type } from '@sinclair/typebox';
import { type LoadQuality, type LoadQualityRow, LoadQualitySchema } from '../loadQuality.js';
import type { LoadedRun } from '../loadRun.js';
import { readRunJson } from '../readRunJson.js';
import { escapeHtml } from './escapeHtml.js';

const K6InfoSchema = Type.Object({
  k6: Type.Optional(
    Type.Object({
      version: Type.String(),
      target: Type.String(),
      timeScale: Type.Number(),
      segments: Type.Optional(Type.Number()),
      planned: Type.Optional(Type.Record(Type.String(), Type.Number())),
      // Runs before per-channel plans: the phone calls planned.
      plannedCalls: Type.Optional(Type.Number()),
      exitCode: Type.Optional(Type.Number()),
      thresholds: Type.Array(
        Type.Object({
          metric: Type.String(),
          expression: Type.String(),
          value: Type.Union([Type.Number(), Type.Null()]),
          ok: Type.Boolean(),
        }),
      ),
    }),
  ),
});

const Stats = Type.Record(Type.String(), Type.Unknown());
const K6SummarySchema = Type.Object({ metrics: Type.Record(Type.String(), Stats) });

const ms = (v: number | undefined | null) =>
  typeof v === 'number' ? `${v < 10 ? v.toFixed(2) : Math.round(v)} ms` : 'n/a';
const count = (v: number) => v.toLocaleString('en-US');

export function loadQualityPanel(run: LoadedRun, letter?: string): string {
  if (run.info.kind !== 'k6') return '';
  const { k6 } = readRunJson(run.folder, 'run.json', K6InfoSchema);
  const quality = existsSync(join(run.folder, 'load-quality.json'))
    ? readRunJson(run.folder, 'load-quality.json', LoadQualitySchema)
    : null;
  const title = `Load quality (k6)${letter ? `: ${letter} ${run.info.id}` : ''}`;
  const parts = [`<section data-qa-panel="${escapeHtml(run.info.id)}">`, `<h2>${escapeHtml(title)}</h2>`];
  if (k6) {
    const facts = [
      ['k6', k6.version],
      ['target', k6.target],
      ['time scale', `${k6.timeScale}×`],
      ['segments', k6.segments === undefined ? 'n/a' : String(k6.segments)],
      [
        'planned',
        plannedText(k6.planned ?? (k6.plannedCalls === undefined ? undefined : { phone: k6.plannedCalls })),
      ],
      ['k6 exit code', k6.exitCode === undefined ? 'n/a' : String(k6.exitCode)],
    ];
    parts.push(
      `<p class="meta">${facts.map(([k, v]) => `<b>${escapeHtml(k!)}</b> ${escapeHtml(v!)}`).join(' · ')}</p>`,
    );
    parts.push(thresholdsTable(k6.thresholds));
  }
  parts.push(quality ? qualityTables(run, quality, k6?.timeScale ?? null) : fromK6Summary(run), '</section>');
  return parts.join('\n');
}

/** "400 phone, 3,118 checkin": the contacts the replay planned, by channel. */
function plannedText(planned: Readonly<Record<string, number>> | undefined): string {
  if (planned === undefined || Object.keys(planned).length === 0) return 'n/a';
  return Object.entries(planned)
    .map(([channel, n]) => `${count(n)} ${channel}`)
    .join(', ');
}

function thresholdsTable(
  thresholds: ReadonlyArray<{ metric: string; expression: string; value: number | null; ok: boolean }>,
): string {
  const rows = thresholds.map(
    (t) =>
      `<tr><td class="text">${escapeHtml(t.metric)}</td><td class="text">${escapeHtml(t.expression)}</td>` +
      `<td>${t.value === null ? 'n/a' : escapeHtml(String(Number(t.value.toPrecision(4))))}</td>` +
      `<td class="text ${t.ok ? 'pass' : 'fail'}" data-threshold="${escapeHtml(t.metric)}">${t.ok ? 'ok' : 'breached'}</td></tr>`,
  );
  return `<table><thead><tr><th class="text">threshold</th><th class="text">expression</th><th>value</th><th class="text">verdict</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function failedText(failed: Record<string, number>): string {
  const entries = Object.entries(failed).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return '0';
  return entries.map(([status, n]) => `${count(n)} × ${status === '0' ? 'no response' : status}`).join(', ');
}

// A lag in wall time is a shift in model time: at 120× a 0.5 s late call arrives a minute late.
function lagInModelTime(q: LoadQuality, timeScale: number | null): string {
  const p99 = q.whole.arrivalLagMs?.p99;
  if (p99 === undefined || timeScale === null) return '';
  return ` · <b>arrival lag p99</b> ${ms(p99)} wall = ${((p99 / 1000) * timeScale).toFixed(1)} s of model time at ${timeScale}×`;
}

/**
 * The channels whose arrival lag is recorded apart (newer folders); none for older ones, whose
 * rows carry only the lag of all channels together.
 */
function lagChannels(q: LoadQuality): string[] {
  const keys = new Set(q.intervals.flatMap((row) => Object.keys(row.arrivalLagMsByChannel ?? {})));
  return [...keys].sort();
}

function qualityTables(run: LoadedRun, q: LoadQuality, timeScale: number | null): string {
  const label = (row: LoadQualityRow) =>
    row.interval < 0
      ? 'no interval'
      : `${run.intervals.date[row.interval] ?? '?'} ${run.intervals.start[row.interval] ?? ''}`;
  const channels = lagChannels(q);
  const perInterval = q.intervals.some((row) => row.vusMax !== undefined);
  const lagCells = (row: LoadQualityRow) =>
    channels.length === 0
      ? `<td>${ms(row.arrivalLagMs?.p50)}</td><td>${ms(row.arrivalLagMs?.p99)}</td>`
      : channels
          .map((c) => {
            const lag = row.arrivalLagMsByChannel?.[c];
            return `<td data-lag-channel="${escapeHtml(c)}">${ms(lag?.p50)}</td><td>${ms(lag?.p99)}</td>`;
          })
          .join('');
  const vusCell = (row: LoadQualityRow) =>
    perInterval
      ? `<td>${row.vusMax === null || row.vusMax === undefined ? 'n/a' : count(row.vusMax)}</td>`
      : '';
  const line = (name: string, row: LoadQualityRow, attr: string) =>
    `<tr ${attr}><td class="text">${escapeHtml(name)}</td><td>${count(row.requests)}</td>` +
    `<td>${ms(row.latencyMs?.p50)}</td><td>${ms(row.latencyMs?.p95)}</td><td>${ms(row.latencyMs?.p99)}</td>` +
    `<td class="text">${escapeHtml(failedText(row.failedByStatus))}</td>${lagCells(row)}${vusCell(row)}</tr>`;
  const lagHead =
    channels.length === 0
      ? '<th>arrival lag p50</th><th>p99</th>'
      : channels.map((c) => `<th>${escapeHtml(c)} arrival lag p50</th><th>p99</th>`).join('');
  const head =
    '<tr><th class="text">interval</th><th>requests</th><th>latency p50</th><th>p95</th><th>p99</th>' +
    `<th class="text">failed requests by status</th>${lagHead}${perInterval ? '<th>VUs at most</th>' : ''}</tr>`;
  const rows = q.intervals.map((row) => line(label(row), row, `data-qa-interval="${row.interval}"`));
  rows.push(line('whole run', { ...q.whole, vusMax: q.vusMax }, 'data-qa-interval="whole"'));
  const vusNote = perInterval
    ? "(per interval: by the samples' time; summed over the k6 processes)"
    : '(k6 samples VUs over time; this folder predates VUs per interval)';
  return [
    `<p class="meta"><b>dropped iterations</b> ${count(q.droppedIterations)} · <b>VUs</b> at most ${q.vusMax === null ? 'n/a' : count(q.vusMax)} ` +
      `${vusNote}${lagInModelTime(q, timeScale)}</p>`,
    '<p class="note">Latency: http_req_duration, wall time (a call is held until it is answered, so it includes the wait, compressed by the time scale). ' +
      'Failed: k6\'s http_req_failed, which counts a caller hanging up ("no response") although hotline does not count it as an error. ' +
      `Arrival lag: how late each call was sent after its planned instant${channels.length > 0 ? ', per channel (each is its own k6 scenario)' : ''}.</p>`,
    `<div class="scroll"><table><thead>${head}</thead><tbody>${rows.join('\n')}</tbody></table></div>`,
  ].join('\n');
}

// Older folders (before load-quality.json): the whole run from k6's end-of-test summary, one process.
function fromK6Summary(run: LoadedRun): string {
  const note =
    '<p class="note">Per-interval load figures are not recorded in this run folder (it predates load-quality.json); whole run from k6\'s end-of-test summary.</p>';
  if (!existsSync(join(run.folder, 'k6-summary.json')))
    return `${note}<p class="note">No k6-summary.json either.</p>`;
  const { metrics } = readRunJson(run.folder, 'k6-summary.json', K6SummarySchema);
  const num = (metric: string, stat: string) => {
    const v = metrics[metric]?.[stat];
    return typeof v === 'number' ? v : undefined;
  };
  const facts = [
    ['requests', String(num('http_reqs', 'count') ?? 'n/a')],
    ['latency p50', ms(num('http_req_duration', 'med'))],
    ['p95', ms(num('http_req_duration', 'p(95)'))],
    ['p99', ms(num('http_req_duration', 'p(99)'))],
    ['failed requests', String(num('http_req_failed', 'passes') ?? 'n/a')],
    ['dropped iterations', String(num('dropped_iterations', 'count') ?? 'n/a')],
    ['arrival lag p50', ms(num('arrival_lag_ms', 'med'))],
    ['p99', ms(num('arrival_lag_ms', 'p(99)'))],
    ['VUs at most', String(num('vus', 'max') ?? 'n/a')],
  ];
  return `${note}<p class="meta">${facts.map(([k, v]) => `<b>${escapeHtml(k!)}</b> ${escapeHtml(v!)}`).join(' · ')}</p>`;
}
