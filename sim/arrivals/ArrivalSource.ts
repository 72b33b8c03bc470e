/** Where a process's own arrivals come from: the time of the next one, Infinity when none is left. */
export interface ArrivalSource {
  next(): number;
}
