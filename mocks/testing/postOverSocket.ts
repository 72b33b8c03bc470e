// Test support: a POST over a real socket on 127.0.0.1, written in 64 KB pieces as a client streams
// an upload. app.inject hands a route the whole body at once, so it cannot show a route that answers
// before it has read the body, and a client that then stalls. Not product code.
import { request } from 'node:http';

/**
 * POSTs `payload` in 64 KB writes, each after the previous one drained; resolves with the status code
 * as soon as the answer comes (then stops sending: a server that answered early is not waited for).
 */
export function postOverSocket(
  port: number,
  path: string,
  payload: Buffer,
  headers: Record<string, string>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', (error) => {
      if (!req.destroyed) reject(error);
    });
    let at = 0;
    const write = () => {
      while (at < payload.length) {
        const chunk = payload.subarray(at, at + 65_536);
        at += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}
