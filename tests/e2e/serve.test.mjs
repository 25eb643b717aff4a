// The demo server: MIME types the browser insists on, and nothing outside its three folders.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { start } from '../../scripts/serve.mjs';

let server;
before(async () => {
  server = await start({ port: 0 });
});
after(async () => {
  await server?.close();
});

/** GET a raw path (no URL normalisation on our side, as an attacker would send it). */
function get(path, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          type: res.headers['content-type'],
          csp: res.headers['content-security-policy'],
          body,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('scripts/serve.mjs', () => {
  test('listens on loopback and reports its URL', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.equal(server.server.address().address, '127.0.0.1');
  });

  test('serves www/ at /, js/ and pkg/ from the repository, with the right types', async () => {
    const page = await get('/');
    assert.equal(page.status, 200);
    assert.equal(page.type, 'text/html; charset=utf-8');
    assert.match(page.csp, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.equal((await get('/legacy.html')).status, 200);
    assert.equal((await get('/app.mjs')).type, 'text/javascript; charset=utf-8');
    assert.equal((await get('/js/form/index.mjs')).type, 'text/javascript; charset=utf-8');
    assert.equal((await get('/js/form/form.css')).type, 'text/css; charset=utf-8');
    const wasm = await get('/pkg/lite/xxgknb_lite_bg.wasm', 'HEAD');
    assert.equal(wasm.status, 200);
    assert.equal(wasm.type, 'application/wasm');
    assert.equal((await get('/pkg/lite/xxgknb_lite.js')).type, 'text/javascript; charset=utf-8');
  });

  test('refuses to leave its folders, however the path is spelled', async () => {
    const attempts = [
      '/../package.json',
      '/js/../package.json',
      '/%2e%2e/package.json',
      '/js/%2e%2e/package.json',
      '/js/..%2fpackage.json',
      '/js/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/..%5cpackage.json',
      '/js/%00.mjs',
      '/%E0%A4%A',
      '//etc/passwd',
      '/pkg/../scripts/serve.mjs',
    ];
    for (const path of attempts) {
      const res = await get(path);
      assert.ok([400, 403, 404].includes(res.status), `${path} → ${res.status}`);
      assert.doesNotMatch(res.body, /"devDependencies"|root:x:0|createServer/, path);
    }
  });

  test('answers only GET and HEAD', async () => {
    assert.equal((await get('/', 'POST')).status, 405);
  });
});
