// The bytes a page loads for the widget (troubleshooter.js, the wasm-bindgen glue, the wasm
// module and the stylesheet), raw, gzip and brotli, with a budget on the gzip total; then what
// each other language adds, fetched only by a page in it, and what the checker module adds for
// a page with its own flow file, and what the studio page loads.
// Usage: node scripts/size.mjs [dist] [--budget KB]
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'dist';
const budgetAt = args.indexOf('--budget');
const budget = budgetAt >= 0 ? Number(args[budgetAt + 1]) * 1024 : null;

const files = (await readdir(dir)).filter((f) => /^(troubleshooter\.js|widget-[0-9a-f]+(\.js|_bg\.wasm|\.css))$/.test(f)).sort();
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
/** Raw, gzip and brotli bytes of some files together. */
async function measure(paths) {
  const row = { raw: 0, gzip: 0, brotli: 0 };
  for (const path of paths) {
    const bytes = await readFile(path);
    row.raw += bytes.length;
    row.gzip += gzipSync(bytes, { level: 9 }).length;
    row.brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return row;
}
const line = (name, row) => console.log(`${name.padEnd(34)} ${[row.raw, row.gzip, row.brotli].map((n) => kb(n).padStart(10)).join(' ')}`);
const heading = (name) => console.log(`${name.padEnd(34)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`);

heading('file');
for (const file of files) line(file, await measure([`${dir}/${file}`]));
const total = await measure(files.map((f) => `${dir}/${f}`));
line('total', total);
// A page in another language also fetches, on demand, its interface words and the built-in
// flow's translation (dist/lang/): what each language adds to the English page.
const lang = await readdir(`${dir}/lang`).catch(() => []);
const languages = [...new Set(lang.map((f) => f.match(/(?:^|\.)([a-z]{2,3})\.json$/)?.[1]).filter(Boolean))].sort();
if (languages.length) {
  console.log();
  heading('extra download, per language');
}
for (const code of languages) {
  const mine = lang.filter((f) => f === `${code}.json` || f.endsWith(`.${code}.json`));
  line(`${code} (${mine.length} files)`, await measure(mine.map((f) => `${dir}/lang/${f}`)));
}
if (lang.includes('lang.js')) line('lang.js (once, for any of them)', await measure([`${dir}/lang/lang.js`]));
// A page with its own flow file also fetches the checker module (dist/checker/), a kiosk the
// QR module (dist/qr/), and a page with Teams or a ticket form the channels module
// (dist/channels/), once each.
console.log();
for (const [name, what] of [['checker', 'a page\'s own flow'], ['qr', 'a kiosk'], ['channels', 'Teams or a ticket form']]) {
  const files = await readdir(`${dir}/${name}`).catch(() => []);
  if (files.length) line(`${what}: ${name}/`, await measure(files.map((f) => `${dir}/${name}/${f}`)));
}
// The studio (dist/studio/) is a page of its own, which no page with the widget loads: its
// module and page, then Mermaid, which it fetches the first time the graph opens.
const studio = (await readdir(`${dir}/studio`).catch(() => [])).filter((f) => /\.(js|wasm|css|html)$/.test(f));
if (studio.length) {
  console.log();
  line('the studio page: studio/', await measure(studio.map((f) => `${dir}/studio/${f}`)));
  const chunks = `${dir}/studio/mermaid/chunks/mermaid.esm.min`;
  const mermaid = [`${dir}/studio/mermaid/mermaid.esm.min.mjs`, ...(await readdir(chunks).catch(() => [])).map((f) => `${chunks}/${f}`)];
  line('  and its graph: studio/mermaid/', await measure(mermaid));
}
if (budget !== null) {
  const ok = total.gzip <= budget;
  console.log(`size budget: ${kb(total.gzip)} gzip of ${kb(budget)} allowed: ${ok ? 'ok' : 'OVER BUDGET'}`);
  if (!ok) process.exit(1);
}
