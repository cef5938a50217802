// Embedding, end to end against the built dist/: the example pages, host CSS that cannot reach
// the widget, a strict CSP with zero violations, only the allowed requests, events, two
// widgets side by side, every bad configuration's message, attribute changes, the JS API,
// browser Back, and nothing stored or put in the URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { serve } from './server.mjs';
import { chromium, consoleErrors, withBlocked, STRICT_CSP, watchCspViolations } from './browser.mjs';
import { walks, onePerOutcome, widgetRoot, heading, start, step, walk, By } from './widget.mjs';


let server;
let driver;
let helpdeskWalk;
let printerWalks;

before(async () => {
  server = await serve({
    mounts: { '/': 'dist', '/test/': 'tests/e2e/pages' },
    headers: (path) => (path.endsWith('strict-csp.html') ? { 'Content-Security-Policy': STRICT_CSP } : {}),
  });
  driver = await chromium();
  helpdeskWalk = onePerOutcome(walks('flows/microsoft-authenticator.json')).find((w) => w.outcome === 'out-helpdesk');
  printerWalks = onePerOutcome(walks('flows/examples/printer-offline.json'));
});

after(async () => {
  await driver?.quit();
  await server?.close();
});


for (const page of ['intranet', 'sign-in-help', 'strict-csp']) {
  test(`examples/${page}.html renders the widget and reaches an outcome`, async () => {
    await driver.get(`${server.url}/examples/${page}.html`);
    const root = await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
    await walk(driver, root, helpdeskWalk.steps);
    assert.equal(await heading(driver, root), 'Ask your IT helpdesk to reset your sign-in');
    assert.deepEqual(await consoleErrors(driver), []);
  });
}

test('the strict-CSP page has zero violations and makes only the allowed requests', async () => {
  await watchCspViolations(driver);
  server.requests.length = 0;
  await driver.get(`${server.url}/examples/strict-csp.html`);
  const before = await driver.getCurrentUrl();
  const root = await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
  await walk(driver, root, helpdeskWalk.steps);
  for (const button of await root.findElements(By.css('.gt-email .gt-actions button'))) {
    if ((await button.getText()) === 'Copy email text') await button.click();
  }
  assert.deepEqual(await driver.executeScript(() => window.__violations), [], 'no CSP violations');
  const allowed = [/^\/examples\/strict-csp\.html$/, /^\/examples\/example\.css$/, /^\/reserve\.css$/, /^\/troubleshooter\.js$/,
    /^\/widget-[0-9a-f]+\.js$/, /^\/widget-[0-9a-f]+_bg\.wasm$/, /^\/widget-[0-9a-f]+\.css$/];
  const unexpected = server.requests.filter((path) => !allowed.some((re) => re.test(path)));
  assert.deepEqual(unexpected, [], 'only the widget\'s own files are requested');
  const origins = await driver.executeScript(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).origin));
  assert.ok(origins.every((o) => o === server.url), `every resource from the page's origin: ${origins}`);
  assert.equal(await driver.getCurrentUrl(), before, 'no answers in the URL');
  const stored = await driver.executeScript(() => [document.cookie, localStorage.length, sessionStorage.length]);
  assert.deepEqual(stored, ['', 0, 0], 'no cookies, no storage');
});

test('a page\'s own flow is checked by the checker module, fetched once and only for it, under the strict CSP', async () => {
  await watchCspViolations(driver);
  server.requests.length = 0;
  await driver.get(`${server.url}/examples/strict-csp.html`);
  await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
  const checker = () => server.requests.filter((path) => path.startsWith('/checker/'));
  assert.deepEqual(checker(), [], 'a built-in flow needs no checker');

  const show = (src) => driver.executeScript((src) => document.querySelector('guided-troubleshooter').setAttribute('flow-src', src), src);
  await show('/examples/flows/printer-offline.json');
  await driver.wait(async () => (await heading(driver, await widgetRoot(driver, 'guided-troubleshooter'))) === 'Fix a printer that says it is offline', 20_000);
  assert.equal(checker().length, 2, `the checker's glue and module, once: ${checker()}`);
  assert.ok(checker().every((path) => /^\/checker\/checker-[0-9a-f]{16}(\.js|_bg\.wasm)$/.test(path)), `${checker()}`);

  // A broken flow from the same site: refused with the checker's lines, and the checker is not fetched again.
  await show('/test/invalid-flow.json');
  const root = await widgetRoot(driver, 'guided-troubleshooter', '.gt-setup-error');
  const listed = await root.findElements(By.css('.gt-setup-error li'));
  const lines = await Promise.all(listed.map((li) => li.getText()));
  assert.ok(lines.includes('/test/invalid-flow.json:nodes[0].options[1].next: no node has the id `nowhere`'), lines.join('\n'));
  assert.equal(checker().length, 2, 'the module is loaded once per page');
  assert.deepEqual(await driver.executeScript(() => window.__violations), [], 'no CSP violations');
});

test('a page\'s own flow is not shown unchecked: when the checker module does not load, the widget says so', async () => {
  await withBlocked(driver, ['*/checker/*'], async () => {
    await driver.get(`${server.url}/examples/two-widgets.html`);
    const printer = await widgetRoot(driver, '#printer-widget', '.gt-setup-error');
    const lines = await Promise.all((await printer.findElements(By.css('.gt-setup-error li'))).map((li) => li.getText()));
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(lines[0], /printer-offline\.json: cannot be checked: /);
    // The built-in flow beside it needs no checker.
    await widgetRoot(driver, '#signin-widget', '.gt-start');
  });
});

test('nothing shipped evaluates code or runs inline script', async () => {
  for (const file of await readdir('dist', { recursive: true })) {
    const text = await readFile(`dist/${file}`, 'utf8').catch(() => '');
    if (file.endsWith('.js')) {
      assert.doesNotMatch(text, /\beval\s*\(|new\s+Function\s*\(|\bFunction\s*\(\s*['"`]/, `${file} evaluates code`);
    }
    if (file.endsWith('.html')) {
      for (const tag of text.match(/<script\b[^>]*>/g) ?? []) {
        assert.match(tag, /\bsrc=/, `${file} has an inline script: ${tag}`);
      }
    }
  }
});

test('host CSS such as * { all: unset } cannot reach the widget', async () => {
  await driver.get(`${server.url}/test/hostile.html`);
  const root = await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
  const button = await root.findElement(By.css('.gt-button-start'));
  assert.ok(await button.isDisplayed(), 'the Start button is visible');
  const style = await driver.executeScript((b) => {
    const s = getComputedStyle(b);
    return { display: s.display, minHeight: parseFloat(s.minHeight), color: s.color };
  }, button);
  assert.equal(style.display, 'inline-flex');
  assert.ok(style.minHeight >= 44);
  await walk(driver, root, helpdeskWalk.steps);
  assert.equal(await heading(driver, root), 'Ask your IT helpdesk to reset your sign-in');
  const headingSize = await driver.executeScript((h) => getComputedStyle(h).fontSize, await root.findElement(By.css('.gt-heading')));
  assert.notEqual(headingSize, '40px');
});

test('two widgets work independently, and the host hears their events', async () => {
  await driver.get(`${server.url}/examples/two-widgets.html`);
  const signin = await widgetRoot(driver, '#signin-widget', '.gt-start');
  const printer = await widgetRoot(driver, '#printer-widget', '.gt-start');
  assert.equal(await heading(driver, printer), 'Fix a printer that says it is offline');
  const report = printerWalks.find((w) => w.outcome === 'report');
  await walk(driver, printer, report.steps);
  assert.equal(await heading(driver, printer), 'Tell IT which printer is offline');
  assert.equal(await heading(driver, signin), 'Get back into your work account', 'the other widget is untouched');
  await start(driver, signin);
  assert.equal(await heading(driver, printer), 'Tell IT which printer is offline');
  const ids = await driver.executeScript(() => [...document.querySelectorAll('guided-troubleshooter')]
    .map((el) => [...el.shadowRoot.querySelectorAll('[id]')].map((e) => e.id)));
  assert.equal(new Set(ids.flat()).size, ids.flat().length, 'element ids are unique on the page');

  await (await printer.findElement(By.css('.gt-email a[download]'))).click();
  const log = await driver.executeScript(() => [...document.querySelectorAll('#log li')].map((li) => li.textContent));
  assert.ok(log.includes('printer-widget troubleshooter:step {"node":"where","screen":"question","step":1,"of":4}'), log.join('\n'));
  assert.ok(log.includes('printer-widget troubleshooter:outcome {"node":"report","kind":"contact_helpdesk","flow":"printer-offline","version":"1.0"}'), log.join('\n'));
  assert.ok(log.includes('printer-widget troubleshooter:handoff {"node":"report","action":"download-email"}'), log.join('\n'));
  assert.ok(log.includes('signin-widget troubleshooter:step {"node":"account","screen":"question","step":1,"of":12}'), log.join('\n'));
  assert.ok(!log.join('\n').includes('person@example.com'), 'no answers in events');
});

test('every bad configuration says what is wrong, where', async () => {
  await driver.get(`${server.url}/test/bad-config.html`);
  const expected = {
    'unknown-flow': 'flow: there is no built-in flow `no-such-flow`; the built-in flows are: microsoft-authenticator',
    'missing-src': 'flow-src: could not load `missing.json`: the server answered 404',
    'broken-src': 'broken.json:line 2, column 14: expected value',
    'invalid-src': 'invalid-flow.json:nodes[0].options[1].next: no node has the id `nowhere`',
    'other-origin': "flow-src: `https://flows.example/flow.json` is not on this page's origin",
  };
  for (const [id, message] of Object.entries(expected)) {
    const root = await widgetRoot(driver, `#${id}`, '.gt-setup-error');
    const text = await (await root.findElement(By.css('.gt-setup-error'))).getText();
    assert.ok(text.includes('This troubleshooter is not set up correctly'), `${id}: ${text}`);
    assert.ok(text.includes(message), `${id}: expected "${message}" in\n${text}`);
  }
  const invalid = await (await (await widgetRoot(driver, '#invalid-src', '.gt-setup-error')).findElement(By.css('.gt-setup-error'))).getText();
  assert.ok(invalid.includes('invalid-flow.json:nodes[1].steps[0]: nothing can fill `{nobody}`'), 'every validation error is listed');

  const contact = await widgetRoot(driver, '#bad-contact', '.gt-start');
  const notice = await (await contact.findElement(By.css('.gt-setup-notice'))).getText();
  assert.ok(notice.includes('support-email: `helpdesk at contoso` is not an email address'), notice);
  assert.ok(notice.includes('support-phone: `call us` is not a telephone number'), notice);
  const mode = await widgetRoot(driver, '#bad-mode', '.gt-start');
  const modeNotice = await (await mode.findElement(By.css('.gt-setup-notice'))).getText();
  assert.ok(modeNotice.includes('lang: `xx` is not available; showing `en`. This flow is in: en, de, es, ar'), modeNotice);
  assert.ok(modeNotice.includes('mode: `fullscreen` is not a mode'), modeNotice);
  const warnings = (await driver.manage().logs().get('browser')).map((e) => e.message).join('\n');
  assert.ok(warnings.includes('guided-troubleshooter: support-email'), 'a console warning for the web team');
});

test('changing an attribute updates the widget without losing the person\'s place', async () => {
  await driver.get(`${server.url}/examples/sign-in-help.html`);
  const root = await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
  await walk(driver, root, helpdeskWalk.steps);
  await driver.executeScript(() => document.querySelector('guided-troubleshooter').setAttribute('support-email', 'it@northwind.example'));
  await driver.wait(async () => (await (await root.findElement(By.css('.gt-email-preview'))).getText()).includes('it@northwind.example'), 5000);
  assert.equal(await heading(driver, root), 'Ask your IT helpdesk to reset your sign-in', 'still on the outcome');
  const mailto = await (await root.findElement(By.css('.gt-email a[href^="mailto:"]'))).getAttribute('href');
  assert.match(mailto, /^mailto:it@northwind\.example\?/);

  await driver.executeScript(() => document.querySelector('guided-troubleshooter').setAttribute('flow-src', 'flows/printer-offline.json'));
  await driver.get(`${server.url}/examples/sign-in-help.html`);
});

test('the JavaScript API mounts, restarts and destroys', async () => {
  await driver.get(`${server.url}/test/api.html`);
  await driver.wait(async () => (await driver.executeScript(() => document.body.dataset.mounted)) === 'yes', 10_000);
  const root = await widgetRoot(driver, '#target', '.gt-start');
  await start(driver, root);
  assert.equal(await heading(driver, root), 'Which account are you trying to sign in to?');
  await driver.executeScript(() => window.widget.restart());
  await driver.wait(async () => (await root.findElements(By.css('.gt-start'))).length === 1, 5000, 'restart() returns to the start');
  await driver.executeScript(() => window.widget.destroy());
  const left = await driver.executeScript(() => document.getElementById('target').shadowRoot.childElementCount);
  assert.equal(left, 0, 'destroy() removes the widget');
  const attributes = await driver.executeScript(() => window.widgetAttributes);
  assert.ok(attributes.includes('support-email') && attributes.includes('flow-src'));
});

test('Print hides the rest of the page for the print, and puts it back', async () => {
  await driver.get(`${server.url}/examples/intranet.html`);
  const root = await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
  await walk(driver, root, helpdeskWalk.steps);
  // What the page shows at the moment it prints, recorded instead of a print dialog.
  await driver.executeScript(() => {
    window.print = () => {
      window.printed = [...document.querySelectorAll('body *')]
        .filter((el) => !el.closest('guided-troubleshooter') && el.getClientRects().length > 0
          && !el.contains(document.querySelector('guided-troubleshooter')))
        .map((el) => el.tagName.toLowerCase());
    };
  });
  for (const button of await root.findElements(By.css('.gt-email .gt-actions button'))) {
    if ((await button.getText()) === 'Print') await button.click();
  }
  assert.deepEqual(await driver.executeScript(() => window.printed), [], 'nothing beside the widget is shown while printing');
  const shown = await driver.executeScript(() => [...document.querySelectorAll('.bar, h1, main > p')].every((el) => getComputedStyle(el).display !== 'none'));
  assert.ok(shown, 'the page is back after printing');
  await driver.sendDevToolsCommand('Emulation.setEmulatedMedia', { media: 'print' });
  const hidden = await driver.executeScript((h) => ['.gt-back', '.gt-actions', '.gt-progress', '.gt-restart']
    .map((css) => h.shadowRoot.querySelector(css)).filter(Boolean).every((el) => getComputedStyle(el).display === 'none'),
    await driver.findElement(By.css('guided-troubleshooter')));
  assert.ok(hidden, 'the printout has no buttons or links to press');
  await driver.sendDevToolsCommand('Emulation.setEmulatedMedia', { media: '' });
});

test('removing the element cleans up', async () => {
  await driver.get(`${server.url}/examples/sign-in-help.html`);
  await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
  const empty = await driver.executeScript(async () => {
    const el = document.querySelector('guided-troubleshooter');
    el.remove();
    await new Promise((r) => setTimeout(r, 50));
    return el.shadowRoot.childElementCount;
  });
  assert.equal(empty, 0);
});

test('with history, the browser\'s Back steps back through the widget and the URL never changes', async () => {
  await driver.get(`${server.url}/test/history.html`);
  const url = await driver.getCurrentUrl();
  const root = await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
  await start(driver, root);
  const headings = [await heading(driver, root)];
  for (const s of helpdeskWalk.steps.slice(0, 2)) {
    await step(driver, s, root);
    headings.push(await heading(driver, root));
  }
  await driver.navigate().back();
  await driver.wait(async () => (await heading(driver, root)) === headings[1], 5000, 'browser Back returns one screen');
  assert.equal(await driver.getCurrentUrl(), url);
  await (await root.findElement(By.css('.gt-back'))).click();
  await driver.wait(async () => (await heading(driver, root)) === headings[0], 5000, 'the widget\'s Back goes one more');
  assert.equal(await driver.getCurrentUrl(), url);
  const length = await driver.executeScript(() => history.length);
  await driver.navigate().back();
  await driver.wait(async () => (await root.findElements(By.css('.gt-start'))).length === 1, 5000, 'and Back again reaches the start screen');
  assert.ok(length >= 2);
});
