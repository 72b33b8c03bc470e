import { SingleBar } from 'cli-progress';

/** Reports `done` of `total`; called with done = -1 to stop. */
export type Progress = (done: number, total: number) => void;

/**
 * Progress of `noun` (replications, cells) on stderr: a bar on a terminal; elsewhere (CI logs, a
 * pod's log) a line `<noun> k/N` when the first is done and at every tenth. Undefined when quiet.
 */
export function progressReporter(
  noun: string,
  total: number,
  quiet: boolean | undefined,
): Progress | undefined {
  if (quiet) return undefined;
  if (!process.stderr.isTTY) {
    let shown = 0;
    return (done) => {
      const tenth = Math.floor((done * 10) / total);
      if (done > 0 && (done === 1 || tenth > shown)) {
        shown = Math.max(shown, tenth);
        process.stderr.write(`${noun} ${done}/${total}\n`);
      }
    };
  }
  const bar = new SingleBar({
    stream: process.stderr,
    format: `${noun} [{bar}] {value}/{total} | {duration_formatted} elapsed | eta {eta_formatted}`,
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(total, 0);
  return (done) => (done < 0 ? bar.stop() : bar.update(done));
}
