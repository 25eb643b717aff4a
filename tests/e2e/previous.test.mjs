// End-to-end: last year's report given to the form adapter (`previous`, e.g. from the CMS)
// turns on the cross-year rules as the user types: cross-year-carryover in the default lite
// build; with the full build as `validator`, t2-carryover and tables-unchanged too.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cell, describeField, enter, browserSuite } from './harness.mjs';

const suite = browserSuite();

/** Last year's report, as a CMS would hand it over: what the cross-year rules read of it. */
const PREVIOUS = {
  year: 2023,
  format: '2021',
  proactive: {
    regulations: { issued: 0, repealed: 0, inForce: 2 },
    normativeDocuments: { issued: 2, repealed: 0, inForce: 10 },
  },
  applications: {
    carriedForward: {
      natural: 3,
      commercial: 0,
      research: 0,
      socialWelfare: 0,
      legalService: 0,
      otherOrg: 0,
      total: 3,
    },
  },
};

/** The demo page at 2024 (the 2021 layout), its form attached afresh with `options`. */
async function attachWith(full) {
  const { page } = await suite.open('index.html');
  await page.selectOption('#year', '2024');
  await page.evaluate(
    async ({ previous, full }) => {
      window.xxgknbForm.detach();
      const { attach } = await import('/js/form/index.mjs');
      const options = { previous, debounce: 0 };
      if (full) {
        const mod = await import('/js/index.browser.mjs');
        await mod.default();
        options.validator = mod;
      }
      window.xxgknbForm = attach(document.getElementById('report-form'), options);
      await window.xxgknbForm.ready;
    },
    { previous: PREVIOUS, full },
  );
  return page;
}

describe("last year's report in the form", () => {
  test("lite build: this year's carried-over that is not last year's carried-forward is said in the cell as it is typed", async () => {
    const page = await attachWith(false);
    const over = cell('/applications/carriedOver/natural');
    await enter(page, over, '1');
    await page.waitForSelector(`${over} + .xxgknb-inline`);
    const shown = await describeField(page, over);
    assert.match(shown.message, /应为 3（2023 年度报告「四、结转下年度继续办理」该列为 3），现为 1/);
    assert.deepEqual(shown.fixes, ['改为 3']);
    await enter(page, over, '3');
    await page.waitForFunction((sel) => !document.querySelector(`${sel} + .xxgknb-inline`), over);
    // The lite build has no t2-carryover: documents in force are not compared there.
    const ids = await page.evaluate(() => window.xxgknbForm.result.diagnostics.map((d) => d.rule));
    assert.ok(!ids.includes('t2-carryover'));
  });

  test("full build: documents in force that do not follow last year's are said as they are typed", async () => {
    const page = await attachWith(true);
    const base = '/proactive/normativeDocuments';
    await enter(page, cell(`${base}/issued`), '3');
    await enter(page, cell(`${base}/repealed`), '1');
    await enter(page, cell(`${base}/inForce`), '11');
    await page.waitForSelector(`${cell(`${base}/inForce`)} + .xxgknb-inline`);
    const shown = await describeField(page, cell(`${base}/inForce`));
    assert.match(shown.message, /「现行有效件数」列应为 12（上年 10 \+ 本年制发 3 − 本年废止 1），现为 11/);
    assert.deepEqual(shown.fixes, ['改为 12']);
    await enter(page, cell(`${base}/inForce`), '12');
    await page.waitForFunction((sel) => !document.querySelector(`${sel} + .xxgknb-inline`), cell(`${base}/inForce`));
  });
});
