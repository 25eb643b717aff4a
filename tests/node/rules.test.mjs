// rules() lists every rule id any entry can emit, the command line's included, and the docs
// list every id rules() gives.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { rules } from '../../js/index.node.mjs';
import { rules as liteRules } from '../../js/lite.node.mjs';
import { messages } from '../../js/cli/messages.mjs';

const ids = rules().map((r) => r.id);

test('every rule id the command line emits is in rules(), with descriptions in both locales', () => {
  const cli = Object.keys(messages('zh-CN').ruleNames);
  assert.ok(cli.length >= 7, cli.join(' '));
  // And the ids written in the CLI's code are the ones it names.
  const source = readdirSync(new URL('../../js/cli/', import.meta.url))
    .filter((f) => f.endsWith('.mjs'))
    .map((f) => readFileSync(new URL(`../../js/cli/${f}`, import.meta.url), 'utf8'))
    .join('\n');
  const written = [...source.matchAll(/rule: '([a-z0-9-]+)'|failed\([^)]*?'([a-z0-9-]+)', m\.diag/g)].map(
    (m) => m[1] ?? m[2],
  );
  for (const id of [...cli, ...written]) {
    const r = rules().find((x) => x.id === id);
    assert.ok(r, `${id} is not in rules()`);
    assert.ok(r.description['zh-CN'] && r.description.en, id);
  }
});

test('the lite build lists only what it can emit (no readers, no command line)', () => {
  const lite = liteRules().map((r) => r.id);
  assert.ok(lite.includes('t3-row-total'));
  assert.ok(!lite.includes('internal-error') && !lite.includes('row-not-found'));
  for (const id of lite) assert.ok(ids.includes(id), id);
});

test('docs/rules.md lists every rule id', () => {
  const doc = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
  const missing = ids.filter((id) => !doc.includes(`\`${id}\``));
  assert.deepEqual(missing, []);
});
