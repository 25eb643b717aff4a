// End-to-end: the 年度报告填报 demo reads a PDF or Word file, chosen or dropped, in Chromium,
// and fills the form; a file it cannot read says why. No console error or warning allowed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { REPO, cell, browserSuite } from './harness.mjs';

const suite = browserSuite();
const DOCS = join(REPO, 'tests', 'fixtures', 'documents');
const expected = JSON.parse(readFileSync(join(DOCS, 'template-2024.expected.json'), 'utf8'));

async function demo() {
  const tab = await suite.open('index.html');
  await tab.page.click('#import-panel summary');
  return tab;
}

const settled = (page) =>
  page.waitForFunction(() => !/正在/.test(document.getElementById('import-status').textContent), null, {
    timeout: 30000,
  });

async function assertFilled(page) {
  assert.equal(await page.inputValue('#year'), '2024');
  assert.equal(await page.inputValue('#format'), '2021');
  for (const path of [
    '/proactive/regulations/inForce',
    '/proactive/fees/amount',
    '/applications/received/natural',
    '/applications/results/otherHandling/other/total',
    '/reviewLitigation/litigationAfterReview/total',
  ]) {
    const want = path
      .split('/')
      .slice(1)
      .reduce((o, k) => o[k], expected);
    assert.equal(await page.inputValue(cell(path)), String(want), path);
  }
  const result = await page.evaluate(() => window.xxgknbForm.result);
  assert.equal(result.errorCount, 0, JSON.stringify(result.diagnostics));
}

describe('年度报告填报 demo: import a PDF or Word file', () => {
  for (const file of ['template-2024.pdf', 'template-2024.docx']) {
    test(`choosing ${file} fills every table`, async () => {
      const { page } = await demo();
      await page.setInputFiles('#import-file', join(DOCS, file));
      await settled(page);
      assert.match(await page.locator('#import-status').textContent(), new RegExp(`已从「${file}」识别并填入（2024`));
      assert.equal(await page.locator('#import-problems').isHidden(), true);
      await assertFilled(page);
    });
  }

  test('dropping a DOCX on the page fills the form', async () => {
    const { page } = await demo();
    const base64 = readFileSync(join(DOCS, 'template-2024.docx')).toString('base64');
    await page.evaluate(async (data) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(
        new File([bytes], '年报.docx', {
          type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        }),
      );
      document
        .querySelector('.report-form')
        .dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      document
        .querySelector('.report-form')
        .dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, base64);
    await settled(page);
    assert.match(await page.locator('#import-status').textContent(), /已从「年报.docx」识别并填入/);
    await assertFilled(page);
  });

  test('a scanned PDF says it needs OCR, and fills nothing', async () => {
    const { page } = await demo();
    await page.setInputFiles('#import-file', join(DOCS, 'scanned.pdf'));
    await settled(page);
    assert.match(await page.locator('#import-status').textContent(), /未能从「scanned.pdf」中读取表格数据/);
    assert.match(await page.locator('#import-problems').textContent(), /扫描图像.*OCR/);
    assert.equal(await page.inputValue(cell('/applications/received/natural')), '');
  });

  test('a PDF with blank cells fills what it read and lists the rows to fill by hand, with their page', async () => {
    const { page } = await demo();
    await page.setInputFiles('#import-file', join(DOCS, 'template-blanks-2024.pdf'));
    await settled(page);
    assert.match(await page.locator('#import-status').textContent(), /另有 \d+ 处未能读取/);
    assert.match(await page.locator('#import-problems').textContent(), /表四.*（第 3 页）/);
    assert.equal(
      await page.inputValue(cell('/applications/received/natural')),
      String(expected.applications.received.natural),
    );
  });

  test('a .doc says to save it as .docx or PDF (Word 97 needs Node)', async () => {
    const { page } = await demo();
    await page.setInputFiles('#import-file', join(DOCS, 'template-2024.doc'));
    await settled(page);
    assert.match(await page.locator('#import-problems').textContent(), /浏览器中无法读取 Word 97-2003/);
  });
});
