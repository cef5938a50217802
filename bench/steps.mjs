// Step latency only (the step tables of `make bench`), to try a change quickly: our widget's
// walk through the built-in flow to the helpdesk at 1x and 4x CPU, for each build given, taken
// in turns. Usage: node bench/steps.mjs [ROUNDS] [DIST ...]   (default: 10 walks of dist/)
import { serve } from '../tests/e2e/server.mjs';
import { chromium } from '../tests/e2e/browser.mjs';
import { helpdeskWalk, walkInPage } from './walk-in-page.mjs';
import { benchPages } from './builds.mjs';

const [roundsArg = '10', ...dists] = process.argv.slice(2);
const builds = dists.length ? dists : ['dist'];
const helpdesk = helpdeskWalk();
const { mounts, pages } = await benchPages(builds);
const server = await serve({ mounts });
const driver = await chromium({ width: 1280, height: 900 });
await driver.manage().setTimeouts({ script: 10 * 60_000 });
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
try {
  for (const rate of [1, 4]) {
    for (const [dir, path] of pages) {
      await driver.sendDevToolsCommand('Emulation.setCPUThrottlingRate', { rate: 1 });
      await driver.get(`${server.url}${path}`);
      await driver.wait(() => driver.executeScript(() => window.__firstScreen), 20_000);
      await driver.sendDevToolsCommand('Emulation.setCPUThrottlingRate', { rate });
      const { times, painted, error } = await driver.executeAsyncScript(walkInPage, 'ours', helpdesk.steps, Number(roundsArg));
      if (error) throw new Error(error);
      if (process.env.PER_STEP) {
        const per = helpdesk.steps.length + 1;
        const names = ['start', ...helpdesk.steps.map((s) => s.node ?? s.kind)];
        console.log(names.map((n, k) => `${n} ${pct(times.filter((_, j) => j % per === k), 0.5).toFixed(1)}/${pct(painted.filter((_, j) => j % per === k), 0.5).toFixed(1)}`).join(', '));
      }
      console.log(`CPU ${rate}x  ${dir.padEnd(20)} to heading: median ${pct(times, 0.5).toFixed(1)}, p95 ${pct(times, 0.95).toFixed(1)} ms;  with its frame: median ${pct(painted, 0.5).toFixed(1)}, p95 ${pct(painted, 0.95).toFixed(1)} ms  (${times.length} steps)`);
    }
  }
} finally {
  await driver.quit();
  await server.close();
}
