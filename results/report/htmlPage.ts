import { CHART_SCRIPT } from './chartScript.js';
import type { ChartSpec } from './chartSpec.js';
import { escapeHtml, jsonForScript } from './escapeHtml.js';
import { uplotAssets } from './uplotAssets.js';

const PAGE_CSS = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 0 auto; padding: 16px 24px 48px; max-width: 1220px; color: #1b1f24; }
h1 { font-size: 22px; margin: 8px 0 4px; } h2 { font-size: 17px; margin: 28px 0 6px; border-bottom: 1px solid #d0d7de; padding-bottom: 3px; }
.meta { color: #57606a; margin: 0 0 8px; } .meta b { color: #1b1f24; font-weight: 600; }
.note { color: #57606a; margin: 0 0 6px; font-size: 13px; }
table { font-size: 13px; border-collapse: collapse; margin: 6px 0 12px; font-variant-numeric: tabular-nums; }
th, td { padding: 3px 7px; border-bottom: 1px solid #eaeef2; text-align: right; white-space: nowrap; }
th { background: #f6f8fa; font-weight: 600; } td.text, th.text { text-align: left; }
.ci { color: #6e7781; font-size: 12px; margin-left: 3px; }
.better { color: #1a7f37; font-weight: 600; } .worse { color: #cf222e; font-weight: 600; } .same { color: #57606a; }
.fail { color: #cf222e; font-weight: 600; } .pass { color: #1a7f37; font-weight: 600; } .warn { color: #9a6700; font-weight: 600; }
.scroll { overflow-x: auto; }
.chart { margin: 4px 0 18px; min-height: 330px; }
.u-legend { font-size: 12px; } .u-legend th { background: none; }
.focus-toggle { font: inherit; font-size: 12px; margin: 0 0 4px; padding: 2px 8px; cursor: pointer; }
`;

export interface PageParts {
  title: string;
  /** Already-escaped HTML. */
  body: string;
  charts: ChartSpec[];
}

/**
 * One self-contained HTML file: uPlot, its CSS, the chart data and the renderer are all inline, so
 * the page opens from file:// on a machine without network access.
 */
export function htmlPage({ title, body, charts }: PageParts): string {
  const { script, css } = uplotAssets();
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
<style>${PAGE_CSS}</style>
</head>
<body>
${body}
<script type="application/json" id="hotline-charts">${jsonForScript(charts)}</script>
<script>${script}</script>
<script>${CHART_SCRIPT}</script>
</body>
</html>
`;
}

/** Where a chart goes in the body: an empty div the page script fills. */
export function chartSlot(spec: ChartSpec): string {
  const note = spec.note ? `<p class="note">${escapeHtml(spec.note)}</p>` : '';
  return `<h2>${escapeHtml(spec.title)}</h2>\n${note}\n<div class="chart" data-chart="${escapeHtml(spec.id)}"></div>`;
}
