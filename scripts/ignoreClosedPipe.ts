import type { Writable } from 'node:stream';

/**
 * `hotline sim --help | head` closes the pipe before the CLI is done writing. Node then raises EPIPE
 * as an unhandled 'error' event, a stack trace. A reader that went away is not an error of ours: stop
 * writing to that stream and let the command finish (a run folder is still written whole).
 */
export function ignoreClosedPipe(stream: Writable): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
      stream.destroy();
      return;
    }
    throw error;
  });
}
