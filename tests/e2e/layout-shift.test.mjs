// The widget never moves the host page: on the demo and every example page (which reserve its
// space with reserve.css), on phones and desktops, loading it until its first screen shows
// causes no layout shift (Chromium's `layout-shift` entries, as Core Web Vitals counts them).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { chromium } from './browser.mjs';
import { widgetRoot } from './widget.mjs';

const PAGES = ['/index.html', '/examples/sign-in-help.html', '/examples/intranet.html', '/examples/kiosk.html',
  '/examples/strict-csp.html', '/examples/two-widgets.html'];
// Phones as Chromium emulates them (Lighthouse's mobile preset is 412 wide), and desktops.
const SIZES = [[320, 640, true], [360, 740, true], [412, 823, true], [768, 1024, false], [1280, 800, false]];

let server;

before(async () => {
  server = await serve({ mounts: { '/': 'dist' } });
});

after(async () => server?.close());

/** In the page: every layout shift so far that input did not cause, with what moved. */
function shifts() {
  return new Promise((resolve) => {
    const found = [];
    const describe = (node) => (node instanceof Element
      ? `${node.localName}${node.id ? `#${node.id}` : ''}${node.className && typeof node.className === 'string' ? `.${node.className.split(' ').join('.')}` : ''}`
      : String(node?.nodeName));
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!e.hadRecentInput) found.push({ value: e.value, at: Math.round(e.startTime), moved: e.sources.map((s) => describe(s.node)) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
    // Buffered entries arrive in the observer's first callback, in the next task at the latest.
    setTimeout(() => resolve(found), 200);
  });
}

for (const [width, height, mobile] of SIZES) {
  test(`no layout shift from the widget at ${width}x${height}${mobile ? ', a phone' : ''}`, async () => {
    const driver = await chromium({ width, height });
    try {
      if (mobile) await driver.sendDevToolsCommand('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 2, mobile });
      for (const page of PAGES) {
        await driver.get(`${server.url}${page}`);
        const widgets = await driver.findElements({ css: 'guided-troubleshooter' });
        for (const widget of widgets) await widgetRoot(driver, widget, '.gt-start');
        // Fonts, the stylesheet and anything late have had their chance to move things.
        await driver.sleep(1000);
        const found = await driver.executeAsyncScript(`(${shifts})().then(arguments[arguments.length - 1]);`);
        const total = found.reduce((sum, s) => sum + s.value, 0);
        assert.equal(total, 0, `${page} at ${width}x${height}: CLS ${total.toFixed(4)}: ${JSON.stringify(found)}`);
      }
    } finally {
      await driver.quit();
    }
  });
}
