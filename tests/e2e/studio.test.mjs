// The flow studio (dist/studio/), end to end in Chromium: load the built-in flow, break it three
// ways and see each problem placed by line and column with the preview stopped or not, fix it by
// typing, land on a problem's line, replay a way from the Paths tab and compare its email with
// `flowcheck render`, click a node of the graph, find the draft after a reload, and open a
// shared link in a new tab. Screenshots of each tab under target/screenshots/studio/; axe on
// each; no request leaves the page's origin; a page with the widget loads nothing of the studio.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { Key } from 'selenium-webdriver';
import { chromium, consoleErrors, visible } from './browser.mjs';
import { walks, rendered, widgetRoot, heading, By } from './widget.mjs';
import { axe } from './axe.mjs';

const FLOW = 'flows/microsoft-authenticator.json';
const SHOTS = 'target/screenshots/studio';

let server;
let driver;
let original;

before(async () => {
  server = await serve({ mounts: { '/': 'dist' } });
  driver = await chromium({ width: 1400, height: 900 });
  original = await readFile(FLOW, 'utf8');
  await mkdir(SHOTS, { recursive: true });
});

after(async () => {
  await driver?.quit();
  await server?.close();
});

async function openStudio(hash = '') {
  await driver.get(`${server.url}/studio/${hash}`);
  await driver.wait(async () => (await driver.executeScript(() => document.body.dataset.ready)) === 'true', 20_000, 'the studio did not start');
}

/** The editor's whole text. CodeMirror draws only the lines in view, so it is read from the
 * editor's state, found from its DOM as `EditorView.findFromDOM` does. */
const editorText = () => driver.executeScript(() => document.querySelector('.cm-content').cmTile.root.view.state.doc.toString());

/** Drops `text` as a file named `name` on the editor, as a person drags one in. */
async function drop(text, name = 'flow.json') {
  await driver.executeScript((text, name) => {
    const data = new DataTransfer();
    data.items.add(new File([text], name, { type: 'application/json' }));
    document.querySelector('.editor-pane').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text, name);
}

/** The problems listed, once the check of `text` has run. */
async function problemsFor(text) {
  await driver.wait(async () => (await editorText()) === text, 5_000, 'the editor did not take the text');
  // The check runs once typing pauses; its summary names the count.
  await driver.sleep(600);
  return driver.executeScript(() => [...document.querySelectorAll('#problems li')].map((li) => ({
    place: li.querySelector('.problem-place').textContent,
    severity: li.querySelector('.severity').textContent,
    message: li.querySelector('.message').textContent,
  })));
}

/** Line and column (1-based, in characters) of the first `needle` in `text`, after `from`. */
function placeOf(text, needle, from = 0) {
  const at = text.indexOf(needle, from);
  assert.ok(at >= 0, `${needle} is not in the text`);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: [...before.slice(before.lastIndexOf('\n') + 1)].length + 1 };
}

async function tab(name) {
  await (await driver.findElement(By.id(`tab-${name}`))).click();
  await visible(driver, `#panel-${name}`);
}

const previewStopped = () => driver.executeScript(() => !document.getElementById('preview-stopped').hidden);

async function shoot(name) {
  await writeFile(join(SHOTS, `${name}.png`), await driver.takeScreenshot(), 'base64');
  const violations = await axe(driver, 'body');
  assert.deepEqual(violations, [], `axe on the ${name} view: ${JSON.stringify(violations, null, 1)}`);
}

test('the built-in flow loads with no problems and runs in the preview', async () => {
  await openStudio();
  await driver.executeScript(() => localStorage.clear());
  const select = await driver.findElement(By.id('template'));
  await select.findElement(By.css('option[value="microsoft-authenticator.json"]')).click();
  assert.deepEqual(await problemsFor(original), []);
  assert.match(await (await driver.findElement(By.id('problems-summary'))).getText(), /^No problems: \d+ nodes/);
  await shoot('problems-clean');
  await tab('preview');
  const root = await widgetRoot(driver, '#studio-preview', '.gt-start');
  assert.ok(await root.findElement(By.css('.gt-button-start')));
  await shoot('preview');
});

test('a trailing comma, an unknown key and a missing next are each placed, and stop the preview', async () => {
  const comma = original.replace(/"minutes": (\d+),/, '"minutes": $1,,');
  await drop(comma);
  let found = await problemsFor(comma);
  assert.equal(found.length, 1, JSON.stringify(found));
  const at = placeOf(comma, ',,');
  assert.equal(found[0].place, `Line ${at.line}, column ${at.column + 1}`);
  assert.match(found[0].severity, /stops the preview/);
  assert.equal(await previewStopped(), true);

  const unknown = original.replace('"title": "', '"colour": "red", "title": "');
  await drop(unknown);
  found = await problemsFor(unknown);
  const colour = found.find((p) => p.message.includes('colour'));
  assert.ok(colour, JSON.stringify(found));
  const key = placeOf(unknown, '"colour"');
  assert.equal(colour.place, `Line ${key.line}, column ${key.column}`);
  assert.equal(await previewStopped(), true);

  const noNext = original.replace(',\n          "next": "screen"', '');
  await drop(noNext);
  found = await problemsFor(noNext);
  const next = found.find((p) => /next/.test(p.message));
  assert.ok(next, JSON.stringify(found));
  assert.equal(next.place, `Line ${placeOf(noNext, '{', noNext.indexOf('"id": "work"') - 30).line}, column 9`);
  assert.equal(await previewStopped(), true);
  await tab('problems');
  await shoot('problems-errors');
});

test('clicking a problem lands on its line, and typing the fix runs the preview again', async () => {
  const unknown = original.replace('"title": "', '"colour": "red", "title": "');
  await drop(unknown);
  await problemsFor(unknown);
  const key = placeOf(unknown, '"colour"');
  await (await driver.findElement(By.css('#problems .problem-place'))).click();
  const active = await driver.findElement(By.css('.cm-activeLine'));
  assert.match(await active.getText(), /"colour": "red"/);
  assert.equal(await (await driver.findElement(By.css('.cm-activeLineGutter'))).getText(), String(key.line));
  // The cursor is at the key: delete `"colour": "red", ` with the keyboard.
  await driver.switchTo().activeElement().sendKeys(...Array('"colour": "red", '.length).fill('\uE017'));
  assert.deepEqual(await problemsFor(original), []);
  assert.equal(await previewStopped(), false);
  await tab('preview');
  await widgetRoot(driver, '#studio-preview', '.gt-start');
});

test('keys and values complete from the flow schema, and hovering a key explains it', async () => {
  await drop(original);
  await problemsFor(original);
  // The cursor on a new line inside the first node, which has no `hint` yet.
  const at = original.indexOf('"text": "Which account');
  await driver.executeScript((at) => {
    const view = document.querySelector('.cm-content').cmTile.root.view;
    view.dispatch({ changes: { from: at, insert: '\n' }, selection: { anchor: at } });
    view.focus();
  }, at);
  await driver.switchTo().activeElement().sendKeys(Key.CONTROL, ' ');
  const list = await visible(driver, '.cm-tooltip-autocomplete');
  const options = await list.getText();
  assert.match(options, /"hint"/);
  assert.match(options, /"routes"/);
  assert.doesNotMatch(options, /"options"/, 'keys the node has are not offered');
  await driver.switchTo().activeElement().sendKeys(Key.ESCAPE);
  await driver.executeScript(() => {
    const view = document.querySelector('.cm-content').cmTile.root.view;
    view.dispatch({ selection: { anchor: 0 }, scrollIntoView: true });
  });

  // The pointer over the middle of the key `"format"` (3 characters in).
  const point = await driver.executeScript((at) => {
    const view = document.querySelector('.cm-content').cmTile.root.view;
    const box = view.coordsAtPos(at);
    return { x: Math.round(box.left), y: Math.round((box.top + box.bottom) / 2) };
  }, original.indexOf('"format"') + 3);
  await driver.actions().move({ x: point.x, y: point.y }).perform();
  const tip = await visible(driver, '.cm-tooltip-hover .hover-doc');
  assert.match(await tip.getText(), /^format: The file format version/);
  await drop(original);
  await problemsFor(original);
});

test('warnings leave the preview running', async () => {
  const v10 = await readFile('tests/fixtures/microsoft-authenticator-v1.0.json', 'utf8');
  await drop(v10, 'v1.0.json');
  const found = await problemsFor(v10);
  assert.ok(found.some((p) => p.severity === 'warning'), JSON.stringify(found));
  assert.ok(found.every((p) => !/stops the preview/.test(p.severity)));
  assert.equal(await previewStopped(), false);
  await drop(original, 'microsoft-authenticator.json');
  await problemsFor(original);
});

test('a way replayed from the Paths tab reaches its outcome with the email flowcheck renders', async () => {
  await tab('paths');
  await visible(driver, '#paths li');
  const found = walks(FLOW);
  const index = found.walks.findIndex((w) => w.outcome === 'out-helpdesk');
  const way = found.walks[index];
  const config = await driver.executeScript(() => Object.fromEntries(
    [...document.querySelectorAll('[data-attribute]')].filter((i) => i.id !== 'set-lang' && i.id !== 'set-mode')
      .map((i) => [i.dataset.attribute.replace('-', '_'), i.value]),
  ));
  const text = await rendered(FLOW, way, config);
  const mailto = text.split('\n== mailto\n')[1].split('\n')[0];

  const item = await driver.findElement(By.id(`way-${index + 1}`));
  assert.match(await item.getText(), /out-helpdesk/);
  await (await item.findElement(By.css('summary'))).click();
  assert.equal(await (await item.findElement(By.css('.transcript'))).getAttribute('textContent'), text);
  await shoot('paths');
  await (await item.findElement(By.css('.replay'))).click();
  const root = await widgetRoot(driver, '#studio-preview', '.gt-outcome');
  const link = await root.findElement(By.css('a[href^="mailto:"]'));
  assert.equal(await link.getAttribute('href'), mailto);
});

test('a node of the graph opens it in the editor and in the preview', async () => {
  await tab('graph');
  const node = await visible(driver, '#graph g.node[data-node="screen"]', 30_000);
  await shoot('graph');
  await node.click();
  assert.match(await (await driver.findElement(By.css('.cm-activeLine'))).getText(), /"id": "screen"/);
  const flow = JSON.parse(original);
  const text = flow.nodes.find((n) => n.id === 'screen').text;
  await tab('preview');
  const root = await widgetRoot(driver, '#studio-preview', '.gt-question');
  assert.equal(await heading(driver, root), text);
});

test('the Tests tab runs the flow\'s test file', async () => {
  await tab('tests');
  await (await driver.findElement(By.id('tests-builtin'))).click();
  const summary = await driver.findElement(By.id('tests-summary'));
  await driver.wait(async () => /all passed/.test(await summary.getText()), 20_000, 'the tests did not run');
  assert.match(await summary.getText(), /^microsoft-authenticator\.tests\.json: \d+ cases and \d+ rules on \d+ ways through the flow: all passed\.$/);
  await shoot('tests');
});

test('the draft survives a reload, and a shared link opens the same flow in a new tab', async () => {
  const draft = original.replace('"title": "', '"title": "Draft: ');
  await drop(draft, 'mine.json');
  await problemsFor(draft);
  await openStudio();
  assert.equal(await editorText(), draft);
  assert.match(await (await driver.findElement(By.id('status'))).getText(), /draft is back/);

  await (await driver.findElement(By.id('share'))).click();
  const link = await driver.wait(async () => (await driver.findElement(By.id('share-url'))).getAttribute('value'), 5_000);
  assert.ok(link.startsWith(`${server.url}/studio/#flow=`), link);
  // A different draft in storage: the link must win over it.
  await (await driver.findElement(By.id('clear-draft'))).click();
  await driver.switchTo().newWindow('tab');
  await driver.get(link);
  await driver.wait(async () => (await driver.executeScript(() => document.body.dataset.ready)) === 'true', 20_000);
  assert.equal(await editorText(), draft);
  assert.deepEqual(await problemsFor(draft), []);
});

test('the studio sends nothing anywhere, and a page with the widget loads none of it', async () => {
  const elsewhere = await driver.executeScript(() => performance.getEntriesByType('resource')
    .map((e) => e.name).filter((u) => !u.startsWith(location.origin) && !u.startsWith('blob:')));
  assert.deepEqual(elsewhere, []);
  assert.deepEqual((await consoleErrors(driver)).filter((m) => !/favicon/.test(m)), []);
  const before = server.requests.length;
  await driver.get(`${server.url}/index.html`);
  await widgetRoot(driver, 'guided-troubleshooter', '.gt-start');
  await driver.sleep(500);
  const studio = server.requests.slice(before).filter((p) => p.startsWith('/studio/'));
  assert.deepEqual(studio, []);
});
