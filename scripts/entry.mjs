// Trunk post-build hook: names the stylesheet by its content hash and writes troubleshooter.js,
// the stable entry a page loads, pointing at the hashed glue, wasm and stylesheet. Release builds
// minify the three text files (esbuild), which are otherwise a fifth of what a page downloads.
import { createHash } from 'node:crypto';
import { transform } from 'esbuild';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildModule } from './modules.mjs';
import { buildStudio } from './studio.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');
const release = process.env.TRUNK_PROFILE === 'release';
const minified = async (text, loader) =>
  release ? (await transform(text, { loader, minify: true, legalComments: 'none' })).code : text;
const files = await readdir(dir);
const one = (test, what) => {
  const found = files.filter(test);
  if (found.length !== 1) throw new Error(`expected one ${what} in ${dir}, found ${found.join(', ') || 'none'}`);
  return found[0];
};
const glue = one((f) => /^widget(-[0-9a-f]+)?\.js$/.test(f), 'wasm-bindgen glue');
const wasm = one((f) => /^widget(-[0-9a-f]+)?_bg\.wasm$/.test(f), 'wasm module');

await writeFile(join(dir, glue), await minified(await readFile(join(dir, glue), 'utf8'), 'js'));
const css = await minified(await readFile(join(dir, 'widget.css'), 'utf8'), 'css');
const cssName = `widget-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
await writeFile(join(dir, cssName), css);
await rm(join(dir, 'widget.css'));

// The element's attributes, declared once in attributes.txt (build.rs reads it for the Rust side):
// one name a line, `#` starts a comment.
const attributes = (await readFile('src/embed/attributes.txt', 'utf8'))
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'))
  .map((name) => {
    if (!/^[a-z-]+$/.test(name)) throw new Error(`src/embed/attributes.txt: \`${name}\` is not an attribute name`);
    return JSON.stringify(name);
  });
const checker = await buildModule('checker', dir, release, minified);
const qr = await buildModule('qr', dir, release, minified);
const channels = await buildModule('channels', dir, release, minified);
await buildStudio(dir, release, minified);
const entry = await minified(
  (await readFile('src/embed/troubleshooter.js', 'utf8'))
    .replaceAll('__CHECKER_GLUE__', checker.glue)
    .replaceAll('__CHECKER_WASM__', checker.wasm)
    .replaceAll('__QR_GLUE__', qr.glue)
    .replaceAll('__QR_WASM__', qr.wasm)
    .replaceAll('__CHANNELS_GLUE__', channels.glue)
    .replaceAll('__CHANNELS_WASM__', channels.wasm)
    .replaceAll('__GLUE__', glue)
    .replaceAll('__WASM__', wasm)
    .replaceAll('__CSS__', cssName)
    .replace('__ATTRIBUTES__', `[${attributes.join(', ')}]`),
  'js',
);
await writeFile(join(dir, 'troubleshooter.js'), entry);

// The service worker and its opt-in loader. The cache name carries a hash of the widget's files,
// so every build with a change gets a new cache and the worker deletes the old ones.
// Only kiosks register it, so the QR module is kept from the start too, and the channels module
// for a kiosk whose page sets Teams or a ticket form.
const widget = ['troubleshooter.js', glue, wasm, cssName, qr.glue, qr.wasm, channels.glue, channels.wasm];
const version = createHash('sha256').update(widget.join('\n')).update(entry).digest('hex').slice(0, 16);
const worker = (await readFile('src/embed/sw.js', 'utf8'))
  .replace('__VERSION__', version)
  .replace('__FILES__', JSON.stringify(widget.map((f) => `./${f}`)));
await writeFile(join(dir, 'sw.js'), worker);
await writeFile(join(dir, 'offline.js'), await readFile('src/embed/offline.js'));

// Languages other than English, fetched only by pages that use them (src/i18n.rs): the interface
// words and the built-in flows' translations, without their indentation.
await mkdir(join(dir, 'lang'), { recursive: true });
const compact = async (from, to) => writeFile(join(dir, 'lang', to), JSON.stringify(JSON.parse(await readFile(from, 'utf8'))));
for (const file of await readdir('src/i18n')) await compact(join('src/i18n', file), file);
for (const file of await readdir('flows')) {
  if (/^[a-z0-9-]+\.[a-z]{2,3}(-[A-Za-z0-9]+)*\.json$/.test(file)) await compact(join('flows', file), file);
}
await writeFile(join(dir, 'lang', 'lang.js'), await minified(await readFile('src/embed/lang.js', 'utf8'), 'js'));

// With inject_scripts off, Trunk leaves its own <link data-trunk rel="rust"> tag behind.
const index = join(dir, 'index.html');
const html = await readFile(index, 'utf8');
await writeFile(index, html.replace(/\s*<link[^>]*data-trunk[^>]*rel="rust"[^>]*>/g, ''));
console.log(`troubleshooter.js -> ${glue}, ${wasm}, ${cssName}; ${checker.glue}, ${qr.glue}, ${channels.glue}`);
