// The recipes of docs/bundlers.md, each tested: the demo's legacy form bundled from the packed
// package by esbuild, Vite and webpack, and wired by plain script tags to xxgknb-form.js; every
// page served from a sub-path (/static/cms/) and opened in Chromium, where a wrong cell must show
// its message. Nothing may log an error or a warning.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { build as esbuild } from 'esbuild';
import { REPO, npm, pack, project } from '../package/helpers.mjs';
import { CHROMIUM, FLAGS } from '../e2e/harness.mjs';
import { start } from '../../scripts/serve.mjs';

const BASE = '/static/cms/';
let packed;
let app; // a consumer project with the package installed and the fixtures copied in
let server;
let browser;

/** The legacy demo page with its own links and scripts replaced by `head`. */
function page(head) {
  const html = readFileSync(join(REPO, 'www', 'legacy.html'), 'utf8')
    .replace(/<link rel="stylesheet"[^>]*>\n/g, '')
    .replace(/<script[^>]*><\/script>\n/g, '')
    .replace('</head>', `${head}\n</head>`);
  return html;
}

const outDir = (name) => join(app, 'dist', name);

async function buildEsbuild() {
  const out = outDir('esbuild');
  await esbuild({
    entryPoints: [join(app, 'esbuild.mjs')],
    bundle: true,
    format: 'esm',
    outdir: out,
    absWorkingDir: app,
    loader: { '.wasm': 'file' },
    publicPath: BASE,
    target: ['chrome86'],
    logLevel: 'silent',
  });
  copyFileSync(join(app, 'node_modules', 'xxgknb', 'js', 'form', 'form.css'), join(out, 'form.css'));
  writeFileSync(
    join(out, 'index.html'),
    page(`<link rel="stylesheet" href="${BASE}form.css">\n<script type="module" src="${BASE}esbuild.js"></script>`),
  );
  return out;
}

async function buildVite() {
  const out = outDir('vite');
  writeFileSync(
    join(app, 'index.html'),
    page(
      `<link rel="stylesheet" href="/node_modules/xxgknb/js/form/form.css">\n<script type="module" src="./vite.mjs"></script>`,
    ),
  );
  const { build } = await import('vite');
  await build({
    root: app,
    base: BASE,
    logLevel: 'silent',
    configFile: false,
    build: { outDir: out, emptyOutDir: true, target: 'chrome86' },
  });
  return out;
}

async function buildWebpack() {
  const out = outDir('webpack');
  const { default: webpack } = await import('webpack');
  const stats = await new Promise((resolve, reject) => {
    webpack(
      {
        mode: 'production',
        context: app,
        entry: './webpack.mjs',
        target: ['web', 'es2020'],
        output: { path: out, publicPath: BASE, filename: 'webpack.js' },
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  assert.ok(!stats.hasErrors(), stats.toString('errors-only'));
  assert.ok(!stats.hasWarnings(), stats.toString('errors-warnings'));
  copyFileSync(join(app, 'node_modules', 'xxgknb', 'js', 'form', 'form.css'), join(out, 'form.css'));
  writeFileSync(
    join(out, 'index.html'),
    page(`<link rel="stylesheet" href="${BASE}form.css">\n<script src="${BASE}webpack.js" defer></script>`),
  );
  return out;
}

function buildScriptTag() {
  const out = outDir('script');
  mkdirSync(out, { recursive: true });
  // What the CMS copies: two files of the package, and its own script.
  copyFileSync(join(app, 'node_modules', 'xxgknb', 'pkg', 'xxgknb-form.js'), join(out, 'xxgknb-form.js'));
  copyFileSync(join(app, 'node_modules', 'xxgknb', 'js', 'form', 'form.css'), join(out, 'form.css'));
  copyFileSync(join(app, 'report-form.js'), join(out, 'report-form.js'));
  writeFileSync(
    join(out, 'index.html'),
    page(
      `<link rel="stylesheet" href="${BASE}form.css">\n<script src="${BASE}xxgknb-form.js" defer></script>\n<script src="${BASE}report-form.js" defer></script>`,
    ),
  );
  return out;
}

before(async () => {
  packed = pack();
  app = project();
  npm(['install', '--prefer-offline', '--ignore-scripts', packed.tarball], app);
  cpSync(join(REPO, 'tests', 'bundlers', 'fixtures'), app, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
  for (const dir of [packed?.dir, app]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * Serve `dir` at /static/cms/ (with `types` overriding MIME types by extension), open its page,
 * and return what it logged and fetched.
 */
async function open(dir, { query = '', types = {} } = {}) {
  await server?.close();
  server = await start({ port: 0, routes: [[BASE, dir]], types });
  const tab = await browser.newPage();
  const problems = [];
  const fetched = [];
  tab.on(
    'console',
    (m) => ['error', 'warning'].includes(m.type()) && problems.push(`console.${m.type()}: ${m.text()}`),
  );
  tab.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  tab.on('response', (r) =>
    fetched.push({ path: new URL(r.url()).pathname, status: r.status(), type: r.headers()['content-type'] }),
  );
  await tab.goto(new URL(`${BASE}index.html${query}`, server.url).href);
  await tab.waitForFunction(() => window.xxgknbForm);
  return { tab, problems, fetched, ready: await tab.evaluate(() => window.xxgknbForm.ready) };
}

/** A wrong row total must show its message next to the CMS's own field. */
async function showsMessage(tab) {
  const values = ['5', '1', '0', '0', '0', '0', '7']; // 一、本年新收: 5 + 1 ≠ 7
  for (const [i, value] of values.entries()) {
    const field = tab.locator(`[name="t3_r1_c${i + 1}"]`);
    await field.fill(value);
    await field.press('Tab');
  }
  await tab.waitForSelector('.xxgknb-inline', { timeout: 5000 });
  const message = await tab.locator('.xxgknb-inline').first().textContent();
  assert.match(message, /一、本年新收政府信息公开申请数量/);
  const result = await tab.evaluate(() => window.xxgknbForm.result);
  assert.deepEqual(
    result.diagnostics.map((d) => d.rule),
    ['t3-row-total'],
  );
}

const recipes = [
  ['esbuild (file loader, --public-path)', buildEsbuild],
  ['Vite 7 (base, ?url)', buildVite],
  ['webpack 5 (publicPath, nothing else)', buildWebpack],
];

describe('bundlers, from a sub-path', () => {
  for (const [name, build] of recipes) {
    test(name, async () => {
      const dir = await build();
      const { tab, problems, fetched, ready } = await open(dir);
      assert.equal(ready, true);
      await showsMessage(tab);
      const wasm = fetched.filter((f) => f.path.endsWith('.wasm'));
      assert.equal(wasm.length, 1, JSON.stringify(fetched));
      assert.ok(wasm[0].path.startsWith(BASE), wasm[0].path);
      assert.equal(wasm[0].status, 200);
      await tab.close();
      assert.deepEqual(problems, []);
    });
  }

  test('script tags: xxgknb-form.js needs no module support, no .wasm file and no MIME types', async () => {
    const dir = buildScriptTag();
    // On a server that knows neither .mjs nor .wasm (every server knows .js).
    const { tab, problems, fetched, ready } = await open(dir, {
      types: { '.mjs': 'application/octet-stream', '.wasm': 'application/octet-stream' },
    });
    assert.equal(ready, true);
    await showsMessage(tab);
    assert.equal(fetched.filter((f) => f.path.endsWith('.wasm')).length, 0, 'the wasm is inside the script');
    await tab.close();
    assert.deepEqual(problems, []);
  });

  test('a classic-script (IIFE) bundle without wasmUrl says what to pass instead of failing on import.meta', async () => {
    const out = outDir('iife');
    await esbuild({
      entryPoints: [join(app, 'webpack.mjs')],
      bundle: true,
      format: 'iife',
      outfile: join(out, 'iife.js'),
      absWorkingDir: app,
      target: ['chrome86'],
      logLevel: 'silent',
    });
    writeFileSync(join(out, 'index.html'), page(`<script src="${BASE}iife.js" defer></script>`));
    const { tab, problems, ready } = await open(out);
    assert.equal(ready, false);
    assert.deepEqual(await tab.evaluate(() => window.xxgknbEvents), ['not-found']);
    assert.equal(await tab.locator('[class*="xxgknb-"]').count(), 0, 'the form is left as it was');
    await tab.close();
    assert.deepEqual(problems, []);
  });

  test('a failed load (wrong wasmUrl) followed by a right one works', async () => {
    const dir = await buildEsbuild();
    const { tab, ready } = await open(dir, { query: '?retry' });
    assert.equal(await tab.evaluate(() => window.xxgknbFirst), false);
    assert.deepEqual(await tab.evaluate(() => window.xxgknbEvents), ['not-found']);
    assert.equal(ready, true);
    await showsMessage(tab);
    await tab.close();
  });
});
