// The types as a TypeScript user meets them: the packed package installed in a fresh project,
// tests/types/consumer.ts compiled under each module resolution (node10, node16, nodenext,
// bundler), and under the oldest TypeScript the docs promise (5.0).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO, npm, pack, project } from './helpers.mjs';

const TSC = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
const TSC_MIN = join(REPO, 'node_modules', 'typescript-min', 'bin', 'tsc');
const SETTINGS = {
  node10: { module: 'es2022', moduleResolution: 'node10' },
  node16: { module: 'node16', moduleResolution: 'node16' },
  nodenext: { module: 'nodenext', moduleResolution: 'nodenext' },
  bundler: { module: 'es2022', moduleResolution: 'bundler' },
};

let packed;
let consumer;
before(() => {
  packed = pack();
  consumer = project();
  npm(['install', '--prefer-offline', '--ignore-scripts', packed.tarball], consumer);
  copyFileSync(join(REPO, 'tests', 'types', 'consumer.ts'), join(consumer, 'consumer.ts'));
});
after(() => {
  rmSync(packed.dir, { recursive: true, force: true });
  rmSync(consumer, { recursive: true, force: true });
});

function compile(tsc, name) {
  const config = `tsconfig.${name}.json`;
  writeFileSync(
    join(consumer, config),
    JSON.stringify({
      compilerOptions: {
        target: 'es2022',
        ...SETTINGS[name],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        lib: ['es2022', 'dom'],
        types: [],
      },
      files: ['consumer.ts'],
    }),
  );
  try {
    execFileSync(process.execPath, [tsc, '-p', config], { cwd: consumer, encoding: 'utf8' });
    return '';
  } catch (error) {
    return `${error.stdout}${error.stderr}`;
  }
}

describe('types in a consumer project', () => {
  for (const name of Object.keys(SETTINGS)) {
    test(`moduleResolution ${name}`, () => assert.equal(compile(TSC, name), ''));
  }
  for (const name of ['node16', 'bundler']) {
    test(`TypeScript 5.0 (the minimum), moduleResolution ${name}`, () => assert.equal(compile(TSC_MIN, name), ''));
  }
  test('a wrong use is still an error under node10 (the types were found, not skipped)', () => {
    writeFileSync(
      join(consumer, 'consumer.ts'),
      'import { validate } from "xxgknb";\nimport { pattern } from "xxgknb/form";\nvalidate({}, { locale: "fr" });\npattern({ table3: "x" });\n',
    );
    const out = compile(TSC, 'node10');
    assert.match(out, /consumer\.ts\(3,.*"fr"/);
    assert.match(out, /consumer\.ts\(4,.*table3/);
  });
});
