// Whole working days of the back office: weekdays (Monday to Friday) minus the calendar's closed
// dates. Decisions count in these days (FACTS: portal-support, "5 working days"). Pure and
// channel-free, so the email channel's working-hours clock can be merged onto it later.

const DAY_MS = 86_400_000;

/** Day indexes count from the calendar's start date (day 0); they may run past the horizon. */
export class WorkingDays {
  /** Weekday of day 0: 0 = Monday ... 6 = Sunday. */
  private readonly firstWeekday: number;
  private readonly closed: ReadonlySet<number>;

  constructor(startDate: string, closedDates: readonly string[]) {
    const start = Date.parse(`${startDate}T00:00:00Z`);
    this.firstWeekday = (new Date(start).getUTCDay() + 6) % 7;
    this.closed = new Set(
      closedDates.map((date) => Math.round((Date.parse(`${date}T00:00:00Z`) - start) / DAY_MS)),
    );
  }

  /** Whether day `day` is a working day. */
  isWorking(day: number): boolean {
    const weekday = (((this.firstWeekday + day) % 7) + 7) % 7;
    return weekday < 5 && !this.closed.has(day);
  }

  /** The `n`-th working day after day `day` (the day itself never counts; n >= 1). */
  addWorkingDays(day: number, n: number): number {
    let d = day;
    for (let left = n; left > 0; ) {
      d++;
      if (this.isWorking(d)) left--;
    }
    return d;
  }

  /** Working days in (from, to]: how many working days after `from` day `to` is (0 when to <= from). */
  between(from: number, to: number): number {
    let count = 0;
    for (let d = from + 1; d <= to; d++) if (this.isWorking(d)) count++;
    return count;
  }
}
