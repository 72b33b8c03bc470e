// Bundles the CLI, the replication worker and the benchmarks into dist/.
// esbuild only emits; `npm run typecheck` (tsc --noEmit) checks types.
import { build } from 'esbuild';

await build({
  entryPoints: {
    hotline: 'scripts/hotline.ts',
    'replication-worker': 'sim/replications/replicationWorker.ts',
    bench: 'scripts/bench.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  packages: 'external',
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
