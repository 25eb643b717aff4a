// Core benchmark: validations per second of `validate` (object) and `validateJson` (text) for a
// realistic report, and the gzipped size of each build's .wasm and JS glue. Prints numbers only;
// goals: ≥ 50,000 validateJson/s, whole validator < 60 KB gzipped.
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { validate, validateJson } from 'xxgknb';
import { validate as validateLite, validateJson as validateJsonLite } from 'xxgknb/lite';

const root = new URL('../', import.meta.url);
const text = readFileSync(new URL('tests/fixtures/consistent-2024.json', root), 'utf8');
const object = JSON.parse(text);
// A report with one wrong cell: what a form sends while its user is typing.
const wrong = JSON.parse(text);
wrong.applications.results.granted.natural = 1290;
const wrongText = JSON.stringify(wrong);

function rate(label, fn, ms = 1500) {
  for (let i = 0; i < 2000; i++) fn(); // warm up
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 500; i++) fn();
    n += 500;
    now = performance.now();
  }
  const perSec = Math.round((n * 1000) / (now - start));
  console.log(`${label.padEnd(44)} ${String(perSec).padStart(8)} /s  (${((now - start) * 1000 / n).toFixed(1)} µs each)`);
  return perSec;
}

console.log(`report: ${text.length} bytes of JSON (2021 layout, every cell filled)\n`);
rate('validateJson, consistent report', () => validateJson(text));
rate('validateJson, one wrong cell', () => validateJson(wrongText));
rate('validate (object), consistent report', () => validate(object));
rate('validate (object), one wrong cell', () => validate(wrong));
rate('lite validateJson, consistent report', () => validateJsonLite(text));
rate('lite validate, partial form (one row)', () => validateLite({ year: 2024, applications: { received: object.applications.received } }, { partial: true }));

console.log('\nsizes (gzip -9):');
let total = {};
for (const [flavour, dir] of [['full', 'pkg/'], ['lite', 'pkg/lite/']]) {
  for (const f of ['xxgknb_bg.wasm', 'xxgknb.js']) {
    const buf = readFileSync(new URL(dir + f, root));
    const gz = gzipSync(buf, { level: 9 }).length;
    total[flavour] = (total[flavour] ?? 0) + gz;
    console.log(`  ${(dir + f).padEnd(24)} ${String(statSync(new URL(dir + f, root)).size).padStart(8)} B raw ${String(gz).padStart(8)} B gzipped`);
  }
}
for (const [k, v] of Object.entries(total)) console.log(`  ${k} validator (wasm + glue): ${(v / 1024).toFixed(1)} KB gzipped`);
