// Bundles the CLI, the replication worker, the benchmarks and the probe into dist/.
// esbuild only emits; `npm run typecheck` (tsc --noEmit) checks types.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry a content hash: clear the old ones, or every build would leave its own behind.
rmSync('dist/chunks', { recursive: true, force: true });

await build({
  entryPoints: {
    hotline: 'scripts/hotline.ts',
    'replication-worker': 'sim/replications/replicationWorker.ts',
    bench: 'scripts/bench.ts',
    probe: 'scripts/probe/probe.ts',
  },
  outdir: 'dist',
  bundle: true,
  // Code behind a dynamic import() goes to its own chunk with the packages it imports (fastify for
  // `hotline mocks`, esbuild for `hotline load`, highs for `hotline roster`), so the CLI's start-up
  // loads none of them; the entry points share the rest through common chunks.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  packages: 'external',
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
