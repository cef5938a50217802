// The bytes a page loads for the widget (troubleshooter.js, the wasm-bindgen glue, the wasm
// module and the stylesheet), raw, gzip and brotli, with a budget on the gzip total; then what
// each other language adds, fetched only by a page in it.
// Usage: node scripts/size.mjs [dist] [--budget KB]
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'dist';
const budgetAt = args.indexOf('--budget');
const budget = budgetAt >= 0 ? Number(args[budgetAt + 1]) * 1024 : null;

const files = (await readdir(dir)).filter((f) => /^(troubleshooter\.js|widget-[0-9a-f]+(\.js|_bg\.wasm|\.css))$/.test(f)).sort();
let total = { raw: 0, gzip: 0, brotli: 0 };
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`${'file'.padEnd(34)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`);
for (const file of files) {
  const bytes = await readFile(`${dir}/${file}`);
  const row = {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  for (const k of Object.keys(total)) total[k] += row[k];
  console.log(`${file.padEnd(34)} ${kb(row.raw).padStart(10)} ${kb(row.gzip).padStart(10)} ${kb(row.brotli).padStart(10)}`);
}
console.log(`${'total'.padEnd(34)} ${kb(total.raw).padStart(10)} ${kb(total.gzip).padStart(10)} ${kb(total.brotli).padStart(10)}`);
// A page in another language also fetches, on demand, its interface words and the built-in
// flow's translation (dist/lang/): what each language adds to the English page.
const lang = await readdir(`${dir}/lang`).catch(() => []);
const languages = [...new Set(lang.map((f) => f.match(/(?:^|\.)([a-z]{2,3})\.json$/)?.[1]).filter(Boolean))].sort();
if (languages.length) console.log(`\n${'extra download, per language'.padEnd(34)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`);
for (const code of languages) {
  const row = { raw: 0, gzip: 0, brotli: 0 };
  const mine = lang.filter((f) => f === `${code}.json` || f.endsWith(`.${code}.json`));
  for (const file of mine) {
    const bytes = await readFile(`${dir}/lang/${file}`);
    row.raw += bytes.length;
    row.gzip += gzipSync(bytes, { level: 9 }).length;
    row.brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  console.log(`${`${code} (${mine.length} files)`.padEnd(34)} ${kb(row.raw).padStart(10)} ${kb(row.gzip).padStart(10)} ${kb(row.brotli).padStart(10)}`);
}
if (lang.includes('lang.js')) {
  const bytes = await readFile(`${dir}/lang/lang.js`);
  const row = [bytes.length, gzipSync(bytes, { level: 9 }).length, brotliCompressSync(bytes).length];
  console.log(`${'lang.js (once, for any of them)'.padEnd(34)} ${row.map((n) => kb(n).padStart(10)).join(' ')}`);
}
if (budget !== null) {
  const ok = total.gzip <= budget;
  console.log(`size budget: ${kb(total.gzip)} gzip of ${kb(budget)} allowed: ${ok ? 'ok' : 'OVER BUDGET'}`);
  if (!ok) process.exit(1);
}
