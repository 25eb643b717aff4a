// Shared set-up of the end-to-end tests: the demo server on a free port, Debian's Chromium
// driven by playwright-core with a fresh profile, and a record of everything the page
// complains about (console errors and warnings, page errors, failed requests).

import assert from 'node:assert/strict';
import { after, afterEach, before } from 'node:test';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { DEFAULT_ROUTES, start } from '../../scripts/serve.mjs';
import { CHROMIUM, FLAGS } from './chromium.mjs';

export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const ARTIFACTS = join(REPO, 'tests', 'artifacts');
export { CHROMIUM, FLAGS } from './chromium.mjs';

function checkPrerequisites() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push(`${CHROMIUM} (apt-get install -y chromium)`);
  for (const file of ['pkg/lite/xxgknb_lite.js', 'pkg/lite/xxgknb_lite_bg.wasm', 'pkg/xxgknb.js']) {
    if (!existsSync(join(REPO, file))) missing.push(`${file} (run \`npm run build\` first)`);
  }
  if (missing.length) throw new Error(`end-to-end tests need: ${missing.join(', ')}`);
}

/** Start the server and the browser. Call `close()` in `after`. */
export async function launch() {
  checkPrerequisites();
  // The demo, and the tests' own pages at /fixtures/.
  const server = await start({
    port: 0,
    routes: [['/fixtures/', join(REPO, 'tests', 'e2e', 'fixtures')], ...DEFAULT_ROUTES],
  });
  const profile = mkdtempSync(join(tmpdir(), 'xxgknb-e2e-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      env: { ...process.env, LANGUAGE: 'zh_CN', LANG: 'zh_CN.UTF-8' },
    });
  } catch (error) {
    await server.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    server,
    context,
    url: (path = '') => new URL(path, server.url).href,
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Open a page of the demo and wait until the adapter is ready.
 * `problems` collects every console error or warning, page error and failed request;
 * `wasm` the content-type of each .wasm response.
 */
export async function open(env, path = '') {
  const page = await env.context.newPage();
  const problems = [];
  const wasm = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`requestfailed: ${request.url()} ${request.failure()?.errorText}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    if (response.url().endsWith('.wasm')) wasm.push({ url: response.url(), type: response.headers()['content-type'] });
  });
  await page.goto(env.url(path));
  await page.evaluate(() => window.xxgknbForm.ready);
  return { page, problems, wasm };
}

/** The cell of the main demo that holds `path`. */
export const cell = (path) => `[data-xxgknb="${path}"]`;

/** Type into a field as a user would (select what is there, type, leave with Tab). */
export async function enter(page, selector, value) {
  const field = page.locator(selector);
  await field.fill(value);
  await field.press('Tab');
}

/** What the adapter shows for a field: its described-by text, aria-invalid and custom validity. */
export function describeField(page, selector) {
  return page.locator(selector).evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    const messages = ids.map((id) => document.getElementById(id)).filter(Boolean);
    const box = el.nextElementSibling?.classList.contains('xxgknb-inline') ? el.nextElementSibling : null;
    return {
      message: messages.map((m) => m.textContent).join('\n'),
      adjacent: Boolean(box && messages.every((m) => box.contains(m))),
      invalid: el.getAttribute('aria-invalid'),
      customError: el.validity.customError,
      validationMessage: el.validationMessage,
      fixes: box ? [...box.querySelectorAll('button.xxgknb-fix')].map((b) => b.textContent) : [],
    };
  });
}

export function screenshotPath(name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

/**
 * The hooks every browser test file needs: one browser for the file, and after each test its
 * page closed and required to have logged no error or warning at all. `suite.open(path)` opens
 * a tracked page; `suite.track(tab)` tracks one made by hand; `suite.env` is the browser.
 */
export function browserSuite() {
  const suite = {
    env: null,
    current: null,
    async open(path) {
      suite.current = await open(suite.env, path);
      return suite.current;
    },
    track(tab) {
      suite.current = tab;
      return tab;
    },
  };
  before(async () => {
    suite.env = await launch();
  });
  after(async () => {
    await suite.env?.close();
  });
  afterEach(async () => {
    const tab = suite.current;
    if (!tab) return;
    suite.current = null;
    await tab.page.close();
    assert.deepEqual(tab.problems, []);
  });
  return suite;
}
