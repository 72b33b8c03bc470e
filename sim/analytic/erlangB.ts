/**
 * Erlang B: probability that a contact finds all `servers` busy in an M/M/c/c loss system (no queue),
 * for an offered load of `loadErlangs` (arrival rate x mean handle time).
 *
 * Uses the recursion B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)): every step stays in [0, 1], so it
 * neither overflows (a^c / c! does beyond ~170 servers) nor loses precision to cancellation.
 */
export function erlangB(loadErlangs: number, servers: number): number {
  if (!Number.isFinite(loadErlangs) || loadErlangs < 0) {
    throw new RangeError(`erlangB: load must be a finite number >= 0, got ${loadErlangs}`);
  }
  if (!Number.isInteger(servers) || servers < 0) {
    throw new RangeError(`erlangB: servers must be an integer >= 0, got ${servers}`);
  }
  let blocking = 1;
  for (let k = 1; k <= servers; k++) {
    const carried = loadErlangs * blocking;
    blocking = carried / (k + carried);
  }
  return blocking;
}
