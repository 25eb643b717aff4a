// End-to-end on the browser floor (docs/browsers.md) and on broken set-ups: the demo with the
// built-ins newer than Chromium 86 removed; a browser without WebAssembly; a module served with
// the wrong MIME type; and a legacy form that maps two rows of table 三 by its naming pattern.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { browserSuite, cell, describeField, enter } from './harness.mjs';

const suite = browserSuite();

/** Open `path` with `script` run before any of the page's own, tracking problems as open() does. */
async function openWith(path, script, { wait = true } = {}) {
  const page = await suite.env.context.newPage();
  const problems = [];
  const warnings = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
    else if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  if (script) await page.addInitScript(script);
  await page.goto(suite.env.url(path));
  if (wait) await page.waitForFunction(() => window.xxgknbForm);
  return { page, problems, warnings };
}

// What Chromium 86 lacks, taken away before the page runs.
function removePost86() {
  delete Object.hasOwn;
  delete globalThis.structuredClone;
  for (const proto of [Array.prototype, String.prototype, Object.getPrototypeOf(Int8Array.prototype)]) delete proto.at;
  for (const name of ['findLast', 'findLastIndex', 'toSorted', 'toReversed', 'toSpliced', 'with'])
    delete Array.prototype[name];
  delete Object.groupBy;
  delete Map.groupBy;
  delete Promise.withResolvers;
}

describe('browser floor, end to end', () => {
  test('with the post-Chromium-86 built-ins removed, the demo checks, explains and blocks as before', async () => {
    const { page, problems, warnings } = suite.track(await openWith('index.html', removePost86));
    assert.equal(
      await page.evaluate(() => typeof Object.hasOwn + typeof [].at + typeof structuredClone),
      'undefinedundefinedundefined',
    );
    assert.equal(await page.evaluate(() => window.xxgknbForm.ready), true);
    await page.click('#load-sample');
    await enter(page, cell('/applications/received/total'), '26');
    await page.waitForSelector('.xxgknb-inline');
    const shown = await describeField(page, cell('/applications/received/total'));
    assert.match(shown.message, /一、本年新收政府信息公开申请数量/);
    assert.deepEqual(shown.fixes, ['改为 20']);
    await page.click('button[type="submit"]');
    await page.waitForSelector('.xxgknb-summary');
    assert.doesNotMatch(await page.locator('#notice').textContent(), /已提交/);
    assert.deepEqual([...problems, ...warnings], []);
  });

  test('without WebAssembly: one warning, an xxgknb:error event, and the form submits as before', async () => {
    const noWasm = () => {
      delete globalThis.WebAssembly;
      window.xxgknbEvents = [];
      document.addEventListener('xxgknb:error', (e) => window.xxgknbEvents.push(e.detail.reason));
    };
    const { page, problems, warnings } = suite.track(await openWith('legacy.html', noWasm));
    assert.equal(await page.evaluate(() => window.xxgknbForm.ready), false);
    assert.deepEqual(await page.evaluate(() => window.xxgknbEvents), ['no-webassembly']);
    await enter(page, '[name="t3_r1_c1"]', '5');
    await enter(page, '[name="t3_r1_c7"]', '9'); // wrong, but nothing can check it here
    await page.click('input[type="submit"]');
    assert.equal(await page.locator('#msg').textContent(), '保存成功（演示，未发送到服务器）。');
    assert.equal(await page.locator('[class*="xxgknb-"]').count(), 0);
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0], /no WebAssembly/);
  });

  test('a module served as application/octet-stream does not fail silently: the event says what to fix', async () => {
    const page = await suite.env.context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    suite.track({ page, problems: [] });
    await page.route('**/js/lite.browser.mjs', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
    });
    await page.addInitScript(() => {
      window.xxgknbErrors = [];
      document.addEventListener('xxgknb:error', (e) =>
        window.xxgknbErrors.push({ reason: e.detail.reason, message: e.detail.error.message }),
      );
    });
    await page.goto(suite.env.url('legacy.html'));
    await page.waitForFunction(() => window.xxgknbForm);
    assert.equal(await page.evaluate(() => window.xxgknbForm.ready), false);
    const [error] = await page.evaluate(() => window.xxgknbErrors);
    assert.equal(error.reason, 'mime');
    assert.match(
      error.message,
      /lite\.browser\.mjs is served as "application\/octet-stream".*text\/javascript.*docs\/serving\.md/,
    );
    // The form still works as without the adapter.
    await page.click('input[type="submit"]');
    assert.match(await page.locator('#msg').textContent(), /保存成功/);
    assert.deepEqual(problems, []);
  });

  test('a two-row legacy form wired by pattern() submits once its one real error is fixed', async () => {
    const { page, problems, warnings } = suite.track(await openWith('fixtures/two-rows.html'));
    assert.equal(await page.evaluate(() => window.xxgknbForm.ready), true);
    const row1 = ['5', '1', '0', '0', '0', '0', '7']; // 5 + 1 ≠ 7: the one real error
    const row2 = ['1', '0', '0', '0', '0', '0', '1'];
    for (const [i, v] of row1.entries()) await enter(page, `[name="t3_r1_c${i + 1}"]`, v);
    for (const [i, v] of row2.entries()) await enter(page, `[name="t3_r2_c${i + 1}"]`, v);
    await page.click('input[type="submit"]');
    await page.waitForSelector('.xxgknb-summary');
    const result = await page.evaluate(() => window.xxgknbForm.result);
    // Only the real error: no missing-cell for the 23 rows and two tables the form never had.
    assert.deepEqual(
      result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule),
      ['t3-row-total'],
    );
    assert.equal(await page.locator('#msg').textContent(), '');
    await page.locator('.xxgknb-inline button.xxgknb-fix').click();
    await page.click('input[type="submit"]');
    assert.equal(await page.locator('#msg').textContent(), '已保存');
    assert.equal((await page.evaluate(() => window.xxgknbForm.result)).errorCount, 0);
    assert.deepEqual([...problems, ...warnings], []);
  });

  test('…and with missingCells: "all" the same form is told about every cell it lacks', async () => {
    const { page } = suite.track(await openWith('fixtures/two-rows.html'));
    const errors = await page.evaluate(async () => {
      window.xxgknbForm.detach();
      const { attach, pattern } = await import('/js/form/index.mjs');
      const form = document.getElementById('jb');
      window.xxgknbForm = attach(form, {
        fields: pattern({ applications: 't3_r{row}_c{col}' }, { fields: { nd: '/year' } }),
        missingCells: 'all',
      });
      for (const el of form.querySelectorAll('input[name^="t3_"]')) el.value = '0';
      const r = await window.xxgknbForm.validate({ focus: false });
      return r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule);
    });
    assert.ok(errors.length > 20 && errors.every((rule) => rule === 'missing-cell'), errors.join(' '));
  });
});
