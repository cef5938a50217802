// Builds the flow studio into dist/studio/ (run by scripts/entry.mjs): its WebAssembly module
// (studio/, flowcheck's code), the page (studio/page/) bundled with CodeMirror by esbuild, the
// templates it starts from, and Mermaid, which the page imports only when the graph opens.
// None of it is linked from troubleshooter.js: a page with the widget downloads nothing here.
import { build } from 'esbuild';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildModule } from './modules.mjs';

/** The templates of the "Start from" menu: file names in flows/, with their test files. */
const TEMPLATES = [
  { label: 'The built-in flow (Microsoft Authenticator)', file: 'microsoft-authenticator.json', from: 'flows/microsoft-authenticator.json', tests: 'microsoft-authenticator.tests.json', testsFrom: 'flows/microsoft-authenticator.tests.json' },
  { label: 'Example: a printer that is offline', file: 'printer-offline.json', from: 'flows/examples/printer-offline.json', tests: 'printer-offline.tests.json', testsFrom: 'flows/examples/printer-offline.tests.json' },
  { label: 'Blank template', file: 'blank.json', from: 'studio/page/blank.json' },
];

export async function buildStudio(dir, release, minified) {
  const out = join(dir, 'studio');
  const module = await buildModule('studio', dir, release, minified);
  const inStudio = (name) => name.replace(/^studio\//, '');
  await build({
    entryPoints: ['studio/page/studio.js'],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: release,
    legalComments: 'none',
    outfile: join(out, 'studio.js'),
    define: {
      __STUDIO_GLUE__: JSON.stringify(inStudio(module.glue)),
      __STUDIO_WASM__: JSON.stringify(inStudio(module.wasm)),
      __TEMPLATES__: JSON.stringify(TEMPLATES.map(({ label, file, tests }) => ({ label, file, tests }))),
    },
    logLevel: 'warning',
  });
  await writeFile(join(out, 'studio.css'), await minified(await readFile('studio/page/studio.css', 'utf8'), 'css'));
  await cp('studio/page/index.html', join(out, 'index.html'));
  await mkdir(join(out, 'flows'), { recursive: true });
  for (const t of TEMPLATES) {
    await cp(t.from, join(out, 'flows', t.file));
    if (t.tests) await cp(t.testsFrom, join(out, 'flows', t.tests));
  }
  // Mermaid's own ES module build and the chunks it imports, as the package ships them.
  const mermaid = 'node_modules/mermaid/dist';
  await mkdir(join(out, 'mermaid'), { recursive: true });
  await cp(join(mermaid, 'mermaid.esm.min.mjs'), join(out, 'mermaid', 'mermaid.esm.min.mjs'));
  await cp(join(mermaid, 'chunks', 'mermaid.esm.min'), join(out, 'mermaid', 'chunks', 'mermaid.esm.min'), {
    recursive: true,
    filter: (file) => !file.endsWith('.map'),
  });
}

