// The limits of scenario values (in a module of their own, without TypeBox: the k6 bundle imports them
// through buildDistribution and must not carry the schema library). They keep every number the engine iterates on or allocates by finite and 32-bit safe. They
// are far above any real hotline (covid-hotline: 50,000 calls and 400 agents a day).
/** Calls per day (one day's volume), and agents or trunk lines at once. */
export const MAX_CALLS_PER_DAY = 1_000_000;
export const MAX_AGENTS = 1_000_000;
export const MAX_TRUNK_LINES = 1_000_000;
/** Expected first attempts over the whole horizon (bounds the simulator's memory and time). */
export const MAX_CALLS_IN_HORIZON = 20_000_000;
/** Relative weights (intraday shape, empirical weights): large enough for raw call counts. */
export const MAX_WEIGHT = 1e9;
/** Erlang phases: each draw costs k random numbers; for a smaller cv use gamma. */
export const MAX_ERLANG_K = 1000;
/** Coefficient of variation of gamma and lognormal: outside this their draws are 0, NaN or Infinity. */
export const MIN_CV = 0.001;
export const MAX_CV = 10;
export const MAX_PRIORITY = 1000;
/** The last date a calendar may reach (4-digit years). */
export const LAST_DATE = '9999-12-31';
/** Model seconds per wall second of the mocks and of a replay (beyond it the model outruns the event loop). */
export const MAX_TIME_SCALE = 100_000;

/** Largest `scale` on a channel's demand or a group's staffing: a what-if multiplier, not a unit change. */
export const MAX_SCALE = 100;
