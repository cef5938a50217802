// Help kiosks, end to end: offline after one visit (reload with the server gone), the idle
// prompt and reset with no trace of the answers, the QR code decoding to the email, links shown
// rather than opened; and persist="session" on ordinary pages.
import { test, before, after } from 'node:test';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { chromium, withBlocked } from './browser.mjs';
import { walks, onePerOutcome, widgetRoot, heading, start, step, walk, readQr, By } from './widget.mjs';

let server;
let driver;
let byOutcome;

before(async () => {
  server = await serve({ mounts: { '/': 'dist', '/test/': 'tests/e2e/pages' } });
  driver = await chromium({ width: 1280, height: 900 });
  byOutcome = Object.fromEntries(onePerOutcome(walks('flows/microsoft-authenticator.json')).map((w) => [w.outcome, w]));
});

after(async () => {
  await driver?.quit();
  await server?.close();
});


test('the kiosk works offline after one visit, including a reload', async () => {
  const own = await serve({ mounts: { '/': 'dist' } });
  try {
    await driver.get(`${own.url}/examples/kiosk.html`);
    await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
    await driver.wait(async () => (await driver.executeScript(() => document.documentElement.dataset.offlineReady)) === 'true',
      15_000, 'the service worker kept the page');
  } finally {
    await own.close();
  }
  await driver.navigate().refresh();
  const root = await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
  await walk(driver, root, byOutcome['out-helpdesk'].steps);
  assert.equal(await heading(driver, root), 'Ask your IT helpdesk to reset your sign-in', 'an outcome, with the server gone');
  // The QR encoder is a module of its own, which the service worker kept with the rest.
  assert.equal((await root.findElements(By.css('.gt-email .gt-qr path'))).length, 1, 'the email\'s QR code, with the server gone');
  await driver.executeScript(() => navigator.serviceWorker.getRegistrations().then((rs) => Promise.all(rs.map((r) => r.unregister()))));
});

test("a new build's service worker deletes the cache of the old one", async () => {
  // A copy of dist/ whose sw.js is then rewritten as a new build would write it.
  const copy = await mkdtemp(join(tmpdir(), 'troubleshooter-sw-'));
  await cp('dist', copy, { recursive: true });
  const own = await serve({ mounts: { '/': copy } });
  const cacheNames = () => driver.executeScript(() => caches.keys());
  try {
    await driver.get(`${own.url}/examples/kiosk.html`);
    await driver.wait(async () => (await driver.executeScript(() => document.documentElement.dataset.offlineReady)) === 'true',
      15_000, 'the first worker kept the page');
    const [old] = await cacheNames();
    assert.match(old, /^troubleshooter-[0-9a-f]{16}$/);

    const worker = join(copy, 'sw.js');
    await writeFile(worker, (await readFile(worker, 'utf8')).replace(old, `${old}-next`));
    await driver.executeAsyncScript((done) => navigator.serviceWorker.getRegistration().then((r) => r.update()).then(() => done(), done));
    await driver.wait(async () => (await cacheNames()).includes(`${old}-next`), 15_000, 'the new worker made its cache');
    await driver.wait(async () => !(await cacheNames()).includes(old), 15_000, `the old cache is still there: ${old}`);
    assert.deepEqual(await cacheNames(), [`${old}-next`]);
  } finally {
    await driver.executeScript(() => navigator.serviceWorker.getRegistrations().then((rs) => Promise.all(rs.map((r) => r.unregister()))));
    await driver.executeScript(() => caches.keys().then((ks) => Promise.all(ks.map((k) => caches.delete(k)))));
    await own.close();
    await rm(copy, { recursive: true, force: true });
  }
});

test('a kiosk outcome gives the email as a QR code, with nothing to copy or download', async () => {
  server.requests.length = 0;
  await driver.get(`${server.url}/test/kiosk-idle.html`);
  const root = await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
  await driver.executeScript(() => document.querySelector('guided-troubleshooter').setAttribute('idle-seconds', '3600'));
  await walk(driver, root, byOutcome['out-helpdesk'].steps);
  const decoded = await readQr(driver, '.gt-email .gt-qr');
  const modules = server.requests.filter((path) => /^\/(qr|checker)\//.test(path));
  assert.ok(modules.length === 2 && modules.every((p) => /^\/qr\/qr-[0-9a-f]{16}(\.js|_bg\.wasm)$/.test(p)), `the QR module, once: ${modules}`);
  assert.ok(decoded?.startsWith('mailto:helpdesk@contoso.com?subject='), decoded);
  const params = new URLSearchParams(decoded.split('?')[1].replaceAll('+', '%2B'));
  const host = await driver.findElement(By.css('guided-troubleshooter'));
  const [subject, body] = await driver.executeScript((h) => [h.shadowRoot.querySelector('.gt-email-subject').textContent, h.shadowRoot.querySelector('.gt-email-body').textContent], host);
  assert.equal(params.get('subject'), subject);
  const sent = params.get('body').replaceAll('\r\n', '\n');
  const reference = (await (await root.findElement(By.css('.gt-reference code'))).getText());
  assert.ok(sent === body || (body.startsWith(sent.split('\n\n(Shortened')[0]) && sent.includes(`Reference: ${reference}.`)),
    'the whole email, or its first lines and the reference');
  const actions = await (await root.findElement(By.css('.gt-email'))).getText();
  assert.ok(!actions.includes('Copy') && !actions.includes('Download') && !actions.includes('Open in email app'), actions);
  assert.ok(actions.includes('Print ticket'));
  assert.equal((await root.findElements(By.css('.gt-phone button'))).length, 0, 'no copying the script');
  assert.equal((await root.findElements(By.css('.gt-outcome a[href^="https:"]'))).length, 0, 'links do not leave the kiosk');
  const link = await readQr(driver, '.gt-links .gt-qr');
  assert.equal(link, 'https://mysignins.microsoft.com/security-info');

  // The countdown renders the outcome again every second (its codes come from a cache then).
  await driver.executeScript(() => document.querySelector('guided-troubleshooter').setAttribute('idle-seconds', '5'));
  const ticks = await driver.wait(async () => (await root.findElements(By.css('.gt-idle')))[0], 12_000, 'no idle prompt');
  const first = await ticks.getText();
  await driver.wait(async () => (await ticks.getText()) !== first, 5_000, 'the countdown did not tick');
  assert.equal(await readQr(driver, '.gt-email .gt-qr'), decoded, 'the email code during the countdown');
  assert.equal(await readQr(driver, '.gt-links .gt-qr'), link, 'the link code during the countdown');
  await (await root.findElement(By.css('.gt-idle .gt-button'))).click();
  await (await root.findElement(By.css('.gt-restart'))).click();
  await root.findElement(By.css('.gt-start'));
});

test('a kiosk whose QR module does not load says so and shows the email and links as text', async () => {
  await withBlocked(driver, ['*/qr/*'], async () => {
    await driver.get(`${server.url}/test/kiosk-idle.html`);
    const root = await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
    const notice = await (await root.findElement(By.css('.gt-setup-notice'))).getText();
    assert.match(notice, /mode: the QR codes could not be loaded; links and the email are shown as text/);
    await driver.executeScript(() => document.querySelector('guided-troubleshooter').setAttribute('idle-seconds', '3600'));
    await walk(driver, root, byOutcome['out-helpdesk'].steps);
    assert.equal((await root.findElements(By.css('.gt-qr'))).length, 0, 'no codes');
    assert.ok((await (await root.findElement(By.css('.gt-email-body'))).getText()).length > 0, 'the email, as text');
    assert.ok((await (await root.findElement(By.css('.gt-links'))).getText()).includes('https://mysignins.microsoft.com/security-info'), 'the link, as text');
  });
});

test('after the idle time a prompt counts down, then everything is cleared', async () => {
  await driver.get(`${server.url}/test/kiosk-idle.html`);
  const root = await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
  await walk(driver, root, byOutcome['out-helpdesk'].steps.slice(0, 8));
  const typed = 'Ada Lovelace';
  const before = await driver.executeScript((h) => h.shadowRoot.innerHTML, await driver.findElement(By.css('guided-troubleshooter')));
  assert.ok(before.includes('Check your answers') && before.includes(typed), 'the summary shows the answers');
  const prompt = await driver.wait(async () => (await root.findElements(By.css('.gt-idle')))[0], 12_000, 'no idle prompt');
  assert.match(await prompt.getText(), /Are you still there\?[\s\S]*clears in \d+ seconds/);
  const focused = await driver.executeScript(() => document.querySelector('guided-troubleshooter').shadowRoot.activeElement?.textContent);
  assert.equal(focused, "I'm still here", 'focus on the button that keeps the answers');
  await driver.wait(async () => (await root.findElements(By.css('.gt-start'))).length === 1, 12_000, 'no reset');
  const after = await driver.executeScript((h) => h.shadowRoot.innerHTML, await driver.findElement(By.css('guided-troubleshooter')));
  for (const trace of [typed, 'ada@contoso.com', 'Check your answers', 'My phone is lost']) {
    assert.ok(!after.includes(trace), `"${trace}" is still in the page`);
  }
  assert.equal(await driver.executeScript(() => sessionStorage.length + localStorage.length), 0);
});

test('"I\'m still here" keeps the answers', async () => {
  await driver.get(`${server.url}/test/kiosk-idle.html`);
  const root = await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
  await walk(driver, root, byOutcome['out-helpdesk'].steps.slice(0, 2));
  const where = await heading(driver, root);
  const button = await driver.wait(async () => (await root.findElements(By.css('.gt-idle button')))[0], 12_000);
  await button.click();
  assert.equal((await root.findElements(By.css('.gt-idle'))).length, 0);
  assert.equal(await heading(driver, root), where);
});

test('persist="session" keeps answers across a reload, and Start again clears them', async () => {
  await driver.get(`${server.url}/test/persist.html`);
  let root = await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
  await walk(driver, root, byOutcome['out-helpdesk'].steps.slice(0, 3));
  const where = await heading(driver, root);
  await driver.navigate().refresh();
  root = await widgetRoot(driver, 'guided-troubleshooter', '.gt-question');
  assert.equal(await heading(driver, root), where, 'the same question after a reload');
  await (await root.findElement(By.css('.gt-back'))).click();
  const chosen = await driver.executeScript((h) => h.shadowRoot.querySelector('input[type=radio]:checked')?.value,
    await driver.findElement(By.css('guided-troubleshooter')));
  assert.equal(chosen, byOutcome['out-helpdesk'].steps[2].option, 'and the earlier answer');
  assert.equal(await driver.executeScript(() => Object.keys(sessionStorage).join()), 'troubleshooter:microsoft-authenticator:help');
  while ((await root.findElements(By.css('.gt-back'))).length) await (await root.findElement(By.css('.gt-back'))).click();
  assert.equal(await driver.executeScript(() => sessionStorage.length), 0, 'the start screen keeps nothing');
  await driver.navigate().refresh();
  await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
});
