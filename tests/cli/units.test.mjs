// Unit tests of the CLI's parts that need no core: discovery, globs, decoding, arguments,
// output helpers.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { discover, expandBraces, globToRegExp } from '../../js/cli/discover.mjs';
import { decode, declaredCharset, sniffKind } from '../../js/cli/decode.mjs';
import { parseCliArgs, UsageError } from '../../js/cli/args.mjs';
import { displayWidth } from '../../js/cli/reporters.mjs';
import { Progress, useColor } from '../../js/cli/output.mjs';
import { messages } from '../../js/cli/messages.mjs';
import { Ledger, withDiagnostics } from '../../js/cli/ledger.mjs';
import { Spool } from '../../js/cli/spool.mjs';
import { entryOf, packEntries, Packer, recount } from '../../js/cli/process.mjs';
import { encodeGb18030 } from './fixtures/generate.mjs';
import { tmpDir } from './helpers.mjs';

function tree(files) {
  const dir = tmpDir('xxgknb-units-');
  for (const [rel, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), body);
  }
  return dir;
}

test('globs: *, ?, **, [..] and {a,b}', () => {
  assert.deepEqual(expandBraces('a/{b,c}/*.{txt,htm}'), ['a/b/*.txt', 'a/b/*.htm', 'a/c/*.txt', 'a/c/*.htm']);
  assert.deepEqual(expandBraces('x{y}z'), ['x{y}z']);
  const re = globToRegExp('**/*.html');
  assert.ok(re.test('a.html') && re.test('d/e/a.html'));
  assert.ok(!re.test('a.htm') && !re.test('.hidden/a.html'));
  assert.ok(globToRegExp('r-202?.txt').test('r-2024.txt'));
  assert.ok(globToRegExp('r-202[34].txt').test('r-2023.txt'));
  assert.ok(!globToRegExp('r-202[!34].txt').test('r-2023.txt'));
  assert.ok(!globToRegExp('*.txt').test('d/a.txt'), '* does not cross folders');
});

test('discover: folders recurse, unsupported files are listed, patterns expand, missing paths are problems', () => {
  const dir = tree({
    'a.json': '{}',
    'b.txt': 'x',
    'c.HTM': '<p>',
    'd.xls': 'x',
    'sub/e.html': '<p>',
    'sub/f.PDF': '%PDF',
    '.git/f.txt': 'x',
    'node_modules/g.txt': 'x',
  });
  const found = discover([dir]);
  // PDF and Word files are read (documents.mjs), whatever the case of their extension.
  assert.deepEqual(
    found.files.map((f) => path.relative(dir, f.path)),
    ['a.json', 'b.txt', 'c.HTM', 'sub/e.html', 'sub/f.PDF'],
  );
  // Every entry not checked is listed, with the reason.
  assert.deepEqual(
    found.skipped.map((f) => [path.relative(dir, f.path), f.reason]),
    [
      ['.git', 'hidden'],
      ['d.xls', 'unsupported-extension'],
      ['node_modules', 'node_modules'],
    ],
  );
  assert.deepEqual(
    discover([dir], { includeHidden: true }).files.map((f) => path.relative(dir, f.path)),
    ['.git/f.txt', 'a.json', 'b.txt', 'c.HTM', 'node_modules/g.txt', 'sub/e.html', 'sub/f.PDF'],
  );
  const globbed = discover([
    `${dir}/**/*.{html,json}`,
    path.join(dir, 'd.xls'),
    path.join(dir, 'nope.txt'),
    `${dir}/*.xml`,
  ]);
  assert.deepEqual(
    globbed.files.map((f) => path.relative(dir, f.path)),
    ['a.json', 'sub/e.html', 'd.xls'],
    'a named file is taken whatever its extension',
  );
  assert.deepEqual(
    globbed.problems.map((p) => p.code),
    ['not-found', 'no-match'],
  );
  assert.equal(discover([dir, path.join(dir, 'a.json')]).files.length, 5, 'the same file is checked once');
  assert.equal(discover(['-']).stdin, true);
});

test('decode: BOM, declaration, UTF-8, GB18030, and refusal', () => {
  const zh = '政府信息公开工作年度报告“三安全一稳定”';
  assert.equal(decode(Buffer.from(zh)).encoding, 'utf-8');
  const gb = encodeGb18030(zh);
  const d = decode(gb);
  assert.equal(d.encoding, 'gb18030');
  assert.equal(d.text, zh);
  const bom = decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(zh)]));
  assert.equal(bom.text, zh, 'the BOM is not part of the text');
  const le = decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(zh, 'utf16le')]));
  assert.deepEqual([le.encoding, le.text], ['utf-16le', zh]);

  const page = (charset, body) =>
    Buffer.concat([Buffer.from(`<html><head><meta charset="${charset}"></head><body>`), body]);
  const declared = decode(page('gb2312', gb));
  assert.deepEqual([declared.encoding, declared.declared, declared.notes], ['gb18030', 'gb18030', []]);
  // A page that says UTF-8 but was saved as GBK: decoded by what it is, with a warning.
  const lying = decode(page('utf-8', gb));
  assert.equal(lying.encoding, 'gb18030');
  assert.ok(lying.text.includes(zh));
  assert.deepEqual(lying.notes, [{ code: 'charset-mismatch', args: ['utf-8', 'gb18030'] }]);
  assert.equal(decode(page('x-unheard-of', Buffer.from(zh))).notes[0].code, 'charset-unknown');
  assert.equal(
    declaredCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=GBK">')),
    'GBK',
  );

  assert.deepEqual(decode(Buffer.from([0x41, 0xff, 0xff, 0xfe, 0x30])), { error: 'file-undecodable' });
  assert.equal(decode(Buffer.from('%PDF-1.7\n')).what, 'PDF');
  assert.equal(decode(Buffer.from([0x61, 0, 0x62, 0, 0x63, 0])).error, 'file-binary');
});

test('sniffKind: JSON, HTML, text', () => {
  assert.equal(sniffKind('\uFEFF  {"year": 2023}'), 'json');
  assert.equal(sniffKind('<!DOCTYPE html><html>'), 'html');
  assert.equal(sniffKind('标题\n<table><tr><td>1</td></tr></table>'), 'html');
  assert.equal(sniffKind('一、总体情况\n规章 | 0 | 0 | 0 |'), 'text');
});

test('arguments: defaults, every option, and usage errors in the right language', () => {
  const o = parseCliArgs(['check', 'a', 'b']);
  assert.deepEqual(
    [o.command, o.paths, o.format, o.locale, o.quiet, o.report, o.maxWarnings],
    ['check', ['a', 'b'], 'human', 'zh-CN', false, null, undefined],
  );
  const all = parseCliArgs([
    'check',
    '-',
    '--format',
    'csv',
    '--report',
    'r.html',
    '--locale',
    'en',
    '-q',
    '--max-warnings',
    '3',
    '-j',
    '0',
  ]);
  assert.deepEqual(
    [all.paths, all.format, all.report, all.locale, all.quiet, all.maxWarnings, all.jobs],
    [['-'], 'csv', 'r.html', 'en', true, 3, 0],
  );
  assert.equal(parseCliArgs(['--help']).help, true);
  assert.equal(parseCliArgs(['help']).help, true);
  for (const bad of [
    [],
    ['check'],
    ['lint', 'a'],
    ['check', 'a', '--format', 'xml'],
    ['check', 'a', '--locale', 'fr'],
    ['check', 'a', '--max-warnings', '-1'],
    ['check', 'a', '--nope'],
    ['check', '-', '-'],
  ]) {
    assert.throws(() => parseCliArgs(bad), UsageError, bad.join(' '));
  }
  assert.throws(() => parseCliArgs(['check', '--locale', 'en', '--format', 'xml', 'a']), /--format must be/);
  assert.throws(() => parseCliArgs(['check', '--format', 'xml', 'a']), /--format 只能是/);
});

test('output helpers: display width, colour choice, progress bar only on a terminal', () => {
  assert.equal(displayWidth('错误'), 4);
  assert.equal(displayWidth('warning'), 7);
  const tty = { isTTY: true };
  assert.equal(useColor(tty, {}), true);
  assert.equal(useColor(tty, { NO_COLOR: '1' }), false);
  assert.equal(useColor({}, {}), false);
  assert.equal(useColor({}, { FORCE_COLOR: '1' }), true);
  assert.equal(useColor({}, { FORCE_COLOR: '1', NO_COLOR: '1' }), false);

  const written = [];
  const p = new Progress({ isTTY: true, write: (s) => written.push(s) }, 50, messages('en'));
  for (let i = 0; i < 50; i++) p.tick();
  p.clear();
  assert.ok(
    written.some((s) => s.includes('checked 50/50')),
    'the last state is always drawn',
  );
  assert.ok(written.length < 50, 'redraws are throttled');
  const quiet = [];
  const q = new Progress({ isTTY: false, write: (s) => quiet.push(s) }, 500, messages('en'));
  q.tick();
  q.clear();
  assert.deepEqual(quiet, [], 'no bar when standard error is not a terminal');
  const few = [];
  new Progress({ isTTY: true, write: (s) => few.push(s) }, 3, messages('en')).tick();
  assert.deepEqual(few, [], 'no bar for a handful of files');
});

test('issuer names: width and spacing do not matter; the city in front may be left out', async () => {
  const { issuerKey, shortIssuerKey } = await import('../../js/cli/crossyear.mjs');
  assert.equal(issuerKey(' 淮安市 洪泽区人民政府（办公室）'), issuerKey('淮安市洪泽区人民政府(办公室)'));
  assert.equal(shortIssuerKey(issuerKey('淮安市洪泽区人民政府')), '洪泽区人民政府');
  assert.equal(shortIssuerKey('江苏省淮安市洪泽区人民政府'), '洪泽区人民政府');
  assert.equal(shortIssuerKey('淮安市人民政府'), '淮安市人民政府', 'a city government is not its own city left out');
  assert.equal(shortIssuerKey('温州市城市管理局'), '温州市城市管理局');
  assert.equal(shortIssuerKey('温州市市场监督管理局'), '温州市市场监督管理局');
  assert.equal(shortIssuerKey('示例市示例县青山镇人民政府'), '示例县青山镇人民政府');
});

test('discover: linked folders are followed, once, even when they link back up', () => {
  const dir = tree({ 'a/r.json': '{}', 'b/s.txt': 'x' });
  fs.symlinkSync(path.join(dir, 'b'), path.join(dir, 'a/link-to-b'));
  fs.symlinkSync(dir, path.join(dir, 'b/loop'));
  const found = discover([path.join(dir, 'a')]);
  assert.deepEqual(found.files.map((f) => path.relative(dir, f.path)).sort(), ['a/link-to-b/s.txt', 'a/r.json']);
  // The folders reached again through the loop are said, not walked.
  assert.deepEqual(
    found.skipped.map((f) => [path.relative(dir, f.path), f.reason]),
    [
      ['a/link-to-b/loop/a', 'visited'],
      ['a/link-to-b/loop/b', 'visited'],
    ],
  );
});

test('a result is printed from the spool as it would be parsed and written again, last year added last', () => {
  const spool = new Spool();
  try {
    const ledger = new Ledger(2);
    const result = {
      path: 'a-2024.html',
      kind: 'html',
      valid: true,
      errorCount: 0,
      warningCount: 0,
      diagnostics: [],
      issuer: '示例局 "引号"',
    };
    const carry = { year: 2024, format: '2021', applications: { received: { natural: 1 } } };
    const { entries, data } = packEntries([
      { ...entryOf({ result, carry, trouble: false }), index: 0 },
      { ...entryOf({ result: { ...result, path: 'b.html' }, carry: null, trouble: false }), index: 1 },
    ]);
    let pos = spool.writeBytes(data);
    for (const e of entries) {
      ledger.set(e.index, [pos, e.bytes], e);
      pos += e.bytes;
    }
    assert.equal(ledger.ownResultText(0, spool), JSON.stringify(result));
    assert.equal(ledger.resultText(1, spool), JSON.stringify({ ...result, path: 'b.html' }));
    ledger.previous.set(0, 'a-2023 "旧".html');
    assert.equal(ledger.resultText(0, spool), JSON.stringify({ ...result, previous: 'a-2023 "旧".html' }));
    // Diagnostics added later to a result whose diagnostics are not its last member (the CLI's
    // own are): left to the caller to parse and write again.
    ledger.addExtra(
      0,
      [{ rule: 'cross-year-carryover', severity: 'error', path: '/x', related: [], message: 'm' }],
      spool,
    );
    assert.equal(ledger.resultText(0, spool), null);
  } finally {
    spool.close();
  }
});

test('the packer: records a line each, in order, in a block reused batch after batch and grown when needed', () => {
  const packer = new Packer(16); // smaller than one record: it has to grow
  const text = (/** @type {number} */ i) => `{"carry":null,"path":"第${i}份.html","result":{"n":${i}}}`;
  const make = (/** @type {number} */ i) => {
    const entry = entryOf({ result: { path: `${i}.html`, diagnostics: [] }, carry: null, trouble: false });
    // Half as text (the CLI's own records), half as bytes (the core's).
    entry.json = i % 2 ? text(i) : new TextEncoder().encode(text(i));
    return entry;
  };
  /** @type {Uint8Array | null} */
  let firstBlock = null;
  for (const batch of [
    [0, 1, 2],
    [3, 4],
    [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30],
  ]) {
    for (const i of batch) packer.add(make(i), 100 + i);
    const { entries, data } = packer.take();
    assert.equal(new TextDecoder().decode(data), batch.map((i) => `${text(i)}\n`).join(''));
    assert.deepEqual(
      entries.map((e) => [e.index, e.bytes, e.json]),
      batch.map((i) => [100 + i, Buffer.byteLength(text(i)) + 1, null]),
    );
    if (batch.length === 2) assert.equal(data.buffer, firstBlock, 'a batch that fits reuses the block');
    firstBlock = /** @type {Uint8Array} */ (data.buffer);
  }
  const entry = make(1);
  packer.add(entry, 1);
  assert.throws(() => packer.add(entry, 1), /packed twice/);
  assert.throws(() => packer.add(make(2)), /without its file's index/, 'entryOf gives no index of its own');
  packer.take();
  // A document's record of megabytes (mostly ASCII): room measured, and the block not kept.
  const big = make(3);
  big.json = `{"carry":null,"path":"d.pdf","result":"${'x'.repeat(6 << 20)}"}`;
  packer.add(big, 3);
  assert.ok(packer.block.length < 7 << 20, `room for 6 MB, not three times it: ${packer.block.length}`);
  assert.equal(packer.take().data.length, big.bytes);
  assert.ok(packer.block.length <= 1 << 20, 'the block shrinks back after the batch');
});

test("cross-year jobs: each pair gets its own two heads' bytes, however far apart its files come", async () => {
  const { runPairJob } = await import('../../js/cli/crossyear.mjs');
  const { readHeadBytes } = await import('../../js/cli/spool.mjs');
  // Thirty heads of different lengths (so that a reused buffer would show a longer head's tail).
  const spool = new Spool();
  /** @type {Record<number, [number, number]>} */
  const at = {};
  try {
    for (let i = 0; i < 30; i++) {
      const carry = {
        year: 2020 + (i % 4),
        format: '2021',
        applications: {},
        sections: { a: '文'.repeat(1 + ((i * 7919) % 3000)) },
      };
      const head = `{"carry":${JSON.stringify(carry)},"path":${JSON.stringify(`f${i}，${i}.html`)},"result":`;
      const bytes = Buffer.from(`${head}{}}\n`);
      at[i] = [spool.writeBytes(bytes), Buffer.byteLength(head)];
    }
    // Chains, then pairs that reach far back and forth (heads evicted and read again).
    const pairs = /** @type {[number, number][]} */ ([
      [1, 0],
      [2, 1],
      [3, 2],
      [29, 5],
      [6, 28],
      [4, 3],
      [0, 29],
      [17, 11],
      [12, 17],
      [2, 25],
      [26, 2],
      [9, 8],
      [8, 9],
      [21, 22],
      [22, 23],
      [23, 24],
      [24, 21],
      [14, 1],
      [1, 14],
      [3, 27],
    ]);
    const seen = [];
    const core = {
      /** @param {Uint8Array} cur @param {Uint8Array} prev */
      crossYear(cur, prev) {
        seen.push([Buffer.from(cur).toString(), Buffer.from(prev).toString()]);
        return { diagnostics: [] };
      },
    };
    const plan = { locale: 'zh-CN', runs: ['cross-year-carryover'], rowsOnly: false, off: {} };
    const answers = runPairJob(
      /** @type {any} */ (core),
      { type: 'pairs', plan, fd: spool.fd, pairs, at },
      readHeadBytes,
    );
    const carryOf = (/** @type {number} */ i) => {
      const text = readHeadBytes(spool.fd, at[i]).toString();
      return text.slice('{"carry":'.length, text.lastIndexOf(',"path":'));
    };
    assert.equal(seen.length, pairs.length);
    pairs.forEach(([cur, prev], k) => {
      assert.deepEqual(seen[k], [carryOf(cur), carryOf(prev)], `pair ${k}`);
      assert.equal(answers[k].prevPath, `f${prev}，${prev}.html`);
    });
  } finally {
    spool.close();
  }
});

test('withDiagnostics writes what parsing, adding, recounting and stringifying wrote, or says it cannot', () => {
  // Strings that look like the members it looks for, and brackets and quotes inside strings.
  const tricky = ['plain', 'a,"errorCount":9,"x', ']}', 'q"uote\\', '\\"],"diagnostics":[', '表三「总计」', '\u2028\b'];
  const diag = (k, severity) => ({
    rule: 't3-row-total',
    severity,
    path: `/p/${tricky[k % tricky.length]}`,
    related: [],
    message: tricky[(k + 3) % tricky.length],
  });
  const severities = ['error', 'warning', 'info'];
  let n = 0;
  for (let own = 0; own < 4; own++) {
    for (let more = 1; more < 4; more++) {
      for (const path of tricky) {
        const result = {
          path,
          kind: 'html',
          encoding: 'utf-8',
          issuer: tricky[own],
          valid: true,
          format: '2021',
          year: 2024,
          errorCount: 0,
          warningCount: 0,
          diagnostics: Array.from({ length: own }, (_, k) => diag(k + own, severities[(k + more) % 3])),
        };
        recount(result);
        const extra = Array.from({ length: more }, (_, k) => diag(k * 5 + more, severities[(k + own) % 3]));
        const want = JSON.parse(JSON.stringify(result));
        want.diagnostics.push(...extra);
        recount(want);
        const got = withDiagnostics(JSON.stringify(result), JSON.stringify(extra), want.errorCount, want.warningCount);
        assert.equal(got, JSON.stringify(want), `${own} own, ${more} more, path ${path}`);
        n++;
      }
    }
  }
  assert.equal(n, 4 * 3 * tricky.length);
  // Not as the CLI lays results out: left to the caller's parse.
  const base = { valid: true, errorCount: 0, warningCount: 0, diagnostics: [] };
  for (const odd of [
    { path: 'a', ...base, later: [1] },
    { path: 'a', ...base, diagnostics: {} },
    { path: 'a', valid: 'yes', errorCount: 0, warningCount: 0, diagnostics: [] },
    { path: 'a', diagnostics: [], ...base, errorCount: 1.5 },
  ])
    assert.equal(withDiagnostics(JSON.stringify(odd), '[]', 0, 0), null, JSON.stringify(odd));
});

test("a run takes V8's --optimize-for-size only without PDF or Word files (PDF.js took 80% more CPU under it)", async () => {
  const { sizeOverSpeed } = await import('../../js/cli/run.mjs');
  const page = { path: 'a/2024.html' };
  assert.equal(sizeOverSpeed([page, { path: 'b/2024.txt' }, { path: 'c.json' }]), true);
  for (const name of ['r.pdf', 'R.PDF', 'r.docx', 'r.doc', 'r.wps']) {
    assert.equal(sizeOverSpeed([page, { path: `x/${name}` }]), false, name);
  }
  // Standard input, read already: by its bytes.
  const pdf = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj');
  assert.equal(sizeOverSpeed([page, { path: '-', bytes: pdf }]), false);
  assert.equal(sizeOverSpeed([page, { path: '-', bytes: new TextEncoder().encode('<html>') }]), true);
});

test('workers are started ahead of the listing as many as the files discover will list will use, none for a few', async () => {
  const { workersAhead } = await import('../../js/cli/run.mjs');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgknb-ahead-'));
  const put = (/** @type {string} */ name) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), '<p>');
    return path.join(dir, name);
  };
  const at = (/** @type {string} */ name) => path.join(dir, name);
  try {
    const one = put('few/a.html');
    put('few/b.html');
    assert.deepEqual(workersAhead([at('few')], 8), { workers: 0, documents: false }, 'two files');
    assert.equal(workersAhead([one, one, one], 8).workers, 0);
    for (let i = 0; i < 30; i++) put(`many/${2000 + i}/r${i}.html`); // one file a folder, as by year
    // What discover leaves out counts for nothing: hidden entries, node_modules, other files.
    for (let i = 0; i < 30; i++) put(`many/.hidden/h${i}.html`);
    for (let i = 0; i < 30; i++) put(`many/node_modules/m${i}.html`);
    for (let i = 0; i < 60; i++) put(`site/img${i}.png`);
    for (let i = 0; i < 10; i++) put(`site/p${i}.html`);
    // 30 files: runAll gives a worker to every 8, so 4 at most.
    assert.deepEqual(workersAhead([at('many')], 8), { workers: 4, documents: false });
    assert.equal(workersAhead([at('many')], 2).workers, 2);
    assert.equal(workersAhead([at('many'), at('few')], 16).workers, 4);
    assert.equal(workersAhead([at('many')], 8, true).workers, 8, 'hidden ones with --include-hidden');
    assert.equal(workersAhead([at('site')], 8).workers, 0, 'ten pages among images');
    // Each path once, as discover lists it.
    assert.equal(workersAhead([at('site'), at('site'), `${at('site')}/`], 8).workers, 0);
    const named = Array.from({ length: 24 }, (_, i) => put(`named/n${i}.txt`));
    assert.equal(workersAhead(named, 2).workers, 2, 'files named');
    assert.equal(workersAhead([...named.slice(0, 12), ...named.slice(0, 12)], 2).workers, 0);
    assert.deepEqual(workersAhead(['reports/*.html', '-', at('missing')], 8), { workers: 0, documents: false });
    // A PDF or Word file among those counted is said: its run goes without --optimize-for-size.
    put('many/2001/annex.pdf');
    assert.deepEqual(workersAhead([at('many')], 8), { workers: 4, documents: true });
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
});
