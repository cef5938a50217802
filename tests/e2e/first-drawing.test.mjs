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
  // The glue and the module are each held back for SLOW ms: a request that waited for one of
  // them would reach the server that much later.
  const arrived = {};
  const held = (path) => /^\/widget-[0-9a-f]+(\.js|_bg\.wasm)$/.test(path);
  const slow = await serve({
    mounts: { '/': 'dist' },
    delay: (path) => {
      arrived[path.replace(/-[0-9a-f]+(?=[._])/, '')] ??= Date.now();
      return held(path) ? SLOW : 0;
    },
  });
  try {
    await driver.get(`${slow.url}/index.html`);
    await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
  } finally {
    await slow.close();
  }
  const { '/widget.js': glue, '/widget_bg.wasm': wasm, '/widget.css': css } = arrived;
  assert.ok(glue && wasm && css, `the widget's files were requested: ${Object.keys(arrived)}`);
  assert.ok(wasm - glue < SLOW / 2, `the module is requested without waiting for the glue (${wasm - glue} ms after it)`);
  assert.ok(css - glue < SLOW / 2, `the stylesheet is requested without waiting for the glue or the module (${css - glue} ms after the glue)`);
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
