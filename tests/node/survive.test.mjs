// Issue 19: no input and no misuse can disable the module, and every answer stays right.
// Each test reproduces one failure listed in the issue; the last one alternates hostile calls
// with a known-good report and checks that the good answer never changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as full from 'xxgknb';
import * as lite from 'xxgknb/lite';
import * as rawFull from '../../pkg/xxgknb.js';
import { fuzz, lyingBytes as hostileBytes, nearStackLimit, revoked } from './hostile.mjs';

const text = readFileSync(new URL('../fixtures/consistent-2024.json', import.meta.url), 'utf8');
const good = () => JSON.parse(text);
const builds = [
  ['xxgknb', full],
  ['xxgknb/lite', lite],
];
const baseline = new Map(builds.map(([name, api]) => [name, api.validate(good())]));
const rulesOf = (r) => r.diagnostics.map((d) => d.rule);

const lyingBytes = () => hostileBytes(text);

for (const [name, api] of builds) {
  const same = () => assert.deepEqual(api.validate(good()), baseline.get(name));

  test(`${name}: 5,000 calls with a revoked proxy each throw a clear Error, and the module stays well`, () => {
    const proxy = revoked();
    for (let i = 0; i < 5000; i++) {
      assert.throws(
        () => api.validate(proxy),
        (e) => e instanceof Error && /^validate: the report cannot be read: it is a revoked proxy$/.test(e.message),
      );
    }
    same();
    assert.throws(
      () => api.validate(good(), proxy),
      /^Error: validate: the options cannot be read: it is a revoked proxy$/,
    );
    assert.throws(
      () => api.validateJson(proxy),
      /^Error: validateJson: expected JSON text \(a string or its UTF-8 bytes\), got a revoked proxy$/,
    );
    same();
  });

  test(`${name}: 3,000 calls with bytes whose length lies read the real bytes`, () => {
    for (let i = 0; i < 3000; i++) assert.deepEqual(api.validateJson(lyingBytes()), baseline.get(name));
    // A proxy of bytes is not bytes; a detached buffer cannot be read.
    assert.throws(
      () => api.validateJson(new Proxy(new Uint8Array(4), {})),
      /^Error: validateJson: expected JSON text \(a string or its UTF-8 bytes\), got an object$/,
    );
    const detached = new Uint8Array(8);
    structuredClone(detached.buffer, { transfer: [detached.buffer] });
    assert.throws(() => api.validateJson(detached), /^Error: validateJson: the bytes cannot be read/);
    same();
  });

  test(`${name}: getters that throw, cycles and BigInts are misuse, named as such`, () => {
    const throwing = good();
    Object.defineProperty(throwing.applications, 'received', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    assert.throws(() => api.validate(throwing), /^Error: validate: the report cannot be read: reading it threw: boom$/);
    const cyclic = good();
    cyclic.applications.self = cyclic;
    assert.throws(
      () => api.validate(cyclic),
      /^Error: validate: the report cannot be read: it contains itself \(a cycle\)/,
    );
    assert.throws(
      () => api.validate({ year: 2024n }),
      /^Error: validate: the report cannot be read: it holds a BigInt/,
    );
    assert.throws(
      () =>
        api.validate(good(), {
          get locale() {
            throw new Error('nope');
          },
        }),
      /^Error: validate: the options cannot be read: reading it threw: nope$/,
    );
    assert.throws(() => api.validate(good(), 'en'), /^Error: validate: options must be an object, got a string$/);
    same();
  });

  test(`${name}: a JS exception unwinding through WebAssembly does not leave the instance in use`, () => {
    let inside = 0;
    for (let round = 0; round < 10; round++) {
      for (const outcome of nearStackLimit(() => api.validate(good()))) {
        if (outcome instanceof Error) {
          assert.ok(
            outcome instanceof RangeError || /^validate: the WebAssembly module failed \(/.test(outcome.message),
            outcome.message,
          );
          if (!(outcome instanceof RangeError)) inside++;
        } else {
          assert.deepEqual(outcome, baseline.get(name));
        }
      }
      same();
    }
    assert.ok(inside > 0, 'the stack ran out inside WebAssembly at least once');
  });

  test(`${name}: NaN and Infinity are invalid numbers, not blank cells`, () => {
    const doc = {
      year: 2024,
      applications: {
        received: {
          natural: NaN,
          commercial: Infinity,
          research: -Infinity,
          socialWelfare: 0,
          legalService: 0,
          otherOrg: 0,
          total: 0,
        },
      },
    };
    for (const options of [{ partial: true }, {}]) {
      const r = api.validate(doc, options);
      assert.equal(r.valid, false);
      const bad = r.diagnostics.filter((d) => d.rule === 'invalid-number');
      assert.deepEqual(
        bad.map((d) => [d.path, d.input]),
        [
          ['/applications/received/natural', 'NaN'],
          ['/applications/received/commercial', 'Infinity'],
          ['/applications/received/research', '-Infinity'],
        ],
      );
      assert.ok(!rulesOf(r).includes('blank-cell'));
    }
    assert.match(
      api.validate(doc).diagnostics.find((d) => d.rule === 'invalid-number').message,
      /「NaN」不是有效的数值/,
    );
    // A metadata field and last year's report too; strings that merely look alike are text.
    assert.deepEqual(
      api
        .validate({ year: NaN })
        .diagnostics.filter((d) => d.path === '/year')
        .map((d) => d.input),
      ['NaN'],
    );
    const prev = good();
    prev.applications.carriedForward.natural = NaN;
    assert.doesNotThrow(() => api.validate(good(), { previous: prev }));
    const r = api.validate(
      { year: 2024, issuer: '\u0000xxgknb:NaN', applications: { received: { natural: 'NaN' } } },
      { partial: true },
    );
    assert.deepEqual(rulesOf(r), ['invalid-number']);
    assert.equal(r.diagnostics[0].input, 'NaN');
    // Options that are not finite are misuse.
    assert.throws(
      () => api.validate(good(), { maxInputBytes: Infinity }),
      /^Error: validate: options\.maxInputBytes: expected a whole number of bytes from 1 to 1073741824, got "Infinity"$/,
    );
    same();
  });

  test(`${name}: tiny numbers are not "too large"`, () => {
    for (const v of ['5e-324', '1e-400', '0.5']) {
      const r = api.validateJson(`{"year": 2024, "applications": {"received": {"natural": ${v}}}}`, { partial: true });
      assert.deepEqual(rulesOf(r), ['invalid-number'], v);
      assert.match(r.diagnostics[0].message, /不是整数/, v);
    }
    const zero = api.validateJson('{"year": 2024, "applications": {"received": {"natural": 0e400}}}', {
      partial: true,
    });
    assert.deepEqual(zero.diagnostics, []);
    const money = api.validateJson('{"year": 2024, "proactive": {"fees": {"amount": 5e-324}}}', { partial: true });
    assert.deepEqual(money.diagnostics, []);
  });

  test(`${name}: nesting past 128 levels is invalid-structure with the reason, from text and from objects`, () => {
    const deepText = `{"year": 2024, "x": ${'['.repeat(200)}${']'.repeat(200)}}`;
    const r = api.validateJson(deepText);
    assert.deepEqual(rulesOf(r), ['invalid-structure']);
    assert.match(r.diagnostics[0].message, /^JSON 嵌套超过 128 层（第 1 行第 \d+ 列），无法读取。$/);
    let deep = {};
    const root = { year: 2024, x: deep };
    for (let i = 0; i < 200; i++) deep = deep.a = {};
    assert.deepEqual(rulesOf(api.validate(root)), ['invalid-structure']);
    // Deeper than JSON.stringify itself can go: the same answer, no "cycle or BigInt?".
    let deeper = {};
    const huge = { year: 2024, x: deeper };
    for (let i = 0; i < 200_000; i++) deeper = deeper.a = {};
    const h = api.validate(huge);
    assert.deepEqual(rulesOf(h), ['invalid-structure']);
    assert.equal(h.diagnostics[0].message, '报告对象嵌套超过 128 层，无法读取。');
    same();
  });

  test(`${name}: a key given twice: the later value counts in every path, and both places are named`, () => {
    const twice = [
      '{"year": 2023, "year": 2024,',
      ' "applications": {"received": {"natural": 1, "total": 9, "foo": 1}},',
      ' "applications": {"received": {"natural": 2, "natural": 3, "commercial": 0, "research": 0, "socialWelfare": 0, "legalService": 0, "otherOrg": 0, "total": 3}},',
      ' "bar": 1, "bar": 2}',
    ].join('\n');
    const fromText = api.validateJson(twice, { partial: true });
    const fromObject = api.validate(JSON.parse(twice), { partial: true });
    const withoutRepeats = { ...fromText, diagnostics: fromText.diagnostics.filter((d) => d.rule !== 'duplicate-key') };
    withoutRepeats.warningCount -= fromText.diagnostics.length - withoutRepeats.diagnostics.length;
    assert.deepEqual(withoutRepeats, fromObject);
    const repeats = fromText.diagnostics.filter((d) => d.rule === 'duplicate-key');
    // In the order of the form: the cell after the keys that are no cell.
    // (The lite build writes no locations: the message names the places.)
    assert.deepEqual(
      repeats.map((d) => [d.path, d.severity, d.location]),
      [
        ['/year', 'warning', { line: 1, column: 16 }],
        ['/applications', 'warning', { line: 3, column: 2 }],
        ['/bar', 'warning', { line: 4, column: 12 }],
        ['/applications/received/natural', 'warning', { line: 3, column: 46 }],
      ].map(([p, s, l]) => [p, s, name === 'xxgknb' ? l : undefined]),
    );
    assert.equal(repeats[0].message, '「/year」重复出现（第 1 行第 2 列、第 1 行第 16 列），以后一处为准。');
    assert.equal(
      api.validateJson(twice, { partial: true, locale: 'en' }).diagnostics.find((d) => d.rule === 'duplicate-key')
        .message,
      '"/year" is given twice (line 1, column 2; line 1, column 16); the later one counts.',
    );
  });

  test(`${name}: input over the size limit is input-too-large, not a trap, in every function`, () => {
    const blankLines = '\n'.repeat(32 * 1024 * 1024);
    for (let i = 0; i < 9; i++) {
      const r = api.validateJson(blankLines);
      assert.deepEqual(rulesOf(r), ['input-too-large']);
      assert.equal(r.valid, false);
      assert.match(r.diagnostics[0].message, /^输入大小为 32\.0 MB，超过 16\.0 MB 的上限/);
    }
    const bytes = Buffer.from('{"k":1,'.repeat(3 * 1024 * 1024));
    assert.deepEqual(rulesOf(api.validateJson(bytes)), ['input-too-large']);
    // The limit is an option; a report under it is checked as always.
    assert.deepEqual(rulesOf(api.validateJson(text, { maxInputBytes: 100 })), ['input-too-large']);
    assert.deepEqual(rulesOf(api.validate(good(), { maxInputBytes: 100 })), ['input-too-large']);
    assert.deepEqual(api.validateJson(text, { maxInputBytes: Buffer.byteLength(text) }), baseline.get(name));
    assert.ok(api.rules().some((r) => r.id === 'input-too-large' && r.severity === 'error'));
    assert.ok(api.rules().some((r) => r.id === 'duplicate-key' && r.severity === 'warning'));
    if (api.check) {
      for (let i = 0; i < 9; i++) assert.deepEqual(rulesOf(api.check(blankLines)), ['input-too-large']);
      assert.deepEqual(rulesOf(api.check(blankLines, { report: false })), ['input-too-large']);
      assert.deepEqual(
        api.parse(blankLines).diagnostics.map((d) => d.rule),
        ['input-too-large'],
      );
      assert.equal(api.check('1\n'.repeat(20 * 1024 * 1024), { kind: 'text' }).diagnostics[0].rule, 'input-too-large');
    }
    same();
  });

  test(`${name}: misuse names the function called and what was wrong`, () => {
    for (const [call, message] of [
      [() => api.jsonSchema('2020'), 'jsonSchema: expected the format "2019" or "2021", got a string "2020"'],
      [() => api.jsonSchema(), 'jsonSchema: expected the format "2019" or "2021", got nothing (undefined)'],
      [() => api.cells({}), 'cells: expected the format "2019" or "2021", got an object'],
      [() => api.validate([]), 'validate: expected a report object, got an array'],
      [() => api.validate(good(), []), 'validate: options must be an object, got an array'],
      [
        () => api.validateJson(new ArrayBuffer(4)),
        'validateJson: expected JSON text (a string or its UTF-8 bytes), got an object',
      ],
      [
        () => api.validateJson(new DataView(new ArrayBuffer(4))),
        'validateJson: expected JSON text (a string or its UTF-8 bytes), got an object',
      ],
      [
        () => api.validateJson(text, { locale: 'fr' }),
        'validateJson: options.locale: expected "zh-CN" or "en", got "fr"',
      ],
      ...(api.check
        ? [
            [() => api.check(42), "check: expected the report's text (a string or its UTF-8 bytes), got a number"],
            [
              () => api.parse(text, { report: false }),
              'parse: options.report: unknown option (known: locale, partial, previous, rules, maxInputBytes, blanks, issuerKind, deadline, kind, locations)',
            ],
            [
              () => api.check(text, { kind: 'xml' }),
              'check: options.kind: expected "json", "html" or "text", got "xml"',
            ],
            [() => api.check(text, revoked()), 'check: the options cannot be read: it is a revoked proxy'],
            [
              () => api.parse(revoked()),
              "parse: expected the report's text (a string or its UTF-8 bytes), got a revoked proxy",
            ],
          ]
        : []),
    ]) {
      assert.throws(call, (e) => e instanceof Error && e.message === message, message);
    }
    same();
  });
}

test('parseFile and checkFile name themselves in every misuse message', async () => {
  for (const [call, message] of [
    [() => full.checkFile(revoked()), /^checkFile: the arguments cannot be read \(.*revoked/],
    [() => full.parseFile(new Uint8Array(4), revoked()), /^parseFile: the arguments cannot be read \(.*revoked/],
    [() => full.checkFile('{}', { kind: 1 }), /^checkFile: options\.kind: expected one of/],
    [() => full.checkFile('{}', { locale: 'fr' }), /^checkFile: options\.locale: expected "zh-CN" or "en", got "fr"$/],
    [() => full.parseFile(42), /^parseFile: expected the file's bytes/],
  ]) {
    await assert.rejects(
      call,
      (e) => e instanceof Error && !(e instanceof TypeError) && message.test(e.message),
      String(message),
    );
  }
});

test('after one very large input the full build gives its memory back', () => {
  const big = `{"year": 2024, "x": "${'字'.repeat(12 * 1024 * 1024)}"}`;
  const r = full.validateJson(big, { maxInputBytes: 1 << 30, partial: true });
  assert.deepEqual(rulesOf(r), ['unknown-field']);
  assert.ok(rawFull.memoryBytes() <= 64 * 1024 * 1024, `${rawFull.memoryBytes()} bytes kept`);
  assert.deepEqual(full.validate(good()), baseline.get('xxgknb'));
});

test('fuzz: hostile calls alternate with a known-good report, whose answer never changes', () => {
  // 3,000 rounds here; `npm run bench` runs 100,000.
  const { failed, rounds } = fuzz(builds, text, baseline, { rounds: 3000 });
  assert.equal(failed, null);
  assert.equal(rounds, 3000);
});
