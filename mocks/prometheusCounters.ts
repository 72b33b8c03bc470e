/** A counter by outcome in Prometheus text exposition format (version 0.0.4). */
export function prometheusCounters(
  name: string,
  help: string,
  counts: Readonly<Record<string, number>>,
  outcomes: readonly string[],
): string[] {
  return [
    `# HELP ${name} ${help}`,
    `# TYPE ${name} counter`,
    ...outcomes.map((outcome) => `${name}{outcome="${outcome}"} ${counts[outcome]}`),
  ];
}
