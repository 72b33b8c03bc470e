import { InputError } from '../scenarios/inputError.js';
import type { ChannelName } from '../sim/channels/index.js';
import { metricChannels, metricNames } from '../sim/metrics/metricRegistry.js';

/** Mean and 95% CI bounds of one metric, one entry per interval; null where undefined. */
export interface MetricSeries {
  mean: Array<number | null>;
  lo: Array<number | null>;
  hi: Array<number | null>;
}

/** intervals.csv column-wise: the intervals' dates and starts, and per channel its metrics' series. */
export interface IntervalTable {
  date: string[];
  start: string[];
  /** Every registered channel; a channel the file has no columns of has no series (`{}`). */
  channels: Record<ChannelName, Partial<Record<string, MetricSeries>>>;
}

/**
 * Parses intervals.csv strictly enough to catch a truncated or hand-damaged file (missing trailing
 * newline, short rows, text in number cells) while ignoring columns it does not know, so a newer
 * writer that adds a metric stays readable. Reads format 2 (`phone.slOffered` columns, one row per
 * interval) and format 1 (a `channel` column, unprefixed `slOffered` columns, phone rows).
 */
export function parseIntervalsCsv(file: string, text: string): IntervalTable {
  const fail = (message: string) => new InputError(file, `${message}; the file is truncated or corrupt`);
  if (!text.endsWith('\n')) throw fail('the last line is incomplete');
  const lines = text.slice(0, -1).split('\n');
  const header = lines[0]!.split(',');
  const col = (name: string) => header.indexOf(name);
  const v1 = col('channel') >= 0;
  for (const required of ['date', 'start']) {
    if (col(required) < 0) throw fail(`the header has no "${required}" column`);
  }
  // Per channel, the metrics present and their column names (v1 files carry phone only, unprefixed).
  const columns = metricChannels().map((channel) => {
    const name = (metric: string) => (v1 ? metric : `${channel}.${metric}`);
    const known = v1 && channel !== 'phone' ? [] : metricNames(channel).filter((m) => col(name(m)) >= 0);
    return { channel, name, known };
  });
  const channels: Record<string, Partial<Record<string, MetricSeries>>> = {};
  for (const { channel, known } of columns) {
    const series: Partial<Record<string, MetricSeries>> = {};
    for (const metric of known) series[metric] = { mean: [], lo: [], hi: [] };
    channels[channel] = series;
  }
  const table: IntervalTable = { date: [], start: [], channels: channels as IntervalTable['channels'] };
  lines.slice(1).forEach((line, n) => {
    const cells = line.split(',');
    if (cells.length !== header.length) {
      throw fail(`line ${n + 2} has ${cells.length} cells, the header ${header.length}`);
    }
    if (v1 && cells[col('channel')] !== 'phone') return;
    table.date.push(cells[col('date')]!);
    table.start.push(cells[col('start')]!);
    const at = (name: string) => numberCell(cells[col(name)], () => fail(`line ${n + 2}, ${name}`));
    for (const { channel, name, known } of columns) {
      for (const metric of known) {
        const series = (table.channels[channel] as Partial<Record<string, MetricSeries>>)[metric]!;
        const column = name(metric);
        series.mean.push(at(column));
        series.lo.push(col(`${column}_lo`) >= 0 ? at(`${column}_lo`) : null);
        series.hi.push(col(`${column}_hi`) >= 0 ? at(`${column}_hi`) : null);
      }
    }
  });
  return table;
}

function numberCell(cell: string | undefined, fail: () => Error): number | null {
  if (cell === undefined || cell === '') return null;
  const value = Number(cell);
  if (!Number.isFinite(value)) throw fail();
  return value;
}
