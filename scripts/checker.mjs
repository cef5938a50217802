// Builds the checker module (checker/: flowcheck's rules without the widget) into the staging
// directory, for scripts/entry.mjs. The widget's module reads flows without their rules, so a
// page with a built-in flow never downloads them; troubleshooter.js imports this module the
// first time a widget shows a page's own flow file. Same profile, flags and wasm-opt settings
// as the widget's module (the Makefile's release variables reach this hook through Trunk).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Builds the module into `dir/checker/` and returns its two file names there, hashed. */
export async function buildChecker(dir, release, minified) {
  const target = 'wasm32-unknown-unknown';
  // Offline like the widget's build (`trunk build --offline`): setup.sh fetched every crate.
  execFileSync('cargo', ['build', '--offline', '--locked', '-p', 'checker', '--target', target, ...(release ? ['--release'] : [])], { stdio: 'inherit' });
  const built = join(process.env.CARGO_TARGET_DIR ?? 'target', target, release ? 'release' : 'debug', 'checker.wasm');
  const out = await mkdtemp(join(tmpdir(), 'checker-'));
  try {
    execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, built], { stdio: 'inherit' });
    let wasm = join(out, 'checker_bg.wasm');
    if (release) {
      // The flags the widget's module gets from index.html's data-wasm-opt-params.
      const html = await readFile('index.html', 'utf8');
      const params = html.match(/data-wasm-opt-params="([^"]*)"/)?.[1].split(/\s+/).filter(Boolean) ?? [];
      const level = html.match(/data-wasm-opt="([^"]*)"/)?.[1] ?? 'z';
      execFileSync('node_modules/.bin/wasm-opt', [`-O${level}`, ...params, wasm, '-o', join(out, 'opt.wasm')], { stdio: 'inherit' });
      wasm = join(out, 'opt.wasm');
    }
    const bytes = await readFile(wasm);
    const glue = await minified(await readFile(join(out, 'checker.js'), 'utf8'), 'js');
    const hash = createHash('sha256').update(bytes).update(glue).digest('hex').slice(0, 16);
    const names = { glue: `checker-${hash}.js`, wasm: `checker-${hash}_bg.wasm` };
    await mkdir(join(dir, 'checker'), { recursive: true });
    await writeFile(join(dir, 'checker', names.wasm), bytes);
    await writeFile(join(dir, 'checker', names.glue), glue);
    return names;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
