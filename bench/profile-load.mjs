// Where the first question's time goes: a Chrome performance trace of cold loads of the bench
// page (the built-in flow) at 4x CPU, printed as a timeline of the main thread's work from
// navigation start to the first screen (requests, script, wasm compile, style, layout, paint).
// Needs a release dist/. Usage: node bench/profile-load.mjs [page] [runs]
import puppeteer from 'puppeteer-core';
import { serve } from '../tests/e2e/server.mjs';
import { CHROMIUM } from '../tests/e2e/browser.mjs';

const page = process.argv[2] ?? '/bench/ours.html';
const runs = Number(process.argv[3] ?? 5);
const server = await serve({ mounts: { '/': 'dist', '/bench/': 'bench/pages' } });
const browser = await puppeteer.launch({
  executablePath: CHROMIUM,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const totals = new Map();
const firsts = [];
try {
  for (let run = 0; run < runs; run++) {
    const tab = await browser.newPage();
    await tab.setCacheEnabled(false);
    await tab.emulateCPUThrottling(4);
    await tab.goto('about:blank');
    await tab.tracing.start({ categories: [...(process.env.WASM_EVENTS ? ['v8', 'v8.wasm'] : []), 'devtools.timeline', 'blink.user_timing', 'loading', 'disabled-by-default-devtools.timeline'] });
    await tab.goto(`${server.url}${page}`);
    await tab.waitForFunction(() => window.__firstScreen, { timeout: 30_000 });
    const first = await tab.evaluate(() => window.__firstScreen);
    const trace = JSON.parse(new TextDecoder().decode(await tab.tracing.stop()));
    firsts.push(first);
    const events = trace.traceEvents;
    const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.startsWith(server.url));
    const t0 = nav.ts;
    const main = events.filter((e) => e.pid === nav.pid && e.tid === nav.tid);
    const end = t0 + first * 1000;
    const rows = [];
    const requests = new Map();
    for (const e of events) {
      if (e.ts < t0 || e.ts > end + 20_000) continue;
      if (e.name === 'ResourceSendRequest' && e.args.data.url.startsWith(server.url)) {
        rows.push([e.ts, 0, `request ${e.args.data.url.split('/').pop()}`]);
        requests.set(e.args.data.requestId, e.args.data.url.split('/').pop());
      }
      if (e.name === 'ResourceFinish' && requests.has(e.args.data.requestId)) rows.push([e.ts, 0, `  finished ${requests.get(e.args.data.requestId)}`]);
    }
    const names = new Set(['EvaluateScript', 'v8.compileModule', 'v8.evaluateModule', 'FunctionCall', 'TimerFire', 'UpdateLayoutTree', 'Layout', 'Paint', 'ParseHTML', 'ParseAuthorStyleSheet',
      'wasm.SyncCompile', 'wasm.AsyncCompile', 'wasm.StreamingCompile', 'v8.wasm.compiledModule', 'v8.wasm.streamFromResponseCallback', 'v8.wasm.compileLazy', 'wasm.CompileLazy', 'RunMicrotasks', 'EventDispatch', 'FireAnimationFrame', 'PrePaint', 'Commit', 'Layerize', 'HitTest', 'RunTask']);
    for (const e of main) {
      if (e.ph !== 'X' || e.ts < t0 || e.ts > end) continue;
      const ms = (e.dur ?? 0) / 1000;
      if (names.has(e.name) || e.cat?.includes('wasm')) {
        const what = e.args?.data?.url?.split('/').pop() ?? e.args?.data?.functionName ?? '';
        if (e.name !== 'wasm.CompileLazy' && (e.name !== 'RunTask' || ms > 1)) rows.push([e.ts, ms, `${e.name} ${what}`]);
        if (e.name !== 'RunTask') totals.set(e.name, (totals.get(e.name) ?? 0) + ms);
      }
    }
    if (run === 0 || process.env.ALL) {
      console.log(`\n# run ${run + 1}: first screen at ${first.toFixed(1)} ms`);
      for (const [ts, ms, what] of rows.sort((a, b) => a[0] - b[0])) {
        console.log(`${((ts - t0) / 1000).toFixed(1).padStart(7)} ms  ${ms ? ms.toFixed(2).padStart(6) : '      '}  ${what}`);
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`\nfirst screen: ${firsts.map((f) => f.toFixed(0)).join(', ')} ms`);
console.log('main-thread time by event (nested events counted in each), mean per load:');
for (const [name, ms] of [...totals].sort((a, b) => b[1] - a[1])) console.log(`${(ms / runs).toFixed(2).padStart(8)} ms  ${name}`);
