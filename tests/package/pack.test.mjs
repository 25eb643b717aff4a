// The package as `npm pack` makes it: the built WebAssembly, the docs with links that resolve
// inside the package, both licences, the changelog; and no package at all from a tree without
// its build.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO, npm, pack } from './helpers.mjs';

let packed;
before(() => {
  packed = pack();
});
after(() => rmSync(packed.dir, { recursive: true, force: true }));

describe('npm pack', () => {
  test('holds the built WebAssembly of both builds, the script-tag build, the types, docs and licences', () => {
    for (const file of [
      'pkg/xxgknb_bg.wasm',
      'pkg/xxgknb.js',
      'pkg/lite/xxgknb_lite_bg.wasm',
      'pkg/lite/xxgknb_lite.js',
      'pkg/xxgknb-form.js',
      'js/index.d.ts',
      'js/model.d.ts',
      'js/form/index.d.ts',
      'js/form/form.css',
      'js/form/layout.mjs',
      'README.md',
      'CHANGELOG.md',
      'LICENSE-MIT',
      'LICENSE-APACHE',
      'docs/api.md',
      'docs/model.md',
      'docs/rules.md',
      'docs/form.md',
      'docs/bundlers.md',
      'docs/serving.md',
      'docs/browsers.md',
      'docs/stability.md',
    ]) {
      assert.ok(packed.files.includes(file), `${file} is in the package`);
    }
    for (const file of packed.files) assert.doesNotMatch(file, /^(src|scripts|tests|target|www|bench)\//, file);
  });

  test('every relative link in the packed README and docs resolves to a packed file', () => {
    const docs = packed.files.filter((f) => f.endsWith('.md'));
    const broken = [];
    for (const doc of docs) {
      const text = readFileSync(join(REPO, doc), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
        const file = normalize(join(dirname(doc), target.split('#')[0]));
        if (!packed.files.includes(file) && !packed.files.some((f) => f.startsWith(`${file}/`)))
          broken.push(`${doc} → ${target}`);
      }
    }
    assert.deepEqual(broken, []);
  });

  test('package.json says where the project lives, which Node it needs and why, and both licences ship', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    assert.ok(pkg.repository?.url && pkg.homepage && pkg.bugs?.url);
    assert.equal(pkg.engines.node, '>=20.19');
    assert.equal(pkg.license, 'MIT OR Apache-2.0');
    assert.match(readFileSync(join(REPO, 'LICENSE-MIT'), 'utf8'), /Permission is hereby granted, free of charge/);
    assert.match(readFileSync(join(REPO, 'LICENSE-APACHE'), 'utf8'), /Apache License\s+Version 2\.0/);
    assert.match(
      readFileSync(join(REPO, 'CHANGELOG.md'), 'utf8'),
      new RegExp(`## ${pkg.version.replace(/\./g, '\\.')}`),
    );
  });

  test('a tree without its build is refused, loudly, saying how to get one', () => {
    const bare = mkdtempSync(join(tmpdir(), 'xxgknb-bare-'));
    try {
      mkdirSync(join(bare, 'scripts'));
      for (const f of ['package.json', 'scripts/check-package.mjs', 'README.md'])
        copyFileSync(join(REPO, f), join(bare, f));
      let error = null;
      try {
        npm(['pack', '--dry-run'], bare);
      } catch (e) {
        error = e;
      }
      assert.ok(error, 'npm pack failed');
      assert.match(String(error.stderr), /refusing to pack a package without its built WebAssembly/);
      assert.match(String(error.stderr), /pkg\/lite\/xxgknb_lite_bg\.wasm is missing/);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
