// The CLI over the shared corpus of real published reports: it completes, reports every
// file, and its JSON output validates against the schema the package ships.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { run, runJson, assertSchema, tmpDir, byPath, rulesOf, readersReady, ROOT } from './helpers.mjs';

const CORPUS = path.resolve(ROOT, '../shared/corpus');
const present = fs.existsSync(CORPUS);

function listFiles(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

test(
  'over ../shared/corpus/: completes, reports every file, JSON valid against the schema',
  { skip: !present && 'no ../shared/corpus beside the repository' },
  () => {
    const r = runJson(['check', CORPUS], { cwd: ROOT });
    assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
    assertSchema(r.doc);
    const all = listFiles(CORPUS);
    const reports = all.filter((f) => /\.(txt|json|pdf|docx)$/.test(f)).sort();
    assert.deepEqual(r.doc.files.map((f) => f.path).sort(), reports);
    assert.deepEqual(r.doc.skipped.map((s) => path.basename(s.path)).sort(), ['README.md', 'index.tsv']);
    assert.equal(r.doc.summary.files, reports.length);
    for (const f of r.doc.files) {
      // PDF and Word files are read, not decoded as text.
      assert.equal(f.encoding, /\.(pdf|docx)$/.test(f.path) ? null : 'utf-8', f.path);
      assert.equal(typeof f.valid, 'boolean');
    }
    // The published PDFs read as their pdftotext text does: the same findings, each on its page.
    for (const name of ['huaian-city-2024', 'hongze-district-2023', 'hongze-district-2024']) {
      const pdf = byPath(r.doc)[path.join(CORPUS, `pdf/${name}.pdf`)];
      const txt = byPath(r.doc)[path.join(CORPUS, `${name}.pdftext.txt`)];
      assert.equal(pdf.kind, 'pdf');
      assert.equal(pdf.issuer, txt.issuer);
      assert.equal(pdf.year, txt.year);
      assert.deepEqual(rulesOf(pdf), rulesOf(txt), name);
      // Where the text reading has a line, the PDF reading has a page instead; a rule's finding
      // at a cell (洪泽 2023's 总计 of table 四) has the page of that cell.
      pdf.diagnostics.forEach((d, i) => {
        const before = txt.diagnostics[i].location;
        if (before?.line !== undefined || (!before && d.path.split('/').length > 3))
          assert.ok(d.location?.page >= 1, JSON.stringify(d));
      });
      assert.ok(pdf.diagnostics.every((d) => d.location?.line === undefined));
    }
    assert.equal(byPath(r.doc)[path.join(CORPUS, 'pdf/huaian-city-2024.pdf')].valid, true);
    assert.equal(byPath(r.doc)[path.join(CORPUS, 'docx/template-2021.docx')].kind, 'docx');
    // Hand-checked facts (corpus README): 洪泽 2023 prints 0 as two of table 四's 总计.
    const f = byPath(r.doc);
    const hz23 = f[path.join(CORPUS, 'expected/hongze-district-2023.json')];
    const t4 = hz23.diagnostics
      .filter((d) => d.rule === 't4-total')
      .map((d) => d.path)
      .sort();
    assert.deepEqual(t4, ['/reviewLitigation/litigationAfterReview/total', '/reviewLitigation/review/total']);
    assert.equal(f[path.join(CORPUS, 'expected/huaian-city-2024.json')].valid, true);
    assert.equal(f[path.join(CORPUS, 'expected/seed-ouhai-zjj-2020.json')].valid, true);
    // 洪泽 2023 and 2024 are one issuer's consecutive years.
    const hz24 = f[path.join(CORPUS, 'expected/hongze-district-2024.json')];
    assert.ok(
      hz24.previous === path.join(CORPUS, 'expected/hongze-district-2023.json') ||
        rulesOf(hz24).includes('cross-year-ambiguous'),
    );
  },
);

test('over the corpus: human, CSV and the summary page all complete', { skip: !present && 'no corpus' }, () => {
  const human = run(['check', CORPUS, '--locale', 'en'], { cwd: ROOT });
  assert.ok(human.code === 0 || human.code === 1);
  assert.match(human.stdout, /\d+ files checked: /);
  const csv = run(['check', CORPUS, '--format', 'csv'], { cwd: ROOT });
  assert.ok(csv.code === 0 || csv.code === 1);
  const page = path.join(tmpDir(), 'corpus.html');
  const rep = run(['check', CORPUS, '--report', page, '-q'], { cwd: ROOT });
  assert.ok(rep.code === 0 || rep.code === 1);
  assert.match(fs.readFileSync(page, 'utf8'), /hongze-district-2023/);
});

test(
  '洪泽 2023 and 2024 as published pair up although one names the city and the other does not',
  { skip: !present && 'no corpus' },
  async (t) => {
    if (!(await readersReady())) return t.skip('report readers not in the core yet');
    const [y23, y24] = ['hongze-district-2023.pdftext.txt', 'hongze-district-2024.pdftext.txt'].map((f) =>
      path.join(CORPUS, f),
    );
    const r = runJson(['check', y23, y24], { cwd: ROOT });
    assertSchema(r.doc);
    assert.equal(r.doc.summary.crossYearPairs, 1);
    assert.equal(byPath(r.doc)[y24].previous, y23);
  },
);
