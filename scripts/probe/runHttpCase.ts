// Sends one HTTP case to a running mocks server and judges the answer (status, JSON error, no hang).
import { httpProblem } from './checkContract.js';
import type { CaseResult, HttpCase } from './ProbeCase.js';

const DEFAULT_TIMEOUT_MS = 30_000;

export async function runHttpCase(spec: HttpCase, baseUrl: string): Promise<CaseResult> {
  const commandLine = `curl -X ${spec.method} '${baseUrl}${spec.path.slice(0, 80)}'${spec.body ? ` (body of ${spec.body.length} bytes)` : ''}`;
  const problems: string[] = [];
  try {
    const response = await fetch(`${baseUrl}${spec.path}`, {
      method: spec.method,
      headers: spec.headers,
      body: spec.method === 'GET' || spec.method === 'HEAD' ? undefined : spec.body,
      signal: AbortSignal.timeout(spec.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
    const body = await response.text();
    const problem = httpProblem(response.status, body, spec.bad, spec.allowedStatuses);
    if (problem) problems.push(problem);
  } catch (error) {
    problems.push(`no answer: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
  return { category: spec.category, name: spec.name, commandLine, problems };
}
