// Languages, end to end on the built dist/: every outcome of the built-in flow in German,
// Spanish and Arabic in Chromium (Arabic also in Firefox ESR and WebKitGTK), with axe on every
// screen, focus on every new heading and a screenshot of every screen at 390x844 under
// target/screenshots/<lang>/; each step of the language choice; handoff-lang; a live change of
// `lang` partway; two widgets in two languages on one page; an unknown language's notice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { serve } from './server.mjs';
import { chromium, consoleErrors, ENGINES, open } from './browser.mjs';
import { axe } from './axe.mjs';
import { walks, onePerOutcome, widgetRoot, heading, start, step, focused, screenshot, By } from './widget.mjs';

const overlay = (lang) => JSON.parse(readFileSync(`flows/microsoft-authenticator.${lang}.json`, 'utf8'));
const english = JSON.parse(readFileSync('flows/microsoft-authenticator.json', 'utf8'));
const interfaceWords = (lang) => JSON.parse(readFileSync(`src/i18n/${lang}.json`, 'utf8'));

let server;
let outcomes;

before(async () => {
  server = await serve({ mounts: { '/': 'dist', '/test/': 'tests/e2e/pages' } });
  outcomes = onePerOutcome(walks('flows/microsoft-authenticator.json'));
});

after(async () => server?.close());

const page = (query) => `${server.url}/test/languages.html?${new URLSearchParams(query)}`;

async function rootLang(root) {
  const gt = await root.findElement(By.css('.gt'));
  return [await gt.getAttribute('lang'), await gt.getAttribute('dir')];
}

/** Opens the page with `query` and takes the first `steps` steps (all by default) to out-helpdesk. */
async function helpdeskWalk(driver, query, steps = Infinity) {
  const w = outcomes.find((o) => o.outcome === 'out-helpdesk');
  await driver.get(page(query));
  const root = await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
  await start(driver, root);
  for (const s of w.steps.slice(0, steps)) await step(driver, s, root);
  return root;
}

/** Walks every outcome in `lang` in `driver`, checking every screen; in Chromium (`shots`), screenshots and the console. */
async function everyOutcome(driver, lang, { shots }) {
  const texts = overlay(lang);
  const seen = new Set();
  for (const w of outcomes) {
    await driver.get(page({ lang }));
    const root = await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
    assert.deepEqual(await rootLang(root), [lang, lang === 'ar' ? 'rtl' : 'ltr']);
    assert.equal(await heading(driver, root), texts.title);
    await start(driver, root);
    for (const [i, s] of [...w.steps, null].entries()) {
      const now = await heading(driver, root);
      const node = i < w.steps.length ? w.steps[i].node : w.outcome;
      if (i > 0) {
        const f = await focused(driver);
        assert.ok(f.cls.includes('gt-heading'), `${lang} ${w.outcome} step ${i}: focus on the heading, not ${f.tag}.${f.cls}`);
      }
      const key = node ?? `review-${w.outcome}`;
      if (!seen.has(key)) {
        seen.add(key);
        assert.deepEqual(await axe(driver), [], `${lang}: axe on ${key}`);
        if (shots) await screenshot(driver, `${lang}/${key}`);
      }
      if (s) await step(driver, s, root);
      else assert.equal(now, texts.nodes[w.outcome].title, `${lang}: the outcome ${w.outcome} in its language`);
    }
  }
  // Only Chromium's driver hands over the console.
  if (shots) assert.deepEqual(await consoleErrors(driver), []);
}

for (const lang of ['de', 'es', 'ar']) {
  test(`every outcome in ${lang} in Chromium, 390x844`, async () => {
    await mkdir(`target/screenshots/${lang}`, { recursive: true });
    const driver = await chromium({ width: 390, height: 844 });
    try {
      await everyOutcome(driver, lang, { shots: true });
    } finally {
      await driver.quit();
    }
  });
}

for (const engine of ENGINES.filter((e) => e !== 'chromium')) {
  test(`every outcome in Arabic in ${engine}`, async () => {
    const driver = await open(engine, { width: 390, height: 844 });
    try {
      await everyOutcome(driver, 'ar', { shots: false });
    } finally {
      await driver.quit();
    }
  });
}

test('the language comes from the element, its ancestors, the browser, or the flow', async () => {
  const driver = await chromium();
  try {
    const shown = async (query) => {
      await driver.get(page(query));
      const root = await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
      return [...await rootLang(root), await heading(driver, root)];
    };
    assert.deepEqual(await shown({ lang: 'de-AT' }), ['de', 'ltr', overlay('de').title], 'de-AT falls back to de');
    assert.deepEqual(await shown({ ancestor: 'es' }), ['es', 'ltr', overlay('es').title], 'the nearest ancestor');
    assert.deepEqual(await shown({ ancestor: 'es', lang: 'ar' }), ['ar', 'rtl', overlay('ar').title], 'its own first');
    assert.deepEqual(await shown({}), ['en', 'ltr', english.title], '<html lang="en">');
    await driver.sendDevToolsCommand('Network.setUserAgentOverride', {
      userAgent: await driver.executeScript(() => navigator.userAgent), acceptLanguage: 'fr-FR,es-MX,en',
    });
    assert.deepEqual(await shown({ lang: 'auto' }), ['es', 'ltr', overlay('es').title], 'the browser\'s list, in order');
    await driver.get(page({ lang: 'fr' }));
    const root = await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
    assert.deepEqual(await rootLang(root), ['en', 'ltr']);
    const notice = await (await root.findElement(By.css('.gt-setup-notice'))).getText();
    assert.match(notice, /lang: `fr` is not available; showing `en`\. This flow is in: en, de, es, ar/);
  } finally {
    await driver.quit();
  }
});

test('changing lang partway keeps the answers and redraws the screen', async () => {
  const driver = await chromium();
  try {
    const root = await helpdeskWalk(driver, { lang: 'de' }, 2);
    const node = outcomes.find((o) => o.outcome === 'out-helpdesk').steps[2].node;
    assert.equal(await heading(driver, root), overlay('de').nodes[node].text ?? overlay('de').nodes[node].title);
    await driver.executeScript(() => document.querySelector('guided-troubleshooter').setAttribute('lang', 'es'));
    await driver.wait(async () => (await rootLang(root))[0] === 'es', 10_000, 'redrawn in Spanish');
    assert.equal(await heading(driver, root), overlay('es').nodes[node].text ?? overlay('es').nodes[node].title);
    // Back goes to the answer given in German, still chosen.
    await (await root.findElement(By.css('.gt-back'))).click();
    await driver.wait(async () => (await root.findElements(By.css('input[type=radio]:checked'))).length === 1, 10_000);
    assert.equal(await (await root.findElement(By.css('.gt-back'))).getText(), interfaceWords('es').back);
  } finally {
    await driver.quit();
  }
});

test('handoff-lang writes the email in the helpdesk\'s language and says which one the person read', async () => {
  const driver = await chromium();
  try {
    const root = await helpdeskWalk(driver, { lang: 'ar', 'handoff-lang': 'en', second: 'de' });
    assert.equal(await heading(driver, root), overlay('ar').nodes['out-helpdesk'].title);
    const subject = await (await root.findElement(By.css('.gt-email-subject'))).getText();
    const template = english.nodes.find((n) => n.id === 'out-helpdesk').email.subject;
    assert.ok(subject.startsWith(template.split('{')[0]) && !/[\u0600-\u06ff]/.test(subject), `an English subject: ${subject}`);
    const body = await (await root.findElement(By.css('.gt-email-body'))).getText();
    assert.match(body, /The person used the troubleshooter in Arabic\.$/);
    const mailto = await (await root.findElement(By.css('.gt-email a[href^="mailto:"]'))).getAttribute('href');
    assert.match(decodeURIComponent(mailto), /The person used the troubleshooter in Arabic\./);
    // The second widget on the page is in German, on its own.
    const second = await widgetRoot(driver, '#second', '.gt-start');
    assert.deepEqual(await rootLang(second), ['de', 'ltr']);
    assert.equal(await heading(driver, second), overlay('de').title);
    assert.deepEqual(await consoleErrors(driver), []);
  } finally {
    await driver.quit();
  }
});
