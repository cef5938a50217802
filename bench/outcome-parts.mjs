// What each part of the helpdesk outcome costs the browser to draw: walks the built-in flow to
// it, then at 4x CPU puts copies of its screen back with one part left out or changed, and
// prints the median time of the insertion and focus of the heading (which makes the browser
// compute style and layout at once), and of removing it. Usage:
// node bench/outcome-parts.mjs [DIST] [WIDTH] [HEIGHT]
import puppeteer from 'puppeteer-core';
import { serve } from '../tests/e2e/server.mjs';
import { helpdeskWalk } from './walk-in-page.mjs';
import { CHROMIUM } from '../tests/e2e/browser.mjs';
const helpdesk = helpdeskWalk();
const server = await serve({ mounts: { '/': process.argv[2] ?? 'dist', '/bench/': 'bench/pages' } });
const browser = await puppeteer.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const tab = await browser.newPage();
await tab.setViewport({ width: Number(process.argv[3] ?? 1280), height: Number(process.argv[4] ?? 900) });
await tab.goto(`${server.url}/bench/ours.html`);
await tab.waitForFunction(() => window.__firstScreen);
await tab.evaluate(async (steps) => {
  const host = document.querySelector('guided-troubleshooter'); const root = host.shadowRoot;
  const tick = () => new Promise((r) => setTimeout(r, 30));
  await tick(); root.querySelector('.gt-button-start').click(); await tick();
  for (const s of steps) {
    if (s.kind === 'question') { root.querySelector(`.gt-radio-input[value="${s.option}"]`).click(); await tick(); root.querySelector('.gt-question button[type=submit]').click(); }
    else if (s.kind === 'fields') { for (const [id, v] of s.values) { const i = root.querySelector(`input[name="${id}"]`); i.value = v; i.dispatchEvent(new Event('input', { bubbles: true })); } await tick(); root.querySelector('.gt-fields button[type=submit]').click(); }
    else if (s.kind === 'info') root.querySelector('.gt-info .gt-button').click();
    else if (s.kind === 'review') root.querySelector('.gt-review > .gt-button').click();
    await tick();
  }
}, helpdesk.steps);
await tab.emulateCPUThrottling(4);
const results = await tab.evaluate(async () => {
  const root = document.querySelector('guided-troubleshooter').shadowRoot;
  const sec = root.querySelector('.gt-outcome');
  const html = sec.outerHTML;
  const parent = sec.parentNode;
  sec.remove();
  const counts = { elements: 0, text: 0 };
  const variants = {
    full: () => {},
    'no email panel': (s) => s.querySelector('.gt-email')?.remove(),
    'no phone panel': (s) => s.querySelector('.gt-phone')?.remove(),
    'no panels': (s) => s.querySelectorAll('.gt-panel').forEach((e) => e.remove()),
    'no pre': (s) => s.querySelector('pre')?.remove(),
    'pre without overflow': (s) => { const p = s.querySelector('pre'); if (p) p.style.overflow = 'visible'; },
    'no lang attrs': (s) => s.querySelectorAll('[lang]').forEach((e) => e.removeAttribute('lang')),
    'no bdi': (s) => s.querySelectorAll('bdi').forEach((e) => e.replaceWith(...e.childNodes)),
    'no part attrs': (s) => s.querySelectorAll('[part]').forEach((e) => e.removeAttribute('part')),
    'no lists': (s) => s.querySelectorAll('ol, ul').forEach((e) => e.remove()),
    'no buttons/links': (s) => s.querySelectorAll('.gt-button, a, button').forEach((e) => e.remove()),
    'cv auto on panels': (s) => s.querySelectorAll('.gt-panel').forEach((e) => { e.style.contentVisibility = 'auto'; e.style.containIntrinsicSize = 'auto 40rem'; }),
    'cv auto on all children': (s) => [...s.children].forEach((e) => { e.style.contentVisibility = 'auto'; e.style.containIntrinsicSize = 'auto 10rem'; }),
    'heading only': (s) => [...s.children].slice(2).forEach((e) => e.remove()),
  };
  const out = {};
  const once = (mutate) => {
    const tmp = document.createElement('div');
    tmp.innerHTML = html;
    const s = tmp.firstElementChild;
    mutate(s);
    const t0 = performance.now();
    parent.appendChild(s);
    s.querySelector('.gt-heading').focus();
    const t1 = performance.now();
    s.getBoundingClientRect();
    const t2 = performance.now();
    s.remove();
    const t3 = performance.now();
    return [t1 - t0, t2 - t1, t3 - t2];
  };
  for (let round = 0; round < 9; round++) {
    for (const [name, mutate] of Object.entries(variants)) {
      await new Promise((r) => setTimeout(r, 20));
      (out[name] ??= []).push(once(mutate));
    }
  }
  const tmp = document.createElement('div'); tmp.innerHTML = html;
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const positions = [];
  { const tmp = document.createElement('div'); tmp.innerHTML = html; const s = tmp.firstElementChild; parent.appendChild(s);
    for (const c of s.children) positions.push([c.className || c.localName, Math.round(c.getBoundingClientRect().top + scrollY), Math.round(c.getBoundingClientRect().height)]);
    s.remove(); }
  return { positions, elements: tmp.querySelectorAll('*').length, rows: Object.entries(out).map(([k, v]) => [k, med(v.map((x) => x[0])), med(v.map((x) => x[1])), med(v.map((x) => x[2]))]) };
});
console.log('elements', results.elements, JSON.stringify(results.positions));
for (const [k, a, b, c] of results.rows) console.log(k.padEnd(24), 'append+focus', a.toFixed(1).padStart(6), ' rect', b.toFixed(1).padStart(5), ' remove', c.toFixed(1).padStart(5));
await browser.close(); await server.close();
