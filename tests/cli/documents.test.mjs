// `xxgknb check` over PDF and Word files: read along with the rest, each file's kind in the
// output, one clear diagnostic for a file that cannot be read, and the batch goes on; a time
// limit and a memory cap per document; locations in the summary page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync, strToU8, strFromU8 } from 'fflate';
import { run, runJson, assertSchema, tmpDir, byPath, rulesOf, ROOT } from './helpers.mjs';

const DOCS = path.join(ROOT, 'tests/fixtures/documents');

/** A folder with the document fixtures, a damaged copy and a good JSON report after them. */
function folder(names) {
  const dir = tmpDir();
  for (const n of names) fs.copyFileSync(path.join(DOCS, n), path.join(dir, n));
  fs.copyFileSync(path.join(ROOT, 'tests/cli/fixtures/reports/good-2023.json'), path.join(dir, 'z-good-2023.json'));
  return dir;
}

for (const jobs of ['0', '2']) {
  test(`a folder of PDF, DOCX, DOC and broken files, ${jobs === '0' ? 'in one thread' : 'in workers'}: every file reported, the batch goes on`, () => {
    const dir = folder([
      'template-2024.docx',
      'template-2024.doc',
      'template-2024.pdf',
      'scanned.pdf',
      'encrypted.pdf',
      'bomb.docx',
    ]);
    fs.copyFileSync(path.join(DOCS, 'template-2024.doc'), path.join(dir, 'same-as-doc.wps'));
    // Misnamed: a DOCX saved as .doc is told by its bytes.
    fs.copyFileSync(path.join(DOCS, 'template-2024.docx'), path.join(dir, 'misnamed.doc'));
    const r = runJson(['check', dir, '-j', jobs]);
    assertSchema(r.doc);
    assert.equal(r.code, 1, r.stderr); // errors found; nothing the tool could not check
    const f = byPath(r.doc);
    const at = (n) => f[path.join(dir, n)];
    for (const [n, kind] of [
      ['template-2024.docx', 'docx'],
      ['template-2024.doc', 'doc'],
      ['same-as-doc.wps', 'doc'],
      ['template-2024.pdf', 'pdf'],
      ['misnamed.doc', 'docx'],
    ]) {
      assert.equal(at(n).kind, kind, n);
      assert.equal(at(n).valid, true, `${n}: ${JSON.stringify(at(n).diagnostics)}`);
      assert.equal(at(n).year, 2024);
      assert.equal(at(n).issuer, '示例市人民政府');
      assert.equal(at(n).encoding, null);
    }
    assert.deepEqual(rulesOf(at('scanned.pdf')), ['no-text-layer']);
    assert.deepEqual(rulesOf(at('encrypted.pdf')), ['encrypted-document']);
    assert.deepEqual(rulesOf(at('bomb.docx')), ['document-too-large']);
    assert.equal(at('z-good-2023.json').valid, true);
    assert.equal(r.doc.summary.files, 9);
  });
}

test('documents among many files in workers are each read with their own bytes', () => {
  // Enough files for workers; each document followed, in its batch, by other files (read into
  // the buffer the document's bytes were in) and by another document.
  const dir = tmpDir();
  const report = fs.readFileSync(path.join(ROOT, 'tests/cli/fixtures/reports/good-2023.json'));
  const docs = { pdf: 'template-2024.pdf', docx: 'template-2024.docx', doc: 'template-2024.doc' };
  for (let i = 0; i < 40; i++) {
    const kind = ['pdf', 'docx', 'doc'][i % 3];
    if (i % 4 === 0 || i % 4 === 1)
      fs.copyFileSync(path.join(DOCS, docs[kind]), path.join(dir, `f${String(i).padStart(2, '0')}.${kind}`));
    else fs.writeFileSync(path.join(dir, `f${String(i).padStart(2, '0')}.json`), report);
  }
  const r = runJson(['check', dir, '-j', '2']);
  assertSchema(r.doc);
  assert.equal(r.doc.summary.files, 40);
  for (const f of r.doc.files) {
    assert.equal(f.valid, true, `${f.path}: ${JSON.stringify(f.diagnostics)}`);
    if (!f.path.endsWith('.json')) assert.equal(f.issuer, '示例市人民政府', f.path);
  }
});

test('a document over the time limit is stopped and reported; the next file is still checked', () => {
  const dir = folder(['template-2024.pdf']);
  const r = runJson(['check', dir, '-j', '0'], { env: { XXGKNB_DOCUMENT_TIMEOUT_MS: '1' } });
  assertSchema(r.doc);
  assert.equal(r.code, 2, 'a file the tool could not finish');
  const f = byPath(r.doc);
  const pdf = f[path.join(dir, 'template-2024.pdf')];
  assert.deepEqual(rulesOf(pdf), ['document-too-large']);
  assert.match(pdf.diagnostics[0].message, /超过 0 秒，已停止/);
  assert.equal(f[path.join(dir, 'z-good-2023.json')].valid, true);
});

test('a document over the memory cap is stopped and reported; the next file is still checked', () => {
  const dir = folder(['template-2024.pdf', 'template-2024.docx']);
  const r = runJson(['check', dir, '-j', '0', '--locale', 'en'], { env: { XXGKNB_DOCUMENT_HEAP_MB: '2' } });
  assertSchema(r.doc);
  const f = byPath(r.doc);
  for (const n of ['template-2024.pdf', 'template-2024.docx']) {
    assert.deepEqual(rulesOf(f[path.join(dir, n)]), ['document-too-large'], n);
    assert.match(f[path.join(dir, n)].diagnostics[0].message, /more than 2 MB of memory/);
  }
  assert.equal(f[path.join(dir, 'z-good-2023.json')].valid, true);
  assert.equal(r.code, 2);
});

test('the summary page and the human output show a PDF page and a DOCX table, row and cell', () => {
  const dir = tmpDir();
  fs.copyFileSync(path.join(DOCS, 'template-blanks-2024.pdf'), path.join(dir, 'blanks.pdf'));
  // A DOCX with a cell that is no number: invalid-number at that cell, Word's table 1, row 10,
  // cell 2 (the reader reads the cell as printed, the rule quotes it).
  const files = unzipSync(fs.readFileSync(path.join(DOCS, 'template-2024.docx')));
  files['word/document.xml'] = strToU8(
    strFromU8(files['word/document.xml']).replace('<w:t>3985758</w:t>', '<w:t>三九八</w:t>'),
  );
  fs.writeFileSync(path.join(dir, 'letters.docx'), zipSync(files));
  const page = path.join(dir, 'summary.html');
  const r = run(['check', dir, '--report', page, '-j', '0']);
  assert.equal(r.code, 1, r.stderr);
  const html = fs.readFileSync(page, 'utf8');
  assert.match(html, /第 1 页（距左 \d+、距顶 \d+ 磅）/);
  assert.match(r.stdout, /第 \d 页（距左 \d+、距顶 \d+ 磅）/);
  assert.match(html, /第 1 个表格第 10 行第 2 格/);
  const en = run(['check', path.join(dir, 'letters.docx'), '--locale', 'en', '-j', '0']);
  assert.match(en.stdout, /table 1, row 10, cell 2/);
  // A rule's finding at a cell is shown where the cell is: a wrong total in table 三.
  const wrong = unzipSync(fs.readFileSync(path.join(DOCS, 'template-2024.docx')));
  wrong['word/document.xml'] = strToU8(
    strFromU8(wrong['word/document.xml']).replace('<w:t>3119</w:t>', '<w:t>3118</w:t>'),
  );
  fs.writeFileSync(path.join(dir, 'wrong-total.docx'), zipSync(wrong));
  const t = runJson(['check', path.join(dir, 'wrong-total.docx'), '-j', '0']);
  const d = t.doc.files[0].diagnostics.find((x) => x.path === '/applications/received/total');
  assert.ok(d, JSON.stringify(t.doc.files[0].diagnostics));
  assert.deepEqual(d.location, { table: 2, row: 4, cell: 8 });
});

test('a PDF on standard input is told by its bytes and read', () => {
  const r = runJson(['check', '-'], { input: fs.readFileSync(path.join(DOCS, 'template-2024.pdf')) });
  assertSchema(r.doc);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.doc.files[0].kind, 'pdf');
  assert.equal(r.doc.files[0].issuer, '示例市人民政府');
});
