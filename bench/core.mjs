// Core benchmark: validations per second of `validate` (object) and `validateJson` (text) for a
// realistic report, and the gzipped size of each build's .wasm and JS glue. Prints the numbers
// and whether the goals hold: ≥ 50,000 validateJson/s, lite validator ≤ 60 KB gzipped.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { validate, validateJson } from 'xxgknb';
import { validate as validateLite, validateJson as validateJsonLite } from 'xxgknb/lite';
import { rate } from './rate.mjs';
import { validatorSizes, liteGoal } from './sizes.mjs';

const root = new URL('../', import.meta.url);
const text = readFileSync(new URL('tests/fixtures/consistent-2024.json', root), 'utf8');
const object = JSON.parse(text);
// A report with one wrong cell: what a form sends while its user is typing.
const wrong = JSON.parse(text);
wrong.applications.results.granted.natural = 1290;
const wrongText = JSON.stringify(wrong);

console.log(
  `report: ${text.length} bytes of JSON (2021 layout, every cell filled); load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}\n`,
);
const full = rate('validateJson, consistent report', () => validateJson(text));
rate('validateJson, one wrong cell', () => validateJson(wrongText));
// The same text as UTF-8 bytes (a Buffer read from a file): no string to encode on the way in.
const bytes = readFileSync(new URL('tests/fixtures/consistent-2024.json', root));
const wrongBytes = Buffer.from(wrongText);
rate('validateJson bytes, consistent report', () => validateJson(bytes));
rate('validateJson bytes, one wrong cell', () => validateJson(wrongBytes));
rate('validate (object), consistent report', () => validate(object));
rate('validate (object), one wrong cell', () => validate(wrong));
const lite = rate('lite validateJson, consistent report', () => validateJsonLite(text));
rate('lite validate, partial form (one row)', () =>
  validateLite({ year: 2024, applications: { received: object.applications.received } }, { partial: true }),
);

// The goal is for a JS string (what a caller holding JSON text has), by the median window.
const verdict = (r) => (r >= 50_000 ? 'met' : 'NOT met');
console.log(`  goal ≥ 50,000 validateJson/s (string, median): full ${verdict(full)}, lite ${verdict(lite)}`);

console.log('\nsizes (gzip -9):');
const validators = validatorSizes();
for (const { files } of Object.values(validators)) {
  for (const { file, raw, gzipped } of files) {
    console.log(`  ${file.padEnd(30)} ${String(raw).padStart(8)} B raw ${String(gzipped).padStart(8)} B gzipped`);
  }
}
for (const [k, v] of Object.entries(validators))
  console.log(`  ${k} validator (wasm + glue): ${(v.gzipped / 1024).toFixed(1)} KB gzipped`);
// The goal is for what a form page downloads: the validator alone, the lite build (the test run
// fails above it: tests/node/size.test.mjs).
const goal = liteGoal(validators.lite);
console.log(
  `  goal ≤ ${goal.goal / 1024} KB for the validator (lite): ${goal.met ? 'met' : 'NOT met'}, ${goal.spare} B to spare`,
);
// For comparison, what a bundling page ships: the lite entry with its API wrapper and the
// jsonSchema() builder, minified into one file with the glue, plus the wasm.
const { buildSync } = await import('esbuild');
const bundle = buildSync({
  entryPoints: [fileURLToPath(new URL('js/lite.browser.mjs', root))],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2020',
  write: false,
}).outputFiles[0].contents;
const bundled =
  gzipSync(bundle, { level: 9 }).length + validators.lite.files.find((f) => f.file.endsWith('.wasm')).gzipped;
console.log(
  `  lite entry bundled by esbuild (minified JS + wasm): ${bundled} B gzipped (${(bundled / 1024).toFixed(1)} KB)`,
);
