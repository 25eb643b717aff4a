// Local wording of messages (js/messages.mjs): the `messages` option of the API, templates per
// rule id and locale filled from the diagnostic and the layout catalogue.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validate, validateJson, check } from '../../js/index.node.mjs';
import * as lite from '../../js/lite.node.mjs';

const ROW = { natural: 5, commercial: 1, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 7 };
const REPORT = { year: 2024, applications: { received: ROW } };

test('a template per rule id replaces the message, with table, row, column, expected and actual filled in', () => {
  const plain = validate(REPORT, { partial: true });
  const worded = validate(REPORT, {
    partial: true,
    messages: { 't3-row-total': '{table}：「{row}」的「{column}」应填 {expected}（现填 {actual}）。' },
  });
  assert.equal(worded.diagnostics.length, 1);
  const d = worded.diagnostics[0];
  assert.equal(
    d.message,
    '三、收到和处理政府信息公开申请情况：「一、本年新收政府信息公开申请数量」的「总计」应填 6（现填 7）。',
  );
  // Everything but the message is as the core said it.
  assert.deepEqual({ ...d, message: '' }, { ...plain.diagnostics[0], message: '' });
  assert.equal(worded.errorCount, plain.errorCount);
});

test('templates are per locale; a locale without one keeps the core message', () => {
  const messages = { 't3-row-total': { en: 'Row "{row}": total should be {expected}.' } };
  const en = validate(REPORT, { partial: true, locale: 'en', messages });
  assert.match(en.diagnostics[0].message, /^Row "[^"]+": total should be 6\.$/);
  const zh = validate(REPORT, { partial: true, messages });
  assert.equal(zh.diagnostics[0].message, validate(REPORT, { partial: true }).diagnostics[0].message);
});

test('{message} quotes the core message, and other rules are untouched', () => {
  const r = validate(
    { ...REPORT, applications: { received: { ...ROW, natural: '五' } } },
    {
      partial: true,
      messages: { 'invalid-number': '【本省口径】{message}（填写内容：{input}）' },
    },
  );
  const d = r.diagnostics.find((x) => x.rule === 'invalid-number');
  assert.match(d.message, /^【本省口径】.+（填写内容：五）$/);
});

test('validateJson, check and the lite build take the option too', () => {
  const messages = { 't3-row-total': '行合计应为 {expected}' };
  assert.equal(
    validateJson(JSON.stringify(REPORT), { partial: true, messages }).diagnostics[0].message,
    '行合计应为 6',
  );
  assert.equal(lite.validate(REPORT, { partial: true, messages }).diagnostics[0].message, '行合计应为 6');
  const checked = check(JSON.stringify(REPORT), { kind: 'json', partial: true, messages });
  assert.equal(checked.diagnostics.find((d) => d.rule === 't3-row-total').message, '行合计应为 6');
});

test('misuse throws an Error naming the function and the option', () => {
  assert.throws(() => validate(REPORT, { messages: 'x' }), /^Error: validate: options\.messages: expected an object/);
  assert.throws(
    () => validate(REPORT, { messages: { 'no-such-rule': 'x' } }),
    /validate: options\.messages\.no-such-rule: unknown rule id/,
  );
  assert.throws(
    () => validateJson('{}', { messages: { 't3-row-total': '{colum}' } }),
    /validateJson: options\.messages\.t3-row-total: unknown placeholder \{colum\}/,
  );
  assert.throws(() => validate(REPORT, { messages: { 't3-row-total': { fr: 'x' } } }), /unknown locale "fr"/);
  assert.throws(() => validate(REPORT, { messages: { 't3-row-total': 3 } }), /expected a template string/);
  // A rule of the full build only is unknown to the lite build.
  assert.throws(() => lite.validate(REPORT, { messages: { 'row-not-found': 'x' } }), /unknown rule id/);
});
