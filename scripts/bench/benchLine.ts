/** One benchmark result line, the format pasted into issue notes. */
export function benchLine(name: string, text: string): void {
  process.stdout.write(`bench  ${name.padEnd(52)} ${text}\n`);
}

export function formatCount(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
