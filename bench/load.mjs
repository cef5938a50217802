// Load to first screen only (the first table of `make bench`), to try a change quickly: cold
// loads of the bench page with the built-in flow from each build given, and of the static page,
// at 1x and 4x CPU. As in `make bench`, the pages take turns over three rounds, and a page's
// first load in each round (slower right after another page's) is not counted.
// Usage: node bench/load.mjs [LOADS] [DIST ...]   (default: 21 loads of dist/)
import { serve } from '../tests/e2e/server.mjs';
import { chromium } from '../tests/e2e/browser.mjs';
import { benchPages } from './builds.mjs';

const [loadsArg = '21', ...dists] = process.argv.slice(2);
const loads = Number(loadsArg);
const builds = dists.length ? dists : ['dist'];
const { mounts, pages: builtPages } = await benchPages(builds);
const server = await serve({ mounts });
const pages = Object.fromEntries([...builtPages, ['static', '/bench/static.html']]);
const driver = await chromium({ width: 1280, height: 900, args: process.env.BENCH_ARGS?.split(' ') ?? [] });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  await driver.sendDevToolsCommand('Network.enable', {});
  await driver.sendDevToolsCommand('Network.setCacheDisabled', { cacheDisabled: true });
  for (const rate of [1, 4]) {
    await driver.sendDevToolsCommand('Emulation.setCPUThrottlingRate', { rate });
    const times = Object.fromEntries(Object.keys(pages).map((name) => [name, []]));
    const rounds = 3;
    for (let round = 0; round < rounds; round++) {
      for (const [name, path] of Object.entries(pages)) {
        // The first load of a round warms up after the other page; it is not counted.
        for (let i = -1; i < Math.ceil(loads / rounds); i++) {
          await driver.get('about:blank');
          await driver.get(`${server.url}${path}`);
          const t = await driver.wait(() => driver.executeScript(() => window.__firstScreen), 30_000);
          if (i >= 0) times[name].push(t);
        }
      }
    }
    const floor = median(times.static);
    for (const [name, t] of Object.entries(times)) {
      if (process.env.RAW) console.log(t.map((x) => x.toFixed(0)).join(" "));
      console.log(`CPU ${rate}x  ${name.padEnd(24)} ${median(t).toFixed(1).padStart(7)} ms  (${Math.min(...t).toFixed(0)}-${Math.max(...t).toFixed(0)})  ${(median(t) / floor).toFixed(2)}x static`);
    }
  }
} finally {
  await driver.quit();
  await server.close();
}
