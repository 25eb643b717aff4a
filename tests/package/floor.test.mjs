// The browser floor (docs/browsers.md), checked on what ships: the lite WebAssembly validates
// with only the features Chromium 86 level engines have, and the JavaScript of the form path
// uses neither syntax nor APIs newer than they have. The end-to-end side (APIs removed in a real
// page) is tests/e2e/floor.test.mjs.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import wabtInit from 'wabt';
import { transformSync } from 'esbuild';
import { FLOOR_TARGET } from '../../scripts/build.mjs';
import { REPO } from './helpers.mjs';

// MVP plus these four, and nothing else (wabt turns several post-MVP features on by default).
const FLOOR = {
  mutable_globals: true,
  sat_float_to_int: true,
  sign_extension: true,
  bulk_memory: true,
  multi_value: false,
  reference_types: false,
  simd: false,
  threads: false,
  tail_call: false,
  exceptions: false,
  gc: false,
  memory64: false,
  extended_const: false,
  relaxed_simd: false,
  function_references: false,
};

/** Validates a module (a file of the repository, or bytes) with only the floor's features. */
async function validateAtFloor(file) {
  const wabt = await wabtInit();
  const bytes = typeof file === 'string' ? readFileSync(join(REPO, file)) : file;
  const module = wabt.readWasm(bytes, { readDebugNames: false, ...FLOOR });
  try {
    module.validate();
  } finally {
    module.destroy();
  }
}

/** The JavaScript a form page runs: the adapter, the lite entry and glue, the script-tag build. */
const FORM_PATH = [
  ...readdirSync(join(REPO, 'js', 'form'))
    .filter((f) => f.endsWith('.mjs'))
    .map((f) => `js/form/${f}`),
  'js/api.mjs',
  'js/schema.mjs',
  'js/messages.mjs',
  'js/lite.browser.mjs',
  'pkg/lite/xxgknb_lite.js',
  'pkg/lite/version.js',
  'pkg/xxgknb-form.js',
];

// Built-ins after Chromium 86 (version that brought them), by the name code would call them by.
const FORBIDDEN = [
  [/\bObject\.hasOwn\b/, 'Object.hasOwn (93)'],
  [/\.at\(/, 'Array/String/TypedArray .at() (92)'],
  [/\bstructuredClone\b/, 'structuredClone (98)'],
  [/\.findLast(Index)?\(/, 'findLast/findLastIndex (97)'],
  [/\.(toSorted|toReversed|toSpliced)\(/, 'change-array-by-copy (110)'],
  [/\b(Object|Map)\.groupBy\b/, 'groupBy (117)'],
  [/\bArray\.fromAsync\b/, 'Array.fromAsync (121)'],
  [/\.(isWellFormed|toWellFormed)\(/, 'well-formed strings (111)'],
  [/\bcrypto\.randomUUID\b/, 'crypto.randomUUID (92)'],
  [/\bAbortSignal\.(timeout|any)\b/, 'AbortSignal.timeout/any (103/116)'],
  [/\bIntl\.Segmenter\b/, 'Intl.Segmenter (87)'],
  [/\bPromise\.withResolvers\b/, 'Promise.withResolvers (119)'],
  [/\.checkVisibility\(/, 'checkVisibility (105)'],
  [/\bnew Error\([^)]*\{\s*cause\b/, 'Error cause (93)'],
  [/\?\.[\w$]*\(\s*\.\.\.[^)]*,/, 'an optional call with a spread before its last argument (V8 bug until Chrome 91)'],
];

describe('browser floor', () => {
  test('the lite wasm validates with only MVP + sign-ext + bulk-memory + mutable-globals + nontrapping-float-to-int', async () => {
    await validateAtFloor('pkg/lite/xxgknb_lite_bg.wasm');
  });

  test('the check is real: a module that uses reference types fails it', async () => {
    // (module (type (func (param externref)))): the one thing it has is past the floor. (The
    // full build was the example until its binding stopped passing JS values, issue 19.)
    const externref = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 5, 1, 0x60, 1, 0x6f, 0]);
    await assert.rejects(validateAtFloor(externref), /expected valid param type|reference|not enabled|externref|6f/i);
  });

  test(`the form path's JavaScript needs no syntax newer than ${FLOOR_TARGET.join(', ')}`, () => {
    const lowered = [];
    for (const file of FORM_PATH) {
      const code = readFileSync(join(REPO, file), 'utf8');
      const format = file.endsWith('xxgknb-form.js') ? 'iife' : 'esm';
      // esbuild rewrites only what the target lacks: any difference is syntax too new. It counts
      // optional chaining from Chrome 91 for one V8 bug (a call with a spread before its last
      // argument, crbug.com/42201552); the plain `a?.b` and `a?.()` used here work from Chrome 80,
      // and the bug's pattern is refused below.
      const as = (target) =>
        transformSync(code, { format, target, logLevel: 'silent', supported: { 'optional-chain': true } }).code;
      if (as(FLOOR_TARGET) !== as('esnext')) lowered.push(file);
    }
    assert.deepEqual(lowered, []);
  });

  test('the check is real: syntax newer than the floor is caught', () => {
    const code = 'class A { static { this.x = 1; } }\nexport const y = a?.b ?? [1].at(-1);';
    const as = (target) => transformSync(code, { format: 'esm', target, logLevel: 'silent' }).code;
    assert.notEqual(as(FLOOR_TARGET), as('esnext'), 'class static blocks (Chrome 94) are lowered');
  });

  test('the form path calls no built-in newer than Chromium 86', () => {
    const found = [];
    for (const file of FORM_PATH) {
      const code = readFileSync(join(REPO, file), 'utf8');
      for (const [pattern, name] of FORBIDDEN) if (pattern.test(code)) found.push(`${file}: ${name}`);
    }
    assert.deepEqual(found, []);
  });
});
