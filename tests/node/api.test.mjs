// The built package as a Node user gets it: `import ... from 'xxgknb'`, ready on import.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import * as full from 'xxgknb';
import * as lite from 'xxgknb/lite';
import Ajv2020 from 'ajv/dist/2020.js';

const fixture = (name) => readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8');
const consistent = () => JSON.parse(fixture('consistent-2024'));

for (const [name, api] of [
  ['xxgknb', full],
  ['xxgknb/lite', lite],
]) {
  test(`${name}: a consistent report is valid, as object and as text`, () => {
    for (const r of [api.validate(consistent()), api.validateJson(fixture('consistent-2024'))]) {
      assert.deepEqual(r, { valid: true, format: '2021', year: 2024, errorCount: 0, warningCount: 0, diagnostics: [] });
    }
  });

  test(`${name}: validateJson takes the text's UTF-8 bytes as well as a string`, () => {
    const text = fixture('consistent-2024').replace('"issuer": "示例市人民政府"', '"issuer": 42');
    const bytes = readFileSync(new URL('../fixtures/consistent-2024.json', import.meta.url));
    assert.ok(Buffer.isBuffer(bytes));
    assert.deepEqual(api.validateJson(bytes), api.validateJson(fixture('consistent-2024')));
    const encoded = new TextEncoder().encode(text);
    assert.deepEqual(api.validateJson(encoded), api.validateJson(text));
    // A BOM is dropped, as TextDecoder drops it; bad bytes are text, never a throw.
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...encoded]);
    assert.deepEqual(api.validateJson(bom), api.validateJson(text));
    const bad = new TextEncoder().encode('{"year": 2024, "issuer": "X"}');
    bad[26] = 0xff;
    assert.deepEqual(api.validateJson(bad), api.validateJson('{"year": 2024, "issuer": "\uFFFD"}'));
    assert.throws(
      () => api.validateJson(new Uint16Array(4)),
      /expected JSON text \(a string or its UTF-8 bytes\), got a Uint16Array/,
    );
    // Bytes made in another realm (a vm context, as test runners use) are bytes all the same.
    const foreign = vm.runInNewContext('new Uint8Array(bytes)', { bytes: [...encoded] });
    assert.equal(foreign instanceof Uint8Array, false);
    assert.deepEqual(api.validateJson(foreign), api.validateJson(text));
    assert.throws(() => api.validateJson(vm.runInNewContext('new Uint16Array(4)')), /UTF-8 bytes\), got a Uint16Array/);
  });

  test(`${name}: a wrong cell comes back at that cell with the fix, in zh-CN and en`, () => {
    const doc = consistent();
    doc.applications.results.total.natural = 2926;
    const zh = api.validate(doc);
    assert.equal(zh.valid, false);
    assert.equal(zh.errorCount, 1);
    const [d] = zh.diagnostics;
    assert.equal(d.path, '/applications/results/total/natural');
    assert.equal(d.expected, 2932);
    assert.equal(d.actual, 2926);
    assert.deepEqual(d.alsoBreaks, ['t3-balance', 't3-row-total']);
    assert.equal(
      d.message,
      '表三「（七）总计」行「自然人」列应为 2932，现为 2926：此格同时使本行总计和本列合计不成立，最可能是它填错了。',
    );
    const en = api.validate(doc, { locale: 'en' });
    assert.match(
      en.diagnostics[0].message,
      /^Table 3, row "\(7\) Total", column "natural persons" should be 2932, not 2926/,
    );
  });

  test(`${name}: typed strings are normalised, bad ones quoted`, () => {
    const doc = consistent();
    doc.applications.received.natural = '３,００１';
    doc.applications.received.commercial = '十二';
    const r = api.validate(doc);
    const bad = r.diagnostics.filter((d) => d.rule === 'invalid-number');
    assert.equal(bad.length, 1);
    assert.equal(bad[0].path, '/applications/received/commercial');
    assert.equal(bad[0].input, '十二');
  });

  test(`${name}: partial forms hear only about what was typed`, () => {
    const r = api.validate(
      {
        year: 2024,
        applications: {
          received: {
            natural: 3,
            commercial: 0,
            research: 0,
            socialWelfare: 0,
            legalService: 0,
            otherOrg: 0,
            total: 4,
          },
        },
      },
      { partial: true },
    );
    assert.deepEqual(
      r.diagnostics.map((d) => [d.rule, d.path]),
      [['t3-row-total', '/applications/received/total']],
    );
  });

  test(`${name}: bad content never throws, misuse throws a real Error`, () => {
    assert.equal(api.validateJson('{"year": 20').diagnostics[0].rule, 'invalid-json');
    assert.equal(api.validateJson('[1,2]').diagnostics[0].rule, 'invalid-structure');
    for (const [call, message] of [
      [() => api.validate(42), 'validate: expected a report object, got a number'],
      [() => api.validate(null), 'validate: expected a report object, got null'],
      [() => api.validate('{}'), 'validate: expected a report object, got a string'],
      [() => api.validateJson({}), 'validateJson: expected JSON text (a string or its UTF-8 bytes), got an object'],
      [
        () => api.validate({}, { partail: true }),
        'validate: options.partail: unknown option (known: locale, partial, previous, rules, maxInputBytes, blanks, issuerKind, deadline)',
      ],
      [() => api.validate({}, { rules: { nope: 'off' } }), 'validate: options.rules.nope: unknown rule id'],
      [() => api.cells('2020'), 'cells: expected the format "2019" or "2021", got a string "2020"'],
      [() => api.jsonSchema(2020), 'jsonSchema: expected the format "2019" or "2021", got a number'],
    ]) {
      assert.throws(call, (e) => e instanceof Error && e.message === message, message);
    }
  });

  test(`${name}: previous year's report enables the carry-over check`, () => {
    const prev = consistent();
    prev.year = 2023;
    prev.applications.carriedForward = { ...consistent().applications.carriedOver, natural: 30 };
    // Last year's documents in force, so that this year's follow (t2-carryover, full build).
    prev.proactive.regulations.inForce = 10;
    prev.proactive.normativeDocuments.inForce = 84;
    const r = api.validate(consistent(), { previous: prev });
    assert.deepEqual(
      r.diagnostics.map((d) => [d.rule, d.path, d.expected]),
      [['cross-year-carryover', '/applications/carriedOver/natural', 30]],
    );
  });

  test(`${name}: the publication deadline follows the kind of issuer, or the options`, () => {
    const late = (issuer, publishedOn, options = {}) => {
      const doc = { ...consistent(), issuer, publishedOn };
      return api.validate(doc, options).diagnostics.filter((d) => d.rule === 'late-publication');
    };
    // 示例市人民政府 (the fixture's issuer) publishes by 31 March; a department by 31 January.
    assert.deepEqual(late('示例市人民政府', '2025-03-20'), []);
    assert.equal(late('示例市交通运输局', '2025-03-20').length, 1);
    assert.deepEqual(late('示例市交通运输局', '2025-03-20', { issuerKind: 'government' }), []);
    const local = late('示例市人民政府', '2025-02-21', { deadline: '02-20', locale: 'en' });
    assert.equal(local[0].message, 'Published on 2025-02-21, after the deadline of 2025-02-20 (the deadline option).');
    assert.throws(
      () => api.validate({}, { issuerKind: 'town' }),
      /options\.issuerKind: expected "department" or "government", got "town"/,
    );
    assert.throws(
      () => api.validate({}, { deadline: '2025-02-30' }),
      /options\.deadline: expected "MM-DD", got "2025-02-30"/,
    );
  });

  test(`${name}: rules can be turned off or re-levelled`, () => {
    const doc = consistent();
    doc.reviewLitigation.review.total = 0;
    assert.equal(api.validate(doc, { rules: { 't4-total': 'off' } }).valid, true);
    const r = api.validate(doc, { rules: { 't4-total': 'warning' } });
    assert.deepEqual([r.valid, r.warningCount], [true, 1]);
  });

  test(`${name}: catalogues`, () => {
    assert.equal(api.cells('2019').length, 22 + 23 * 7 + 15);
    assert.equal(api.cells('2021').length, 10 + 25 * 7 + 15);
    const ids = api.rules().map((r) => r.id);
    for (const id of [
      'invalid-number',
      'negative-count',
      'missing-cell',
      'blank-cell',
      'unknown-field',
      'format-mismatch',
      'format-outdated',
      't3-balance',
      't3-results-sum',
      't3-row-total',
      't4-total',
      't2-consistency',
      'late-publication',
      'cross-year-carryover',
    ]) {
      assert.ok(ids.includes(id), id);
    }
    const schema = api.jsonSchema('2021');
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(api.version, JSON.parse(readFileSync(new URL('../../package.json', import.meta.url))).version);
  });
}

test("the reviewer's checklist: the prose rules and cross-year table rules are in the full build, not in the lite one", () => {
  const fullIds = full.rules().map((r) => r.id);
  const liteIds = lite.rules().map((r) => r.id);
  const prose = [
    'text-reuse',
    'part5-perfunctory',
    'part6-fees',
    'stale-year',
    'required-elements',
    'narrative-conflict',
    'narrative-scope',
  ];
  for (const id of [...prose, 'tables-unchanged', 't2-carryover']) {
    assert.ok(fullIds.includes(id), id);
    assert.ok(!liteIds.includes(id), id);
  }
  for (const r of full.rules()) {
    assert.ok(r.description['zh-CN'] && r.description.en, r.id);
  }
  // The catalogue says which rules need last year's report (the command line pairs files by it).
  const crossYear = (/** @type {typeof full} */ api) =>
    api
      .rules()
      .filter((r) => r.crossYear === true)
      .map((r) => r.id);
  assert.deepEqual(crossYear(full), ['cross-year-carryover', 'tables-unchanged', 't2-carryover', 'text-reuse']);
  assert.deepEqual(crossYear(lite), ['cross-year-carryover']);
  assert.ok([...full.rules(), ...lite.rules()].every((r) => typeof r.crossYear === 'boolean'));
  // Last year's report given: the tables equal to it, cell for cell.
  const prev = { ...consistent(), year: 2023 };
  prev.applications = { ...prev.applications, carriedForward: consistent().applications.carriedOver };
  const same = full.validate({ ...consistent(), applications: prev.applications }, { previous: prev });
  assert.ok(
    same.diagnostics.some((d) => d.rule === 'tables-unchanged'),
    JSON.stringify(same.diagnostics),
  );
});

test("crossYear reads a caller's options on every call, frozen or not, proxies and getters too", () => {
  const prev = JSON.stringify({ year: 2023 });
  const bad = '{"year": 2024';
  /** @param {object} options */
  const said = (options) => full.crossYear(bad, prev, options).diagnostics.map((d) => [d.severity, d.message]);
  const en = said({ locale: 'en' });
  const frozen = Object.freeze({ locale: 'en' });
  assert.deepEqual(said(frozen), en);
  assert.deepEqual(said(frozen), en);
  // A frozen object's nested rules can still change.
  const rules = { 'invalid-json': 'warning' };
  const nested = Object.freeze({ locale: 'en', rules });
  assert.equal(said(nested)[0][0], 'warning');
  rules['invalid-json'] = 'error';
  assert.equal(said(nested)[0][0], 'error');
  // So can a getter's value, and what a proxy of a frozen object says its toJSON is.
  let locale = 'en';
  const getter = Object.freeze({
    get locale() {
      return locale;
    },
  });
  assert.deepEqual(said(getter), en);
  locale = 'zh-CN';
  assert.notDeepEqual(said(getter), en);
  let limit = 1;
  const proxy = new Proxy(Object.freeze({}), {
    get: (target, key) => (key === 'toJSON' ? () => ({ maxInputBytes: limit }) : Reflect.get(target, key)),
  });
  assert.deepEqual(
    full.crossYear('{"year": 2024}', prev, proxy).diagnostics.map((d) => d.rule),
    ['input-too-large'],
  );
  limit = 1 << 20;
  assert.deepEqual(
    full.crossYear('{"year": 2024}', prev, proxy).diagnostics.map((d) => d.rule),
    [],
  );
  // A revoked proxy is misuse, said as for every other function.
  const { proxy: gone, revoke } = Proxy.revocable({}, {});
  revoke();
  assert.throws(
    () => full.crossYear(bad, prev, gone),
    /^Error: crossYear: the options cannot be read: it is a revoked proxy$/,
  );
});

test('crossYear: the cross-year rules alone on two reports as text or bytes, as validateJson finds them', () => {
  assert.equal(lite.crossYear, undefined); // not in the lite build (text-reuse is a reader's rule)
  const cur = consistent();
  /** Last year's: its carried-forward 30 where this year's carried-over says otherwise, or,
   * when `same`, the same tables as this year's (tables-unchanged). */
  const last = (same) => {
    const prev = { ...consistent(), year: 2023 };
    const forward = { ...cur.applications.carriedOver, natural: same ? cur.applications.carriedOver.natural : 30 };
    prev.applications = { ...prev.applications, carriedForward: forward };
    if (same) cur.applications = { ...cur.applications, carriedForward: forward };
    return prev;
  };
  const off = Object.fromEntries(
    full
      .rules()
      .map((r) => r.id)
      // What crossYear runs: the cross-year rules, and those that say a text was not read.
      .filter(
        (id) =>
          ![
            'cross-year-carryover',
            'tables-unchanged',
            't2-carryover',
            'text-reuse',
            'input-too-large',
            'invalid-json',
            'invalid-structure',
          ].includes(id),
      )
      .map((id) => [id, 'off']),
  );
  const seen = new Set();
  for (const same of [false, true]) {
    const prev = last(same);
    const [a, b] = [JSON.stringify(cur), JSON.stringify(prev)];
    const expected = full.validateJson(a, { previous: prev, partial: true, rules: off, locale: 'en' });
    assert.ok(expected.diagnostics.length > 0);
    for (const d of expected.diagnostics) seen.add(d.rule);
    assert.deepEqual(full.crossYear(a, b, { locale: 'en' }), expected);
    const bytes = (t) => Buffer.from(t);
    assert.deepEqual(full.crossYear(bytes(a), bytes(b), { locale: 'en' }), expected);
  }
  assert.ok(seen.has('cross-year-carryover') && seen.has('tables-unchanged'), [...seen].join());
  // This year's text no report: said. Last year's no JSON object, or options.previous: misuse.
  const prev = JSON.stringify(last(false));
  assert.deepEqual(
    full.crossYear('{"year": 2024', prev).diagnostics.map((d) => d.rule),
    ['invalid-json'],
  );
  assert.throws(() => full.crossYear(JSON.stringify(cur), '[1]'), {
    message: "crossYear: last year's report is not a JSON object",
  });
  assert.throws(() => full.crossYear(JSON.stringify(cur), prev, { previous: {} }), /second argument/);
  assert.throws(
    () => full.crossYear(cur, prev),
    /crossYear: expected this year's report as JSON text .*validate\(report, \{ previous \}\)/,
  );
  assert.throws(() => full.crossYear(JSON.stringify(cur), 7), /crossYear: expected last year's report/);
  // This year's text over the size limit: input-too-large, as validateJson says it, after the
  // same misuse checks; last year's has no limit, as `previous` has none.
  const small = JSON.stringify({ year: 2024 });
  const limit = { maxInputBytes: small.length + 1 };
  for (const [a, b] of [
    [JSON.stringify(cur), prev],
    [small, prev],
  ]) {
    assert.deepEqual(
      full.crossYear(a, b, { ...limit, locale: 'en' }),
      full.validateJson(a, { ...limit, locale: 'en', previous: JSON.parse(b), partial: true, rules: off }),
    );
  }
  assert.deepEqual(
    full.crossYear(JSON.stringify(cur), prev, limit).diagnostics.map((d) => d.rule),
    ['input-too-large'],
  );
  assert.throws(() => full.crossYear(JSON.stringify(cur), '[1]', limit), /not a JSON object/);
  assert.throws(
    () => full.crossYear(JSON.stringify(cur), prev, { ...limit, locale: 'fr' }),
    /^Error: crossYear: options\.locale/,
  );
  // The rules that say a text was not read take the caller's severity, as in validateJson.
  const warned = { locale: 'en', rules: { 'invalid-json': 'warning' } };
  assert.deepEqual(
    full.crossYear('{"year": 2024', prev, warned),
    full.validateJson('{"year": 2024', {
      ...warned,
      previous: JSON.parse(prev),
      partial: true,
      rules: { ...off, ...warned.rules },
    }),
  );
  assert.throws(
    () => full.crossYear(JSON.stringify(cur), new ArrayBuffer(2)),
    (e) => !/validate\(report/.test(e.message),
  );
});

test('blanks: "zero" is the full build\'s; the lite build refuses it by name, and takes "strict"', () => {
  // A 0 left blank: with blanks as 0 the sums still hold, and one blank-cell says so.
  const doc = consistent();
  doc.applications.received.research = null;
  assert.deepEqual(
    full.validate(doc, { blanks: 'zero' }).diagnostics.map((d) => d.rule),
    ['blank-cell'],
  );
  assert.throws(
    () => lite.validate(doc, { blanks: 'zero' }),
    (e) =>
      e instanceof Error &&
      e.message ===
        'validate: options.blanks: "zero" (blanks counted as 0, for published reports) is not in xxgknb/lite, which validates form data; use the full build',
  );
  assert.deepEqual(lite.validate(doc, { blanks: 'strict' }), full.validate(doc, { blanks: 'strict' }));
});

test('the full build reads published text; the lite build has no readers', () => {
  assert.equal(typeof full.parse, 'function');
  assert.equal(typeof full.check, 'function');
  assert.equal(lite.parse, undefined);
  assert.equal(full.check(fixture('consistent-2020')).valid, true);
});

test('check takes bytes, and returns all, none or only some of the report read', () => {
  const text = fixture('consistent-2020');
  const whole = full.check(text);
  assert.deepEqual(full.check(Buffer.from(text)), whole);
  const { report, ...result } = whole;
  assert.deepEqual(full.check(text, { report: false }), result);
  assert.deepEqual(full.check(text, { report: ['/year', '/applications/carriedForward'] }), {
    ...result,
    report: { year: report.year, applications: { carriedForward: report.applications.carriedForward } },
  });
  assert.throws(
    () => full.check(text, { report: 'issuer' }),
    /options\.report: expected true, false or a list of JSON pointers/,
  );
  assert.throws(
    () => full.check(42),
    /check: expected the report's text \(a string or its UTF-8 bytes\), got a number/,
  );
});

test("check's report is parsed when first read, and behaves as a plain member", () => {
  // Prose that spells the member's own name: inside the answer's JSON its quotes are escaped,
  // so it cannot be taken for where the report starts.
  const text = fixture('consistent-2024').replace(
    '"issuer": "示例市人民政府"',
    '"issuer": "示例市人民政府,\\"report\\":{}"',
  );
  const answer = full.check(text, { locations: true });
  const expected = JSON.parse(JSON.stringify(answer));
  assert.equal(expected.report.issuer, '示例市人民政府,"report":{}');
  assert.deepEqual(Object.keys(answer), Object.keys(expected)); // `report` enumerable, and last
  assert.deepEqual(Object.keys(answer).slice(-2), ['locations', 'report']); // written before it
  assert.deepEqual(structuredClone(answer), expected);
  assert.deepEqual({ ...answer }, expected);
  assert.equal(answer.report, answer.report); // parsed once: the same object each time
  assert.ok('value' in Object.getOwnPropertyDescriptor(answer, 'report')); // a data member once read
  answer.report.year = 1999; // a change to it stays
  assert.equal(answer.report.year, 1999);
  answer.report = null; // and so does a new value
  assert.equal(answer.report, null);
  assert.equal(JSON.parse(JSON.stringify(answer)).report, null);
  // Frozen before it was read, it still reads, and refuses a new value as a frozen member does.
  const frozen = Object.freeze(full.check(text));
  assert.deepEqual(frozen.report, expected.report);
  assert.throws(() => {
    /** @type {any} */ (frozen).report = 1;
  }, TypeError);
  // No report asked for: no member to find.
  assert.equal('report' in full.check(text, { report: false }), false);
});

test('jsonSchema describes the model: consistent reports pass it, typos and wrong types do not', () => {
  const ajv = new Ajv2020({ validateFormats: false, allErrors: true });
  const check19 = ajv.compile(full.jsonSchema('2019'));
  const check21 = ajv.compile(full.jsonSchema('2021'));
  assert.ok(check19(JSON.parse(fixture('consistent-2020'))), JSON.stringify(check19.errors));
  assert.ok(check21(consistent()), JSON.stringify(check21.errors));
  const typo = consistent();
  typo.applications.received.naturel = 1;
  assert.equal(check21(typo), false);
  const wrongType = consistent();
  wrongType.reviewLitigation.review.total = '11';
  assert.equal(check21(wrongType), false);
  assert.equal(check21(JSON.parse(fixture('consistent-2020'))), false, 'a 2019 report is not a 2021 one');
  assert.throws(() => full.jsonSchema('2020'), /^Error: jsonSchema: expected the format "2019" or "2021"/);
});
