// make bench: what the widget costs a page, measured side by side in one run with SurveyJS (the
// client-side library a web team would otherwise pick) and a static HTML floor, in headless
// Chromium on 127.0.0.1, then Lighthouse (mobile preset) on the three pages. Prints a table and
// writes target/bench/results.json and results.md.
import { mkdir, readFile, writeFile, readdir } from 'node:fs/promises';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { serve } from '../tests/e2e/server.mjs';
import { chromium, CHROMIUM } from '../tests/e2e/browser.mjs';
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';
import { toSurvey } from './to-surveyjs.mjs';
import { flowcheck, helpdeskWalk, walkInPage } from './walk-in-page.mjs';
import { transform } from 'esbuild';

const LOADS = Number(process.env.BENCH_LOADS ?? 30);
const RESTARTS = Number(process.env.BENCH_RESTARTS ?? 500);
const STEP_ROUNDS = Number(process.env.BENCH_STEP_ROUNDS ?? 20);
const OUT = 'target/bench';
await mkdir(OUT, { recursive: true });

// The flows and walks: the built-in flow's walk to the helpdesk (the longest ordinary visit),
// and the deepest path (first option every time) through a generated flow of 1,000 nodes.
const builtIn = JSON.parse(await readFile('flows/microsoft-authenticator.json', 'utf8'));
const helpdesk = helpdeskWalk();
await writeFile(`${OUT}/generated.json`, flowcheck('generate', '1000', '100'));
const generated = JSON.parse(await readFile(`${OUT}/generated.json`, 'utf8'));
const deep = [];
for (let id = generated.start, node; (node = generated.nodes.find((n) => n.id === id)).type === 'question'; id = node.options[0].next) {
  deep.push({ kind: 'question', node: node.id, option: node.options[0].id, index: 0 });
}
const cases = {
  'built-in flow': { flow: builtIn, steps: helpdesk.steps, ours: '/bench/ours.html', survey: 'builtin' },
  'generated 1,000 nodes': { flow: generated, steps: deep, ours: '/bench/ours.html?flow=/data/generated.json', survey: 'generated' },
};
for (const [, c] of Object.entries(cases)) {
  await writeFile(`${OUT}/${c.survey}.survey.json`, JSON.stringify(toSurvey(c.flow, c.steps.filter((s) => s.kind !== 'review'))));
}

const server = await serve({
  mounts: { '/': 'dist', '/bench/': 'bench/pages', '/vendor/core/': 'node_modules/survey-core', '/vendor/ui/': 'node_modules/survey-js-ui', '/data/': OUT },
});

// Size: every file each page loads.
const widgetFiles = (await readdir('dist')).filter((f) => /^(troubleshooter\.js|widget-[0-9a-f]+(\.js|_bg\.wasm|\.css))$/.test(f)).map((f) => `dist/${f}`);
const wasmFile = widgetFiles.find((f) => f.endsWith('.wasm'));
if (!wasmFile || (await readFile(wasmFile)).length > 1.5 * 1024 * 1024) {
  // `trunk serve` (make demo) leaves a debug build in dist/; numbers from it would mislead.
  throw new Error('dist/ does not hold a release build: run `make bench` (or `make dist`) first');
}
// The Yew floor (bench/yew-floor, built by `make bench`): the least any Yew widget built like ours
// costs, its glue minified as ours is.
const floorDir = `${OUT}/yew-floor`;
const floorFiles = (await readdir(floorDir)).filter((f) => /^yew-floor-[0-9a-f]+(\.js|_bg\.wasm)$/.test(f)).map((f) => `${floorDir}/${f}`);
if (floorFiles.length !== 2) throw new Error(`expected the Yew floor's glue and wasm in ${floorDir}: run \`make bench\``);
const minifiedGlue = async (file) => (await transform(await readFile(file, 'utf8'), { loader: 'js', minify: true, legalComments: 'none' })).code;
const variants = {
  ours: [...widgetFiles],
  'yew floor': floorFiles,
  surveyjs: ['node_modules/survey-core/survey.core.min.js', 'node_modules/survey-js-ui/survey-js-ui.min.js', 'node_modules/survey-core/survey-core.min.css', `${OUT}/builtin.survey.json`],
  static: ['bench/pages/static.html'],
};
const size = {};
for (const [name, files] of Object.entries(variants)) {
  size[name] = { raw: 0, gzip: 0, brotli: 0, files: {} };
  for (const file of files) {
    const bytes = name === 'yew floor' && file.endsWith('.js') ? Buffer.from(await minifiedGlue(file)) : await readFile(file);
    const row = {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
    size[name].files[file.split('/').pop()] = row;
    for (const k of ['raw', 'gzip', 'brotli']) size[name][k] += row[k];
  }
}

// What a page in each other language fetches on top (its words and the flow's translation).
const langDir = 'dist/lang';
const langFiles = await readdir(langDir);
const extra = {};
for (const file of langFiles) {
  // lang.js, which reads them, is fetched once by a page in any of them.
  const code = file === 'lang.js' ? 'lang.js (any)' : file.match(/(?:^|\.)([a-z]{2,3})\.json$/)?.[1];
  if (!code) continue;
  const bytes = await readFile(`${langDir}/${file}`);
  extra[code] ??= { raw: 0, gzip: 0, brotli: 0 };
  extra[code].raw += bytes.length;
  extra[code].gzip += gzipSync(bytes, { level: 9 }).length;
  extra[code].brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

const driver = await chromium({ width: 1280, height: 900, args: ['--enable-precise-memory-info', '--js-flags=--expose-gc'] });
// Hundreds of walks run inside one script call.
await driver.manage().setTimeouts({ script: 20 * 60_000 });
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };
const results = { date: new Date().toISOString(), size, languages: extra, load: {}, steps: {}, memory: {}, lighthouse: {} };

try {
  await driver.sendDevToolsCommand('Network.enable', {});
  await driver.sendDevToolsCommand('Network.setCacheDisabled', { cacheDisabled: true });

  // Load: navigation start to the first screen on the page and focusable, cold, each rate. The
  // pages take turns in rounds, so that the machine's drift reaches each alike; in each round a
  // page's first load, slower right after another page's, is not counted (for every page).
  const pages = { ours: cases['built-in flow'].ours, surveyjs: '/bench/surveyjs.html?survey=/data/builtin.survey.json', static: '/bench/static.html' };
  const rounds = 3;
  for (const rate of [1, 4]) {
    await driver.sendDevToolsCommand('Emulation.setCPUThrottlingRate', { rate });
    const times = Object.fromEntries(Object.keys(pages).map((name) => [name, []]));
    for (let round = 0; round < rounds; round++) {
      for (const [name, path] of Object.entries(pages)) {
        for (let i = -1; i < Math.ceil(LOADS / rounds); i++) {
          await driver.get('about:blank');
          await driver.get(`${server.url}${path}`);
          const t = await driver.wait(() => driver.executeScript(() => window.__firstScreen), 30_000, `${name} never showed its first screen`);
          if (i >= 0) times[name].push(t);
        }
      }
    }
    for (const [name, t] of Object.entries(times)) {
      results.load[`${name} ${rate}x`] = { median: median(t), min: Math.min(...t), max: Math.max(...t), runs: t.length };
    }
  }
  await driver.sendDevToolsCommand('Emulation.setCPUThrottlingRate', { rate: 1 });

  // Step latency: a Continue (or Next) activation to the next screen's heading in the DOM, over
  // several walks, so that the 95th percentile is not simply the slowest of a handful of steps;
  // at full speed and at 4x CPU, as a low-end phone runs it.
  for (const rate of [1, 4]) {
    await driver.sendDevToolsCommand('Emulation.setCPUThrottlingRate', { rate });
    for (const [label, c] of Object.entries(cases)) {
      for (const name of ['ours', 'surveyjs']) {
        const path = name === 'ours' ? c.ours : `/bench/surveyjs.html?survey=/data/${c.survey}.survey.json`;
        await driver.get(`${server.url}${path}`);
        await driver.wait(() => driver.executeScript(() => window.__firstScreen), 30_000);
        const { times, painted, error } = await driver.executeAsyncScript(walkInPage, name, c.steps.filter((s) => s.kind !== 'review' || name === 'ours'), STEP_ROUNDS);
        if (error) throw new Error(`${name} ${label}: ${error}`);
        results.steps[`${name} ${label} ${rate}x`] = {
          median: median(times), p95: pct(times, 0.95), steps: times.length, paintedMedian: median(painted), paintedP95: pct(painted, 0.95),
        };
      }
    }
  }
  await driver.sendDevToolsCommand('Emulation.setCPUThrottlingRate', { rate: 1 });

  // Memory after restarts and walks, with garbage collection forced before each reading.
  for (const name of ['ours', 'surveyjs']) {
    const path = name === 'ours' ? cases['built-in flow'].ours : '/bench/surveyjs.html?survey=/data/builtin.survey.json';
    await driver.get(`${server.url}${path}`);
    await driver.wait(() => driver.executeScript(() => window.__firstScreen), 30_000);
    const readings = [];
    for (const done of [0, Math.round(RESTARTS / 5), RESTARTS]) {
      const todo = done - (readings.at(-1)?.walks ?? 0);
      if (todo > 0) await driver.executeAsyncScript(walkInPage, name, cases['built-in flow'].steps, todo);
      readings.push({ walks: done, ...(await driver.executeAsyncScript(memoryInPage, name)) });
    }
    results.memory[name] = readings;
  }

  // Lighthouse 12.2.3 with its mobile preset (simulated slow 4G, 4x CPU), as a web team would run
  // it on their page: our demo page, the SurveyJS page and the static page, in Debian's Chromium.
  // It starts a browser of its own; the one above is closed first, so the two do not share the CPU.
  await driver.quit();
  const audited = { ours: '/index.html', surveyjs: '/bench/surveyjs.html?survey=/data/builtin.survey.json', static: '/bench/static.html' };
  const browser = await launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    for (const [name, path] of Object.entries(audited)) {
      const { lhr } = await lighthouse(`${server.url}${path}`, {
        port: browser.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'],
      });
      const value = (id) => lhr.audits[id].numericValue;
      const score = (id) => Math.round(lhr.categories[id].score * 100);
      results.lighthouse[name] = {
        performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'),
        cls: value('cumulative-layout-shift'), tbt: value('total-blocking-time'), lcp: value('largest-contentful-paint'), tti: value('interactive'),
      };
    }
  } finally {
    await browser.kill();
  }
} finally {
  await driver.quit().catch(() => {});
  await server.close();
}

/** In the page: JS heap and WebAssembly memory after garbage collection. */
function memoryInPage(name, done) {
  window.gc?.();
  setTimeout(async () => {
    window.gc?.();
    const wasm = name === 'ours' ? await window.benchMemory() : 0;
    done({ heap: performance.memory.usedJSHeapSize, wasm });
  }, 100);
}

// The table.
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(1)} ms`;
const ratio = (a, b) => (b ? `${(a / b).toFixed(2)}` : '-');
const lines = [];
lines.push('| size (what a page loads) | ours | SurveyJS | static | Yew floor | ours / SurveyJS |', '| --- | ---: | ---: | ---: | ---: | ---: |');
for (const k of ['raw', 'gzip', 'brotli']) lines.push(`| ${k} | ${kb(size.ours[k])} | ${kb(size.surveyjs[k])} | ${kb(size.static[k])} | ${kb(size['yew floor'][k])} | ${ratio(size.ours[k], size.surveyjs[k])} |`);
lines.push('', '| extra download for a page in | raw | gzip | brotli |', '| --- | ---: | ---: | ---: |');
for (const [code, r] of Object.entries(extra).sort()) lines.push(`| ${code} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`);
lines.push('', `| load to first screen (median of ${results.load['ours 1x'].runs} cold loads, min-max) | ours | SurveyJS | static | ours / SurveyJS | ours / static |`, '| --- | ---: | ---: | ---: | ---: | ---: |');
for (const rate of [1, 4]) {
  const load = (n) => results.load[`${n} ${rate}x`];
  const cell = (n) => `${ms(load(n).median)} (${load(n).min.toFixed(0)}-${load(n).max.toFixed(0)})`;
  lines.push(`| CPU ${rate}x | ${cell('ours')} | ${cell('surveyjs')} | ${cell('static')} | ${ratio(load('ours').median, load('surveyjs').median)} | ${ratio(load('ours').median, load('static').median)} |`);
}
lines.push('', `| step latency (activation to next heading in the DOM, ${STEP_ROUNDS} walks) | ours median | ours p95 | SurveyJS median | SurveyJS p95 | p95 ours / SurveyJS |`, '| --- | ---: | ---: | ---: | ---: | ---: |');
for (const rate of [1, 4]) {
  for (const label of Object.keys(cases)) {
    const o = results.steps[`ours ${label} ${rate}x`];
    const s = results.steps[`surveyjs ${label} ${rate}x`];
    lines.push(`| ${label}, CPU ${rate}x (${o.steps} / ${s.steps} steps) | ${ms(o.median)} | ${ms(o.p95)} | ${ms(s.median)} | ${ms(s.p95)} | ${ratio(o.p95, s.p95)} |`);
  }
}
lines.push('', `| step work (activation to heading, plus the frame that paints it; the wait for that frame not counted) | ours median | ours p95 | SurveyJS median | SurveyJS p95 | p95 ours / SurveyJS |`, '| --- | ---: | ---: | ---: | ---: | ---: |');
for (const rate of [1, 4]) {
  for (const label of Object.keys(cases)) {
    const o = results.steps[`ours ${label} ${rate}x`];
    const s = results.steps[`surveyjs ${label} ${rate}x`];
    lines.push(`| ${label}, CPU ${rate}x | ${ms(o.paintedMedian)} | ${ms(o.paintedP95)} | ${ms(s.paintedMedian)} | ${ms(s.paintedP95)} | ${ratio(o.paintedP95, s.paintedP95)} |`);
  }
}
lines.push('', '| memory after walks (GC first) | JS heap, ours | wasm memory, ours | JS heap, SurveyJS |', '| --- | ---: | ---: | ---: |');
results.memory.ours.forEach((r, i) => {
  const s = results.memory.surveyjs[i];
  lines.push(`| after ${r.walks} walks | ${kb(r.heap)} | ${kb(r.wasm)} | ${kb(s.heap)} |`);
});
const lh = results.lighthouse;
lines.push('', '| Lighthouse 12.2.3, mobile | ours (demo page) | SurveyJS | static |', '| --- | ---: | ---: | ---: |');
for (const [label, key, show] of [['Performance', 'performance', String], ['Accessibility', 'accessibility', String], ['Best practices', 'bestPractices', String],
  ['Cumulative Layout Shift', 'cls', (v) => v.toFixed(3)], ['Total Blocking Time', 'tbt', ms], ['Largest Contentful Paint', 'lcp', ms], ['Time to Interactive', 'tti', ms]]) {
  lines.push(`| ${label} | ${show(lh.ours[key])} | ${show(lh.surveyjs[key])} | ${show(lh.static[key])} |`);
}
const table = lines.join('\n');
console.log(table);
await writeFile(`${OUT}/results.json`, JSON.stringify(results, null, 2));
await writeFile(`${OUT}/results.md`, `# Benchmark, ${results.date}\n\n${table}\n`);
console.log(`\nwritten: ${OUT}/results.json, ${OUT}/results.md`);
