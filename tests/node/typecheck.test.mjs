// The type check of the shipped JS (`npm run typecheck`, tsconfig.check.json) keeps covering what
// ships: every module under js/ and bin/, strictly, with no file or line excused; and it fails
// on JS that breaks its JSDoc. npm test runs the check itself (scripts/test.sh, types step).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const TSC = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
const CONFIG = join(REPO, 'tsconfig.check.json');

/** tsc run in the repository; its output, and whether it passed. */
function tsc(args) {
  try {
    return { ok: true, out: execFileSync(process.execPath, [TSC, ...args], { cwd: REPO, encoding: 'utf8' }) };
  } catch (err) {
    return { ok: false, out: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

/** Every .mjs under `dir`, as repository paths with `/`. */
function modules(dir) {
  return readdirSync(join(REPO, dir), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.mjs'))
    .map((f) => `${dir}/${f.split('\\').join('/')}`);
}

const SHIPPED = [...modules('js'), ...modules('bin')];

test('the check covers every shipped module, strictly', () => {
  const listed = new Set(
    tsc(['-p', CONFIG, '--listFilesOnly'])
      .out.split('\n')
      .filter(Boolean)
      .map((f) => relative(REPO, f).split('\\').join('/')),
  );
  assert.ok(SHIPPED.length > 40, `found ${SHIPPED.length} modules`);
  assert.deepEqual(
    SHIPPED.filter((f) => !listed.has(f)),
    [],
  );
  const { compilerOptions: o } = JSON.parse(tsc(['-p', CONFIG, '--showConfig']).out);
  assert.equal(o.strict, true);
  assert.equal(o.checkJs, true);
  assert.equal(o.noEmit, true);
});

test('no shipped module or line is excused from the check', () => {
  const excused = SHIPPED.filter((f) => /@ts-(nocheck|ignore|expect-error)/.test(readFileSync(join(REPO, f), 'utf8')));
  assert.deepEqual(excused, []);
});

test("the check fails on JS that breaks its JSDoc, and on JSDoc's absence", () => {
  mkdirSync(join(REPO, 'tests', 'artifacts'), { recursive: true });
  const dir = mkdtempSync(join(REPO, 'tests', 'artifacts', 'typecheck-'));
  try {
    // The same options over two small modules: a wrong argument, and a parameter with no type.
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ extends: relative(dir, CONFIG).split('\\').join('/'), include: ['*.mjs'] }),
    );
    writeFileSync(
      join(dir, 'wrong.mjs'),
      "import { formatNumber } from '../../../js/messages.mjs';\nexport const s = formatNumber('12');\n",
    );
    writeFileSync(join(dir, 'untyped.mjs'), 'export function half(n) {\n  return n / 2;\n}\n');
    const { ok, out } = tsc(['-p', join(dir, 'tsconfig.json')]);
    assert.equal(ok, false);
    assert.match(out, /wrong\.mjs\(2,\d+\): error TS2345/);
    assert.match(out, /untyped\.mjs\(1,\d+\): error TS7006/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
