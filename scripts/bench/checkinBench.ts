// The check-in mock under multipart uploads of 200 KB JPEGs, over real sockets on loopback: the mock
// in its own process (the built CLI), the client here with keep-alive connections. Bounded: at most
// 4,000 uploads and 20 s. Target (issue 8): at least 500 uploads/s.
import http from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchLine, formatCount } from './benchLine.js';
import { startBenchMock } from './benchMock.js';

const TARGET_RATE = 500;
const UPLOADS = 4_000;
const MAX_SECONDS = 20;
const CONCURRENCY = 16;
const PHOTO_BYTES = 200 * 1024;
const BOUNDARY = '----hotline-bench';

export async function checkinBench(repo: string): Promise<void> {
  const mock = await startBenchMock(repo, join(repo, 'scenarios', 'social-monitoring.json'));
  try {
    const body = uploadBody();
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const url = new URL('/v1/checkins', mock.url);
    await runUploads(url, body, agent, 200, MAX_SECONDS); // warm-up: connections, JIT
    const run = await runUploads(url, body, agent, UPLOADS, MAX_SECONDS);
    agent.destroy();
    const rate = run.done / run.seconds;
    const statuses = [...run.statuses].map(([s, n]) => `${s}: ${formatCount(n)}`).join(', ');
    benchLine(
      'checkin mock: multipart uploads/s, 200 KB JPEG, 16 connections',
      `${formatCount(rate)} uploads/s (${((rate * body.length) / 1e6).toFixed(0)} MB/s), ${formatCount(run.done)} in ${run.seconds.toFixed(2)} s; ${statuses} (target >= ${TARGET_RATE})`,
    );
  } finally {
    await mock.stop();
  }
}

/** One multipart body: lat, lon, personId, promptId and a 200 KB photo starting with a JPEG's bytes. */
function uploadBody(): Buffer {
  const photo = Buffer.alloc(PHOTO_BYTES);
  for (let i = 0; i < photo.length; i++) photo[i] = (i * 31 + 7) & 0xff;
  photo.set([0xff, 0xd8, 0xff, 0xe0]);
  const field = (name: string, value: string) =>
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  return Buffer.concat([
    Buffer.from(
      field('lat', '55.7558') + field('lon', '37.6173') + field('personId', 'p-1') + field('promptId', 'q-1'),
    ),
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="photo"; filename="selfie.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    photo,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

async function runUploads(url: URL, body: Buffer, agent: http.Agent, count: number, maxSeconds: number) {
  const statuses = new Map<number, number>();
  const start = performance.now();
  const deadline = start + maxSeconds * 1000;
  let sent = 0;
  let done = 0;
  const worker = async () => {
    while (sent < count && performance.now() < deadline) {
      sent++;
      const status = await upload(url, body, agent);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      done++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { done, seconds: (performance.now() - start) / 1000, statuses };
}

function upload(url: URL, body: Buffer, agent: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
          'content-length': body.length,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
