// Bundles the CLI, the replication worker, the benchmarks and the probe into dist/.
// esbuild only emits; `npm run typecheck` (tsc --noEmit) checks types.
import { build } from 'esbuild';

await build({
  entryPoints: {
    hotline: 'scripts/hotline.ts',
    'replication-worker': 'sim/replications/replicationWorker.ts',
    bench: 'scripts/bench.ts',
    probe: 'scripts/probe/probe.ts',
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
