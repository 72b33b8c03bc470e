import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface UplotAssets {
  script: string;
  css: string;
}

let cached: UplotAssets | undefined;

/**
 * uPlot's browser build and stylesheet, read from the installed package at run time so pages are
 * self-contained (open from file://, offline, no CDN) and always match the installed version.
 */
export function uplotAssets(): UplotAssets {
  if (cached) return cached;
  const dist = join(dirname(createRequire(import.meta.url).resolve('uplot/package.json')), 'dist');
  cached = {
    script: readFileSync(join(dist, 'uPlot.iife.min.js'), 'utf8'),
    css: readFileSync(join(dist, 'uPlot.min.css'), 'utf8'),
  };
  return cached;
}
