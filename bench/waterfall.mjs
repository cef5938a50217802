// The first question's waterfall, without a trace's overhead: over cold loads of a bench page
// (HTTP cache off, as in `make bench`), the median start and end of each request (Resource
// Timing) and of the widget's own moments (its shadow root made, its root shown once the
// stylesheet is in, its first drawing, the start button in the DOM), and the first screen as
// `make bench` times it. Usage: node bench/waterfall.mjs [DIST] [PAGE] [LOADS] [CPU RATE]
import { serve } from '../tests/e2e/server.mjs';
import { chromium } from '../tests/e2e/browser.mjs';
const [dist = 'dist', page = '/bench/ours.html', n = '15', rate = '4'] = process.argv.slice(2);
const server = await serve({ mounts: { '/': dist, '/bench/': 'bench/pages' } });
const driver = await chromium({ width: 1280, height: 900, args: process.env.BENCH_ARGS?.split(' ') ?? [] });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = new Map();
try {
  await driver.sendDevToolsCommand('Network.enable', {});
  await driver.sendDevToolsCommand('Network.setCacheDisabled', { cacheDisabled: true });
  await driver.sendDevToolsCommand('Emulation.setCPUThrottlingRate', { rate: Number(rate) });
  await driver.sendDevToolsCommand('Page.enable', {});
  await driver.sendDevToolsCommand('Page.addScriptToEvaluateOnNewDocument', { source: `
    window.__marks = [];
    const mark = (name) => { if (!__marks.some((m) => m[0] === name)) __marks.push([name, performance.now()]); };
    new PerformanceObserver((l) => l.getEntries().forEach((e) => __marks.push(['longtask ' + e.duration.toFixed(0), e.startTime]))).observe({ type: 'longtask', buffered: true });
    const orig = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const shadow = orig.call(this, init);
      mark('attachShadow');
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.type === 'attributes' && r.attributeName === 'hidden' && !r.target.hidden) mark('root shown');
          if (r.type === 'childList' && r.target.getAttribute?.('part') === 'root') mark('first render');
        }
        if (shadow.querySelector('.gt-loading')) mark('loading shown');
        if (shadow.querySelector('.gt-button-start')) mark('start button in DOM');
      }).observe(shadow, { subtree: true, childList: true, attributes: true });
      return shadow;
    };
  ` });
  for (let i = 0; i < Number(n); i++) {
    await driver.get('about:blank');
    await driver.get(`${server.url}${page}`);
    await driver.wait(() => driver.executeScript(() => window.__firstScreen), 30_000);
    const entries = await driver.executeScript(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const out = [['html', nav.requestStart, nav.responseEnd], ['domInteractive', nav.domInteractive, nav.domInteractive], ['domContentLoaded', nav.domContentLoadedEventStart, nav.domContentLoadedEventEnd]];
      for (const r of performance.getEntriesByType('resource')) out.push([r.name.split('/').pop().replace(/-[0-9a-f]{8,}/, ''), r.startTime, r.responseEnd]);
      for (const [name, t] of window.__marks ?? []) out.push(['mark ' + name, t, t]);
      for (const m of performance.getEntriesByType('mark')) out.push(['performance.mark ' + m.name, m.startTime, m.startTime]);
      out.push(['first screen', window.__firstScreen, window.__firstScreen]);
      return out;
    });
    for (const [name, a, b] of entries) {
      if (!rows.has(name)) rows.set(name, [[], []]);
      rows.get(name)[0].push(a); rows.get(name)[1].push(b);
    }
  }
} finally { await driver.quit(); await server.close(); }
for (const [name, [a, b]] of [...rows].sort((x, y) => median(x[1][0]) - median(y[1][0]))) console.log(`${median(a).toFixed(1).padStart(7)} -> ${median(b).toFixed(1).padStart(7)}  ${name}`);
