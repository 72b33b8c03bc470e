// The same M/M/c+M as the engine bench, in SimPy (Debian's python3-simpy3), for the ratio the issue
// asks for: how many times faster the engine is than the reference Python DES on this machine, in
// the same bench run. Skipped (null) when no Python with SimPy is found.
import { spawnSync } from 'node:child_process';

/** Debian's own interpreter first: python3-simpy3 installs into its dist-packages, not pyenv's. */
const PYTHONS = ['/usr/bin/python3', 'python3'];

/** Calls per second of SimPy on M/M/c+M (c agents, exponential talk and patience), or null. */
export function simpyCallsPerS(
  agents: number,
  callsPerS: number,
  talkS: number,
  patienceS: number,
  calls: number,
): number | null {
  for (const python of PYTHONS) {
    const result = spawnSync(
      python,
      ['-c', SCRIPT, String(agents), String(callsPerS), String(talkS), String(patienceS), String(calls)],
      { encoding: 'utf8', timeout: 120_000 },
    );
    if (result.status === 0) return Number(result.stdout.trim());
  }
  return null;
}

// SimPy's own idiom for reneging: request the resource or time out on patience, whichever first.
// Arrivals stop after `calls`; the rate is over wall time, as the engine bench measures its own.
const SCRIPT = `
import random, sys, time
import simpy
agents, rate, talk, patience, calls = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
rng = random.Random(1)
env = simpy.Environment()
desk = simpy.Resource(env, capacity=agents)
def caller(env):
    with desk.request() as req:
        got = yield req | env.timeout(rng.expovariate(1 / patience))
        if req in got:
            yield env.timeout(rng.expovariate(1 / talk))
def source(env):
    for _ in range(calls):
        yield env.timeout(rng.expovariate(rate))
        env.process(caller(env))
env.process(source(env))
started = time.perf_counter()
env.run()
print(calls / (time.perf_counter() - started))
`;
