import { InputError } from '../scenarios/inputError.js';
import { metricNames } from '../sim/metrics/metricRegistry.js';
import type { PhoneMetric } from '../sim/metrics/PhoneMetrics.js';

/** Mean and 95% CI bounds of one metric, one entry per interval; null where undefined. */
export interface MetricSeries {
  mean: Array<number | null>;
  lo: Array<number | null>;
  hi: Array<number | null>;
}

/** The phone rows of intervals.csv, column-wise. */
export interface IntervalTable {
  date: string[];
  start: string[];
  metrics: Partial<Record<PhoneMetric, MetricSeries>>;
}

/**
 * Parses intervals.csv strictly enough to catch a truncated or hand-damaged file (missing trailing
 * newline, short rows, text in number cells) while ignoring columns it does not know, so a newer
 * writer that adds a metric stays readable.
 */
export function parseIntervalsCsv(file: string, text: string): IntervalTable {
  const fail = (message: string) => new InputError(file, `${message}; the file is truncated or corrupt`);
  if (!text.endsWith('\n')) throw fail('the last line is incomplete');
  const lines = text.slice(0, -1).split('\n');
  const header = lines[0]!.split(',');
  const col = (name: string) => header.indexOf(name);
  for (const required of ['channel', 'date', 'start']) {
    if (col(required) < 0) throw fail(`the header has no "${required}" column`);
  }
  const known = metricNames('phone').filter((m) => col(m) >= 0);
  const table: IntervalTable = { date: [], start: [], metrics: {} };
  for (const metric of known) table.metrics[metric] = { mean: [], lo: [], hi: [] };
  lines.slice(1).forEach((line, n) => {
    const cells = line.split(',');
    if (cells.length !== header.length) {
      throw fail(`line ${n + 2} has ${cells.length} cells, the header ${header.length}`);
    }
    if (cells[col('channel')] !== 'phone') return;
    table.date.push(cells[col('date')]!);
    table.start.push(cells[col('start')]!);
    for (const metric of known) {
      const series = table.metrics[metric]!;
      const at = (name: string) => numberCell(cells[col(name)], () => fail(`line ${n + 2}, ${name}`));
      series.mean.push(at(metric));
      series.lo.push(col(`${metric}_lo`) >= 0 ? at(`${metric}_lo`) : null);
      series.hi.push(col(`${metric}_hi`) >= 0 ? at(`${metric}_hi`) : null);
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
