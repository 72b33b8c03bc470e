import type { FastifyInstance } from 'fastify';
import type { ScenarioModel } from '../scenarios/ScenarioModel.js';
import { buildMocks, type MocksOptions } from './buildMocks.js';

export interface ServerOptions extends MocksOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** Close on SIGINT / SIGTERM (the CLI sets this; a library caller owns its process's signals). */
  handleSignals?: boolean;
}

export interface RunningMocks {
  /** Base URL, e.g. http://127.0.0.1:8080 (no trailing slash). */
  url: string;
  app: FastifyInstance;
  /** Ends every held call (outcome "abandoned", reason "shutdown"), then stops listening. Idempotent. */
  close(): Promise<void>;
}

/** Builds the mocks and listens. */
export async function startMocks(
  scenario: ScenarioModel,
  options: ServerOptions = {},
): Promise<RunningMocks> {
  const app = await buildMocks(scenario, options);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ host, port: options.port ?? 8080 });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 8080);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let closing: Promise<void> | undefined;
  const onSignal = () => {
    void close();
  };
  const close = () => {
    closing ??= (async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await app.close();
    })();
    return closing;
  };
  if (options.handleSignals) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  return { url, app, close };
}
