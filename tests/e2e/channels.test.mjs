// The helpdesk's own channels and "Did this fix it?", end to end on the built dist/: Teams and
// ticket links that decode to the email's own subject and text, shortened within their limits,
// hostile ticket templates refused with a notice, a kiosk's QR codes, the events a host page
// counts, and the strict CSP with only the channels module added.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { chromium, consoleErrors, STRICT_CSP, watchCspViolations } from './browser.mjs';
import { walks, onePerOutcome, widgetRoot, heading, start, step, walk, readQr, screenshot, By } from './widget.mjs';

const NOTE = '(The rest of this message did not fit in the link. The full text is in the troubleshooter: copy or download it from there.)';

let server;
let driver;
let found;
let helpdesk;

before(async () => {
  server = await serve({
    mounts: { '/': 'dist', '/test/': 'tests/e2e/pages' },
    headers: (path) => (path.endsWith('strict-csp.html') ? { 'Content-Security-Policy': STRICT_CSP } : {}),
  });
  driver = await chromium({ width: 1280, height: 900 });
  found = walks('flows/microsoft-authenticator.json');
  helpdesk = onePerOutcome(found).find((w) => w.outcome === 'out-helpdesk');
  await watchEvents();
});

after(async () => {
  await driver?.quit();
  await server?.close();
});

/** From the first page on, the page keeps every widget event in `window.__events`, and links
 * the widget opens in a new tab are not followed (the test has no Teams or portal to go to). */
async function watchEvents() {
  await driver.sendDevToolsCommand('Page.addScriptToEvaluateOnNewDocument', {
    source: "window.__events = []; for (const t of ['step', 'outcome', 'resolved', 'handoff']) "
      + "document.addEventListener('troubleshooter:' + t, (e) => window.__events.push({ type: t, ...e.detail })); "
      + "window.addEventListener('click', (e) => { if (e.composedPath()[0].closest?.('a[target=_blank]')) e.preventDefault(); }, true);",
  });
}

const events = (type) => driver.executeScript((type) => window.__events.filter((e) => e.type === type), type);

/** What the email panel shows: its subject and its text. */
async function shownEmail(root) {
  const subject = await (await root.findElement(By.css('.gt-email-subject'))).getText();
  const body = await driver.executeScript((host) => host.shadowRoot.querySelector('.gt-email-body').textContent,
    await driver.findElement(By.css('guided-troubleshooter')));
  return { subject, body };
}

const href = async (root, css) => (await root.findElement(By.css(css))).getAttribute('href');
const lf = (text) => text.replaceAll('\r\n', '\n');

test('with every channel set, an outcome offers each, and each link decodes to the email\'s own subject and text', async () => {
  await driver.get(`${server.url}/test/channels.html`);
  const root = await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
  await walk(driver, root, helpdesk.steps);
  assert.equal(await heading(driver, root), 'Ask your IT helpdesk to reset your sign-in');
  const email = await shownEmail(root);
  const reference = await (await root.findElement(By.css('.gt-reference code'))).getText();

  const teams = new URL(await href(root, 'a.gt-channel-teams'));
  assert.equal(`${teams.origin}${teams.pathname}`, 'https://teams.microsoft.com/l/chat/0/0');
  assert.deepEqual([...teams.searchParams.keys()], ['users', 'message'], 'nothing typed adds a parameter');
  assert.equal(teams.searchParams.get('users'), 'it-help@contoso.com,lead@contoso.com');
  assert.equal(lf(teams.searchParams.get('message')), `${email.subject}\n\n${email.body}`);

  const ticket = new URL(await href(root, 'a.gt-channel-ticket'));
  assert.equal(`${ticket.origin}${ticket.pathname}`, 'https://contoso.zendesk.com/hc/en-us/requests/new');
  assert.deepEqual([...ticket.searchParams.keys()], ['tf_subject', 'tf_description', 'ref']);
  assert.equal(ticket.searchParams.get('tf_subject'), email.subject);
  assert.equal(lf(ticket.searchParams.get('tf_description')), email.body);
  assert.equal(ticket.searchParams.get('ref'), reference);
  for (const css of ['a.gt-channel-teams', 'a.gt-channel-ticket']) {
    const link = await root.findElement(By.css(css));
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  }
  await screenshot(driver, 'channels-outcome', await driver.findElement(By.css('guided-troubleshooter')));

  // Each use tells the host page its channel, and nothing of the text.
  await driver.sendDevToolsCommand('Browser.grantPermissions', { origin: server.url, permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'] });
  await (await root.findElement(By.css('a.gt-channel-teams'))).click();
  await (await root.findElement(By.css('a.gt-channel-ticket'))).click();
  const copy = (await root.findElements(By.css('.gt-email .gt-actions button')));
  for (const button of copy) if ((await button.getText()) === 'Copy ticket text') await button.click();
  await driver.wait(async () => (await events('handoff')).length === 3, 5_000, 'three handoff events');
  const handoffs = await events('handoff');
  assert.deepEqual(handoffs.map((e) => e.action), ['teams', 'ticket', 'copy-ticket']);
  assert.ok(handoffs.every((e) => e.node === 'out-helpdesk' && Object.keys(e).sort().join() === 'action,node,type'), JSON.stringify(handoffs));
  const clip = await driver.executeAsyncScript((done) => navigator.clipboard.readText().then(done, (e) => done(`unreadable: ${e}`)));
  assert.equal(lf(clip), `${email.subject}\n\n${email.body}`, 'the ticket text is the subject and the message');
  assert.equal((await driver.getAllWindowHandles()).length, 1, 'no tab was opened by the test');
  assert.deepEqual(await consoleErrors(driver), []);
});

test('an over-long text is cut at a whole line within each limit, and keeps the note and the reference', async () => {
  await driver.get(`${server.url}/test/channels.html`);
  const root = await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
  // Each é is six characters in a link; the name is in the email twice.
  const long = helpdesk.steps.map((s) => (s.kind === 'fields' && s.node === 'details'
    ? { ...s, values: s.values.map(([id, v]) => [id, id === 'name' ? `Zoé ${'é'.repeat(190)}` : v]) }
    : s));
  await walk(driver, root, long);
  const email = await shownEmail(root);
  const reference = await (await root.findElement(By.css('.gt-reference code'))).getText();
  for (const [css, limit, field] of [['a.gt-channel-teams', 2048, 'message'], ['a.gt-channel-ticket', 2000, 'tf_description']]) {
    const link = await href(root, css);
    assert.ok(link.length <= limit, `${css}: ${link.length} characters, over ${limit}`);
    assert.ok(link.length > limit - 300, `${css} keeps as much as fits: ${link.length}`);
    const text = lf(new URL(link).searchParams.get(field));
    assert.ok(text.endsWith(`\n\n${NOTE}\n${reference}`), `${css} ends with the note and the reference: …${text.slice(-300)}`);
    const kept = text.slice(0, text.length - NOTE.length - reference.length - 3);
    const body = field === 'message' ? `${email.subject}\n\n${email.body}` : email.body;
    assert.ok(body.startsWith(kept) && body[kept.length] === '\n', `${css} cuts at a whole line`);
  }
});

test('a hostile or broken ticket-url is refused with a notice, and no ticket link is shown', async () => {
  await driver.get(`${server.url}/test/channels.html`);
  const root = await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
  await walk(driver, root, helpdesk.steps);
  for (const [template, why] of [
    ['javascript:alert(1)//{body}', 'must start with https://'],
    ['data:text/html,<script>alert(1)</script>{body}', 'must start with https://'],
    ['http://help.contoso.com/new?d={body}', 'must start with https://'],
    ['https://help.contoso.com/new?{body}', 'must be a parameter\'s value'],
    ['https://help.contoso.com/new?d={body}&{subject}=1', 'must be a parameter\'s value'],
    ['https://{subject}.contoso.com/new', 'plain host'],
    ['https://help.contoso.com/new?d={password}', 'is not a ticket placeholder'],
  ]) {
    await driver.executeScript((t) => document.querySelector('guided-troubleshooter').setAttribute('ticket-url', t), template);
    await driver.wait(async () => {
      const notices = await root.findElements(By.css('.gt-setup-notice'));
      return notices.length > 0 && (await notices[0].getText()).includes(why);
    }, 10_000, `no notice for ${template}`);
    const notice = await (await root.findElement(By.css('.gt-setup-notice'))).getText();
    assert.match(notice, /ticket-url: /, notice);
    assert.equal(await heading(driver, root), 'Ask your IT helpdesk to reset your sign-in', 'the person keeps their place');
    assert.deepEqual(await root.findElements(By.css('.gt-channel-ticket')), [], `${template} made a link`);
    assert.equal((await root.findElements(By.css('a.gt-channel-teams'))).length, 1, 'Teams still works');
  }
  // A request type with no prefill (Jira Service Management) opens as written.
  const jira = 'https://contoso.atlassian.net/servicedesk/customer/portal/1/create/10';
  await driver.executeScript((t) => document.querySelector('guided-troubleshooter').setAttribute('ticket-url', t), jira);
  await driver.wait(async () => (await root.findElements(By.css('a.gt-channel-ticket'))).length === 1, 10_000);
  assert.equal(await href(root, 'a.gt-channel-ticket'), jira);
  assert.deepEqual(await root.findElements(By.css('.gt-setup-notice')), []);
});

test('"Did this fix it?": Yes thanks the person; No goes on to IT with the answers kept; both tell the page', async () => {
  const fixed = onePerOutcome(found).find((w) => w.outcome === 'out-self-fix');
  const notFixed = found.walks.find((w) => w.outcome === 'out-helpdesk'
    && w.steps.some((s) => s.kind === 'not_fixed' && s.node === 'out-self-fix'));
  assert.ok(notFixed, 'the engine finds the way from No at out-self-fix');

  await driver.get(`${server.url}/test/channels.html`);
  let root = await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
  await walk(driver, root, fixed.steps);
  assert.equal(await heading(driver, root), 'Set up Authenticator again yourself');
  const question = await root.findElement(By.css('.gt-fixed'));
  assert.match(await question.getText(), /Did this fix it\?/);
  await (await root.findElement(By.css('.gt-fixed-yes'))).click();
  const thanks = await root.findElement(By.css('.gt-fixed-answer'));
  assert.equal(await thanks.getText(), 'Good. You do not need to do anything else.');
  const active = await driver.executeScript((host) => host.shadowRoot.activeElement?.className, await driver.findElement(By.css('guided-troubleshooter')));
  assert.match(active, /gt-fixed-answer/, 'the answer takes the focus of the button that went');
  assert.deepEqual(await root.findElements(By.css('.gt-fixed-yes, .gt-fixed-no')), []);
  assert.deepEqual((await events('resolved')).map(({ type, ...e }) => e),
    [{ node: 'out-self-fix', fixed: true, flow: 'microsoft-authenticator', version: '1.2' }]);

  // Start again, and this time it did not work.
  await (await root.findElement(By.css('.gt-restart'))).click();
  root = await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
  await start(driver, root);
  const review = notFixed.steps.findIndex((s) => s.kind === 'review');
  for (const s of notFixed.steps.slice(0, review)) await step(driver, s, root);
  assert.equal(await heading(driver, root), 'Check your answers');
  const rows = await Promise.all((await root.findElements(By.css('.gt-summary-key'))).map((r) => r.getText()));
  for (const asked of ['Account', 'Other ways to sign in', 'Full name']) {
    assert.ok(rows.some((r) => r.startsWith(asked)), `"${asked}" is still answered: ${rows.join(' | ')}`);
  }
  await step(driver, notFixed.steps[review], root);
  assert.equal(await heading(driver, root), 'Ask your IT helpdesk to reset your sign-in');
  const { body } = await shownEmail(root);
  assert.ok(body.includes('- Already tried, and it did not fix it: setting up Authenticator again myself.'), body);
  assert.match(await (await root.findElement(By.css('.gt-reference code'))).getText(), new RegExp(`path ${notFixed.code}$`));
  assert.ok(notFixed.code.includes('n'), `the path code marks the No: ${notFixed.code}`);
  const resolved = (await events('resolved')).map(({ type, ...e }) => e);
  assert.deepEqual(resolved.at(-1), { node: 'out-self-fix', fixed: false, flow: 'microsoft-authenticator', version: '1.2' });
  const outcomes = (await events('outcome')).map((e) => `${e.node} ${e.kind} ${e.version}`);
  assert.deepEqual(outcomes.slice(-2), ['out-self-fix self_fix 1.2', 'out-helpdesk contact_helpdesk 1.2']);
  assert.deepEqual(await consoleErrors(driver), []);
});

test('a kiosk shows the Teams and ticket links as text and QR codes that decode to them, and opens neither', async () => {
  await driver.get(`${server.url}/test/channels.html`);
  await driver.executeScript(() => document.querySelector('guided-troubleshooter').setAttribute('mode', 'kiosk'));
  const root = await widgetRoot(driver, 'guided-troubleshooter', '.gt-kiosk .gt-start');
  await walk(driver, root, helpdesk.steps);
  assert.deepEqual(await root.findElements(By.css('a.gt-channel-teams, a.gt-channel-ticket')), [], 'no link opens');
  const { subject } = await shownEmail(root);
  const reference = await (await root.findElement(By.css('.gt-reference code'))).getText();
  // Like the outcome's other links: the words, the address, and its code.
  const listed = await driver.executeScript((host) => [...host.shadowRoot.querySelectorAll('.gt-links li')]
    .map((li) => ({ text: li.querySelector('span').firstChild.textContent, url: li.querySelector('.gt-url').textContent })),
  await driver.findElement(By.css('guided-troubleshooter')));
  for (const [label, field] of [['Chat with IT in Teams', 'message'], ['Open a ticket', 'tf_description']]) {
    const k = listed.findIndex((l) => l.text === label);
    assert.ok(k >= 0, `${label} is listed: ${JSON.stringify(listed)}`);
    const decoded = await readQr(driver, `.gt-links li:nth-child(${k + 1}) .gt-qr`);
    assert.equal(decoded, listed[k].url, `${label}: the code holds the link shown`);
    assert.ok(decoded.length <= 1200, `${label}: ${decoded.length} characters fit one code`);
    const text = lf(new URL(decoded).searchParams.get(field));
    assert.ok(text.endsWith(reference), `${label} keeps the reference: …${text.slice(-120)}`);
    if (field === 'message') assert.ok(text.startsWith(`${subject}\n\n`), text.slice(0, 120));
  }
  await screenshot(driver, 'channels-kiosk', await driver.findElement(By.css('guided-troubleshooter')));
});

test('under the strict CSP, channels add only their own module: no violations, nothing from elsewhere', async () => {
  await watchCspViolations(driver);
  server.requests.length = 0;
  await driver.get(`${server.url}/examples/strict-csp.html`);
  let root = await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
  assert.deepEqual(server.requests.filter((p) => p.startsWith('/channels/')), [], 'a page without channels never fetches them');
  await driver.executeScript(() => {
    const widget = document.querySelector('guided-troubleshooter');
    widget.setAttribute('support-teams', 'it-help@contoso.com');
    widget.setAttribute('ticket-url', 'https://contoso.service-now.com/incident.do?sys_id=-1&sysparm_query=short_description={subject}^description={body}');
  });
  root = await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
  await walk(driver, root, helpdesk.steps);
  await root.findElement(By.css('a.gt-channel-teams'));
  const ticket = new URL(await href(root, 'a.gt-channel-ticket'));
  const { subject, body } = await shownEmail(root);
  assert.equal(lf(ticket.searchParams.get('sysparm_query')), `short_description=${subject}^description=${body.replaceAll('^', ' ')}`);
  assert.deepEqual(await driver.executeScript(() => window.__violations), [], 'no CSP violations');
  const channels = server.requests.filter((p) => p.startsWith('/channels/'));
  assert.equal(channels.length, 2, `the channels module's glue and wasm, once: ${channels}`);
  assert.ok(channels.every((p) => /^\/channels\/channels-[0-9a-f]{16}(\.js|_bg\.wasm)$/.test(p)), `${channels}`);
  const origins = await driver.executeScript(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).origin));
  assert.ok(origins.every((o) => o === server.url), `every resource from the page's origin: ${origins}`);
});
