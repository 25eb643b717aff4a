// From a fresh clone, with Node only: installing the repository gives a working package. The
// README's Node example runs as written (its file names pointed at fixtures), and require()
// works as well as import on the supported Node versions (engines: >=20.19, require(esm)).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO, npm, pathWithoutRust, project } from './helpers.mjs';

let clone;
let consumer;
const run = (file, cwd = consumer) =>
  execFileSync(process.execPath, [file], { cwd, encoding: 'utf8', env: { ...process.env, PATH: pathWithoutRust() } });

before(() => {
  if (!existsSync(join(REPO, '.git'))) return;
  // What is committed, as a user clones it (a working copy's uncommitted edits are not shipped).
  clone = join(mkdtempSync(join(tmpdir(), 'xxgknb-clone-')), 'xxgknb');
  execFileSync('git', ['clone', '--quiet', '--depth', '1', `file://${REPO}`, clone]);
  consumer = project();
  // --install-links: copied as npm would unpack it, not symlinked to the clone.
  npm(['install', '--install-links', '--prefer-offline', clone], consumer);
});
after(() => {
  for (const dir of [clone && join(clone, '..'), consumer]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('installing the repository with Node only', () => {
  test('no Rust is on the PATH the install and the examples run with', (t) => {
    if (!clone) return t.skip('not a git checkout: nothing to clone');
    assert.throws(() => execFileSync('cargo', ['--version'], { env: { PATH: pathWithoutRust() }, stdio: 'ignore' }));
    assert.ok(existsSync(join(consumer, 'node_modules', 'xxgknb', 'pkg', 'lite', 'xxgknb_lite_bg.wasm')));
  });

  test("the README's Node example runs", (t) => {
    if (!clone) return t.skip('not a git checkout: nothing to clone');
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const [, example] = /## In Node[^\n]*\n+```js\n([\s\S]*?)```/.exec(readme) ?? [];
    assert.ok(example, 'the README has a Node example');
    copyFileSync(join(REPO, 'tests', 'fixtures', 'consistent-2024.json'), join(consumer, 'report-2024.json'));
    copyFileSync(join(REPO, 'tests', 'fixtures', 'readers', 'sample-2020.html'), join(consumer, 'report-2024.html'));
    copyFileSync(join(REPO, 'tests', 'fixtures', 'documents', 'template-2024.pdf'), join(consumer, 'report-2024.pdf'));
    writeFileSync(join(consumer, 'example.mjs'), example);
    const out = run('example.mjs').trim().split('\n');
    assert.equal(out[0], 'true 0 0', 'the consistent report is valid');
    assert.ok(
      out.some((l) => /^2020 2019 (true|false)$/.test(l)),
      'the published page was read: year, format, valid',
    );
    assert.equal(out.at(-1), 'pdf true', 'the PDF was read and its tables add up');
  });

  test('require() works too (CommonJS callers on Node >= 20.19)', (t) => {
    if (!clone) return t.skip('not a git checkout: nothing to clone');
    writeFileSync(
      join(consumer, 'cjs.cjs'),
      [
        "const { validate, rules } = require('xxgknb');",
        "const lite = require('xxgknb/lite');",
        'const r = validate({ year: 2024, applications: { received: { natural: 5, commercial: 1, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 7 } } }, { partial: true });',
        'console.log(r.diagnostics[0].rule, typeof lite.validateJson, rules().length > 20);',
      ].join('\n'),
    );
    assert.equal(run('cjs.cjs').trim(), 't3-row-total function true');
  });
});
