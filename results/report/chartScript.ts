// The page script that turns the embedded ChartSpec[] (see chartSpec.ts) into uPlot charts. It runs
// in the browser, so it is plain ES5-style JavaScript kept as text; the browser test in
// scripts/cli/reportCommand.test.ts is what checks it. It records what it drew in
// window.hotlineCharts so tests can tell a rendered chart from an empty canvas.
export const CHART_SCRIPT = `
(function () {
  'use strict';
  var specs = JSON.parse(document.getElementById('hotline-charts').textContent);
  var utc = function (ts) { return uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'); };
  window.hotlineCharts = [];
  // The uPlot instances by chart id, so a test can read what the chart shows (e.g. its x range).
  window.hotlineUplot = {};

  var DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  // 24-hour clock; midnight ticks name the day, so a week reads at a glance.
  function timeTicks(u, vals) {
    return vals.map(function (v) {
      var d = new Date(v * 1e3);
      var hm = pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes());
      if (hm !== '00:00') return hm;
      return DAYS[d.getUTCDay()] + ' ' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate());
    });
  }
  // x positions with their own labels (e.g. percentiles on a tail-stretching scale).
  function labelAt(spec, v) {
    var i = spec.x.indexOf(v);
    return i < 0 || !spec.xTickLabels ? String(v) : spec.xTickLabels[i];
  }
  function fmt(unit, v) {
    if (v == null || !isFinite(v)) return '—';
    if (unit === 'share') return (v * 100).toFixed(1) + '%';
    if (unit === 'seconds') return v.toFixed(1) + ' s';
    if (unit === 'count') return Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1);
    return v.toFixed(1);
  }
  function tick(unit) {
    return function (u, vals) {
      return vals.map(function (v) {
        if (v == null) return '';
        if (unit === 'share') return +(v * 100).toFixed(1) + '%';
        if (unit === 'seconds') return v + ' s';
        return Math.abs(v) >= 1000 ? v.toLocaleString('en-US') : String(v);
      });
    };
  }
  function rgba(hex, a) {
    var n = parseInt(hex.slice(1), 16);
    return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + a + ')';
  }
  function fromZero(unit) {
    return function (u, min, max) {
      if (unit === 'share') return [0, Math.max(1, max || 0)];
      return [0, max > 0 ? max * 1.08 : 1];
    };
  }

  function options(spec, width) {
    var isTime = spec.xKind === 'time';
    var series = [{
      label: spec.xLabel,
      value: isTime ? '{YYYY}-{MM}-{DD} {HH}:{mm}' : function (u, v) { return v == null ? '—' : labelAt(spec, v); },
    }];
    var data = [spec.x];
    var bands = [];
    var scales = { x: { time: isTime } };
    var axes = [{
      label: spec.xLabel,
      space: 70,
      values: isTime ? timeTicks : function (u, vals) { return vals.map(function (v) { return labelAt(spec, v); }); },
      splits: isTime || !spec.xTickLabels ? undefined : function () { return spec.x; },
    }];
    var hidden = [];
    spec.axes.forEach(function (a, i) {
      scales['y' + i] = { range: fromZero(a.unit) };
      axes.push({
        scale: 'y' + i, label: a.label, side: a.side === 'right' ? 1 : 3, size: 64,
        grid: { show: i === 0 }, values: tick(a.unit),
      });
    });
    var noPath = function () { return null; };
    spec.series.forEach(function (s) {
      var unit = spec.axes[s.axis].unit;
      var value = function (u, v) { return fmt(unit, v); };
      var draw = s.draw || 'line';
      var main = {
        label: s.label, scale: 'y' + s.axis, stroke: s.color, width: 2, dash: s.dash ? [6, 4] : undefined,
        // Time charts: uPlot's default shows markers only where points are far apart (a zoomed window).
        value: value, points: isTime ? {} : { show: true },
      };
      // A measurement on top of a prediction: markers only, so the band under it stays readable.
      if (draw === 'points') {
        main.paths = noPath;
        main.points = { show: true, size: s.pointSize || 8, width: 2, stroke: s.color, fill: s.color };
      }
      // A band alone (e.g. where one replication lands): its legend row stands for the band.
      if (draw === 'band') {
        main.paths = noPath;
        main.points = { show: false };
        main.stroke = rgba(s.color, 0.6);
        main.width = 8;
      }
      series.push(main);
      data.push(s.values);
      if (s.band) {
        var hi = series.length;
        var what = ' ' + (s.bandLabel || '95% CI');
        var alpha = draw === 'band' ? 0.1 : 0.18;
        hidden.push(hi, hi + 1);
        series.push({ label: s.label + what + ' high', scale: 'y' + s.axis, stroke: rgba(s.color, 0.3), width: 1, value: value, points: { show: false } });
        series.push({ label: s.label + what + ' low', scale: 'y' + s.axis, stroke: rgba(s.color, 0.3), width: 1, value: value, points: { show: false } });
        data.push(s.band.hi, s.band.lo);
        bands.push({ series: [hi, hi + 1], fill: rgba(s.color, alpha) });
      }
    });
    return {
      opts: {
        width: width, height: 320, series: series, scales: scales, axes: axes, bands: bands,
        tzDate: utc, cursor: { points: { size: 6 } }, legend: { live: true },
      },
      data: data,
      hidden: hidden,
    };
  }

  function drawnPoints(data) {
    var n = 0;
    for (var i = 1; i < data.length; i++) for (var j = 0; j < data[i].length; j++) if (data[i][j] != null) n++;
    return n;
  }
  // Per series of the spec: its defined values, and those inside the focus (what tests check).
  function seriesPoints(spec) {
    return spec.series.map(function (s) {
      var all = 0, inFocus = 0;
      s.values.forEach(function (v, j) {
        if (v == null) return;
        all++;
        if (spec.focus && spec.x[j] >= spec.focus[0] && spec.x[j] < spec.focus[1]) inFocus++;
      });
      return { label: s.label, points: all, inFocus: inFocus };
    });
  }
  // Charts of a comparison about a window open zoomed to it; the button (or a double click) shows
  // the whole span, and the button brings the window back.
  // The window is half-open, [start, end), and each point sits at its interval's start: the view
  // runs from half an interval before the start to half an interval before the end, so the window's
  // points are inside, with a margin, and the next interval's point (at the end) is not.
  function focusView(spec) {
    var half = spec.x.length > 1 ? (spec.x[1] - spec.x[0]) / 2 : 0;
    return [spec.focus[0] - half, spec.focus[1] - half];
  }
  function focusControl(chart, spec, el) {
    var whole = [spec.x[0], spec.x[spec.x.length - 1]];
    var view = focusView(spec);
    var zoomed = true;
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'focus-toggle';
    button.setAttribute('data-focus-toggle', spec.id);
    var show = function () {
      var r = zoomed ? view : whole;
      chart.setScale('x', { min: r[0], max: r[1] });
      button.textContent = zoomed ? 'Show the whole span' : 'Zoom to the window';
    };
    // Decide from what the chart shows now: a double click (uPlot's reset) may have left the window.
    button.addEventListener('click', function () {
      var x = chart.scales.x;
      zoomed = !(Math.abs(x.min - view[0]) < 1 && Math.abs(x.max - view[1]) < 1);
      show();
    });
    el.parentNode.insertBefore(button, el);
    show();
  }

  specs.forEach(function (spec) {
    var el = document.querySelector('[data-chart="' + spec.id + '"]');
    var width = Math.max(480, Math.min(1180, (el.clientWidth || 1100)));
    var built = options(spec, width);
    var chart = new uPlot(built.opts, built.data, el);
    // CI bounds are drawn as the band; their legend rows would only repeat the series name.
    var rows = chart.root.querySelectorAll('.u-legend .u-series');
    built.hidden.forEach(function (i) { if (rows[i]) rows[i].style.display = 'none'; });
    if (spec.focus) focusControl(chart, spec, el);
    window.hotlineCharts.push({
      id: spec.id, series: built.data.length - 1, points: drawnPoints(built.data),
      focus: spec.focus || null, perSeries: seriesPoints(spec),
    });
    window.hotlineUplot[spec.id] = chart;
    window.addEventListener('resize', function () {
      chart.setSize({ width: Math.max(480, Math.min(1180, el.clientWidth)), height: 320 });
    });
  });
})();
`;
