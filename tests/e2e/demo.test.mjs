// End to end: the release build in dist/, served on 127.0.0.1, opened in headless Chromium,
// as a person sees it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { serve } from './server.mjs';
import { chromium, consoleErrors, visible, focused, By } from './browser.mjs';

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
  const heading = await visible(driver, 'guided-troubleshooter .gt-start .gt-heading');
  assert.ok((await heading.getText()).length > 0, 'the start screen has a title');

  await (await driver.findElement(By.css('.gt-button-start'))).click();
  const question = await visible(driver, '.gt-question .gt-heading');
  const radios = await driver.findElements(By.css('.gt-question input[type=radio]'));
  assert.ok(radios.length >= 2, 'a question offers at least two options');
  assert.equal((await focused(driver))?.text, await question.getText(), 'focus moves to the new heading');
  assert.match(await (await driver.findElement(By.css('.gt-progress-label'))).getText(), /^Step 1 of at most \d+$/);
});

test('a click on an option and Continue moves on; Continue without a choice shows an error', async () => {
  await driver.get(`${server.url}/`);
  await (await visible(driver, '.gt-button-start')).click();
  const first = await (await visible(driver, '.gt-question .gt-heading')).getText();

  await (await driver.findElement(By.css('.gt-question button[type=submit]'))).click();
  const summary = await visible(driver, '.gt-error-summary');
  assert.match(await summary.getText(), /There is a problem/);
  assert.equal((await focused(driver))?.cls, 'gt-error-summary', 'the error summary takes focus');

  await (await driver.findElement(By.css('.gt-radio-label'))).click();
  await (await driver.findElement(By.css('.gt-question button[type=submit]'))).click();
  await driver.wait(async () => {
    const headings = await driver.findElements(By.css('.gt-screen .gt-heading'));
    return headings.length === 1 && (await headings[0].getText()) !== first;
  }, 10_000, 'the next screen replaces the first question');
  assert.deepEqual(await driver.findElements(By.css('.gt-error-summary')), []);

  await mkdir('target/screenshots', { recursive: true });
  assert.deepEqual(await consoleErrors(driver), [], 'the browser console has no errors');
});
