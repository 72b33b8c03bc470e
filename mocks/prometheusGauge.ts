/** One gauge in Prometheus text exposition format (version 0.0.4): HELP, TYPE and the value. */
export function prometheusGauge(name: string, help: string, value: number): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, `${name} ${value}`];
}
