// pattern(): a form mapping from the CMS's naming scheme, numbered as the official tables print
// their rows and columns (js/form/pattern.mjs over the generated js/form/layout.mjs).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pattern } from '../../js/form/pattern.mjs';
import { cells } from '../../js/lite.node.mjs';

const LEGACY = { proactive: 't2_r{row}_c{col}', applications: 't3_r{row}_c{col}', reviewLitigation: 't4_c{col}' };

test('names follow the printed tables of each layout', () => {
  const map = pattern(LEGACY);
  assert.equal(map('t3_r1_c1', '2021'), '/applications/received/natural');
  assert.equal(map('t3_r1_c7', '2021'), '/applications/received/total');
  assert.equal(map('t3_r21_c1', '2021'), '/applications/results/otherHandling/overdueCorrection/natural');
  assert.equal(map('t3_r25_c7', '2021'), '/applications/carriedForward/total');
  // The 2019 layout has one （六） row: row 21 is （六）, 22 （七）, 23 四.
  assert.equal(map('t3_r21_c1', '2019'), '/applications/results/otherHandling/natural');
  assert.equal(map('t3_r23_c7', '2019'), '/applications/carriedForward/total');
  assert.equal(map('t3_r25_c1', '2019'), null);
  assert.equal(map('t2_r3_c1', '2021'), '/proactive/licensing/decisions');
  assert.equal(map('t2_r6_c1', '2021'), '/proactive/fees/amount');
  assert.equal(map('t2_r4_c2', '2019'), '/proactive/otherServices/change');
  assert.equal(map('t4_c1', '2021'), '/reviewLitigation/review/upheld');
  assert.equal(map('t4_c15', '2019'), '/reviewLitigation/litigationAfterReview/total');
  assert.equal(map('nd', '2021'), null);
});

test('every cell of both layouts gets exactly one name, and the names go back to the cells', () => {
  const map = pattern('t{table}_r{row:2}_c{col:2}');
  for (const format of ['2019', '2021']) {
    const all = cells(format).map((c) => c.path);
    const named = new Map();
    for (let table = 2; table <= 4; table++) {
      for (let row = 1; row <= 30; row++) {
        for (let col = 1; col <= 15; col++) {
          const name = `t${table}_r${String(row).padStart(2, '0')}_c${String(col).padStart(2, '0')}`;
          const path = map(name, format);
          if (path !== null) named.set(path, name);
        }
      }
    }
    assert.deepEqual([...named.keys()].sort(), [...all].sort(), format);
  }
});

test('extra fields by hand, and a fixed layout', () => {
  const map = pattern(LEGACY, { fields: { nd: '/year', fbjg: '/issuer' }, format: '2019' });
  assert.equal(map('nd', '2021'), '/year');
  assert.equal(
    map('t3_r21_c1', '2021'),
    '/applications/results/otherHandling/natural',
    'format: 2019 wins over the form',
  );
});

test('a template that cannot work is refused when the mapping is made, saying why', () => {
  assert.throws(
    () => pattern('t3_r{row}_c{col}'),
    /has no \{table\}; name the table it is for, e\.g\. pattern\(\{ applications: "t3_r\{row\}_c\{col\}" \}\)/,
  );
  assert.throws(
    () => pattern({ applications: 't3_c{col}' }),
    /gives the same name "t3_c1" to \/applications\/received\/natural and \/applications\/carriedOver\/natural/,
  );
  assert.throws(() => pattern({ applications: 't3_r{row}' }), /has no \{col\}/);
  assert.throws(() => pattern({ applications: 't3_r{rows}_c{col}' }), /unknown placeholder \{rows\}/);
  assert.throws(() => pattern({ table3: 'x{col}' }), /unknown table "table3"/);
  assert.throws(() => pattern(LEGACY, { fields: { nd: 'year' } }), /options\.fields\.nd: expected a JSON Pointer/);
  assert.throws(() => pattern(LEGACY, { format: '2020' }), /options\.format: expected "2019" or "2021"/);
  assert.throws(() => pattern(LEGACY, { feilds: {} }), /unknown option "feilds"/);
  assert.throws(() => pattern(42), /expected a name template/);
});
