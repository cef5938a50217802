// Several builds of the widget side by side, for the tools that compare them (load.mjs,
// steps.mjs): each build's dist/ is served under /b<i>/, with the bench page
// (bench/pages/ours.html) beside it importing that build's own troubleshooter.js.
import { mkdir, readFile, writeFile } from 'node:fs/promises';

/**
 * The server mounts for `builds` (dist/ folders) and the bench page's address for each, as
 * `{ mounts, pages: [[dir, path], ...] }`; bench/pages is mounted at /bench/ too.
 */
export async function benchPages(builds) {
  const mounts = { '/bench/': 'bench/pages' };
  const page = (await readFile('bench/pages/ours.html', 'utf8')).replace(/(href|src)="(?!data:)/g, '$1="/bench/').replace('/bench/ours.js', 'ours.js');
  const script = (await readFile('bench/pages/ours.js', 'utf8')).replaceAll("'/troubleshooter.js'", "'../troubleshooter.js'");
  const pages = [];
  for (const [i, dir] of builds.entries()) {
    const pageDir = `target/bench/load/b${i}`;
    await mkdir(pageDir, { recursive: true });
    await writeFile(`${pageDir}/bench.html`, page);
    await writeFile(`${pageDir}/ours.js`, script);
    mounts[`/b${i}/`] = dir;
    mounts[`/b${i}/page/`] = pageDir;
    pages.push([dir, `/b${i}/page/bench.html`]);
  }
  return { mounts, pages };
}
