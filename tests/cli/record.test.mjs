// The core's record of a file (checkRecord, src/bulk/record.rs), which the command line keeps
// in its spool for HTML and text files, against what the CLI made of check()'s answer before:
// the same result, the same carry, and the same prose signature as js/cli/batch.mjs's (which
// PDF and Word files still get), so that copied-report compares the two kinds alike.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as core from '../../js/index.node.mjs';
import { makeReport, renderText, renderHtml, rng } from './fixtures/generate.mjs';
import { signature } from '../../js/cli/batch.mjs';
import { carryOf } from '../../js/cli/process.mjs';
import { onceOptions } from '../../js/options-once.mjs';

const PARTS = ['/issuer', '/year', '/proactive', '/applications', '/reviewLitigation', '/sections'];
const utf8 = new TextEncoder();

// What prose holds that normalising must treat as the JS does: digits of both widths,
// full-width letters, boilerplate (whole, split by punctuation, or joined by a removal),
// CJK punctuation, spaces, a character outside the BMP, Latin letters.
const PIECES = [
  '２０２４年',
  '１２3',
  'ＡＢｃ',
  'Ab',
  '政府信息公开条例',
  '中华人民共和国',
  '政府信息公开',
  '条例',
  '主动公开情况',
  '主动，公开情况',
  '中华人民共和国政府信息公开条例',
  '以习近平新时代中国特色社会主义思想为指导',
  '政府信息公开信息处理费管理办法',
  '𠀀',
  '，',
  '。',
  ' ',
  '\u3000',
  'x1y2',
  '（一）',
  '以下简称条例',
];

/** A report whose prose has random pieces put in at random places. */
function messy(seed) {
  const r = rng(seed);
  const rep = makeReport({ issuer: `示例市第${seed}号单位`, year: 2020 + (seed % 5), seed });
  for (const key of Object.keys(rep.sections)) {
    let s = rep.sections[key];
    for (let k = Math.floor(r() * 12); k > 0; k--) {
      const at = Math.floor(r() * (s.length + 1));
      s = s.slice(0, at) + PIECES[Math.floor(r() * PIECES.length)] + s.slice(at);
    }
    rep.sections[key] = s;
  }
  return rep;
}

/** The record the CLI made from check()'s answer before checkRecord (process.mjs's old path). */
function viaCheck(text, kind) {
  const { report, ...rest } = core.check(text, { kind, report: PARTS });
  const issuer = typeof report?.issuer === 'string' && report.issuer.trim() ? report.issuer.trim() : null;
  const result = { path: 'r', kind, encoding: 'utf-8', issuer, ...rest };
  const carry = carryOf(report, result);
  return { result, carry, sig: carry ? signature(carry.sections) : null };
}

test('checkRecord gives the result, carry and signature the CLI made of check(), on 120 messy reports', () => {
  let signatures = 0;
  for (let seed = 1; seed <= 120; seed++) {
    const rep = messy(seed);
    const kind = seed % 2 ? 'html' : 'text';
    const text = kind === 'html' ? renderHtml(rep) : renderText(rep);
    const want = viaCheck(text, kind);
    const { facts, record } = core.checkRecord(
      utf8.encode(text),
      { kind },
      { path: 'r', kind, encoding: 'utf-8', notes: [] },
    );
    const got = JSON.parse(Buffer.from(record).toString());
    assert.deepEqual(got.result, want.result, `seed ${seed}: result`);
    assert.equal(
      Buffer.from(record).subarray(facts.resultAt).toString(),
      `${JSON.stringify(want.result)}}`,
      `seed ${seed}: result bytes`,
    );
    assert.deepEqual(
      got.carry && { ...got.carry },
      want.carry && JSON.parse(JSON.stringify(want.carry)),
      `seed ${seed}: carry`,
    );
    assert.deepEqual(facts.sig, want.sig && [...want.sig], `seed ${seed}: signature`);
    assert.equal(facts.year, want.result.year);
    assert.equal(facts.issuer, want.result.issuer);
    assert.equal(facts.errors, want.result.errorCount);
    assert.equal(facts.warnings, want.result.warningCount);
    assert.deepEqual(
      facts.rules,
      want.result.diagnostics.flatMap((d) => [d.rule, d.severity]),
    );
    if (facts.sig) signatures++;
  }
  assert.ok(signatures > 100, `${signatures} reports had a signature`);
});

test("checkRecord puts the CLI's notes first and counts them; a bad note or file is misuse", () => {
  const text = renderText(makeReport({ issuer: '示例市教育局', year: 2024, seed: 3 }));
  const notes = [{ rule: 'charset-mismatch', message: '声明为 utf-8，按 GB18030 解码。' }];
  const plain = core.checkRecord(
    utf8.encode(text),
    { kind: 'text' },
    { path: 'a', kind: 'text', encoding: 'gb18030', notes: [] },
  );
  const noted = core.checkRecord(
    utf8.encode(text),
    { kind: 'text' },
    { path: 'a', kind: 'text', encoding: 'gb18030', notes },
  );
  const result = JSON.parse(Buffer.from(noted.record).toString()).result;
  assert.deepEqual(result.diagnostics[0], {
    rule: 'charset-mismatch',
    severity: 'warning',
    path: '',
    related: [],
    message: notes[0].message,
  });
  assert.equal(noted.facts.warnings, plain.facts.warnings + 1);
  assert.equal(result.warningCount, noted.facts.warnings);
  assert.deepEqual(noted.facts.rules.slice(0, 2), ['charset-mismatch', 'warning']);
  assert.equal(result.encoding, 'gb18030');
  assert.throws(
    () =>
      core.checkRecord(
        utf8.encode(text),
        {},
        { path: 'a', kind: 'text', encoding: null, notes: [{ rule: 'no-such-rule', message: 'x' }] },
      ),
    /checkRecord: a note needs a known rule/,
  );
  assert.throws(() => core.checkRecord(text, {}, { path: 'a', kind: 'text', encoding: null, notes: [] }), /Uint8Array/);
  // Misuse is an Error naming the function, not a failure of the module.
  const bytes = utf8.encode(text);
  for (const [args, says] of [
    [[bytes, {}, undefined], /checkRecord: expected the file's description as an object, got nothing/],
    [
      [
        bytes,
        {},
        (() => {
          const o = { path: 'a' };
          o.self = o;
          return o;
        })(),
      ],
      /checkRecord: the file's description cannot be written as JSON/,
    ],
    [[{ length: 3 }, {}, { path: 'a' }], /checkRecord: expected the file's bytes in a Uint8Array/],
  ])
    assert.throws(
      () => core.checkRecord(...args),
      (err) => err instanceof Error && says.test(err.message) && !/failed/.test(err.message),
    );
  assert.throws(
    () => core.checkRecord(utf8.encode(text), { nonsense: 1 }, { path: 'a', kind: 'text', encoding: null, notes: [] }),
    /checkRecord/,
  );
});

test('a file over the size limit is recorded as input-too-large, with no carry', () => {
  const text = renderText(makeReport({ issuer: '示例市教育局', year: 2024, seed: 4 }));
  const { facts, record } = core.checkRecord(
    utf8.encode(text),
    { maxInputBytes: 1024 },
    { path: 'a', kind: 'text', encoding: 'utf-8', notes: [] },
  );
  const got = JSON.parse(Buffer.from(record).toString());
  assert.equal(got.carry, null);
  assert.equal(facts.carry, false);
  assert.equal(facts.sig, null);
  assert.deepEqual(facts.rules, ['input-too-large', 'error']);
});

test("the CLI's own options (onceOptions) are read once; any others on every call", () => {
  const bytes = utf8.encode(renderText(makeReport({ issuer: '示例市教育局', year: 2024, seed: 5 })));
  const file = { path: 'a', kind: 'text', encoding: 'utf-8', notes: [] };
  const rules = (/** @type {object} */ options) => core.checkRecord(bytes, options, file).facts.rules;
  const options = { kind: 'text', maxInputBytes: 1024 };
  assert.deepEqual(rules(options), ['input-too-large', 'error']);
  options.maxInputBytes = 1 << 20; // a plain object changed between calls: read again
  assert.ok(!rules(options).includes('input-too-large'));
  // Made by onceOptions: a frozen copy, the same answers call after call.
  const once = onceOptions(options);
  assert.ok(Object.isFrozen(once) && once !== options);
  options.maxInputBytes = 1024; // the original changes; the copy does not
  for (let k = 0; k < 3; k++) assert.ok(!rules(once).includes('input-too-large'));
  assert.deepEqual(rules(onceOptions({ kind: 'text', maxInputBytes: 1024 })), ['input-too-large', 'error']);
  assert.throws(() => rules(onceOptions({ nonsense: 1 })), /checkRecord/);
  assert.throws(() => onceOptions(/** @type {any} */ ({ rules: { 'blank-cell': 'off' } })), /no plain value/);
});
