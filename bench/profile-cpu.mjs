// A CPU profile (DevTools Profiler, 100 µs samples) of cold loads of a bench page at 4x CPU, from
// navigation to the first screen: self time per function, and inclusive time of the functions
// named in PROFILE_FOCUS (a regular expression). Function names need a build with its name
// section (see the README's Performance section). Usage: node bench/profile-cpu.mjs DIST [page] [runs]
import puppeteer from 'puppeteer-core';
import { serve } from '../tests/e2e/server.mjs';
import { CHROMIUM } from '../tests/e2e/browser.mjs';

const [dist = 'dist', page = '/bench/ours.html', runsArg = '5'] = process.argv.slice(2);
const runs = Number(runsArg);
const focus = new RegExp(process.env.PROFILE_FOCUS ?? 'mount_widget|configure|from_checked_json|render|Decoder|index|english|show|ValidFlow');
const server = await serve({ mounts: { '/': dist, '/bench/': 'bench/pages' } });
const browser = await puppeteer.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const self = new Map();
const inclusive = new Map();
const byFile = new Map();
const firsts = [];
try {
  // As in `make bench`: one tab, the page loaded again and again (the first load not counted).
  const tab = await browser.newPage();
  await tab.setCacheEnabled(false);
  await tab.emulateCPUThrottling(4);
  const cdp = await tab.createCDPSession();
  await tab.goto(`${server.url}${page}`);
  await tab.waitForFunction(() => window.__firstScreen, { timeout: 30_000 });
  for (let run = 0; run < runs; run++) {
    await tab.goto('about:blank');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await tab.goto(`${server.url}${page}`);
    await tab.waitForFunction(() => window.__firstScreen, { timeout: 30_000 });
    firsts.push(await tab.evaluate(() => window.__firstScreen));
    const { profile } = await cdp.send('Profiler.stop');
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    profile.samples.forEach((id, i) => {
      const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const f = byId.get(id).callFrame;
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}`;
      self.set(key, (self.get(key) ?? 0) + dt);
      const file = f.url.split('/').pop() || f.functionName;
      byFile.set(file, (byFile.get(file) ?? 0) + dt);
      const seen = new Set();
      for (let n = id; n !== undefined; n = parent.get(n)) {
        const name = byId.get(n).callFrame.functionName;
        if (focus.test(name) && !seen.has(name)) {
          seen.add(name);
          inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
        }
      }
    });
  }
} finally {
  await browser.close();
  await server.close();
}
const print = (map, n) => [...map].filter(([k]) => !/^\((idle|program)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, n)
  .forEach(([k, v]) => console.log(`${(v / runs).toFixed(2).padStart(8)} ms  ${k.slice(0, 150)}`));
console.log(`first screen: ${firsts.map((f) => f.toFixed(0)).join(', ')} ms\n\nself time, mean per load:`);
print(self, 45);
console.log('\nself time by file, mean per load:');
print(byFile, 15);
console.log('\ninclusive time of focused functions, mean per load:');
print(inclusive, 40);
