// Builds the on-demand modules into the staging directory, for scripts/entry.mjs: checker/
// (flowcheck's rules, which troubleshooter.js imports the first time a widget shows a page's own
// flow file), qr/ (the kiosk's QR encoder, imported for a widget in kiosk mode) and channels/
// (Teams and ticket links, imported for a widget whose page sets them). What only
// some pages need stays out of the module every page loads. Same profile, flags and wasm-opt
// settings as the widget's module (the Makefile's release variables reach this hook via Trunk).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Builds the crate `name` into `dir/<name>/` and returns its two file names there, hashed. */
export async function buildModule(name, dir, release, minified) {
  const target = 'wasm32-unknown-unknown';
  // Offline like the widget's build (`trunk build --offline`): setup.sh fetched every crate.
  execFileSync('cargo', ['build', '--offline', '--locked', '-p', name, '--target', target, ...(release ? ['--release'] : [])], { stdio: 'inherit' });
  const built = join(process.env.CARGO_TARGET_DIR ?? 'target', target, release ? 'release' : 'debug', `${name}.wasm`);
  const out = await mkdtemp(join(tmpdir(), `${name}-`));
  try {
    execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, built], { stdio: 'inherit' });
    let wasm = join(out, `${name}_bg.wasm`);
    if (release) {
      // The flags the widget's module gets from index.html's data-wasm-opt-params.
      const html = await readFile('index.html', 'utf8');
      const params = html.match(/data-wasm-opt-params="([^"]*)"/)?.[1].split(/\s+/).filter(Boolean) ?? [];
      const level = html.match(/data-wasm-opt="([^"]*)"/)?.[1] ?? 'z';
      execFileSync('node_modules/.bin/wasm-opt', [`-O${level}`, ...params, wasm, '-o', join(out, 'opt.wasm')], { stdio: 'inherit' });
      wasm = join(out, 'opt.wasm');
    }
    const bytes = await readFile(wasm);
    const glue = await minified(await readFile(join(out, `${name}.js`), 'utf8'), 'js');
    const hash = createHash('sha256').update(bytes).update(glue).digest('hex').slice(0, 16);
    const names = { glue: `${name}/${name}-${hash}.js`, wasm: `${name}/${name}-${hash}_bg.wasm` };
    await mkdir(join(dir, name), { recursive: true });
    await writeFile(join(dir, names.wasm), bytes);
    await writeFile(join(dir, names.glue), glue);
    return names;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
