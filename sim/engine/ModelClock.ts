/**
 * The model clock of the mocks: model time = startAtS + wall time elapsed since start() × timeScale.
 * Before start() it stands still at startAtS (the app starts it when ready, so plugin loading does
 * not eat model time). Wall time is injectable so that tests can drive the clock by hand.
 */
export interface ModelClock {
  readonly startAtS: number;
  /** Model seconds per wall second. */
  readonly timeScale: number;
  /** Model time now, in seconds since the start of day 1. */
  nowS(): number;
  /** Wall milliseconds from now until the model reaches `modelS` (negative when it is past). */
  wallMsUntil(modelS: number): number;
  /** Wall milliseconds on a monotonic clock (for waits measured in wall time). */
  wallNowMs(): number;
  /** Starts the clock (once; later calls do nothing). */
  start(): void;
}

export function createModelClock(
  startAtS: number,
  timeScale: number,
  wallNowMs: () => number = () => performance.now(),
): ModelClock {
  let originMs: number | undefined;
  const nowS = () =>
    originMs === undefined ? startAtS : startAtS + ((wallNowMs() - originMs) / 1000) * timeScale;
  return {
    start: () => {
      originMs ??= wallNowMs();
    },
    startAtS,
    timeScale,
    nowS,
    wallMsUntil: (modelS) => ((modelS - nowS()) / timeScale) * 1000,
    wallNowMs,
  };
}
