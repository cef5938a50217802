// Every outcome of the built-in flow, reached with the keyboard alone, in each browser engine;
// axe on every distinct screen (error states and the summary included); the outcome's heading,
// mailto link and phone script checked against the engine's own transcript; screenshots of each
// distinct screen at a phone and a desktop size under target/screenshots/<engine>/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFile, mkdir } from 'node:fs/promises';
import { serve } from './server.mjs';
import { open, ENGINES } from './browser.mjs';
import { walks, onePerOutcome, rendered, widgetRoot, By } from './widget.mjs';
import { keyStart, keyStep, keySubmitEmpty, headingText } from './keyboard.mjs';
import { axe } from './axe.mjs';

const FLOW = 'flows/microsoft-authenticator.json';
const SIZES = [[390, 844], [1280, 800]];
// The demo page's settings (index.html), which the transcripts are rendered with.
const CONFIG = {
  org_name: 'Contoso',
  support_email: 'helpdesk@contoso.com',
  support_phone: '+1 555 0100',
  support_hours: 'Monday to Friday, 8:00 to 18:00',
};

let server;
let outcomes;
let titles;

before(async () => {
  server = await serve({ mounts: { '/': 'dist' } });
  outcomes = onePerOutcome(walks(FLOW));
  const flow = JSON.parse(execFileSync('cat', [FLOW], { encoding: 'utf8' }));
  titles = Object.fromEntries(flow.nodes.filter((n) => n.type === 'outcome').map((n) => [n.id, n.title]));
});

after(async () => server?.close());

/** The engine's transcript of a walk: what the outcome must show. */
async function transcript(walk) {
  const text = await rendered(FLOW, walk, CONFIG);
  const section = (name) => text.split(`\n== ${name}`)[1]?.split('\n== ')[0];
  return {
    mailto: section('mailto')?.trim() ?? null,
    script: text.split('\n').filter((l) => /^\d+\. /.test(l)).map((l) => l.replace(/^\d+\. /, '')),
  };
}

function decodeMailto(url) {
  const [, query = ''] = url.split('?');
  const fields = Object.fromEntries(query.split('&').map((p) => p.split('=').map(decodeURIComponent)));
  return { to: decodeURIComponent(url.slice('mailto:'.length).split('?')[0]), ...fields };
}

test('the checker sees inside the shadow root (a planted violation is found)', async () => {
  const driver = await open(ENGINES[0], { width: 1280, height: 800 });
  try {
    await driver.get(`${server.url}/`);
    const host = await driver.findElement(By.css('guided-troubleshooter'));
    await widgetRoot(driver, host, '.gt-start');
    await driver.executeScript((h) => {
      const img = document.createElement('img');
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      h.shadowRoot.querySelector('.gt').append(img);
    }, host);
    const found = await axe(driver);
    assert.deepEqual(found.map((v) => v.rule), ['image-alt']);
  } finally {
    await driver.quit();
  }
});

for (const engine of ENGINES) {
  test(`${engine}: every outcome by keyboard, axe on every screen`, { timeout: 20 * 60_000 }, async () => {
    const driver = await open(engine, { width: 1280, height: 800 });
    const checked = new Set();
    const violations = [];
    let reached = 0;
    await mkdir(`target/screenshots/${engine}`, { recursive: true });

    async function check(host, key) {
      if (checked.has(key)) return;
      checked.add(key);
      for (const v of await axe(driver)) violations.push({ screen: key, ...v });
      for (const [width, height] of SIZES) {
        await driver.manage().window().setRect({ width, height });
        await writeFile(`target/screenshots/${engine}/${key.replace(/[^a-z0-9-]+/gi, '_')}-${width}x${height}.png`, await driver.takeScreenshot(), 'base64');
      }
      await driver.manage().window().setRect({ width: 1280, height: 800 });
    }

    try {
      // Under a strict CSP a blocked WebAssembly compile throws (WebKit raises no
      // securitypolicyviolation event), and the widget would not render at all.
      await driver.get(`${server.url}/examples/strict-csp.html`);
      await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');

      for (const walk of outcomes) {
        await driver.get(`${server.url}/`);
        const hostEl = await driver.findElement(By.css('guided-troubleshooter'));
        await widgetRoot(driver, hostEl, '.gt-start');
        await check(hostEl, 'start');
        await keyStart(driver, hostEl);
        const seenErrors = new Set();
        for (const step of walk.steps) {
          const key = step.kind === 'review' ? 'review' : `${step.kind}-${step.node}`;
          await check(hostEl, key);
          if ((step.kind === 'question' || step.kind === 'fields') && !checked.has(`${key}-error`) && !seenErrors.has(key)) {
            seenErrors.add(key);
            const hasRequired = step.kind === 'question' || step.values.length > 0;
            if (hasRequired) {
              await keySubmitEmpty(driver, hostEl);
              const shown = await driver.executeScript((h) => !!h.shadowRoot.querySelector('.gt-error-summary'), hostEl);
              if (shown) await check(hostEl, `${key}-error`);
            }
          }
          await keyStep(driver, hostEl, step);
        }
        const heading = await headingText(driver, hostEl);
        assert.equal(heading, titles[walk.outcome], `${engine}: the outcome of walk ${walk.code}`);
        await check(hostEl, `outcome-${walk.outcome}`);
        const expected = await transcript(walk);
        const mailto = await driver.executeScript((h) => h.shadowRoot.querySelector('.gt-email a[href^="mailto:"]')?.getAttribute('href') ?? null, hostEl);
        assert.equal(mailto, expected.mailto, `${walk.outcome}: the mailto link`);
        if (mailto) {
          const shown = decodeMailto(mailto);
          const preview = await driver.executeScript((h) => [h.shadowRoot.querySelector('.gt-email-subject').textContent, h.shadowRoot.querySelector('.gt-email-body').textContent], hostEl);
          assert.equal(shown.subject, preview[0], 'the link\'s subject is the one shown');
          assert.equal(shown.body.replaceAll('\r\n', '\n'), preview[1], 'the link\'s body is the one shown');
        }
        const script = await driver.executeScript((h) => [...h.shadowRoot.querySelectorAll('.gt-script li')].map((li) => li.textContent), hostEl);
        assert.deepEqual(script, expected.script, `${walk.outcome}: the phone script`);
        reached += 1;
      }
    } finally {
      await driver.quit();
    }
    console.log(`${engine}: ${reached} outcomes reached, ${checked.size} screens checked, ${violations.length} violations`);
    for (const v of violations) console.log(`  ${v.screen}: ${v.rule} (${v.impact}) ${v.help}\n    ${v.nodes.join('\n    ')}`);
    assert.equal(reached, outcomes.length);
    assert.equal(violations.length, 0, 'axe violations');
  });
}
