// parseFile / checkFile: PDF, DOCX and DOC/WPS files into the model. Fixtures are made by
// tests/fixtures/documents/make.mjs from the official Word template (no corpus prose); the
// corpus PDFs are measured when ../shared is there, and skipped with a message when not.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { zipSync, unzipSync, strToU8, strFromU8 } from 'fflate';
import { parseFile, checkFile, parse, check, rules } from '../../js/index.node.mjs';
import { layoutText } from '../../js/documents/layout.mjs';
import { docRows } from '../../js/documents/doc.mjs';
import { slim, wordHtml } from '../../js/documents/docx.mjs';
import { signature, isEncryptedOle } from '../../js/documents/detect.mjs';
import { loadXml } from '../../js/documents/env.node.mjs';

// The built-ins as Node has them, before PDF.js is loaded by a test below.
const NATIVE = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };

const fixture = (name) => readFileSync(fileURLToPath(new URL(`../fixtures/documents/${name}`, import.meta.url)));
const expected = (name) => JSON.parse(fixture(`${name}.expected.json`).toString('utf8'));
const corpus = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

/** Every leaf of an object, by JSON pointer. */
function leaves(o, p = '', out = new Map()) {
  if (o !== null && typeof o === 'object') for (const [k, v] of Object.entries(o)) leaves(v, `${p}/${k}`, out);
  else out.set(p, o);
  return out;
}

/** The cells of tables 二, 三, 四 (and year, format, issuer) that differ from `want`. */
function differences(report, want) {
  const got = leaves(report);
  const out = [];
  for (const [k, v] of leaves(want)) if (got.get(k) !== v) out.push(`${k}: got ${got.get(k)}, want ${v}`);
  return out;
}

const item = (str, x, y, size = 10, w = str.length * size) => ({ str, x, y, w, size });

describe('layout text from positioned items', () => {
  test('items on one baseline make one line; wide gaps become cell gaps, narrow ones stay in the label', () => {
    const { text, lines } = layoutText([
      {
        width: 595,
        height: 842,
        items: [
          item('一、本年新收政府信息公开申请数量', 50, 700, 7.5),
          item('3001', 230, 697.7, 7.5, 15), // a point or two below the label: the same row
          item('53', 270, 697.7, 7.5, 7.5),
          item('规章', 50, 660),
          item('（一）', 50, 640),
          item('予以公开', 80.5, 640), // touching: one label
        ],
      },
    ]);
    const rows = text.split('\n').filter((r) => r !== '');
    assert.match(rows[0], /^一、本年新收政府信息公开申请数量 {2,}3001 {2,}53$/);
    assert.equal(rows[1], '规章');
    assert.equal(rows[2], '（一）予以公开');
    assert.deepEqual(
      lines[0].segs.map((s) => s.x),
      [50, 230, 270],
    );
    assert.equal(lines[0].page, 1);
    assert.equal(lines[0].y, 142); // from the top: 842 − 700
  });

  test('page numbers and running headers in the margins are dropped; page numbers in the text are not', () => {
    const page = (n) => ({
      width: 595,
      height: 842,
      items: [item('某某市人民政府文件', 200, 800), item(`第 ${n} 页`, 280, 30), item(`正文 ${n}`, 50, 400)],
    });
    const { text } = layoutText([page(1), page(2), page(3)]);
    assert.equal(text, '正文 1\n正文 2\n正文 3\n');
    // Only in the margins: "- 2 -" mid-page is content.
    assert.equal(layoutText([{ width: 595, height: 842, items: [item('- 2 -', 280, 400)] }]).text, '- 2 -\n');
  });

  test('numbers of one row printed a line apart are joined in column order', () => {
    // The 总计 cell aligned at the top, the others centred beside a wrapped label.
    const { text } = layoutText([
      {
        width: 595,
        height: 842,
        items: [
          item('（二）部分公开（区分处理的', 60, 500),
          item('454', 400, 500.2, 10, 15),
          item('447', 200, 492.4, 10, 15),
          item('7', 250, 492.4, 10, 5),
          item('形，不计其他情形）', 60, 484.8),
        ],
      },
    ]);
    const rows = text
      .trim()
      .split('\n')
      .map((r) => r.trim().split(/\s{2,}/));
    assert.deepEqual(rows, [['（二）部分公开（区分处理的'], ['447', '7', '454'], ['形，不计其他情形）']]);
  });

  test("a label's item number is no number of the row beside it", () => {
    // "1" and "、本机关不掌握相" are two items (two fonts); the row's numbers are centred a line below.
    const { text } = layoutText([
      {
        width: 595,
        height: 842,
        items: [
          item('1', 165, 699.3, 12, 7.6),
          item('、本机关不掌握相', 172.6, 699.3, 12, 96),
          item('5', 275.4, 691.5, 12, 7.6),
          item('0', 316.7, 691.5, 12, 7.6),
          item('关政府信息', 165, 683, 12, 60),
        ],
      },
    ]);
    assert.deepEqual(
      text
        .trim()
        .split('\n')
        .map((r) => r.trim().split(/\s{2,}/)),
      [['1、本机关不掌握相'], ['5', '0'], ['关政府信息']],
    );
  });

  test('numbers of two different rows (they share columns) stay apart', () => {
    const { text } = layoutText([
      {
        width: 595,
        height: 842,
        items: [
          item('规章', 60, 500),
          item('1', 200, 500, 10, 5),
          item('行政规范性文件', 60, 488),
          item('8', 200, 488, 10, 5),
        ],
      },
    ]);
    assert.deepEqual(
      text
        .trim()
        .split('\n')
        .map((r) => r.trim().split(/\s{2,}/)),
      [
        ['规章', '1'],
        ['行政规范性文件', '8'],
      ],
    );
  });

  test('half-width punctuation that overlaps the next piece stays on its line', () => {
    const { text } = layoutText([
      { width: 595, height: 842, items: [item('制。', 74.3, 497.8, 16, 31.9), item('报告所列', 99.2, 497.8, 16, 64)] },
    ]);
    assert.equal(text.trim(), '制。报告所列');
  });
});

describe('DOC text rows', () => {
  test('a table run together by cell marks is cut into rows before each label', () => {
    const body = '规章\t1\t0\t11\t\n三、本年度办理结果\t（一）予以公开\t1\t2\t3\t\t\t（二）部分公开\t4\t\t6\t\t\n';
    // Empty cells at a row's end (its end mark, merged cells' continuations) may stay: the
    // reader takes a row's values from its start.
    assert.deepEqual(
      docRows(body)
        .trim()
        .split('\n')
        .map((r) => r.replace(/\t+$/, '')),
      [
        '规章\t1\t0\t11',
        '三、本年度办理结果\t（一）予以公开\t1\t2\t3',
        // The blank middle cell stays a cell: the values do not shift.
        '（二）部分公开\t4\t\t6',
      ],
    );
  });
});

describe('DOCX tables as an HTML grid', async () => {
  const parseXml = await loadXml();
  const w = (body) =>
    `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${body}</w:body></w:document>`;
  const p = (t) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
  const tc = (t, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr>${p(t)}</w:tc>`;

  test('gridSpan becomes colspan, vMerge a rowspan over the continued cells', () => {
    const xml = w(
      p('标题') +
        `<w:tbl>
      <w:tr>${tc('三、本年度办理结果', '<w:vMerge w:val="restart"/>')}${tc('（一）予以公开', '<w:gridSpan w:val="2"/>')}${tc('1')}</w:tr>
      <w:tr>${tc('', '<w:vMerge/>')}${tc('（三）不予公开')}${tc('1.属于国家秘密')}${tc('2')}</w:tr>
    </w:tbl>`,
    );
    const { html, cells } = wordHtml(xml, parseXml);
    assert.match(html, /<p>标题<\/p>/);
    assert.match(
      html,
      /<td rowspan="2"><p>三、本年度办理结果<\/p><\/td><td colspan="2"><p>（一）予以公开<\/p><\/td><td><p>1<\/p><\/td>/,
    );
    // The continuation is dropped: the second row starts at its own first cell.
    assert.match(html, /<tr><td><p>（三）不予公开<\/p><\/td><td><p>1.属于国家秘密<\/p><\/td><td><p>2<\/p><\/td><\/tr>/);
    // HTML cell k of the second row is Word's cell k + 1 (the continuation counts in Word).
    assert.deepEqual(cells['table[1] tr[2] td[3]'], { table: 1, row: 2, cell: 4 });
  });

  test('deleted text, field codes and fallback copies of text boxes are not read', () => {
    const xml =
      w(`<w:p><w:r><w:t>留</w:t></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r>
      <mc:AlternateContent><mc:Choice><w:r><w:t>框</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>框</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>`);
    assert.match(wordHtml(xml, parseXml).html, /<p>留框<\/p>/);
  });

  test('text is escaped for HTML', () => {
    assert.match(wordHtml(w(p('a &lt;b&gt; &amp; c')), parseXml).html, /<p>a &lt;b&gt; &amp; c<\/p>/);
  });

  test('formatting is cut out before parsing, and what is read stays the same', () => {
    const xml = w(
      `<w:p><w:pPr><w:spacing w:before="0" w:after="0"/><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>` +
        `<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hint='a/>b'/><w:sz w:val="24"/></w:rPr><w:t>一</w:t><w:tab/><w:t>二</w:t><w:br/><w:t>三</w:t></w:r></w:p>` +
        `<w:tbl><w:tr><w:tblPrEx><w:tblBorders><w:top w:val="none"/></w:tblBorders></w:tblPrEx>` +
        `<w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('（一）', '<w:tcW w:w="2435"/><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>')}${tc('1')}</w:tr></w:tbl>`,
    );
    const slimmed = slim(xml);
    assert.ok(slimmed.length < xml.length);
    for (const gone of ['w:spacing', 'w:rFonts', 'w:sz', 'w:top', 'w:tcW', "'a/>b'"])
      assert.ok(!slimmed.includes(gone), gone);
    for (const kept of [
      '<w:tab w:val="left" w:pos="420"/>',
      '<w:tab/>',
      '<w:br/>',
      '<w:gridBefore w:val="1"/>',
      '<w:gridSpan w:val="2"/>',
      '<w:vMerge w:val="restart"/>',
    ])
      assert.ok(slimmed.includes(kept), kept);
    assert.deepEqual(wordHtml(slimmed, parseXml), wordHtml(xml, parseXml));
    // A CDATA section could hold text that looks like an element: such XML is left whole.
    const cdata = w(`<w:p><w:r><w:t><![CDATA[<w:b/>]]></w:t></w:r></w:p>`);
    assert.equal(slim(cdata), cdata);
  });

  test('the Word fixtures read the same with and without the formatting', () => {
    for (const f of ['template-2024.docx', 'template-blanks-2024.docx']) {
      const files = unzipSync(readFileSync(new URL(`../fixtures/documents/${f}`, import.meta.url)));
      const xml = strFromU8(files['word/document.xml']);
      assert.ok(slim(xml).length < xml.length / 2, f);
      assert.deepEqual(wordHtml(slim(xml), parseXml), wordHtml(xml, parseXml), f);
    }
  });
});

test("reading a PDF leaves the process's built-ins as they were (PDF.js's core-js replaced them)", async () => {
  const r = await checkFile(fixture('template-2024.pdf'), { report: false });
  assert.ok(!r.diagnostics.some((d) => d.rule === 'unreadable-document'));
  assert.equal(Array.prototype.push, NATIVE.push);
  assert.equal(JSON.parse, NATIVE.parse);
  assert.equal(JSON.stringify, NATIVE.stringify);
});

describe('signatures', () => {
  test('PDF (also after junk), ZIP, OLE; text is none of them', () => {
    assert.equal(signature(Buffer.from('%PDF-1.7\n')), 'pdf');
    assert.equal(signature(Buffer.from('\r\n\r\n%PDF-1.4\n')), 'pdf');
    assert.equal(signature(new Uint8Array([0x50, 0x4b, 3, 4, 0])), 'zip');
    assert.equal(signature(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])), 'ole');
    assert.equal(signature(Buffer.from('<html>%PDF')), null);
    assert.equal(signature(Buffer.from('{"year": 2024}')), null);
  });

  test('an encrypted Word file is an OLE file holding an EncryptedPackage stream', () => {
    const ole = new Uint8Array(600);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    assert.equal(isEncryptedOle(ole), false);
    ole.set(Buffer.from('EncryptedPackage', 'utf16le'), 512);
    assert.equal(isEncryptedOle(ole), true);
  });
});

describe('fixtures from the official template read back exactly', () => {
  for (const [file, kind] of [
    ['template-2024.docx', 'docx'],
    ['template-2024.doc', 'doc'],
    ['template-2024.pdf', 'pdf'],
    ['template-blanks-2024.docx', 'docx'],
    ['template-blanks-2024.doc', 'doc'],
  ]) {
    test(`${file}: every cell, blanks included, year, format, issuer`, async () => {
      const name = file.replace(/\.\w+$/, '');
      const r = await parseFile(fixture(file));
      assert.equal(r.kind, kind);
      assert.deepEqual(r.diagnostics, []);
      assert.deepEqual(differences(r.report, expected(name)), []);
    });
  }

  test('a PDF with blank cells: no blank is taken for a number; each unread row is a diagnostic', async () => {
    // A blank cell prints nothing in a PDF: its row has a number too few. The reader says so,
    // except where nothing else is missing: 行政事业性收费, printed empty before table 三, is blank.
    const r = await parseFile(fixture('template-blanks-2024.pdf'));
    const want = expected('template-blanks-2024');
    const unread = r.diagnostics.filter((d) => d.rule === 'unreadable-cell').map((d) => d.path);
    assert.deepEqual(unread.sort(), ['/reviewLitigation']);
    assert.equal(r.report.proactive.fees.amount, null);
    const wrong = differences(r.report, want).filter((d) => !unread.some((u) => d.startsWith(`${u}/`)));
    // The one blank row of table 三 reads as a row without numbers, also said (row-not-found or unread).
    for (const d of wrong)
      assert.match(d, /^\/applications\/results\/withheld\/administrativeQuery\/\w+: got (undefined|null)/);
    for (const d of r.diagnostics) {
      assert.ok(Number.isInteger(d.location.page) && d.location.x > 0 && d.location.y > 0, JSON.stringify(d.location));
    }
  });

  test('checkFile: the filled template passes every rule', async () => {
    const r = await checkFile(fixture('template-2024.docx'), { report: false });
    assert.equal(r.kind, 'docx');
    assert.deepEqual(
      r.diagnostics.filter((d) => d.severity === 'error'),
      [],
    );
    assert.equal(r.valid, true);
    assert.equal('report' in r, false);
  });

  test("DOCX locations name Word's table, row and cell", async () => {
    const files = unzipSync(fixture('template-2024.docx'));
    // Two numbers in the one cell (a space inside the number): read, and said, at the cell.
    files['word/document.xml'] = strToU8(
      strFromU8(files['word/document.xml']).replace('<w:t>3985758</w:t>', '<w:t>398 5758</w:t>'),
    );
    const r = await parseFile(zipSync(files));
    const d = r.diagnostics.find((x) => x.path.startsWith('/proactive/punishment'));
    assert.ok(d, JSON.stringify(r.diagnostics));
    assert.deepEqual({ table: d.location.table, row: d.location.row }, { table: 1, row: 10 });
    assert.equal(d.location.element, undefined);
  });
});

describe('where each cell was read (locations: true)', () => {
  test('PDF: every cell read has its page and position', async () => {
    const r = await parseFile(fixture('template-2024.pdf'), { locations: true });
    const cells = [...leaves({ a: r.report.proactive, b: r.report.applications, c: r.report.reviewLitigation }).keys()];
    assert.equal(Object.keys(r.locations).length, cells.length);
    for (const [path, loc] of Object.entries(r.locations)) {
      assert.ok(Number.isInteger(loc.page) && loc.page >= 1 && loc.page <= 3, path);
      assert.ok(loc.x > 0 && loc.x < 595 && loc.y > 0 && loc.y < 842, `${path} ${JSON.stringify(loc)}`);
      assert.equal(loc.line, undefined);
    }
    // Table 三 is on page 2; its rows go down the page, its columns left to right.
    const a = r.locations['/applications/received/natural'];
    const b = r.locations['/applications/received/total'];
    const c = r.locations['/applications/carriedOver/natural'];
    assert.equal(a.page, 2);
    assert.ok(b.x > a.x && Math.abs(b.y - a.y) < 3, JSON.stringify([a, b]));
    assert.ok(c.y > a.y + 5 && Math.abs(c.x - a.x) < 20, JSON.stringify([a, c]));
  });

  test('DOCX: the table, row and cell of each value', async () => {
    const r = await checkFile(fixture('template-2024.docx'), { locations: true, report: false });
    assert.deepEqual(r.locations['/proactive/regulations/issued'], { table: 1, row: 3, cell: 2 });
    assert.deepEqual(r.locations['/proactive/regulations/inForce'], { table: 1, row: 3, cell: 4 });
    // Table 三's first value row: label cell spanning three grid columns, then the values.
    assert.deepEqual(r.locations['/applications/received/natural'], { table: 2, row: 4, cell: 2 });
    assert.equal(r.locations['/reviewLitigation/litigationAfterReview/total'].table, 3);
  });

  test('not asked for, not there; a file not read has none', async () => {
    assert.equal('locations' in (await parseFile(fixture('template-2024.docx'))), false);
    assert.deepEqual((await parseFile(fixture('scanned.pdf'), { locations: true })).locations, {});
  });
});

describe('files that cannot be read give one clear diagnostic', () => {
  const one = async (bytes, rule, pattern, options) => {
    const r = await checkFile(bytes, options);
    assert.equal(r.diagnostics.length, 1, JSON.stringify(r.diagnostics));
    const [d] = r.diagnostics;
    assert.equal(d.rule, rule);
    assert.match(d.message, pattern);
    assert.equal(r.valid, false);
    assert.equal(r.errorCount, 1);
    assert.equal(r.year, null);
    return r;
  };

  test('a scanned PDF (images only): no-text-layer, needs OCR', async () => {
    const r = await one(fixture('scanned.pdf'), 'no-text-layer', /共 2 页.*扫描图像.*OCR/);
    assert.equal(r.kind, 'pdf');
    const en = await checkFile(fixture('scanned.pdf'), { locale: 'en' });
    assert.match(en.diagnostics[0].message, /no text to read \(2 pages, probably scanned images\): it needs OCR/);
  });

  test('a PDF with an open password: encrypted-document', async () => {
    await one(fixture('encrypted.pdf'), 'encrypted-document', /密码/);
  });

  test('a PDF cut off halfway: unreadable-document, not the pages that are left', async () => {
    const pdf = fixture('template-2024.pdf');
    await one(pdf.subarray(0, Math.floor(pdf.length * 0.6)), 'unreadable-document', /不完整/);
  });

  test('bytes that only start like a PDF: unreadable-document', async () => {
    await one(Buffer.from('%PDF-1.7\nnot really a pdf\n%%EOF\n'), 'unreadable-document', /不是有效的 PDF|已损坏/);
  });

  test('a ZIP that is no Word document: unreadable-document naming what it seems to be', async () => {
    const xlsx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
    await one(xlsx, 'unreadable-document', /不是 Word 文档.*Excel/);
  });

  test('a damaged ZIP: unreadable-document', async () => {
    const docx = fixture('template-2024.docx');
    await one(docx.subarray(0, 4000), 'unreadable-document', /已损坏/);
  });

  test('a DOCX bomb (200 MB of text in 200 KB): document-too-large, without inflating it', async () => {
    const before = process.memoryUsage().arrayBuffers;
    await one(fixture('bomb.docx'), 'document-too-large', /压缩炸弹/);
    assert.ok(process.memoryUsage().arrayBuffers - before < 100 * 1048576);
  });

  test('an encrypted Word file: encrypted-document', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(Buffer.from('EncryptedPackage', 'utf16le'), 600);
    await one(ole, 'encrypted-document', /Word 文件设有打开密码/);
  });

  test('a damaged DOC: unreadable-document', async () => {
    const doc = fixture('template-2024.doc');
    await one(doc.subarray(0, 3000), 'unreadable-document', /DOC\/WPS/);
  });

  test('limits are options: too many pages, too many bytes', async () => {
    await one(fixture('template-2024.pdf'), 'document-too-large', /共 3 页，超过读取上限 2 页/, {
      limits: { maxPages: 2 },
    });
    await one(fixture('template-2024.docx'), 'document-too-large', /超过读取上限/, { limits: { maxBytes: 1000 } });
  });

  test('rules options apply: a severity changed, or the rule off (then the empty reading speaks)', async () => {
    const warn = await checkFile(fixture('scanned.pdf'), { rules: { 'no-text-layer': 'warning' } });
    assert.equal(warn.diagnostics[0].severity, 'warning');
    const off = await checkFile(fixture('scanned.pdf'), { rules: { 'no-text-layer': 'off' } });
    assert.ok(off.diagnostics.every((d) => d.rule !== 'no-text-layer'));
    assert.ok(off.diagnostics.some((d) => d.rule === 'table-not-found'));
    assert.equal(off.valid, false);
  });

  test('parseFile gives the same single diagnostic and an empty report', async () => {
    const r = await parseFile(fixture('scanned.pdf'));
    assert.deepEqual(
      r.diagnostics.map((d) => d.rule),
      ['no-text-layer'],
    );
    assert.equal(r.report.year, undefined);
    assert.equal(r.report.applications, undefined);
  });

  test('the document rules are in rules()', () => {
    const ids = rules().map((r) => r.id);
    for (const id of ['no-text-layer', 'encrypted-document', 'unreadable-document', 'document-too-large'])
      assert.ok(ids.includes(id), id);
  });
});

describe('the API', () => {
  test('text, HTML and JSON files read as parse reads them, with their kind', async () => {
    const json = await parseFile(Buffer.from('{"year": 2024}'));
    assert.equal(json.kind, 'json');
    assert.equal(json.report.year, 2024);
    const html = await checkFile('<table><tr><td>规章</td><td>1</td></tr></table>', { partial: true });
    assert.equal(html.kind, 'html');
    const text = await parseFile(new TextEncoder().encode('2024年政府信息公开工作年度报告').buffer);
    assert.equal(text.kind, 'text');
  });

  test("the caller's bytes stay usable (PDF.js detaches what it is given)", async () => {
    const pdf = new Uint8Array(fixture('template-2024.pdf'));
    await parseFile(pdf);
    assert.equal(pdf.byteLength > 0 && pdf[0], 0x25);
  });

  test('a Blob is read', async () => {
    const r = await parseFile(new Blob([fixture('template-2024.docx')]));
    assert.equal(r.kind, 'docx');
    assert.equal(r.report.year, 2024);
  });

  test('misuse rejects with an Error naming the function and what was wrong', async () => {
    await assert.rejects(parseFile(42), { message: /^parseFile: expected the file's bytes .* got a number$/ });
    await assert.rejects(checkFile(Buffer.from('x'), { kind: 'xls' }), {
      message: /^checkFile: options\.kind: expected one of "json", .* got "xls"$/,
    });
    await assert.rejects(checkFile(Buffer.from('x'), { limits: { maxPage: 3 } }), {
      message: /^checkFile: options\.limits\.maxPage: unknown limit/,
    });
    await assert.rejects(checkFile(Buffer.from('x'), { limits: { maxPages: -1 } }), {
      message: /^checkFile: options\.limits\.maxPages: expected a positive number/,
    });
    // The core's options are checked for files it never sees as text, too.
    await assert.rejects(checkFile(fixture('scanned.pdf'), { partail: true }), {
      message: /options\.partail: unknown option/,
    });
    await assert.rejects(parseFile(fixture('template-2024.docx'), { report: false }), {
      message: /options\.report: unknown option/,
    });
  });

  test("parse and check refuse a file's bytes and name the function that reads them", () => {
    assert.throws(() => parse(fixture('scanned.pdf')), {
      message: /^parse: these bytes are a PDF file; read it with parseFile\(\)/,
    });
    assert.throws(() => check(fixture('template-2024.docx')), {
      message: /^check: these bytes are a ZIP file \(DOCX\?\); read it with checkFile\(\)/,
    });
    assert.throws(() => parse('text', { kind: 'pdf' }), { message: /^parse: kind "pdf" is read by parseFile\(\)/ });
  });
});

describe('the corpus PDFs', () => {
  const names = ['huaian-city-2024', 'hongze-district-2023', 'hongze-district-2024'];
  const have = existsSync(`${corpus}pdf`);
  for (const name of names) {
    test(
      `${name}.pdf: every cell of tables 二, 三, 四 as expected, and the same report as its pdftotext reading`,
      { skip: !have && '../shared/corpus is absent' },
      async () => {
        const r = await parseFile(readFileSync(`${corpus}pdf/${name}.pdf`));
        assert.equal(r.kind, 'pdf');
        const want = JSON.parse(readFileSync(`${corpus}expected/${name}.json`, 'utf8'));
        const tables = ({ proactive, applications, reviewLitigation }) => ({
          proactive,
          applications,
          reviewLitigation,
        });
        assert.deepEqual(differences(tables(r.report), tables(want)), []);
        assert.equal(r.report.year, want.year);
        assert.equal(r.report.format, want.format);
        const text = parse(readFileSync(`${corpus}${name}.pdftext.txt`), { kind: 'text' });
        assert.deepEqual(r.report, text.report);
        assert.deepEqual(r.diagnostics, text.diagnostics);
        // The issuer as printed in the title (洪泽 2023 prints no 淮安市 before it).
        assert.ok(want.issuer.endsWith(r.report.issuer), `${r.report.issuer} / ${want.issuer}`);
      },
    );
  }
});
