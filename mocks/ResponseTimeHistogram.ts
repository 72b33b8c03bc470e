/**
 * Wall time from request to response of POST /v1/calls, as a Prometheus histogram. It includes the
 * caller's wait in queue, so with agents to spare it is the latency the mock itself adds.
 */
export const RESPONSE_BUCKETS_S = [
  0.0005, 0.001, 0.002, 0.003, 0.004, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60,
  300,
];

export class ResponseTimeHistogram {
  private readonly counts = new Float64Array(RESPONSE_BUCKETS_S.length + 1);
  private sum = 0;
  private total = 0;

  observe(seconds: number): void {
    let bucket = 0;
    while (bucket < RESPONSE_BUCKETS_S.length && seconds > RESPONSE_BUCKETS_S[bucket]!) bucket++;
    this.counts[bucket]!++;
    this.sum += seconds;
    this.total++;
  }

  /** Prometheus text lines of the histogram (cumulative buckets, +Inf, sum, count). */
  text(name: string, help: string): string[] {
    const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} histogram`];
    let cumulative = 0;
    RESPONSE_BUCKETS_S.forEach((bound, i) => {
      cumulative += this.counts[i]!;
      lines.push(`${name}_bucket{le="${bound}"} ${cumulative}`);
    });
    lines.push(
      `${name}_bucket{le="+Inf"} ${this.total}`,
      `${name}_sum ${this.sum}`,
      `${name}_count ${this.total}`,
    );
    return lines;
  }
}
