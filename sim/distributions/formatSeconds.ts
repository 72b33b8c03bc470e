/** Seconds for descriptions: "180s", "4.5m" style kept short and unit-bearing. */
export function formatSeconds(seconds: number): string {
  if (seconds >= 3600 && seconds % 360 === 0) return `${seconds / 3600}h`;
  if (seconds >= 60 && seconds % 6 === 0) return `${seconds / 60}m`;
  return `${Number(seconds.toPrecision(4))}s`;
}
