// Test support: opens a generated page from file:// in headless Chromium and reports what a user
// would see. Used by the report and compare tests; kept out of the CLI bundle.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.HOTLINE_CHROMIUM ?? '/usr/bin/chromium';

export interface ChartCheck {
  id: string;
  series: number;
  points: number;
  /** The window the chart opens zoomed to (null: the whole span). */
  focus: [number, number] | null;
  /** The x range the chart shows now. */
  xRange: [number, number];
  /** Per series of the spec: defined values, and those inside the focus. */
  perSeries: Array<{ label: string; points: number; inFocus: number }>;
  /** Canvas pixels that are not background: 0 means nothing was drawn. */
  inkPixels: number;
}

export interface PageCheck {
  consoleErrors: string[];
  /** Requests to anything but file:// or data: (a CDN would show up here). */
  externalRequests: string[];
  charts: ChartCheck[];
  chartSlots: number;
}

/** What a test may do on the page before the screenshot (click, read the DOM); its result comes back. */
export type PageProbe<T> = (page: Page) => Promise<T>;

export async function checkPageInBrowser(file: string, screenshot: string): Promise<PageCheck>;
export async function checkPageInBrowser<T>(
  file: string,
  screenshot: string,
  probe: PageProbe<T>,
): Promise<PageCheck & { probed: T }>;
export async function checkPageInBrowser<T>(
  file: string,
  screenshot: string,
  probe?: PageProbe<T>,
): Promise<PageCheck & { probed?: T }> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or set HOTLINE_CHROMIUM; ` +
        'the dashboard browser tests cannot run without it.',
    );
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const consoleErrors: string[] = [];
    const externalRequests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    page.on('request', (r) => {
      if (!/^(file|data|about):/.test(r.url())) externalRequests.push(r.url());
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const chartSlots = await page.locator('[data-chart]').count();
    await page
      .waitForFunction(
        (n) => (globalThis as unknown as { hotlineCharts?: unknown[] }).hotlineCharts?.length === n,
        chartSlots,
        { timeout: 10_000 },
      )
      .catch(() => undefined);
    const charts = await page.evaluate(inkPerChart);
    const probed = probe ? await probe(page) : undefined;
    mkdirSync(dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot, fullPage: true });
    return { consoleErrors, externalRequests, charts, chartSlots, ...(probe ? { probed } : {}) };
  } finally {
    await browser.close();
  }
}

// Runs in the page: counts non-transparent pixels of each chart's plot canvas.
function inkPerChart(): ChartCheck[] {
  // No DOM types in this Node project: the few browser objects used are typed here.
  interface Canvas {
    width: number;
    height: number;
    getContext(
      kind: '2d',
    ): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
  }
  const w = globalThis as unknown as {
    hotlineCharts?: Array<Omit<ChartCheck, 'inkPixels' | 'xRange'>>;
    hotlineUplot?: Record<string, { scales: { x: { min: number; max: number } } }>;
    document: { querySelector(selector: string): Canvas | null };
  };
  return (w.hotlineCharts ?? []).map((chart) => {
    const canvas = w.document.querySelector(`[data-chart="${chart.id}"] canvas`);
    const ctx = canvas?.getContext('2d');
    let inkPixels = 0;
    if (ctx) {
      const data = ctx.getImageData(0, 0, canvas!.width, canvas!.height).data;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) inkPixels++;
    }
    const x = w.hotlineUplot?.[chart.id]?.scales.x;
    return { ...chart, inkPixels, xRange: [x?.min ?? Number.NaN, x?.max ?? Number.NaN] };
  });
}
