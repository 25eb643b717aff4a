// End-to-end: the "legacy" form, whose fields carry the old CMS's own names, bound by a mapping.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeField, enter, screenshotPath, browserSuite } from './harness.mjs';

const suite = browserSuite();
let current;

const field = (name) => `[name="${name}"]`;

describe('legacy form (mapping by field name)', () => {
  test('the mapping covers every cell of the 2021 layout, and nothing else', async () => {
    current = await suite.open('legacy.html');
    const { page, wasm } = current;
    for (const response of wasm) assert.equal(response.type, 'application/wasm');
    assert.deepEqual(await page.evaluate(() => window.xxgknbForm.checkMapping('2021')), { missing: [], unknown: [] });
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp, /default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
    assert.equal(await page.locator('script:not([src]), [style]').count(), 0, 'no inline script or style');
    // The markup itself knows nothing of model paths.
    assert.equal(await page.locator('[data-xxgknb], [name^="/"]').count(), 0);
  });

  test('a wrong value shows its message next to the CMS field the mapping names; submit is blocked with a summary', async () => {
    current = await suite.open('legacy.html');
    const { page } = current;
    const values = ['5', '1', '0', '0', '0', '0', '7']; // 一、本年新收: 5 + 1 ≠ 7
    for (const [i, value] of values.entries()) await enter(page, field(`t3_r1_c${i + 1}`), value);
    await page.waitForSelector('.xxgknb-inline');
    const result = await page.evaluate(() => window.xxgknbForm.result);
    assert.deepEqual(
      result.diagnostics.map((d) => d.rule),
      ['t3-row-total'],
    );
    assert.ok(
      result.diagnostics[0].message.includes('一、本年新收政府信息公开申请数量'),
      "named in the official words, not the CMS's",
    );
    const d = result.diagnostics[0];
    assert.ok(d.path.startsWith('/applications/received/'));
    const columns = ['natural', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg', 'total'];
    const name = `t3_r1_c${columns.indexOf(d.path.split('/').pop()) + 1}`;
    const shown = await describeField(page, field(name));
    assert.ok(shown.adjacent);
    assert.equal(shown.invalid, 'true');
    assert.ok(shown.message.includes(d.message));

    await enter(page, field('t4_c1'), '-2');
    await page.click('input[type="submit"]');
    await page.waitForSelector('.xxgknb-summary');
    assert.equal(await page.locator('#msg').textContent(), '', 'the old CMS handler did not save');
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('xxgknb-summary')), true);
    await page.screenshot({ path: screenshotPath('legacy-errors.png'), fullPage: true });

    // The summary links reach the CMS's own fields.
    const links = page.locator('.xxgknb-summary a');
    assert.ok((await links.count()) >= 2);
    await links.first().click();
    assert.equal(await page.evaluate(() => document.activeElement.name), name);

    // The form's own reset button clears the adapter's state too.
    await page.click('input[type="reset"]');
    assert.equal(await page.locator('.xxgknb-inline, .xxgknb-summary').count(), 0);
    assert.equal(await page.locator('[aria-invalid]').count(), 0);
  });

  test('a filled-in report with one slip per table (screenshot)', async () => {
    current = await suite.open('legacy.html');
    const { page } = current;
    // The CMS's draft: everything 0, as a filer who has nothing to report would leave it.
    await page.evaluate(() => {
      for (const input of document.querySelectorAll('input[type="text"][name^="t"]')) input.value = '0';
    });
    const filled = {
      t2_r2_c1: '3',
      t2_r2_c3: '41',
      t2_r3_c1: '126',
      t2_r4_c1: '58',
      t2_r6_c1: '12.5',
      t3_r1_c1: '18',
      t3_r1_c2: '4',
      t3_r1_c7: '22',
      t3_r2_c1: '1',
      t3_r2_c7: '1',
      t3_r3_c1: '12',
      t3_r3_c2: '3',
      t3_r3_c7: '15',
      t3_r13_c1: '6',
      t3_r13_c7: '5',
      t3_r24_c1: '17',
      t3_r24_c2: '3',
      t3_r24_c7: '20',
      t3_r25_c1: '2',
      t3_r25_c2: '1',
      t3_r25_c7: '3',
      t4_c1: '1',
      t4_c5: '1',
      t4_c6: '1',
      t4_c8: '1',
      t4_c10: '3',
    };
    for (const [name, value] of Object.entries(filled)) await enter(page, field(name), value);
    await page.click('input[type="submit"]');
    await page.waitForSelector('.xxgknb-summary');
    const result = await page.evaluate(() => window.xxgknbForm.result);
    const rules = result.diagnostics.map((d) => `${d.rule} ${d.path}`);
    // The slips: 本机关不掌握 · 自然人 typed 6 (its row and its column say 5); 未经复议直接起诉 总计 3 (1 + 1).
    assert.ok(
      rules.some((r) => r.startsWith('t4-total /reviewLitigation/litigationDirect/')),
      rules.join('\n'),
    );
    assert.ok(
      rules.some((r) => r.includes('/applications/results/unavailable/notHeld/natural')),
      rules.join('\n'),
    );
    assert.ok(result.errorCount >= 2, rules.join('\n'));
    await page.screenshot({ path: screenshotPath('legacy-filled-errors.png'), fullPage: true });
  });

  test('the year field is mapped as well (nd → /year)', async () => {
    current = await suite.open('legacy.html');
    const { page } = current;
    await page.selectOption(field('nd'), '2023');
    const result = await page.evaluate(() => window.xxgknbForm.result);
    assert.equal(result.year, 2023);
    assert.equal(result.format, '2021');
  });
});
