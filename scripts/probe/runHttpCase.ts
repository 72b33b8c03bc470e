// Sends one HTTP case to a running mocks server and judges the answer (status, JSON error, no hang).
// node:http rather than fetch: an answer that comes while the body is still being sent (a 413) is
// read, as k6 and curl read it; a body is sent without Expect: 100-continue, as k6 sends it.
import { request } from 'node:http';
import { httpProblem } from './checkContract.js';
import type { CaseResult, HttpCase } from './ProbeCase.js';

const DEFAULT_TIMEOUT_MS = 30_000;

export async function runHttpCase(spec: HttpCase, baseUrl: string): Promise<CaseResult> {
  const commandLine = `curl -X ${spec.method} '${baseUrl}${spec.path.slice(0, 80)}'${spec.body ? ` (body of ${spec.body.length} bytes)` : ''}`;
  const problems: string[] = [];
  const answer = await send(spec, baseUrl);
  if ('error' in answer) problems.push(`no answer: ${answer.error}`);
  else {
    const problem = httpProblem(answer.status, answer.body, spec.bad, spec.allowedStatuses);
    if (problem) problems.push(problem);
  }
  return { category: spec.category, name: spec.name, commandLine, problems };
}

type Answer = { status: number; body: string } | { error: string };

function send(spec: HttpCase, baseUrl: string): Promise<Answer> {
  return new Promise((resolve) => {
    let answered = false;
    const body = spec.body === undefined ? undefined : Buffer.from(spec.body);
    const req = request(
      `${baseUrl}${spec.path}`,
      // A connection of its own: a keep-alive socket the server just closed would fail the next case.
      { method: spec.method, headers: spec.headers, agent: false },
      (response) => {
        answered = true;
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (text.length < 100_000) text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on('error', () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    req.setTimeout(spec.timeoutMs ?? DEFAULT_TIMEOUT_MS, () => {
      req.destroy();
      resolve({ error: `hang: no answer within ${(spec.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000} s` });
    });
    // A write cut short by the server's close after its answer is no failure: the answer counts.
    req.on('error', (error) => {
      if (!answered) resolve({ error: `${error.name}: ${error.message}` });
    });
    req.end(body);
  });
}
