/** The intervals [fromInterval, toInterval) that run-level figures cover (a `--day` window). */
export interface RunWindowIntervals {
  readonly fromInterval: number;
  readonly toInterval: number;
}
