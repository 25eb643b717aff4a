// Accessibility: axe-core in the same Chromium finds no violations on either page, with errors showing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import { cell, enter, screenshotPath, browserSuite } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const suite = browserSuite();
let current;

/** Run axe; evaluated through the DevTools protocol, so the page's strict CSP stays in force. */
async function axe(page) {
  await page.evaluate(AXE);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
}

describe('accessibility (axe-core)', () => {
  test('年度报告填报, with inline errors, a warning, a fix button and the summary showing', async () => {
    current = await suite.open('index.html');
    const { page } = current;
    await page.click('#load-sample');
    await enter(page, cell('/applications/received/total'), '26');
    await enter(page, cell('/reviewLitigation/litigationDirect/other'), '一件');
    await enter(page, cell('/applications/carriedOver/research'), '');
    await page.click('button[type="submit"]');
    await page.waitForSelector('.xxgknb-summary');
    assert.ok((await page.locator('.xxgknb-inline').count()) >= 3);
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: screenshotPath('a11y-index.png'), fullPage: true });
  });

  test('年度报告填报, 2021 layout, before anything is typed', async () => {
    current = await suite.open('index.html');
    assert.deepEqual(await axe(current.page), []);
  });

  test('legacy form, with errors and the summary showing', async () => {
    current = await suite.open('legacy.html');
    const { page } = current;
    await enter(page, '[name="t3_r1_c1"]', '3');
    await enter(page, '[name="t4_c5"]', '3.5');
    await page.click('input[type="submit"]');
    await page.waitForSelector('.xxgknb-summary');
    assert.deepEqual(await axe(page), []);
  });
});
