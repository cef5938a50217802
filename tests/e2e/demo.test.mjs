// End to end: the release build in dist/, served on 127.0.0.1, opened in headless Chromium,
// as a person sees it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { chromium, consoleErrors } from './browser.mjs';
import { widgetRoot, focused, heading, start, By } from './widget.mjs';

let server;
let driver;

before(async () => {
  server = await serve({ mounts: { '/': 'dist' } });
  driver = await chromium();
});

after(async () => {
  await driver?.quit();
  await server?.close();
});

test('the demo page shows the start screen, and Start leads to the first question', async () => {
  await driver.get(`${server.url}/`);
  const root = await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
  assert.ok((await heading(driver, root)).length > 0, 'the start screen has a title');

  await start(driver, root);
  const radios = await root.findElements(By.css('.gt-question input[type=radio]'));
  assert.ok(radios.length >= 2, 'a question offers at least two options');
  assert.equal((await focused(driver))?.text, await heading(driver, root), 'focus moves to the new heading');
  assert.match(await (await root.findElement(By.css('.gt-progress-label'))).getText(), /^Step 1 of at most \d+$/);
});

test('a click on an option and Continue moves on; Continue without a choice shows an error', async () => {
  await driver.get(`${server.url}/`);
  const root = await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
  await start(driver, root);
  const first = await heading(driver, root);

  await (await root.findElement(By.css('.gt-question button[type=submit]'))).click();
  const summary = await root.findElement(By.css('.gt-error-summary'));
  assert.match(await summary.getText(), /There is a problem/);
  assert.equal((await focused(driver))?.cls, 'gt-error-summary', 'the error summary takes focus');

  await (await root.findElement(By.css('.gt-radio-label'))).click();
  await (await root.findElement(By.css('.gt-question button[type=submit]'))).click();
  await driver.wait(async () => (await heading(driver, root)) !== first, 10_000, 'the next screen replaces the first question');
  assert.deepEqual(await root.findElements(By.css('.gt-error-summary')), []);
  assert.deepEqual(await consoleErrors(driver), [], 'the browser console has no errors');
});
