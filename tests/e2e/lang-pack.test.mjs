// lang.js puts a translation into a flow in the browser as src/flow/translation.rs does for
// flowcheck: for each built-in language the two give the same flow, an overlay that leaves
// texts out is refused at the first text flowcheck names, and a language file is read in the
// order of the widget's keys or refused for the key it lacks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { translated, words } from '../../src/embed/lang.js';

const FLOW = 'flows/microsoft-authenticator.json';

function flowcheck(...args) {
  const run = spawnSync('cargo', ['run', '--quiet', '--bin', 'flowcheck', '--', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

test('lang.js and flowcheck put each built-in translation into the flow alike', async () => {
  const flow = await readFile(FLOW, 'utf8');
  for (const lang of ['de', 'es', 'ar']) {
    const overlay = JSON.parse(await readFile(`flows/microsoft-authenticator.${lang}.json`, 'utf8'));
    const rust = flowcheck('translate', FLOW, '--lang', lang);
    assert.equal(rust.status, 0, rust.stderr);
    const js = JSON.parse(translated(flow, overlay));
    assert.deepEqual(js, JSON.parse(rust.stdout), lang);
    assert.equal(js.language, lang);
  }
});

test('a translation with texts left out is refused where flowcheck says the first is', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'troubleshooter-lang-'));
  try {
    const flow = await readFile(FLOW, 'utf8');
    const overlay = JSON.parse(await readFile('flows/microsoft-authenticator.de.json', 'utf8'));
    delete overlay.nodes.screen.options.code.label;
    overlay.nodes['out-helpdesk'].email.body[3] = null;
    overlay.nodes['out-helpdesk'].steps = 'not a list';
    await writeFile(join(dir, 'flow.json'), flow);
    await writeFile(join(dir, 'flow.de.json'), JSON.stringify(overlay));
    const check = flowcheck('check', join(dir, 'flow.json'));
    const missing = check.stderr.split('\n').filter((l) => l.endsWith(': this text has no translation'))
      .map((l) => l.slice(`${join(dir, 'flow.de.json')}:`.length, -': this text has no translation'.length));
    assert.ok(missing.length > 3, check.stderr);
    assert.throws(() => translated(flow, overlay), { message: `${missing[0]}: this text and ${missing.length - 1} more have no translation` });
    assert.throws(() => translated(flow, []), { message: 'the translation is not a JSON object' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a language file is read in the order of the keys, or refused for what is wrong', async () => {
  const german = JSON.parse(await readFile('src/i18n/de.json', 'utf8'));
  const keys = Object.keys(german).filter((k) => k !== 'language_names').reverse();
  const read = words(german, keys);
  assert.equal(read.texts[keys.indexOf('back')], german.back);
  const counted = read.texts[keys.indexOf('start_minutes')];
  assert.deepEqual(counted, Object.entries(german.start_minutes));
  assert.deepEqual(read.names.find(([tag]) => tag === 'ar'), ['ar', german.language_names.ar]);
  assert.throws(() => words(german, [...keys, 'brand_new']), { message: '`brand_new` is missing' });
  assert.throws(() => words(german, keys.slice(1)), { message: `\`${keys[0]}\` is not a key of the interface` });
  assert.throws(() => words({ ...german, back: 3 }, keys), { message: '`back`: not a text' });
});
