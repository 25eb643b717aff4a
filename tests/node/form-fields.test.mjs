// The form adapter's field-to-report mapping, without a browser: a field name must never write
// outside the report object (issue 19: prototype pollution through `/__proto__/…`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport, setAt } from '../../js/form/fields.mjs';

/** What buildReport needs of a control. */
const input = (value) => ({ type: 'text', value, checked: false });

test('field names that would reach a prototype are ignored; the others land in the report', () => {
  const entries = [
    { el: input('1'), path: '/__proto__/polluted' },
    { el: input('2'), path: '/applications/__proto__/polluted' },
    { el: input('3'), path: '/constructor/prototype/polluted' },
    { el: input('4'), path: '/applications/received/natural' },
    { el: input('5'), path: '/prototype' },
  ];
  const report = buildReport(entries, () => true);
  assert.equal({}.polluted, undefined);
  assert.equal(Object.prototype.polluted, undefined);
  assert.deepEqual(report, { applications: { received: { natural: '4' } } });
  assert.equal(Object.getPrototypeOf(report), Object.prototype);
  const target = {};
  setAt(target, '/a~1b/__proto__', 1);
  assert.deepEqual(target, {});
  setAt(target, '/a~1b/c', 1);
  assert.deepEqual(target, { 'a/b': { c: 1 } });
});
