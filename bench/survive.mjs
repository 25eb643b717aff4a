// Survival benchmark (issue 19): how much WebAssembly memory the worst input shapes take per
// input byte, what unknown keys cost per byte next to other input, and a long run of the
// hostile-call fuzz that the test suite runs for 3,000 rounds.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import * as full from 'xxgknb';
import * as lite from 'xxgknb/lite';
import * as raw from '../pkg/xxgknb.js';
import { fuzz } from '../tests/node/hostile.mjs';

const root = new URL('../', import.meta.url);
const text = readFileSync(new URL('tests/fixtures/consistent-2024.json', root), 'utf8');
console.log(
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}\n`,
);

// 1. Memory. A fresh instance for each shape, so that the growth of its linear memory (which
// only grows) is the call's peak. The raw binding is called directly: the API would restart
// an instance left this large, and the reading would be of the new one.
const MB = 1024 * 1024;
const SIZE = 8 * MB;
const fill = (unit, bytes = SIZE) => unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit))).slice(0, bytes);
const shapes = [
  ['check: blank lines', 'check', fill('\n')],
  ['check: "1" lines', 'check', fill('1\n')],
  ['check: "1" lines, blank lines between', 'check', fill('1\n\n')],
  ['check: "|" cells', 'check', fill('|')],
  ['check: a label, then a row of "|" cells', 'check', `规章|${fill('|')}`],
  ['check: "1 " words', 'check', fill('1 ')],
  ['check: one long line of 汉字', 'check', fill('汉')],
  ['check: one long line of "a@b.cn " addresses', 'check', fill('a@b.cn ')],
  ['check: one long line of "www.a.cn " addresses', 'check', fill('www.a.cn ')],
  ['check: <td> cells', 'check', `<table><tr>${fill('<td>1</td>')}</tr></table>`],
  ['check: <tr><td> rows, unclosed', 'check', `<table>${fill('<tr><td>1')}</table>`],
  ['check: <p> lines', 'check', fill('<p>1')],
  ['check: nested <div>', 'check', fill('<div>')],
  [
    'check: a report, repeated',
    'check',
    fill(readFileSync(new URL('tests/fixtures/readers/sample-2020.txt', root), 'utf8')),
  ],
  [
    'check: a laid-out report, repeated',
    'check',
    fill(readFileSync(new URL('tests/fixtures/readers/layout-2024.txt', root), 'utf8')),
  ],
  [
    'check: an HTML report, repeated',
    'check',
    fill(readFileSync(new URL('tests/fixtures/readers/sample-2020.html', root), 'utf8')),
  ],
  [
    'validateJson: unknown keys',
    'validateJson',
    `{"year":2024${fill(',"k":1').replace(
      /"k"/g,
      (() => {
        let i = 0;
        return () => `"k${(i++).toString(36)}"`;
      })(),
    )}}`,
  ],
  ['validateJson: one long string', 'validateJson', `{"year":2024,"issuer":"${fill('字')}"}`],
  ['validateJson: a long array', 'validateJson', `{"year":2024,"x":[${fill('1,')}1]}`],
  ['validateJson: repeated keys', 'validateJson', `{"year":2024${fill(',"x":1')}}`],
];
console.log(`WebAssembly memory per input byte, ${SIZE / MB} MB of each shape (goal ≤ 8×):`);
let worst = 0;
for (const [label, func, input] of shapes) {
  raw.__wbg_reset_state();
  const before = raw.memoryBytes();
  const started = performance.now();
  const out = raw.run(func, input, '{"maxInputBytes": 1073741824, "partial": true}', 0);
  const ms = performance.now() - started;
  const bytes = Buffer.byteLength(input);
  const per = (raw.memoryBytes() - before) / bytes;
  worst = Math.max(worst, per);
  const ok = out.startsWith('{');
  console.log(
    `  ${label.padEnd(46)} ${per.toFixed(1).padStart(6)}×  ${(ms / (bytes / MB)).toFixed(0).padStart(5)} ms/MB${ok ? '' : '  (no result)'}`,
  );
}
raw.__wbg_reset_state();
console.log(`  worst: ${worst.toFixed(2)}× (goal ≤ 8×: ${worst <= 8 ? 'met' : 'NOT met'})`);

// 2. Cost per byte: unknown keys against the same bytes of other input (the API, as callers
// use it), best of three.
const perByte = (input) => {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    full.validateJson(input, { maxInputBytes: 1 << 30 });
    best = Math.min(best, performance.now() - t);
  }
  return (best * 1e6) / Buffer.byteLength(input);
};
const keys = shapes.find(([label]) => label.includes('unknown keys'))[2];
console.log('\nvalidateJson, ns per input byte (full build):');
console.log(`  ${'the consistent report (5 KB)'.padEnd(34)} ${perByte(text).toFixed(1).padStart(6)}`);
console.log(`  ${`${SIZE / MB} MB of unknown keys`.padEnd(34)} ${perByte(keys).toFixed(1).padStart(6)}`);
console.log(
  `  ${`${SIZE / MB} MB in one string`.padEnd(34)} ${perByte(shapes.find(([l]) => l.includes('long string'))[2])
    .toFixed(1)
    .padStart(6)}`,
);
console.log(
  `  ${`${SIZE / MB} MB of one array`.padEnd(34)} ${perByte(shapes.find(([l]) => l.includes('long array'))[2])
    .toFixed(1)
    .padStart(6)}`,
);

// 3. The long fuzz.
const builds = [
  ['xxgknb', full],
  ['xxgknb/lite', lite],
];
const baseline = new Map(builds.map(([name, api]) => [name, api.validate(JSON.parse(text))]));
const rounds = Number(process.env.XXGKNB_FUZZ_ROUNDS) || 100_000;
const started = performance.now();
const seed = Date.now() % 1_000_000; // printed: a failure reproduces with it
const { failed, rounds: ran } = fuzz(builds, text, baseline, { rounds, seed });
const s = (performance.now() - started) / 1000;
console.log(
  `\nfuzz: ${ran} rounds (seed ${seed}) of a hostile call then the known-good report, ${s.toFixed(1)} s: ${failed ? `FAILED at round ${failed.round}: ${failed.why}` : 'the good answer never changed'}`,
);
process.exit(failed ? 1 : 0);
