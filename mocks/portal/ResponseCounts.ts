/** Responses counted by route and HTTP status code, for /metrics and /v1/state. */
export class ResponseCounts {
  private readonly counts = new Map<string, Map<number, number>>();

  add(route: string, status: number): void {
    let byStatus = this.counts.get(route);
    if (byStatus === undefined) {
      byStatus = new Map();
      this.counts.set(route, byStatus);
    }
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
  }

  /** { "POST /v1/applications": { "201": 3, "415": 1 } } */
  byRoute(): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const [route, byStatus] of this.counts)
      out[route] = Object.fromEntries(
        [...byStatus].sort(([a], [b]) => a - b).map(([s, n]) => [String(s), n]),
      );
    return out;
  }

  /** A Prometheus counter with `route` and `status` labels (text exposition format 0.0.4). */
  text(name: string, help: string): string[] {
    const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} counter`];
    for (const [route, byStatus] of Object.entries(this.byRoute()))
      for (const [status, n] of Object.entries(byStatus))
        lines.push(`${name}{route="${route}",status="${status}"} ${n}`);
    return lines;
  }
}
