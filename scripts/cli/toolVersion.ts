import { findRepoRoot } from '../repoRoot.js';

/** Version from package.json (works from dist/ and from source). */
export function toolVersion(): string {
  return findRepoRoot()?.version ?? '0.0.0';
}
