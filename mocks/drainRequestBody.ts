// fastify refuses a body over its limit (413) from the Content-Length alone, before reading it. A
// server that then closes a socket with unread bytes makes the kernel answer them with a reset, and
// a client still sending (k6, fetch: no Expect: 100-continue) gets ECONNRESET/EPIPE instead of the
// 413 (found by `npm run probe`). Reading the rest first, up to a bound, lets the answer arrive.
import type { IncomingMessage } from 'node:http';

/** Bytes read past a refusal at most; a client sending more gets the close (and the reset) anyway. */
export const MAX_DRAIN_BYTES = 64 * 1024 * 1024;
/** Wall-clock bound of the drain, so a client that stalls mid-body cannot hold the refusal. */
export const MAX_DRAIN_MS = 10_000;

/** Resolves once `request`'s body is read to its end, the bound is reached, or the socket closed. */
export function drainRequestBody(
  request: IncomingMessage,
  maxBytes = MAX_DRAIN_BYTES,
  maxMs = MAX_DRAIN_MS,
): Promise<void> {
  if (request.complete || request.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let read = 0;
    const done = () => {
      clearTimeout(timer);
      request.off('data', onData);
      request.off('end', done);
      request.off('close', done);
      request.off('error', done);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      read += chunk.length;
      if (read > maxBytes) done();
    };
    const timer = setTimeout(done, maxMs);
    timer.unref();
    request.on('data', onData);
    request.once('end', done);
    request.once('close', done);
    request.once('error', done);
    request.resume();
  });
}
