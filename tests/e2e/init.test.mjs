// Loading the WebAssembly module in Chromium when the first try fails (issue 16): neither the
// entry's init() nor xxgknb/form keeps the failure, so a page that retries, or attaches a
// form again after loading the module itself, works.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite } from './harness.mjs';

const suite = browserSuite();

/** A page of the demo origin with a bare form, the .wasm refused until `allow()`. */
async function page() {
  const tab = { page: await suite.env.context.newPage(), problems: [] };
  suite.track(tab);
  let allowed = false;
  await tab.page.route('**/*.wasm', (route) =>
    allowed ? route.continue() : route.fulfill({ status: 503, body: 'unavailable' }),
  );
  await tab.page.goto(suite.env.url('legacy.html'));
  await tab.page.evaluate(() => {
    const row = { natural: 3, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 4 };
    const cells = Object.entries(row)
      .map(([k, v]) => `<input name="/applications/received/${k}" value="${v}">`)
      .join('');
    document.body.innerHTML = `<form id="f"><input name="/year" value="2024">${cells}</form>`;
  });
  return { ...tab, allow: () => (allowed = true) };
}

describe('init() after a failed load', () => {
  test('the lite entry: init() rejects with a message naming it, then loads on a second call', async () => {
    const { page: p, allow } = await page();
    const first = await p.evaluate(async () => {
      const lite = await import('/js/lite.browser.mjs');
      try {
        await lite.default();
        return 'loaded';
      } catch (e) {
        return e.message;
      }
    });
    assert.match(first, /^init: the WebAssembly module could not be loaded \(.*503/);
    allow();
    const second = await p.evaluate(async () => {
      const lite = await import('/js/lite.browser.mjs');
      await lite.default();
      return lite.validate({ year: 2024 }, { partial: true }).valid;
    });
    assert.equal(second, true);
  });

  test('xxgknb/form: a form attached while the module could not load works once attached again', async () => {
    const tab = await page();
    const before = await tab.page.evaluate(async () => {
      const { attach } = await import('/js/form/index.mjs');
      const handle = attach(document.getElementById('f'));
      const ready = await handle.ready;
      handle.detach();
      return ready;
    });
    assert.equal(before, false);
    // The page's own retry, then the form again.
    tab.allow();
    const after = await tab.page.evaluate(async () => {
      await (await import('/js/lite.browser.mjs')).default();
      const { attach } = await import('/js/form/index.mjs');
      const handle = attach(document.getElementById('f'));
      const ready = await handle.ready;
      const result = await handle.validate({ focus: false });
      return { ready, rules: result.diagnostics.map((d) => d.rule) };
    });
    assert.equal(after.ready, true);
    assert.ok(after.rules.includes('t3-row-total'), after.rules.join());
  });
});
