#!/usr/bin/env node
// Static server for the demo: www/ at /, and the repository's js/ and pkg/ at /js/ and /pkg/.
// No dependencies. Loopback only. `.wasm` must go out as application/wasm, or the browser glue
// falls back to a slower path with a console warning.
//
//   node scripts/serve.mjs            → http://127.0.0.1:8080/
//   PORT=0 node scripts/serve.mjs     → a free port (printed)

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

// Same policy as the pages' meta tag; the header also covers the module and wasm requests.
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'";

/** URL prefix → directory (or exact URL → file, for a prefix without a trailing slash); first match wins. */
export const DEFAULT_ROUTES = [
  ['/js/', join(repo, 'js')],
  ['/pkg/', join(repo, 'pkg')],
  // The document readers' libraries, for the demo's file import (see www/app.mjs).
  ['/node_modules/pdfjs-dist/', join(repo, 'node_modules', 'pdfjs-dist')],
  ['/node_modules/fflate/', join(repo, 'node_modules', 'fflate')],
  ['/', join(repo, 'www')],
];

function send(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

/** Map a URL path to a file inside one of the routes' directories, or null. */
export function resolvePath(urlPath, routes = DEFAULT_ROUTES) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  for (const [prefix, dir] of routes) {
    if (!prefix.endsWith('/')) {
      if (decoded === prefix) return resolve(dir);
      continue;
    }
    if (!decoded.startsWith(prefix)) continue;
    const root = resolve(dir);
    let rest = decoded.slice(prefix.length);
    if (rest === '' || rest.endsWith('/')) rest += 'index.html';
    const file = resolve(root, rest);
    // resolve() folds `..`; anything that lands outside the route's directory is refused.
    if (file !== root && !file.startsWith(root + sep)) return null;
    return file;
  }
  return null;
}

/** `types`: MIME types by extension that replace the defaults (tests of misconfigured servers). */
export function handler(routes = DEFAULT_ROUTES, types = {}) {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      send(res, 405, 'method not allowed\n');
      return;
    }
    const url = new URL(req.url, 'http://localhost');
    const file = resolvePath(url.pathname, routes);
    if (!file) {
      send(res, 403, 'forbidden\n');
      return;
    }
    let info;
    try {
      info = await stat(file);
    } catch {
      send(res, 404, 'not found\n');
      return;
    }
    if (!info.isFile()) {
      send(res, 404, 'not found\n');
      return;
    }
    const ext = extname(file).toLowerCase();
    const type = types[ext] ?? MIME[ext] ?? 'application/octet-stream';
    const headers = {
      'content-type': type,
      'content-length': info.size,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    };
    if (type.startsWith('text/html')) headers['content-security-policy'] = CSP;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  };
}

/**
 * Start the server. Resolves to { url, port, server, close() }.
 * @param {{ port?: number, host?: string, routes?: [string, string][], types?: Record<string, string> }} [options]
 */
export function start({ port = 8080, host = '127.0.0.1', routes = DEFAULT_ROUTES, types = {} } = {}) {
  const server = createServer(handler(routes, types));
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolveStart({
        url: `http://${host}:${actual}/`,
        port: actual,
        server,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = process.env.PORT === undefined ? 8080 : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT: expected a port number (0 for any free port), got ${JSON.stringify(process.env.PORT)}`);
    process.exit(2);
  }
  const { url } = await start({ port });
  console.log(`xxgknb demo: ${url}  (legacy form: ${url}legacy.html)`);
}
