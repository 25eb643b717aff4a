// The size gate: the lite validator (its .wasm and JS glue, gzipped), what a form page downloads,
// stays within its 60 KB goal, measured on the built package by the bench's own code
// (bench/sizes.mjs), so that the goal the bench reports is the one the test run enforces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { LITE_GOAL_BYTES, liteGoal, validatorSizes } from '../../bench/sizes.mjs';

const root = new URL('../../', import.meta.url);

test('the lite validator is within its 60 KB goal, gzipped', (t) => {
  const goal = liteGoal();
  t.diagnostic(
    `lite validator (wasm + glue): ${goal.gzipped} B gzipped (${(goal.gzipped / 1024).toFixed(1)} KB), goal ${goal.goal} B, ${goal.spare} B to spare`,
  );
  assert.equal(goal.goal, 60 * 1024);
  assert.ok(goal.met, `the lite validator is ${-goal.spare} B over its goal of ${goal.goal} B gzipped`);
});

test('the gate measures the lite .wasm and its glue, gzipped at level 9', () => {
  const { lite, full } = validatorSizes();
  const gz = (f) => gzipSync(readFileSync(new URL(f, root)), { level: 9 }).length;
  assert.deepEqual(
    lite.files.map((f) => f.file),
    ['pkg/lite/xxgknb_lite_bg.wasm', 'pkg/lite/xxgknb_lite.js'],
  );
  assert.equal(lite.gzipped, gz('pkg/lite/xxgknb_lite_bg.wasm') + gz('pkg/lite/xxgknb_lite.js'));
  // The full build is far above the goal: a gate reading it would fail, so it reads the lite one.
  assert.ok(full.gzipped > LITE_GOAL_BYTES);
});

test('a validator over the goal fails the gate', () => {
  assert.equal(liteGoal({ files: [], gzipped: LITE_GOAL_BYTES }).met, true);
  const over = liteGoal({ files: [], gzipped: LITE_GOAL_BYTES + 1 });
  assert.equal(over.met, false);
  assert.equal(over.spare, -1);
});
