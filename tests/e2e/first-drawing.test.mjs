// What the widget draws first, and how soon: the module, its glue and the stylesheet download
// side by side; a built-in flow's first drawing is its start screen, with nothing before it;
// and while something the widget needs is still downloading (another language, a page's own
// flow), it says it is loading rather than staying blank.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve } from './server.mjs';
import { chromium } from './browser.mjs';
import { widgetRoot, heading, By } from './widget.mjs';

const SLOW = 1500;
let server;
let driver;

before(async () => {
  server = await serve({
    mounts: { '/': 'dist', '/test/': 'tests/e2e/pages' },
    delay: (path) => (path.startsWith('/lang/') || path.startsWith('/examples/flows/') ? SLOW : 0),
  });
  driver = await chromium();
  // Before any page script runs: the classes of what is drawn into each widget's shadow root, in
  // order (for the widget's `.gt` element, those of its first child: the screen).
  await driver.sendDevToolsCommand('Page.enable', {});
  await driver.sendDevToolsCommand('Page.addScriptToEvaluateOnNewDocument', {
    source: `(${(() => {
      window.__drawn = [];
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        const shadow = attach.call(this, init);
        new MutationObserver((records) => {
          for (const r of records) {
            for (const node of r.addedNodes) {
              const screen = node.nodeType === 1 && (node.matches('.gt') ? node.firstElementChild : node.closest?.('.gt') && node);
              if (screen?.className) window.__drawn.push(String(screen.className));
            }
          }
        }).observe(shadow, { subtree: true, childList: true });
        return shadow;
      };
    }).toString()})()`,
  });
});

after(async () => {
  await driver?.quit();
  await server?.close();
});

test('the module, its glue and the stylesheet download side by side, not one after another', async () => {
  await driver.get(`${server.url}/index.html`);
  await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
  const timing = await driver.executeScript(() => Object.fromEntries(performance.getEntriesByType('resource')
    .map((r) => [r.name.split('/').pop().replace(/-[0-9a-f]{16}/, ''), { start: r.startTime, end: r.responseEnd }])));
  const { 'widget.js': glue, 'widget_bg.wasm': wasm, 'widget.css': css } = timing;
  assert.ok(glue && wasm && css, `the widget's files were fetched: ${Object.keys(timing)}`);
  assert.ok(wasm.start < glue.end, `the module is requested before the glue has arrived (${wasm.start.toFixed(0)} < ${glue.end.toFixed(0)} ms)`);
  assert.ok(css.start < wasm.end, `the stylesheet is requested before the module has arrived (${css.start.toFixed(0)} < ${wasm.end.toFixed(0)} ms)`);
});

test('a built-in flow in the page\'s language draws its start screen first, with nothing before it', async () => {
  for (const page of ['/index.html', '/examples/sign-in-help.html']) {
    await driver.get(`${server.url}${page}`);
    await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
    const drawn = await driver.executeScript(() => window.__drawn);
    assert.match(drawn[0] ?? '', /\bgt-screen gt-start\b/, `${page}: the first drawing is the start screen: ${drawn.slice(0, 3)}`);
    assert.ok(!drawn.some((c) => /gt-loading/.test(c)), `${page}: no loading message: ${drawn}`);
  }
});

const titleIn = (file) => JSON.parse(readFileSync(file, 'utf8')).title;
for (const [what, query, title] of [
  ['another language', 'lang=de', titleIn('dist/lang/microsoft-authenticator.de.json')],
  ['a page\'s own flow', 'flow-src=/examples/flows/printer-offline.json', titleIn('flows/examples/printer-offline.json')],
]) {
  test(`while ${what} downloads, the widget says it is loading, then shows it`, async () => {
    const asked = Date.now();
    await driver.get(`${server.url}/test/languages.html?${query}`);
    const root = await widgetRoot(driver, 'guided-troubleshooter', '.gt-loading');
    assert.ok(Date.now() - asked < SLOW, 'loading is said before the download arrives');
    assert.equal(await (await root.findElement(By.css('.gt'))).getAttribute('aria-busy'), 'true');
    await driver.wait(async () => (await heading(driver, root).catch(() => null)) === title, 20_000, `${what} is shown once it has arrived`);
  });
}
