// The browser entries' init() and initSync(), run in Node against a local HTTP server: a failed
// load is not kept (issue 16: retrying with the right URL works), every form of input the docs
// promise loads, and misuse says which function and what was wrong.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { browserEntry } from '../../js/api.mjs';

const WASM = new URL('../../pkg/lite/xxgknb_lite_bg.wasm', import.meta.url);
const bytes = readFileSync(WASM);
const report = JSON.parse(readFileSync(new URL('../fixtures/consistent-2024.json', import.meta.url), 'utf8'));

let server;
let base;
before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/static/lite.wasm') {
      res.writeHead(200, { 'content-type': 'application/wasm' });
      res.end(bytes);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not here');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => server.close());

/** A fresh copy of the lite glue (its own module state) behind a browser entry. */
let copies = 0;
async function freshEntry() {
  const raw = await import(`../../pkg/lite/xxgknb_lite.js?copy=${++copies}`);
  return browserEntry(raw);
}

test('a failed init() is not kept: calling it again with the right URL works', async () => {
  const { api, init } = await freshEntry();
  assert.throws(
    () => api.validate(report),
    /^Error: validate: called before the WebAssembly module was loaded; in a browser, `await init\(\)` first$/,
  );
  await assert.rejects(
    init(`${base}/wrong/place.wasm`),
    (e) => e instanceof Error && /^init: the WebAssembly module could not be loaded \(.*404/.test(e.message),
  );
  await assert.rejects(
    init({ module_or_path: `${base}/still/wrong.wasm` }),
    /^Error: init: the WebAssembly module could not be loaded/,
  );
  await init({ module_or_path: `${base}/static/lite.wasm` });
  assert.equal(api.validate(report).valid, true);
  await init(`${base}/wrong/again.wasm`); // loaded already: nothing to do
  assert.equal(api.validate(report).valid, true);
});

test('init() takes a URL, a Request, a Response, a promise of one, bytes or a compiled Module', async () => {
  const inputs = [
    () => `${base}/static/lite.wasm`,
    () => new URL(`${base}/static/lite.wasm`),
    () => new Request(`${base}/static/lite.wasm`),
    () => fetch(`${base}/static/lite.wasm`),
    async () => fetch(`${base}/static/lite.wasm`).then((r) => r),
    () => bytes,
    () => new Uint8Array(bytes).buffer,
    () => new WebAssembly.Module(bytes),
  ];
  for (const make of inputs) {
    const { api, init } = await freshEntry();
    const input = await make();
    await init(input);
    assert.equal(api.validate(report).valid, true, String(input));
    const other = await freshEntry();
    await other.init({ module_or_path: await make() });
    assert.equal(other.api.rules().length > 0, true);
  }
});

test('initSync() takes bytes or a compiled Module', async () => {
  for (const input of [bytes, new WebAssembly.Module(bytes), { module: bytes }]) {
    const { api, initSync } = await freshEntry();
    initSync(input);
    assert.equal(api.validateJson(JSON.stringify(report)).valid, true);
  }
});

test('misuse of init() and initSync() names the function and what was wrong', async () => {
  const { init, initSync } = await freshEntry();
  for (const [input, message] of [
    [
      42,
      "init: expected the .wasm file's URL, a Response, its bytes or a compiled WebAssembly.Module (or { module_or_path }), got a number",
    ],
    [
      { url: 'x' },
      'init: expected the .wasm file\'s URL, a Response, its bytes or a compiled WebAssembly.Module (or { module_or_path }), got an object without "module_or_path"',
    ],
    [
      { module_or_path: null },
      "init: expected the .wasm file's URL, a Response, its bytes or a compiled WebAssembly.Module (or { module_or_path }), got null",
    ],
  ]) {
    await assert.rejects(init(input), (e) => e instanceof Error && e.message === message, message);
  }
  assert.throws(
    () => initSync(`${base}/static/lite.wasm`),
    /^Error: initSync: expected the .wasm file's bytes or a compiled WebAssembly.Module \(or \{ module \}\), got a string$/,
  );
  assert.throws(() => initSync(), /^Error: initSync: expected .*got nothing \(undefined\)$/);
  assert.throws(
    () => initSync(new Uint8Array([0, 97, 115, 109, 9, 9, 9, 9])),
    /^Error: initSync: the WebAssembly module could not be instantiated/,
  );
});
