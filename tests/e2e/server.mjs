// A static file server for the end-to-end tests: serves the built dist/ (and examples/) on
// 127.0.0.1 with the MIME types a host must use, and records every request it answers.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Starts a server. `mounts` maps a URL prefix to a folder, longest prefix first;
 * `headers(path)` may return extra response headers for a path (a CSP, say), and `delay(path)`
 * milliseconds to wait before answering it (a slow network).
 * Resolves to { url, requests, close }.
 */
export async function serve({ mounts, headers = () => ({}), delay = () => 0 }) {
  const requests = [];
  const order = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    const wait = delay(path);
    if (wait > 0) await new Promise((ok) => setTimeout(ok, wait));
    const [prefix, folder] = order.find(([p]) => path.startsWith(p)) ?? [];
    if (!folder) return notFound(res);
    const root = resolve(folder);
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(root)) return notFound(res);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
        ...headers(path),
      });
      res.end(body);
    } catch {
      notFound(res);
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
  };
}

function notFound(res) {
  res.writeHead(404, { 'Content-Type': 'text/plain' });
  res.end('not found');
}
