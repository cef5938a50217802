// The demo page's main screens at a phone and a desktop size, as screenshots under
// target/screenshots/, with what a person must see on each.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { chromium, consoleErrors } from './browser.mjs';
import { walks, onePerOutcome, start, step, screenshot, heading, widgetRoot, By } from './widget.mjs';

const SIZES = [[390, 844], [1280, 800]];
let server;
let helpdesk;

before(async () => {
  server = await serve({ mounts: { '/': 'dist' } });
  helpdesk = onePerOutcome(walks('flows/microsoft-authenticator.json')).find((w) => w.outcome === 'out-helpdesk');
});

after(async () => server?.close());

test('at 320 px wide (and so at 200% zoom of 640 px) nothing scrolls sideways', async () => {
  const driver = await chromium({ width: 320, height: 640 });
  try {
    await driver.manage().window().setRect({ width: 320, height: 640 });
    await driver.get(`${server.url}/`);
    const root = await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
    const overflow = () => driver.executeScript(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(await overflow(), 0, 'start screen');
    await start(driver, root);
    for (const s of helpdesk.steps) await step(driver, s, root);
    assert.equal(await overflow(), 0, 'outcome with the email and the script');
  } finally {
    await driver.quit();
  }
});

for (const [width, height] of SIZES) {
  test(`start, an error, the summary and a helpdesk outcome at ${width}x${height}`, async () => {
    const driver = await chromium({ width, height });
    try {
      await driver.manage().window().setRect({ width, height });
      await driver.get(`${server.url}/`);
      const root = await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
      await screenshot(driver, `demo-start-${width}x${height}`);

      await start(driver, root);
      await (await root.findElement(By.css('.gt-question button[type=submit]'))).click();
      await root.findElement(By.css('.gt-error-summary'));
      await screenshot(driver, `demo-question-error-${width}x${height}`);

      const steps = [...helpdesk.steps];
      const review = steps.findIndex((s) => s.kind === 'review');
      for (const s of steps.slice(0, review)) await step(driver, s, root);
      assert.equal(await heading(driver, root), 'Check your answers');
      assert.ok((await root.findElements(By.css('.gt-summary-row'))).length >= 6);
      await screenshot(driver, `demo-summary-${width}x${height}`);

      await step(driver, steps[review], root);
      assert.equal(await heading(driver, root), 'Ask your IT helpdesk to reset your sign-in');
      const mailto = await (await root.findElement(By.css('.gt-email a[href^="mailto:"]'))).getAttribute('href');
      assert.match(mailto, /^mailto:helpdesk@contoso\.com\?subject=MFA%20reset%20needed/);
      await screenshot(driver, `demo-outcome-${width}x${height}`);
      await screenshot(driver, `demo-outcome-whole-${width}x${height}`, await driver.findElement(By.css('guided-troubleshooter')));

      const overflow = await driver.executeScript(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, 'no sideways scrolling');
      assert.deepEqual(await consoleErrors(driver), []);
    } finally {
      await driver.quit();
    }
  });
}
