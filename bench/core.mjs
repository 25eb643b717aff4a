// Core benchmark: validations per second of `validate` (object) and `validateJson` (text) for a
// realistic report, and the gzipped size of each build's .wasm and JS glue. Prints the numbers
// and whether the goals hold: ≥ 50,000 validateJson/s, whole validator < 60 KB gzipped.
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { validate, validateJson } from 'xxgknb';
import { validate as validateLite, validateJson as validateJsonLite } from 'xxgknb/lite';
import { rate } from './rate.mjs';

const root = new URL('../', import.meta.url);
const text = readFileSync(new URL('tests/fixtures/consistent-2024.json', root), 'utf8');
const object = JSON.parse(text);
// A report with one wrong cell: what a form sends while its user is typing.
const wrong = JSON.parse(text);
wrong.applications.results.granted.natural = 1290;
const wrongText = JSON.stringify(wrong);

console.log(`report: ${text.length} bytes of JSON (2021 layout, every cell filled); load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
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
rate('lite validate, partial form (one row)', () => validateLite({ year: 2024, applications: { received: object.applications.received } }, { partial: true }));

// The goal is for a JS string (what a caller holding JSON text has), by the median window.
const verdict = (r) => (r >= 50_000 ? 'met' : 'NOT met');
console.log(`  goal ≥ 50,000 validateJson/s (string, median): full ${verdict(full)}, lite ${verdict(lite)}`);

console.log('\nsizes (gzip -9):');
let total = {};
const gzipped = {}; // by path
for (const [flavour, dir, name] of [['full', 'pkg/', 'xxgknb'], ['lite', 'pkg/lite/', 'xxgknb_lite']]) {
  for (const f of [`${name}_bg.wasm`, `${name}.js`]) {
    const buf = readFileSync(new URL(dir + f, root));
    const gz = (gzipped[dir + f] = gzipSync(buf, { level: 9 }).length);
    total[flavour] = (total[flavour] ?? 0) + gz;
    console.log(`  ${(dir + f).padEnd(24)} ${String(statSync(new URL(dir + f, root)).size).padStart(8)} B raw ${String(gz).padStart(8)} B gzipped`);
  }
}
for (const [k, v] of Object.entries(total)) console.log(`  ${k} validator (wasm + glue): ${(v / 1024).toFixed(1)} KB gzipped`);
// The goal is for what a form page downloads: the validator alone, the lite build.
console.log(`  goal < 60 KB for the validator (lite): ${total.lite < 60 * 1024 ? 'met' : 'NOT met'}, ${60 * 1024 - total.lite} B to spare`);
// For comparison, what a bundling page ships: the lite entry with its API wrapper and the
// jsonSchema() builder, minified into one file with the glue, plus the wasm.
const { buildSync } = await import('esbuild');
const bundle = buildSync({
  entryPoints: [fileURLToPath(new URL('js/lite.browser.mjs', root))],
  bundle: true, minify: true, format: 'esm', target: 'es2020', write: false,
}).outputFiles[0].contents;
const bundled = gzipSync(bundle, { level: 9 }).length + gzipped['pkg/lite/xxgknb_lite_bg.wasm'];
console.log(`  lite entry bundled by esbuild (minified JS + wasm): ${bundled} B gzipped (${(bundled / 1024).toFixed(1)} KB)`);
