// End-to-end tests of `xxgknb check`: the real bin on the real core, every option, every
// input kind, encodings, unreadable files, standard input and the exit codes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { run, runJson, assertSchema, tmpDir, byPath, rulesOf, readersReady, FIXTURES, ROOT, BIN } from './helpers.mjs';
import { makeReport, renderJson, renderHtml, renderText, encodeGb18030 } from './fixtures/generate.mjs';

const GOOD = 'reports/good-2023.json';
const BAD = 'reports/bad-row-total-2023.json';
const WARN = 'reports/blank-cell-2023.json';
const CJK = /[\u4e00-\u9fff]/;

test('--help is there in Chinese and English, and names every option', () => {
  const zh = run(['--help']);
  assert.equal(zh.code, 0);
  const en = run(['check', '--help', '--locale', 'en']);
  assert.equal(en.code, 0);
  assert.match(zh.stdout, /用法/);
  assert.match(en.stdout, /^xxgknb check: check annual reports/);
  for (const out of [zh.stdout, en.stdout]) {
    for (const opt of [
      '--format',
      '--report',
      '--locale',
      '--quiet',
      '--max-warnings',
      '--jobs',
      '--help',
      '--version',
      'NO_COLOR',
    ])
      assert.ok(out.includes(opt), opt);
  }
  assert.equal(run(['help']).code, 0);
  const v = run(['--version']);
  assert.equal(v.code, 0);
  assert.match(v.stdout, /^xxgknb \d+\.\d+\.\d+/);
});

test('usage errors exit 2 with a hint, in the chosen language', () => {
  for (const args of [
    [],
    ['check'],
    ['lint', GOOD],
    ['check', GOOD, '--format', 'xml'],
    ['check', GOOD, '--max-warnings', 'many'],
    ['check', GOOD, '--frmat', 'json'],
  ]) {
    const r = run(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /xxgknb --help/);
    assert.equal(r.stdout, '');
  }
  assert.match(run(['check', GOOD, '--format', 'xml']).stderr, /^用法错误：--format 只能是/);
  assert.match(run(['check', GOOD, '--format', 'xml', '--locale', 'en']).stderr, /^Usage error: --format must be/);
});

test('exit codes: 0 without errors, 1 with errors, 2 for paths that do not exist (the rest still checked)', () => {
  const ok = run(['check', GOOD]);
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  assert.match(ok.stdout, /✓ reports\/good-2023\.json/);
  assert.equal(run(['check', BAD]).code, 1);
  assert.equal(run(['check', GOOD, BAD]).code, 1);
  const missing = run(['check', GOOD, 'no/such/report.html']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /找不到“no\/such\/report\.html”/);
  assert.match(missing.stdout, /good-2023\.json/, 'the files that exist are still reported');
  const nomatch = run(['check', 'reports/*.xls']);
  assert.equal(nomatch.code, 2);
  assert.match(nomatch.stderr, /没有匹配到任何文件/);
});

test('human output: grouped by file, severity, table/row/column labels, message, rule; summary', () => {
  const r = run(['check', GOOD, BAD]);
  const lines = r.stdout.split('\n');
  const head = lines.findIndex((l) => l.startsWith('✗ reports/bad-row-total-2023.json'));
  assert.ok(head >= 0, r.stdout);
  assert.match(lines[head], /示例市示例区文化和旅游局 · 2023 年度 · 2021 年版格式/);
  assert.match(
    lines[head + 1],
    /^ {2}错误 {2}三、收到和处理政府信息公开申请情况 › 一、本年新收政府信息公开申请数量 › 总计$/,
  );
  assert.match(lines[head + 2], /^ {8}表三.*应为 \d+.*\s{2}t3-\w+$/);
  // The prose says 38 while the planted total says 42: the narrative check agrees with the error.
  assert.match(r.stdout, /^ {2}警告 {2}.*\n {8}正文.*narrative-mismatch$/m);
  assert.match(r.stdout, /共检查 2 个文件：1 个文件有错误，1 个错误，1 个警告。/);
  assert.ok(!r.stdout.includes('\x1b['), 'no colour when not on a terminal');
});

test('--locale en: English labels, messages and summary', () => {
  const r = run(['check', GOOD, BAD, '--locale', 'en']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^ {2}error {4}3\. Applications received and handled › .* › total$/m);
  assert.match(r.stdout, /2 files checked: 1 with errors, 1 error, 1 warnings?\./);
  const message = r.stdout.split('\n').find((l) => /should be/.test(l));
  assert.ok(message && !CJK.test(message), message);
});

test('colour only on request: FORCE_COLOR forces it, NO_COLOR wins', () => {
  assert.ok(run(['check', BAD], { env: { FORCE_COLOR: '1' } }).stdout.includes('\x1b[31m'));
  assert.ok(!run(['check', BAD], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout.includes('\x1b['));
  assert.ok(!runJson(['check', BAD], { env: { FORCE_COLOR: '1' } }).stdout.includes('\x1b['), 'never in JSON');
});

test('--format json: one document, valid against the shipped schema, exit code inside', () => {
  const r = runJson(['check', GOOD, BAD, WARN]);
  assertSchema(r.doc);
  assert.equal(r.code, 1);
  assert.equal(r.doc.exitCode, 1);
  assert.equal(r.doc.tool, 'xxgknb');
  assert.deepEqual(
    r.doc.files.map((f) => f.path),
    [GOOD, BAD, WARN],
  );
  const f = byPath(r.doc);
  assert.deepEqual(
    [f[GOOD].valid, f[GOOD].kind, f[GOOD].encoding, f[GOOD].issuer, f[GOOD].year, f[GOOD].format],
    [true, 'json', 'utf-8', '示例市示例区文化和旅游局', 2023, '2021'],
  );
  assert.equal(f[BAD].valid, false);
  assert.ok(f[BAD].diagnostics.some((d) => d.severity === 'error' && d.path === '/applications/received/total'));
  assert.deepEqual(rulesOf(f[WARN]), ['blank-cell']);
  assert.deepEqual(rulesOf(f[BAD]), ['t3-balance', 'narrative-mismatch']);
  assert.deepEqual(
    [r.doc.summary.files, r.doc.summary.filesWithErrors, r.doc.summary.errorCount, r.doc.summary.warningCount],
    [3, 1, 1, 2],
  );
  assert.equal(r.stderr, '');
});

test('--format csv: UTF-8 with BOM, a header, one CRLF row per diagnostic', () => {
  const r = run(['check', GOOD, BAD, WARN, '--format', 'csv']);
  assert.equal(r.code, 1);
  assert.deepEqual([...r.raw.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const rows = r.stdout.slice(1).split('\r\n').filter(Boolean);
  assert.equal(rows[0], '文件,发布机关,年度,格式,级别,规则,单元格,表,行,列,说明,应为,实为,行号');
  assert.equal(rows.length, 1 + 3, 'one row for the error and one for each warning');
  assert.match(
    rows[1],
    /^reports\/bad-row-total-2023\.json,示例市示例区文化和旅游局,2023,2021,错误,t3-\w+,\/applications\/received\/total,三、收到和处理政府信息公开申请情况,一、本年新收政府信息公开申请数量,总计,/,
  );
  assert.match(rows[2], /,警告,narrative-mismatch,/);
  assert.match(rows[3], /,警告,blank-cell,/);
  const en = run(['check', BAD, '--format', 'csv', '--locale', 'en']).stdout.slice(1).split('\r\n');
  assert.equal(en[0], 'file,issuer,year,format,severity,rule,path,table,row,column,message,expected,actual,line');
});

test('--report: a self-contained summary page with totals, chart, sorted files and every diagnostic', () => {
  const dir = tmpDir();
  // A file name that must be escaped in HTML.
  const odd = path.join(dir, 'a<b>&"c.json');
  fs.copyFileSync(path.join(FIXTURES, BAD), odd);
  const page = path.join(dir, 'summary.html');
  const r = run(['check', path.join(FIXTURES, GOOD), odd, path.join(FIXTURES, WARN), '--report', page]);
  assert.equal(r.code, 1);
  const html = fs.readFileSync(page, 'utf8');
  assert.match(html, /^<!doctype html>/);
  assert.ok(
    !/<(script|link|img|iframe)[^>]+(src|href)=["']?(https?:|\/\/|[\w.]+\.(css|js|png))/i.test(html),
    'no external assets',
  );
  assert.ok(!/@import|url\(/.test(html), 'no external CSS');
  assert.match(html, /<section class="totals">/);
  assert.match(html, /<figure class="chart">[\s\S]*blank-cell[\s\S]*<\/figure>/);
  assert.ok(html.includes('a&lt;b&gt;&amp;&quot;c.json'));
  assert.ok(!html.includes('a<b>'), 'file names are escaped');
  // Files table: most errors first.
  const table = html.slice(html.indexOf('文件一览'));
  assert.ok(table.indexOf('a&lt;b&gt;') < table.indexOf('blank-cell-2023.json'));
  assert.ok(table.indexOf('blank-cell-2023.json') < table.indexOf('good-2023.json'));
  const doc = runJson(['check', path.join(FIXTURES, GOOD), odd, path.join(FIXTURES, WARN)]).doc;
  for (const file of doc.files)
    for (const d of file.diagnostics) assert.ok(html.includes(d.message.replace(/"/g, '&quot;')), d.message);
  const en = path.join(dir, 'en.html');
  run(['check', path.join(FIXTURES, GOOD), '--report', en, '--locale', 'en']);
  assert.match(fs.readFileSync(en, 'utf8'), /<html lang="en">[\s\S]*Annual report check results/);
  // A page that cannot be written is I/O trouble.
  const bad = run(['check', path.join(FIXTURES, GOOD), '--report', path.join(dir, 'no/such/dir/x.html')]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /无法写入汇总网页/);
});

test('--quiet prints only failing files; totals still count everything', () => {
  const r = run(['check', GOOD, BAD, WARN, '--quiet']);
  assert.equal(r.code, 1);
  assert.ok(r.stdout.includes('bad-row-total-2023.json'));
  assert.ok(!r.stdout.includes('good-2023.json') && !r.stdout.includes('blank-cell-2023.json'));
  assert.match(r.stdout, /共检查 3 个文件/);
  const j = runJson(['check', GOOD, BAD, WARN, '-q']).doc;
  assert.deepEqual(
    j.files.map((f) => f.path),
    [BAD],
  );
  assert.equal(j.summary.files, 3);
});

test('--max-warnings: more warnings than allowed make the exit code 1', () => {
  assert.equal(run(['check', WARN]).code, 0);
  assert.equal(run(['check', WARN, '--max-warnings', '1']).code, 0);
  const over = run(['check', WARN, '--max-warnings', '0']);
  assert.equal(over.code, 1);
  assert.match(over.stdout, /警告数 1 超过 --max-warnings 0 的上限/);
  const j = runJson(['check', WARN, '--max-warnings', '0']);
  assert.equal(j.doc.exitCode, 1);
  assert.match(j.stderr, /--max-warnings 0/);
});

test('standard input: JSON, HTML and text, kind told by content', async () => {
  const json = fs.readFileSync(path.join(FIXTURES, GOOD));
  const r = run(['check', '-'], { input: json });
  assert.equal(r.code, 0);
  assert.match(r.stdout, /✓ （标准输入）/);
  const j = runJson(['check', '-'], { input: json }).doc;
  assert.deepEqual([j.files[0].path, j.files[0].kind, j.files[0].issuer], ['-', 'json', '示例市示例区文化和旅游局']);
  const html = runJson(['check', '-'], { input: fs.readFileSync(path.join(FIXTURES, 'reports/good-2023.html')) }).doc
    .files[0];
  assert.equal(html.kind, 'html');
  const text = runJson(['check', '-'], { input: fs.readFileSync(path.join(FIXTURES, 'reports/good-2023.txt')) }).doc
    .files[0];
  assert.equal(text.kind, 'text');
  if (await readersReady()) {
    assert.deepEqual(
      [html.valid, html.issuer, html.year],
      [true, '示例市示例区文化和旅游局', 2023],
      JSON.stringify(html.diagnostics),
    );
    assert.deepEqual(
      [text.valid, text.issuer, text.year],
      [true, '示例市示例区文化和旅游局', 2023],
      JSON.stringify(text.diagnostics),
    );
  }
  // Standard input together with files.
  const both = runJson(['check', '-', BAD], { input: json }).doc;
  assert.deepEqual(
    both.files.map((f) => f.path),
    ['-', BAD],
  );
});

test('every input kind from files: .json, .txt, .html, .htm', async (t) => {
  const j = runJson([
    'check',
    'reports/good-2023.json',
    'reports/good-2023.txt',
    'reports/good-2023.html',
    'reports/good-2020.txt',
    'mixed/sub/c-2024.htm',
  ]).doc;
  assertSchema(j);
  assert.deepEqual(
    j.files.map((f) => f.kind),
    ['json', 'text', 'html', 'text', 'html'],
  );
  if (!(await readersReady())) return t.skip('report readers not in the core yet: kinds checked, content not');
  for (const f of j.files) assert.equal(f.valid, true, `${f.path}: ${JSON.stringify(f.diagnostics)}`);
  assert.deepEqual(
    j.files.map((f) => f.year),
    [2023, 2023, 2023, 2020, 2024],
  );
  assert.equal(j.files[3].format, '2019');
});

test('GB18030: GBK pages with and without a declaration, GB text and JSON decode correctly', async (t) => {
  const dir = tmpDir();
  const rep = makeReport({ issuer: '示例市示例县白云街道办事处', year: 2024, seed: 77 });
  fs.writeFileSync(path.join(dir, 'declared.html'), encodeGb18030(renderHtml(rep, { charset: 'gb2312' })));
  fs.writeFileSync(path.join(dir, 'undeclared.txt'), encodeGb18030(renderText(rep)));
  fs.writeFileSync(path.join(dir, 'report.json'), encodeGb18030(renderJson(rep)));
  // Declared UTF-8, saved as GBK: a common portal mistake.
  fs.writeFileSync(path.join(dir, 'mislabelled.htm'), encodeGb18030(renderHtml(rep, { charset: 'utf-8' })));
  const r = runJson(['check', dir]);
  assertSchema(r.doc);
  const f = byPath(r.doc);
  const at = (n) => f[path.join(dir, n)];
  for (const n of ['declared.html', 'undeclared.txt', 'report.json', 'mislabelled.htm'])
    assert.equal(at(n).encoding, 'gb18030', n);
  assert.equal(at('report.json').issuer, '示例市示例县白云街道办事处');
  assert.equal(at('report.json').valid, true, JSON.stringify(at('report.json').diagnostics));
  assert.equal(at('mislabelled.htm').diagnostics[0].rule, 'charset-mismatch');
  assert.equal(at('mislabelled.htm').diagnostics[0].severity, 'warning');
  assert.ok(!rulesOf(at('declared.html')).includes('charset-mismatch'));
  if (!(await readersReady())) return t.skip('report readers not in the core yet');
  for (const n of ['declared.html', 'undeclared.txt']) {
    assert.equal(at(n).issuer, '示例市示例县白云街道办事处', n);
    assert.equal(at(n).valid, true, `${n}: ${JSON.stringify(at(n).diagnostics)}`);
  }
});

test('files that cannot be read or decoded are reported, never skipped', () => {
  const dir = tmpDir();
  fs.copyFileSync(path.join(FIXTURES, GOOD), path.join(dir, 'good.json'));
  fs.writeFileSync(path.join(dir, 'garbage.txt'), Buffer.from([0x41, 0xff, 0xfe, 0xff, 0x80, 0xff, 0x42]));
  fs.writeFileSync(path.join(dir, 'scan.html'), Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'));
  // Undecodable content is the file's error (exit 1) …
  const r1 = runJson(['check', dir]);
  assertSchema(r1.doc);
  assert.equal(r1.code, 1);
  const f1 = byPath(r1.doc);
  assert.deepEqual(rulesOf(f1[path.join(dir, 'garbage.txt')]), ['file-undecodable']);
  // A PDF under any name is read as a PDF (documents.mjs): here only its header, so not at all.
  assert.deepEqual(rulesOf(f1[path.join(dir, 'scan.html')]), ['unreadable-document']);
  assert.match(f1[path.join(dir, 'scan.html')].diagnostics[0].message, /PDF/);
  assert.equal(f1[path.join(dir, 'garbage.txt')].encoding, null);
  // … a file that cannot be read at all is I/O trouble (exit 2).
  fs.symlinkSync(path.join(dir, 'gone.json'), path.join(dir, 'dangling.json'));
  const r2 = runJson(['check', dir]);
  assertSchema(r2.doc);
  assert.equal(r2.code, 2);
  const gone = byPath(r2.doc)[path.join(dir, 'dangling.json')];
  assert.deepEqual(rulesOf(gone), ['file-unreadable']);
  assert.match(gone.diagnostics[0].message, /ENOENT/);
  assert.equal(r2.doc.summary.uncheckedFiles, 1);
  assert.equal(r2.doc.files.length, 4, 'every file is in the output');
  const human = run(['check', dir]);
  assert.match(human.stdout, /✗ .*dangling\.json\n {2}错误 {2}整份报告\n {8}无法读取文件：ENOENT。/);
  if (process.getuid?.() !== 0) {
    // Permissions only bind a non-root user.
    fs.unlinkSync(path.join(dir, 'dangling.json'));
    fs.chmodSync(path.join(dir, 'good.json'), 0o000);
    assert.equal(run(['check', dir]).code, 2);
  }
});

test('a folder mixing good and bad reports: all reported, non-reports listed, years paired', async (t) => {
  const r = runJson(['check', 'mixed']);
  assertSchema(r.doc);
  assert.equal(r.code, 1);
  assert.deepEqual(
    r.doc.files.map((f) => f.path),
    [
      'mixed/a-2023.json',
      'mixed/a-2024.json',
      'mixed/b-2022.txt',
      'mixed/b-2023.html',
      'mixed/broken.json',
      'mixed/sub/c-2024.htm',
    ],
  );
  assert.deepEqual(r.doc.skipped, [{ path: 'mixed/README.md', reason: 'unsupported-extension' }]);
  const f = byPath(r.doc);
  assert.equal(f['mixed/a-2023.json'].valid, true);
  assert.deepEqual(rulesOf(f['mixed/broken.json']), ['invalid-json']);
  // Cross-year: 2024's carried-over natural persons (3) differ from 2023's carried-forward (2).
  const a24 = f['mixed/a-2024.json'];
  assert.equal(a24.previous, 'mixed/a-2023.json');
  assert.deepEqual(
    a24.diagnostics.map((d) => [d.rule, d.path]),
    [
      ['cross-year-carryover', '/applications/carriedOver/natural'],
      ['cross-year-carryover', '/applications/carriedOver/total'],
    ],
  );
  assert.ok(r.doc.summary.crossYearPairs >= 1);
  const human = run(['check', 'mixed']);
  assert.match(human.stdout, /跨年度核对：上一年度报告为 mixed\/a-2023\.json/);
  assert.match(human.stdout, /已跳过 1 个不支持的文件.*mixed\/README\.md/);
  if (!(await readersReady())) return t.skip('report readers not in the core yet: HTML/text pairing not checked');
  assert.equal(r.doc.summary.crossYearPairs, 2);
  assert.equal(f['mixed/b-2023.html'].previous, 'mixed/b-2022.txt');
  assert.ok(rulesOf(f['mixed/b-2023.html']).includes('t4-total'));
  assert.ok(!rulesOf(f['mixed/b-2023.html']).includes('cross-year-carryover'));
  assert.equal(f['mixed/b-2022.txt'].valid, true);
  assert.equal(f['mixed/sub/c-2024.htm'].valid, true);
});

test('the cross-year pairing finds exactly what the core finds on whole reports', async () => {
  const core = await import(new URL('../../js/index.node.mjs', import.meta.url));
  const prev = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'mixed/a-2023.json'), 'utf8'));
  const cur = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'mixed/a-2024.json'), 'utf8'));
  const crossYear = ['cross-year-carryover', 'tables-unchanged', 't2-carryover', 'text-reuse'];
  for (const locale of ['zh-CN', 'en']) {
    const whole = core.validate(cur, { previous: prev, locale }).diagnostics.filter((d) => crossYear.includes(d.rule));
    const cli = byPath(runJson(['check', 'mixed/a-2023.json', 'mixed/a-2024.json', '--locale', locale]).doc)[
      'mixed/a-2024.json'
    ].diagnostics;
    assert.deepEqual(cli, whole);
  }
});

test('ambiguous pairs (two reports of one issuer for one year) are not guessed', () => {
  const r = runJson(['check', 'mixed/a-2023.json', 'reports/good-2023.json', 'mixed/a-2024.json']);
  const a24 = byPath(r.doc)['mixed/a-2024.json'];
  assert.deepEqual(rulesOf(a24), ['cross-year-ambiguous']);
  assert.equal(a24.diagnostics[0].severity, 'info');
  assert.equal(a24.previous, undefined);
});

test('glob patterns: **, braces, and quoting', () => {
  const r = runJson(['check', 'mixed/**/*.{json,htm}']);
  assert.deepEqual(r.doc.files.map((f) => f.path).sort(), [
    'mixed/a-2023.json',
    'mixed/a-2024.json',
    'mixed/broken.json',
    'mixed/sub/c-2024.htm',
  ]);
  const one = runJson(['check', 'reports/good-202?.t[x]t']);
  assert.deepEqual(
    one.doc.files.map((f) => f.path),
    ['reports/good-2020.txt', 'reports/good-2023.txt'],
  );
});

/**
 * A folder of `count` reports, `years` consecutive years of `count / years` issuers (file i is
 * issuer i mod that, year 2021 + i div it), every `plantEvery`-th with `plant`; JSON files, or
 * HTML and text alternately with `mixed`.
 */
function yearsDir({ count, years = 4, seed, plant, plantEvery, mixed = false }) {
  const dir = tmpDir();
  const issuers = count / years;
  for (let i = 0; i < count; i++) {
    const rep = makeReport({
      issuer: `示例单位${i % issuers}`,
      year: 2021 + Math.floor(i / issuers),
      seed: seed + i,
      plant: i % plantEvery === 0 ? plant : undefined,
    });
    const name = path.join(dir, `r${String(i).padStart(2, '0')}`);
    if (!mixed) fs.writeFileSync(`${name}.json`, renderJson(rep));
    else if (i % 2) fs.writeFileSync(`${name}.html`, renderHtml(rep));
    else fs.writeFileSync(`${name}.txt`, renderText(rep));
  }
  return dir;
}

test('worker threads and the main thread give the same results, in input order', () => {
  const dir = yearsDir({ count: 60, seed: 1000, plant: 't4-total', plantEvery: 7 });
  const inline = runJson(['check', dir, '--jobs', '0']);
  const threads = runJson(['check', dir, '--jobs', '2']);
  assert.equal(inline.code, 1);
  assert.equal(threads.stdout, inline.stdout);
  assert.deepEqual(
    inline.doc.files.map((f) => path.basename(f.path)),
    [...Array(60).keys()].map((i) => `r${String(i).padStart(2, '0')}.json`),
  );
  assert.equal(inline.doc.summary.crossYearPairs, 45);
  assertSchema(threads.doc);
  // Node refuses some of its own flags in workers: the workers start without those, and keep
  // the rest (an --import hook here, which says it ran in each worker).
  const hook = path.join(tmpDir(), 'hook.mjs');
  fs.writeFileSync(
    hook,
    "import { workerData } from 'node:worker_threads';\nif (workerData) process.stderr.write('hook in worker\\n');\n",
  );
  const flagged = runJson(['check', dir, '--jobs', '2'], {
    nodeArgs: ['--max-semi-space-size=8', '--import', pathToFileURL(hook).href],
  });
  assert.equal(flagged.code, 1, flagged.stderr);
  assert.equal(flagged.stdout, inline.stdout);
  assert.equal(flagged.stderr.match(/hook in worker/g)?.length, 2, flagged.stderr);
});

test('workers started ahead, while the files are listed, are the ones used, and none is left behind', () => {
  const dir = yearsDir({ count: 60, seed: 1000, plant: 't4-total', plantEvery: 7 });
  const inline = runJson(['check', dir, '--jobs', '0']);
  // Each worker says how it started; a worker started ahead and then not used would be a third.
  const hook = path.join(tmpDir(), 'ahead.mjs');
  fs.writeFileSync(
    hook,
    `import { workerData } from 'node:worker_threads';
if (workerData?.awaitStart) {
  if (process.env.FAIL_AHEAD) throw new Error('a worker that cannot start');
  process.stderr.write('started ahead\\n');
} else if (workerData) process.stderr.write('started with its data\\n');
`,
  );
  const nodeArgs = ['--import', pathToFileURL(hook).href];
  const ahead = runJson(['check', dir, '--jobs', '2'], { nodeArgs });
  assert.equal(ahead.stdout, inline.stdout, ahead.stderr);
  assert.equal(ahead.stderr.match(/started ahead/g)?.length, 2, ahead.stderr);
  assert.doesNotMatch(ahead.stderr, /started with its data/);
  // Workers started ahead that fail at their start are never handed files: fresh ones are.
  const failing = runJson(['check', dir, '--jobs', '2'], { nodeArgs, env: { FAIL_AHEAD: '1' } });
  assert.equal(failing.stdout, inline.stdout, failing.stderr);
  assert.equal(failing.stderr.match(/started with its data/g)?.length, 2, failing.stderr);
  // A script that calls the command's main() ends on its own: no thread is left behind when the
  // workers are used, when their core fails to load, when threads cannot be made (ahead, after
  // the first, or at all: then the files are checked in the main thread), or when starting one
  // fails for another reason (a bug: main() throws it, after ending the workers it started).
  const expected = path.join(tmpDir(), 'expected.json');
  fs.writeFileSync(expected, inline.stdout);
  const workerless = path.join(tmpDir(), 'workerless-core.mjs');
  fs.writeFileSync(
    workerless,
    `import { isMainThread } from 'node:worker_threads';
if (!isMainThread) throw new Error('no core in a worker');
export * from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'js/index.node.mjs')).href)};
`,
  );
  const script = `import fs from 'node:fs';
import threads from 'node:worker_threads';
import { syncBuiltinESMExports } from 'node:module';
const Worker = threads.Worker;
let made = 0; // the pool's workers made in this main() call
threads.Worker = class extends Worker {
  constructor(url, options) {
    if (String(url).endsWith('/cli/worker.mjs')) {
      made++;
      const env = process.env;
      if (env.BROKEN_START) throw new TypeError('a bug in starting a worker');
      const refused = env.NO_THREADS || (env.ONE_THREAD && made > 1) || (options?.workerData?.awaitStart && env.NO_THREADS_AHEAD);
      if (refused) throw Object.assign(new Error('no more threads'), { code: 'ERR_WORKER_INIT_FAILED' });
    }
    super(url, options);
  }
};
syncBuiltinESMExports();
const { main } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'js/cli/run.mjs')).href)});
const [dir, expected, workerless] = process.argv.slice(1);
const steps = {
  used: {},
  'core fails in workers': { XXGKNB_CORE: workerless },
  'no threads ahead': { NO_THREADS_AHEAD: '1' },
  'no threads at all': { NO_THREADS: '1' },
  'one thread only': { ONE_THREAD: '1' },
  'a bug in starting one': { BROKEN_START: '1' },
};
for (const [name, env] of Object.entries(steps)) {
  Object.assign(process.env, env);
  made = 0;
  let text = '';
  const stdout = { write(s) { text += s; return true; }, isTTY: false };
  const stderr = { write() { return true; }, isTTY: false };
  let code;
  try {
    code = await main(['check', dir, '--jobs', '2', '--format', 'json'], { stdin: process.stdin, stdout, stderr, env: {} });
  } catch (err) {
    code = 'threw ' + err.message;
  }
  for (const key of Object.keys(env)) delete process.env[key];
  process.stderr.write(name + ': ' + code + (text === fs.readFileSync(expected, 'utf8') ? ' same' : text ? ' differs' : '') + '\\n');
}
`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, dir, expected, workerless], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  assert.equal(r.signal, null, `still running after 30 s: ${r.stderr}`);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(
    r.stderr,
    'used: 1 same\ncore fails in workers: 1 same\nno threads ahead: 1 same\nno threads at all: 1 same\n' +
      'one thread only: 1 same\na bug in starting one: threw a bug in starting a worker\n',
  );
});

test('cross-year pairs are checked on the workers, and in the main thread when a worker is gone', () => {
  const dir = yearsDir({ count: 80, seed: 2000, plant: 't3-balance', plantEvery: 9 });
  const inline = runJson(['check', dir, '--jobs', '0']);
  assert.equal(inline.doc.summary.crossYearPairs, 60); // three jobs of pairs
  assert.ok(inline.doc.files.some((f) => rulesOf(f).includes('text-reuse')));
  const threads = runJson(['check', dir, '--jobs', '2']);
  assert.equal(threads.stdout, inline.stdout);
  // Every worker ends on its first pair: the main thread checks them all, with the same result.
  const dying = runJson(['check', dir, '--jobs', '2'], { env: { XXGKNB_CORE: path.join(FIXTURES, 'dying-core.mjs') } });
  assert.equal(dying.stdout, inline.stdout, dying.stderr);
});

test('files read ahead (slow storage) give what files read as they are checked give', () => {
  const dir = yearsDir({ count: 40, seed: 3000, plant: 't4-total', plantEvery: 6, mixed: true });
  fs.writeFileSync(path.join(dir, 'r05-big.txt'), 'x'.repeat(300_000)); // over --max-size 0.2 (MB)
  fs.writeFileSync(path.join(dir, 'r06-binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 0]));
  const args = ['check', dir, '--jobs', '2', '--max-size', '0.2'];
  const now = runJson(args, { env: { XXGKNB_READ_AHEAD: 'never' } });
  const ahead = runJson(args, { env: { XXGKNB_READ_AHEAD: 'always' } });
  assert.equal(now.doc.summary.files, 42);
  assert.deepEqual(rulesOf(byPath(now.doc)[path.join(dir, 'r05-big.txt')]), ['input-too-large']);
  assert.deepEqual(rulesOf(byPath(now.doc)[path.join(dir, 'r06-binary.txt')]), ['file-undecodable']);
  assert.equal(ahead.stdout, now.stdout);
});

test('a core without report readers: HTML and text are reported as not checkable, JSON still checked', () => {
  const lite = fs.existsSync(path.join(ROOT, 'pkg/lite/xxgknb_lite_bg.wasm'))
    ? path.join(ROOT, 'js/lite.node.mjs')
    : path.join(FIXTURES, 'lite-core.mjs');
  const r = runJson(['check', 'mixed'], { env: { XXGKNB_CORE: lite } });
  assertSchema(r.doc);
  assert.equal(r.code, 2);
  const f = byPath(r.doc);
  for (const p of ['mixed/b-2022.txt', 'mixed/b-2023.html', 'mixed/sub/c-2024.htm'])
    assert.deepEqual(rulesOf(f[p]), ['reader-unavailable'], p);
  assert.match(f['mixed/b-2023.html'].diagnostics[0].message, /不含报告读取器/);
  assert.ok(rulesOf(f['mixed/a-2024.json']).includes('cross-year-carryover'));
});

test('kind by content where the extension misleads: a page saved as .txt or .json, a file without extension', () => {
  const dir = tmpDir();
  const page = fs.readFileSync(path.join(FIXTURES, 'reports/good-2023.html'));
  fs.writeFileSync(path.join(dir, 'page.txt'), page);
  fs.writeFileSync(path.join(dir, 'page.json'), page);
  fs.writeFileSync(path.join(dir, 'report'), fs.readFileSync(path.join(FIXTURES, GOOD)));
  const r = runJson(['check', path.join(dir, 'page.txt'), path.join(dir, 'page.json'), path.join(dir, 'report')]);
  assert.deepEqual(
    r.doc.files.map((f) => f.kind),
    ['html', 'html', 'json'],
  );
  assert.equal(r.doc.files[2].valid, true);
});

test('labels: cells, rows, blocks, whole tables, sections and the report, in both languages', async () => {
  const core = await import(new URL('../../js/index.node.mjs', import.meta.url));
  const { makeLabeler } = await import(new URL('../../js/cli/labels.mjs', import.meta.url));
  const zh = makeLabeler(core, 'zh-CN');
  assert.equal(
    zh.text('/applications/results/withheld/stateSecret/natural', '2021'),
    '三、收到和处理政府信息公开申请情况 › （三）不予公开 › 1.属于国家秘密 › 自然人',
  );
  assert.equal(
    zh.text('/applications/received', '2021'),
    '三、收到和处理政府信息公开申请情况 › 一、本年新收政府信息公开申请数量',
  );
  assert.equal(zh.text('/reviewLitigation', '2021'), '四、政府信息公开行政复议、行政诉讼情况');
  assert.equal(zh.text('/sections/problems', '2021'), '五、存在的主要问题及改进情况');
  assert.equal(zh.text('', '2021'), '整份报告');
  assert.equal(zh.text('/no/such/cell', '2021'), '/no/such/cell');
  // A 2021 sub-row in a 2019 report (format-mismatch) still says where it sits.
  assert.match(zh.text('/applications/results/otherHandling/other', '2019'), /（六）其他处理 › other$/);
  const en = makeLabeler(core, 'en');
  assert.ok(!CJK.test(en.text('/applications/results/total/natural', '2019')));
});

test('a temporary folder that cannot be used is I/O trouble, said plainly', () => {
  const r = run(['check', GOOD], { env: { TMPDIR: path.join(tmpDir(), 'missing') } });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^读写错误：无法在临时目录 .* 中暂存检查结果：ENOENT/);
});

test("a progress bar on a terminal's standard error when many files are checked", async (t) => {
  const { spawnSync } = await import('node:child_process');
  if (spawnSync('script', ['--version']).status !== 0) return t.skip('no `script` to give the CLI a terminal');
  const dir = tmpDir();
  for (let i = 0; i < 30; i++)
    fs.writeFileSync(path.join(dir, `r${i}.json`), renderJson(makeReport({ issuer: `示例单位${i}`, seed: i })));
  const bin = path.join(ROOT, 'bin/xxgknb.mjs');
  // `script` runs the command on a pseudo-terminal; standard output goes to /dev/null.
  const cmd = `'${process.execPath}' '${bin}' check '${dir}' --format json > /dev/null`;
  const r = spawnSync('script', ['-qec', cmd, '/dev/null'], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '' },
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /█+ 已检查 30\/30 {2}\d+ 份\/秒/);
  assert.match(r.stdout, /\r\x1b\[K/, 'the bar is cleared at the end');
  // Not on a pipe.
  assert.ok(!run(['check', dir]).stderr.includes('已检查'));
});

test('a worker that ends when no more may be started leaves its batches to the other, even an idle one', () => {
  // Eight core failures early use up the replacements; a ninth, slow, ends a worker holding a
  // second batch while the other worker has finished everything else and waits.
  const dir = tmpDir();
  const panics = new Set([0, 4, 8, 12, 16, 20, 24, 28]);
  for (let i = 0; i < 64; i++) {
    const issuer = panics.has(i) ? 'PANIC单位' : i === 40 ? 'LATEPANIC单位' : `示例单位${i}`;
    fs.writeFileSync(
      path.join(dir, `r${String(i).padStart(2, '0')}.json`),
      renderJson(makeReport({ issuer, seed: 800 + i })),
    );
  }
  const r = spawnSync(process.execPath, [BIN, 'check', dir, '--jobs', '2', '--format', 'json'], {
    env: { ...process.env, XXGKNB_CORE: path.join(FIXTURES, 'late-panic-core.mjs') },
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(r.signal, null, 'the run ended by itself');
  assert.equal(r.status, 2, r.stderr);
  const doc = JSON.parse(r.stdout);
  assertSchema(doc);
  assert.equal(doc.files.length, 64);
  assert.deepEqual(
    doc.files.filter((f) => !f.valid).map((f) => path.basename(f.path)),
    [...panics, 40].map((i) => `r${String(i).padStart(2, '0')}.json`),
  );
  assert.ok(doc.files.every((f) => f.valid || rulesOf(f).join() === 'internal-error'));
});

test("a core failure on one file is that file's internal error; the run goes on (threads replaced)", () => {
  const dir = tmpDir();
  for (let i = 0; i < 40; i++) {
    const issuer = i === 13 ? 'PANIC单位' : `示例单位${i}`;
    fs.writeFileSync(
      path.join(dir, `r${String(i).padStart(2, '0')}.json`),
      renderJson(makeReport({ issuer, seed: 500 + i })),
    );
  }
  for (const jobs of ['2', '0']) {
    const r = runJson(['check', dir, '--jobs', jobs], {
      env: { XXGKNB_CORE: path.join(FIXTURES, 'panicky-core.mjs') },
    });
    assertSchema(r.doc);
    assert.equal(r.code, 2, 'a file the tool could not check is trouble');
    assert.equal(r.doc.files.length, 40);
    const bad = r.doc.files.filter((f) => !f.valid);
    assert.deepEqual(
      bad.map((f) => [path.basename(f.path), rulesOf(f)]),
      [['r13.json', ['internal-error']]],
    );
    assert.match(bad[0].diagnostics[0].message, /unreachable/);
  }
});

test("a run's V8 flags: the young generation kept and JavaScript optimised later in every run, --optimize-for-size before any worker starts and only without PDF or Word files", () => {
  // The flags are heuristics with no way to read them back from JavaScript: a preload records
  // what the main thread sets, and when: before the first file is opened there, before each
  // worker is started (ahead of the listing, or with its data).
  const hook = path.join(tmpDir(), 'flags.mjs');
  fs.writeFileSync(
    hook,
    `import v8 from 'node:v8';
import fs from 'node:fs';
import threads from 'node:worker_threads';
import { syncBuiltinESMExports } from 'node:module';
if (threads.isMainThread) {
  const seen = [];
  const set = v8.setFlagsFromString;
  v8.setFlagsFromString = (flag) => { seen.push(flag); return set(flag); };
  const open = fs.openSync;
  fs.openSync = (file, ...rest) => {
    if (String(file).endsWith('-2024.html') && !seen.includes('opened')) seen.push('opened');
    return open(file, ...rest);
  };
  const Worker = threads.Worker;
  threads.Worker = class extends Worker {
    constructor(url, options) {
      // The pool's workers (a PDF file has its own thread, documents.mjs).
      if (String(url).endsWith('/cli/worker.mjs')) seen.push(options?.workerData?.awaitStart ? 'worker ahead' : 'worker');
      super(url, options);
    }
  };
  syncBuiltinESMExports();
  process.on('exit', () => process.stderr.write('FLAGS ' + JSON.stringify(seen) + '\\n'));
}
`,
  );
  const dir = tmpDir();
  const html = renderHtml(makeReport({ issuer: '示例县教育局', year: 2024, seed: 5 }));
  const page = path.join(dir, 'a-2024.html');
  fs.writeFileSync(page, html);
  const pdf = path.join(dir, 'b-2024.pdf');
  fs.writeFileSync(pdf, '%PDF-1.7\nnot really one\n');
  // Folders enough for two workers: pages; pages with a PDF file, seen as the files are counted
  // before the listing; pages with a PDF file in a folder below, seen only by the listing.
  const pages = path.join(dir, 'pages');
  const mixed = path.join(dir, 'mixed');
  const late = path.join(dir, 'late');
  for (const folder of [pages, mixed, late]) {
    fs.mkdirSync(folder);
    for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(folder, `p${i}-2024.html`), html);
  }
  fs.copyFileSync(pdf, path.join(mixed, 'z-2024.pdf'));
  fs.mkdirSync(path.join(late, 'annex'));
  fs.copyFileSync(pdf, path.join(late, 'annex', 'z-2024.pdf'));
  const flagsOf = (/** @type {string[]} */ files, jobs = '0') => {
    const r = run(['check', ...files, '--jobs', jobs, '--format', 'json'], {
      nodeArgs: ['--import', pathToFileURL(hook).href],
    });
    const line = /^FLAGS (.*)$/m.exec(r.stderr);
    assert.ok(line, r.stderr);
    return JSON.parse(line[1]);
  };
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20 || major > 24) {
    // Not measured there: none set (see MEASURED_NODE).
    assert.deepEqual(flagsOf([page]), ['opened']);
    return;
  }
  const always = ['--semi-space-growth-factor=1', '--interrupt-budget=1081344'];
  assert.deepEqual(flagsOf([page]), [...always, '--optimize-for-size', 'opened']);
  assert.deepEqual(flagsOf([page, pdf]), [...always, 'opened']);
  // Workers started ahead, under --optimize-for-size (V8 sizes their heaps by it as they start).
  assert.deepEqual(flagsOf([pages], '2'), [...always, '--optimize-for-size', 'worker ahead', 'worker ahead']);
  // A PDF file seen as they were counted: workers started ahead without the flag.
  assert.deepEqual(flagsOf([mixed], '2'), [...always, 'worker ahead', 'worker ahead']);
  // A PDF file the count did not reach: the flag and its 1 MB young generation taken back, and
  // workers started afresh without them.
  assert.deepEqual(flagsOf([late], '2'), [
    ...always,
    '--optimize-for-size',
    'worker ahead',
    'worker ahead',
    '--no-optimize-for-size',
    '--max-semi-space-size=0',
    'worker',
    'worker',
  ]);
});
