// End-to-end: the 年度报告填报 demo page in headless Chromium.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { REPO, cell, describeField, enter, screenshotPath, browserSuite } from './harness.mjs';

const RECEIVED_TOTAL = cell('/applications/received/total');
const RECEIVED_NATURAL = cell('/applications/received/natural');

const suite = browserSuite();
let current;

async function demo() {
  current = await suite.open('index.html');
  return current;
}

async function loadSample(page) {
  await page.click('#load-sample');
  assert.equal(await page.inputValue('#year'), '2020');
}

describe('年度报告填报 demo', () => {
  test('the page loads the validator; the .wasm is served as application/wasm', async () => {
    const { page, wasm } = await demo();
    assert.ok(wasm.length >= 1, 'a .wasm was fetched');
    for (const response of wasm) assert.equal(response.type, 'application/wasm', response.url);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
    assert.equal(await page.locator('script:not([src]), [style]').count(), 0, 'no inline script or style');
  });

  test('a wrong value shows its message on the cell the validator blames, naming row, column and the expected value', async () => {
    const { page } = await demo();
    await loadSample(page);
    await enter(page, RECEIVED_TOTAL, '26');
    await page.waitForSelector(`${RECEIVED_TOTAL} + .xxgknb-inline`);
    const result = await page.evaluate(() => window.xxgknbForm.result);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    assert.ok(errors.length >= 1);
    for (const d of errors) {
      const shown = await describeField(page, cell(d.path));
      assert.ok(shown.adjacent, `message next to ${d.path}`);
      assert.ok(shown.message.includes(d.message), `${d.path} shows ${d.message}`);
      assert.equal(shown.invalid, 'true');
      assert.equal(shown.customError, true, 'setCustomValidity is set');
    }
    const shown = await describeField(page, RECEIVED_TOTAL);
    assert.match(shown.message, /一、本年新收政府信息公开申请数量/);
    assert.match(shown.message, /总计/);
    assert.match(shown.message, /20/);
    assert.deepEqual(shown.fixes, ['改为 20']);
    // Cells nobody touched and nothing is wrong with stay quiet.
    assert.equal((await describeField(page, RECEIVED_NATURAL)).message, '');
    // Before submit there is no summary.
    assert.equal(await page.locator('.xxgknb-summary').count(), 0);
  });

  test('messages are text: markup typed into a cell is quoted, never parsed', async () => {
    const { page } = await demo();
    await enter(page, RECEIVED_NATURAL, '<img src=x>12');
    await page.waitForSelector(`${RECEIVED_NATURAL} + .xxgknb-inline`);
    const shown = await describeField(page, RECEIVED_NATURAL);
    assert.match(shown.message, /<img src=x>12/);
    assert.equal(await page.locator('.xxgknb-inline img, .xxgknb-summary img').count(), 0);
  });

  test('rules that need untouched cells wait until those are filled', async () => {
    const { page } = await demo();
    assert.equal(await page.inputValue('#format'), '2021');
    await enter(page, RECEIVED_NATURAL, '5');
    for (const column of ['commercial', 'research', 'socialWelfare', 'legalService']) {
      await enter(page, cell(`/applications/received/${column}`), '0');
    }
    // The row still lacks two cells: the row total cannot be checked yet.
    assert.equal(await page.locator('.xxgknb-inline').count(), 0);
    await enter(page, cell('/applications/received/otherOrg'), '0');
    await enter(page, RECEIVED_TOTAL, '6');
    await page.waitForSelector('.xxgknb-inline');
    const result = await page.evaluate(() => window.xxgknbForm.result);
    assert.deepEqual(
      result.diagnostics.map((d) => d.rule),
      ['t3-row-total'],
    );
    const shown = await describeField(page, cell(result.diagnostics[0].path));
    assert.ok(shown.adjacent);
    assert.equal(shown.invalid, 'true');
  });

  test('once touched, a cell is checked while the user types (debounced), and a fix is acknowledged at once', async () => {
    const { page } = await demo();
    await loadSample(page);
    await enter(page, RECEIVED_TOTAL, '20'); // touched, right
    await page.locator(RECEIVED_TOTAL).focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('27');
    await page.waitForSelector(`${RECEIVED_TOTAL} + .xxgknb-inline`, { timeout: 3000 });
    assert.equal(
      await page.evaluate(() => document.activeElement.dataset.xxgknb),
      '/applications/received/total',
      'no blur needed',
    );
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('20');
    // Removal does not wait for the debounce.
    assert.equal(await page.locator(`${RECEIVED_TOTAL} + .xxgknb-inline`).count(), 0);
  });

  test('the fix button sets the computed value and clears the message, and changes nothing before it is clicked', async () => {
    const { page } = await demo();
    await loadSample(page);
    await enter(page, RECEIVED_TOTAL, '26');
    const button = page.locator(`${RECEIVED_TOTAL} + .xxgknb-inline button.xxgknb-fix`);
    await button.waitFor();
    assert.equal(await page.inputValue(RECEIVED_TOTAL), '26', 'nothing changes until clicked');
    await button.click();
    assert.equal(await page.inputValue(RECEIVED_TOTAL), '20');
    const shown = await describeField(page, RECEIVED_TOTAL);
    assert.equal(shown.message, '');
    assert.equal(shown.invalid, null);
    assert.equal(shown.customError, false);
    assert.equal(await page.locator('.xxgknb-inline').count(), 0);
    assert.equal(
      await page.evaluate(() => document.activeElement.dataset.xxgknb),
      '/applications/received/total',
      'focus stays on the cell',
    );
  });

  test('submit with errors is blocked; the summary takes focus and its links move focus to the cells', async () => {
    const { page } = await demo();
    await loadSample(page);
    await enter(page, RECEIVED_TOTAL, '26');
    await enter(page, cell('/reviewLitigation/litigationDirect/other'), '1件x');
    await page.click('button[type="submit"]');
    const summary = page.locator('.xxgknb-summary');
    await summary.waitFor();
    assert.equal(
      await page.evaluate(() => document.activeElement.classList.contains('xxgknb-summary')),
      true,
      'summary has focus',
    );
    assert.doesNotMatch(
      await page.locator('#notice').textContent(),
      /已提交/,
      "the CMS's own submit handler did not run",
    );
    assert.match(await page.title(), /^错误：/);
    assert.equal(await page.evaluate(() => document.getElementById('report-form').checkValidity()), false);
    assert.match(await summary.locator('h2').textContent(), /存在以下问题/);
    const links = summary.locator('a');
    assert.equal(await links.count(), 2);
    await page.screenshot({ path: screenshotPath('index-summary.png') });
    await page.screenshot({ path: screenshotPath('index-errors-full.png'), fullPage: true });

    await links.nth(1).click();
    assert.equal(
      await page.evaluate(() => document.activeElement.dataset.xxgknb),
      '/reviewLitigation/litigationDirect/other',
    );
    await links.nth(0).click();
    assert.equal(await page.evaluate(() => document.activeElement.dataset.xxgknb), '/applications/received/total');
    await page.screenshot({ path: screenshotPath('index-inline-error.png') });

    // Mend both; the summary follows, and the next submit goes through.
    await page.locator(`${RECEIVED_TOTAL} + .xxgknb-inline button.xxgknb-fix`).click();
    await enter(page, cell('/reviewLitigation/litigationDirect/other'), '1');
    assert.equal(await page.locator('.xxgknb-summary').count(), 0);
    assert.doesNotMatch(await page.title(), /^错误：/);
    await page.click('button[type="submit"]');
    assert.match(await page.locator('#notice').textContent(), /已提交审核/);
  });

  test('warnings never block submission', async () => {
    const { page } = await demo();
    await loadSample(page);
    await enter(page, cell('/applications/carriedOver/research'), ''); // blank: a warning, not an error
    await page.click('button[type="submit"]');
    assert.match(await page.locator('#notice').textContent(), /已提交审核/);
    const result = await page.evaluate(() => window.xxgknbForm.result);
    assert.equal(result.errorCount, 0);
    assert.ok(result.warningCount >= 1);
    assert.match(await page.locator('.xxgknb-summary h2').textContent(), /不影响提交/);
    assert.equal(
      await page.locator(`${cell('/applications/carriedOver/research')}`).getAttribute('aria-invalid'),
      null,
    );
  });

  test("both layouts: the year switches between the 2019 and 2021 tables, and each matches the validator's cells()", async () => {
    const { page } = await demo();
    assert.equal(await page.inputValue('#format'), '2021');
    assert.equal(await page.locator(cell('/applications/results/otherHandling/overdueCorrection/natural')).count(), 1);
    assert.equal(await page.locator(cell('/proactive/procurement/amount')).count(), 0);
    assert.deepEqual(await page.evaluate(() => window.xxgknbForm.checkMapping('2021')), { missing: [], unknown: [] });

    // A 2021-only row takes part in the checks.
    await enter(page, cell('/reviewLitigation/review/upheld'), '1');
    for (const key of ['corrected', 'other', 'pending'])
      await enter(page, cell(`/reviewLitigation/review/${key}`), '1');
    await enter(page, cell('/reviewLitigation/review/total'), '5');
    await page.waitForSelector('.xxgknb-inline');
    await page.screenshot({ path: screenshotPath('index-2021-layout.png'), fullPage: true });

    await page.selectOption('#year', '2020');
    assert.equal(await page.inputValue('#format'), '2019');
    assert.equal(await page.locator(cell('/applications/results/otherHandling/natural')).count(), 1);
    assert.equal(await page.locator(cell('/applications/results/otherHandling/overdueCorrection/natural')).count(), 0);
    assert.equal(await page.locator(cell('/proactive/procurement/amount')).count(), 1);
    assert.deepEqual(await page.evaluate(() => window.xxgknbForm.checkMapping('2019')), { missing: [], unknown: [] });
    // Table 四 is the same in both layouts: its values and its message survive the switch.
    assert.equal(await page.inputValue(cell('/reviewLitigation/review/total')), '5');
    assert.equal(await page.locator('.xxgknb-inline').count(), 1);

    // A 2019-only cell takes part in the checks.
    await enter(page, cell('/proactive/otherServices/change'), '-1.5');
    const shown = await describeField(page, cell('/proactive/otherServices/change'));
    assert.match(shown.message, /其他对外管理服务事项/);
  });

  test('the host hears of every check through xxgknb:validated', async () => {
    const { page } = await demo();
    await page.evaluate(() => {
      window.events = [];
      document.getElementById('report-form').addEventListener('xxgknb:validated', (event) => {
        window.events.push({ trigger: event.detail.trigger, errors: event.detail.result.errorCount });
      });
    });
    await enter(page, RECEIVED_NATURAL, 'abc');
    await page.click('#check');
    await page.waitForSelector('.xxgknb-summary');
    const events = await page.evaluate(() => window.events);
    assert.equal(events[0].trigger, 'blur');
    assert.equal(events.at(-1).trigger, 'validate');
    assert.ok(events.every((e) => e.errors >= 1));
  });

  test('detach() removes every listener, element and attribute the adapter added', async () => {
    const { page } = await demo();
    const before = await page.evaluate(() => document.getElementById('report-form').outerHTML);
    await loadSample(page);
    const filled = await page.evaluate(() => document.getElementById('report-form').outerHTML);
    await enter(page, RECEIVED_TOTAL, '26');
    await page.click('button[type="submit"]');
    await page.locator('.xxgknb-summary a').first().click();
    await page.evaluate(() => window.xxgknbForm.detach());
    await page.fill(RECEIVED_TOTAL, '20');
    const after = await page.evaluate(() => document.getElementById('report-form').outerHTML);
    // The adapter set novalidate when it attached (so that its summary, not the browser's bubbles, speaks).
    assert.equal(after, filled.replace(' novalidate=""', ''), 'the form is as it was before the adapter spoke');
    assert.notEqual(before, filled);
    assert.equal(await page.evaluate(() => document.getElementById('report-form').noValidate), false);
    assert.doesNotMatch(await page.title(), /错误/);
    // No listener left: typing a wrong value and leaving says nothing.
    await enter(page, RECEIVED_TOTAL, '99');
    await page.waitForTimeout(400);
    assert.equal(await page.locator('[class*="xxgknb-"]').count(), 0);
  });

  test('a host can pass its own validator (e.g. the full build) and decide itself whether to block', async () => {
    const { page } = await demo();
    await page.evaluate(async () => {
      window.xxgknbForm.detach();
      const { attach } = await import('/js/form/index.mjs');
      const form = document.getElementById('report-form');
      const validator = {
        validate(report) {
          const value = report.applications?.received?.natural;
          const bad = value !== undefined && value !== null && value !== '1';
          const diagnostics = bad
            ? [
                {
                  rule: 'host-rule',
                  severity: 'error',
                  path: '/applications/received/natural',
                  related: [],
                  message: '主管部门要求此格为 1',
                  expected: 1,
                },
              ]
            : [];
          return {
            valid: !bad,
            format: '2021',
            year: 2025,
            errorCount: diagnostics.length,
            warningCount: 0,
            diagnostics,
          };
        },
      };
      window.xxgknbForm = attach(form, { validator, blockSubmit: () => false, locale: 'en' });
    });
    await enter(page, RECEIVED_NATURAL, '3');
    const shown = await describeField(page, RECEIVED_NATURAL);
    assert.equal(shown.message, 'Error: 主管部门要求此格为 1');
    assert.deepEqual(shown.fixes, ['Use 1']);
    await page.click('button[type="submit"]');
    assert.match(await page.locator('#notice').textContent(), /已提交审核/, 'the host let it through');
    assert.equal(await page.locator('.xxgknb-summary h2').textContent(), 'There is a problem');
  });

  test('attach() refuses misuse with a message that says what was expected', async () => {
    const { page } = await demo();
    const messages = await page.evaluate(async () => {
      const { attach } = await import('/js/form/index.mjs');
      const form = document.getElementById('report-form');
      const attempts = [
        () => attach(null),
        () => attach(form, { feilds: {} }),
        () => attach(form, { fields: { t3_r1_c1: 'applications.received' } }),
        () => attach(form, { validator: {} }),
      ];
      return attempts.map((fn) => {
        try {
          fn();
          return 'no error';
        } catch (error) {
          return error.message;
        }
      });
    });
    assert.match(messages[0], /attach: expected a <form> element, got null/);
    assert.match(messages[1], /unknown option "feilds"/);
    assert.match(messages[2], /options\.fields\.t3_r1_c1: expected a JSON Pointer/);
    assert.match(messages[3], /options\.validator: expected an object with a validate\(\) function/);
  });

  test('a submit before the WebAssembly module is ready waits for it, checks, then goes through', async () => {
    const page = await suite.env.context.newPage();
    const problems = [];
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(m.text()));
    current = suite.track({ page, problems });
    await page.route('**/*.wasm', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.goto(suite.env.url('index.html'));
    await page.waitForFunction(() => window.xxgknbForm);
    await page.click('#load-sample');
    await page.fill(cell('/applications/received/total'), '26');
    await page.click('button[type="submit"]');
    assert.equal(await page.locator('.xxgknb-summary').count(), 0, 'not ready yet');
    await page.locator('.xxgknb-summary').waitFor({ timeout: 10000 });
    assert.doesNotMatch(await page.locator('#notice').textContent(), /已提交/, 'held: it has an error');
    // Mend it and submit again: goes through.
    await page.locator(`${cell('/applications/received/total')} + .xxgknb-inline button`).click();
    await page.click('button[type="submit"]');
    assert.match(await page.locator('#notice').textContent(), /已提交审核/);
  });

  test('when the WebAssembly module cannot load, the form still submits (the server checks)', async () => {
    const page = await suite.env.context.newPage();
    const problems = [];
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.route('**/*.wasm', (route) => route.fulfill({ status: 503, body: 'unavailable' }));
    await page.goto(suite.env.url('index.html'));
    await page.waitForFunction(() => /未能加载/.test(document.getElementById('engine-status').textContent));
    await page.click('#load-sample');
    await page.click('button[type="submit"]');
    assert.match(await page.locator('#notice').textContent(), /已提交审核/);
    assert.equal(await page.locator('[class*="xxgknb-"]').count(), 0);
    await page.close();
    // The only complaints are the failed download itself and the glue's report of it.
    assert.ok(
      problems.every((p) => /503|wasm|WebAssembly|Failed to load/i.test(p)),
      problems.join('\n'),
    );
  });

  test('pasting a published report fills the form through the report readers (when the build has them)', async () => {
    const { page } = await demo();
    await page.click('#import-panel summary');
    // The sample report as published, from the shared corpus beside the repository (not copied into it).
    const corpus = join(REPO, '..', 'shared', 'corpus', 'seed-ouhai-zjj-2020.txt');
    const text = existsSync(corpus) ? readFileSync(corpus, 'utf8') : '一、总体情况\n本年度共收到申请 3 件。';
    await page.fill('#import-text', text);
    await page.click('#import-run');
    await page.waitForFunction(() => !/正在识别/.test(document.getElementById('import-status').textContent), null, {
      timeout: 15000,
    });
    const status = await page.locator('#import-status').textContent();
    const readers = await page.evaluate(
      async () => typeof (await import('/js/index.browser.mjs')).parse === 'function',
    );
    if (!readers) {
      assert.match(status, /尚不支持/);
      return;
    }
    if (!existsSync(corpus)) {
      assert.match(status, /未能|已识别/);
      return;
    }
    assert.match(status, /已识别并填入/);
    assert.equal(await page.inputValue('#year'), '2020');
    assert.equal(await page.inputValue('#format'), '2019');
    const expected = JSON.parse(
      readFileSync(join(REPO, '..', 'shared', 'corpus', 'expected', 'seed-ouhai-zjj-2020.json'), 'utf8'),
    );
    assert.equal(
      await page.inputValue(cell('/applications/received/natural')),
      String(expected.applications.received.natural),
    );
    assert.equal(
      await page.inputValue(cell('/proactive/otherServices/change')),
      String(expected.proactive.otherServices.change),
    );
    assert.equal(
      await page.inputValue(cell('/reviewLitigation/litigationDirect/total')),
      String(expected.reviewLitigation.litigationDirect.total),
    );
    const result = await page.evaluate(() => window.xxgknbForm.result);
    assert.equal(result.errorCount, 0, JSON.stringify(result.diagnostics));
  });
});
