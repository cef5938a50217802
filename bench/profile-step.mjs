// Where a slow step's time goes: a CPU profile (DevTools Profiler, 50 µs samples) of one step
// of the built-in flow's walk to the helpdesk (by default "Check your answers" to the outcome), at
// 4x CPU, over five walks, printed as self time per function (the wasm's functions are unnamed in
// release builds; the browser's own DOM calls, such as focus and removeChild, are named).
// Usage: node bench/profile-step.mjs [DIST] [STEP]   (a build from bench/named-dist.sh names the
// wasm functions; STEP is the step's index in the walk, 0 for the first question)
import { serve } from '../tests/e2e/server.mjs';
import { helpdeskWalk } from './walk-in-page.mjs';
import { chromium } from '../tests/e2e/browser.mjs';
const helpdesk = helpdeskWalk();
const server = await serve({ mounts: { '/': process.argv[2] ?? 'dist', '/bench/': 'bench/pages' } });
const driver = await chromium();
await driver.manage().setTimeouts({ script: 600000 });
await driver.get(`${server.url}/bench/ours.html`);
await driver.wait(() => driver.executeScript(() => !!document.querySelector('guided-troubleshooter')?.shadowRoot?.querySelector('.gt-start')), 20000);
await driver.sendDevToolsCommand('Emulation.setCPUThrottlingRate', { rate: 4 });
// The step profiled: its index in the walk (0 is the first question), by default "Check your
// answers" to the outcome.
const steps = helpdesk.steps;
const index = Number(process.argv[3] ?? steps.findIndex((s) => s.kind === 'review'));
console.log(`profiling step ${index}: ${steps[index].kind} ${steps[index].node ?? ''}`);
const agg = new Map();
for (let round = 0; round < 5; round++) {
  // Walk up to the step, and get it ready (an option chosen, fields filled).
  await driver.executeAsyncScript((steps, index, done) => {
    const host = document.querySelector('guided-troubleshooter'); const root = host.shadowRoot;
    host.restart();
    const tick = () => new Promise((r) => setTimeout(r, 30));
    const prepare = (s) => {
      if (s.kind === 'question') root.querySelector(`.gt-radio-input[value="${s.option}"]`).click();
      else if (s.kind === 'fields') for (const [id, v] of s.values) { const i = root.querySelector(`input[name="${id}"]`); i.value = v; i.dispatchEvent(new Event('input', { bubbles: true })); }
    };
    window.__press = (s) => root.querySelector({ question: '.gt-question button[type=submit]', fields: '.gt-fields button[type=submit]', info: '.gt-info .gt-button', review: '.gt-review > .gt-button' }[s.kind]).click();
    (async () => {
      await tick(); root.querySelector('.gt-button-start').click(); await tick();
      for (const s of steps.slice(0, index)) { prepare(s); await tick(); window.__press(s); await tick(); }
      prepare(steps[index]);
      await tick();
      done();
    })();
  }, steps, index);
  await driver.sendDevToolsCommand('Profiler.enable', {});
  await driver.sendDevToolsCommand('Profiler.setSamplingInterval', { interval: 50 });
  await driver.sendDevToolsCommand('Profiler.start', {});
  await driver.executeAsyncScript((step, done) => {
    window.__press(step);
    setTimeout(done, 200);
  }, steps[index]);
  const { profile } = await driver.sendAndGetDevToolsCommand('Profiler.stop', {});
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id); const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}`;
    agg.set(key, (agg.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
}
const rows = [...agg].filter(([k]) => !k.startsWith("(idle)") && !k.startsWith("(program)")).sort((a, b) => b[1] - a[1]).slice(0, 25);
for (const [k, v] of rows) console.log((v / 5).toFixed(2).padStart(8), 'ms', k);

await driver.quit(); await server.close();
