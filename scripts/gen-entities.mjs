#!/usr/bin/env node
// Generates src/readers/entities.rs, the HTML named character references the tokenizer
// binary-searches, from the WHATWG list. There is no web download on the build machines, so the
// list is read from a file: the WHATWG `entities.json` (https://html.spec.whatwg.org/entities.json)
// when you have one, or by default html5lib's `namedEntities.test` in ../shared/testsuites, which
// html5lib generates from that same list (one test per name with its `;`, one per legacy name
// without). The output is sorted by bytes, as the binary search needs.
//
//   node scripts/gen-entities.mjs [list] [--check]
//
// --check compares instead of writing and exits 1 on a difference (tests/node/entities.test.mjs
// makes the same comparison in the test run, so that the table cannot drift from its generator).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const target = fileURLToPath(new URL('src/readers/entities.rs', root));
const args = process.argv.slice(2);
const check = args.includes('--check');
const source =
  args.find((a) => !a.startsWith('--')) ??
  fileURLToPath(new URL('../shared/testsuites/html5lib-tokenizer/namedEntities.test', root));

/** name (with its `;` when it has one) → characters, from either kind of list. */
export function readList(text) {
  const json = JSON.parse(text);
  const map = new Map();
  if (Array.isArray(json.tests)) {
    // html5lib: "Named entity: NAME with a semi-colon" / "… without a semi-colon"; the "Bad
    // named entity" tests are the names that need their `;`.
    for (const t of json.tests) {
      const m = /^Named entity: (\S+) (with|without) a semi-colon$/.exec(t.description);
      if (!m) continue;
      if (t.output.length !== 1 || t.output[0][0] !== 'Character' || t.input !== `&${m[1]}`) {
        throw new Error(`gen-entities: unexpected test for ${m[1]}: ${JSON.stringify(t)}`);
      }
      map.set(m[1], t.output[0][1]);
    }
  } else {
    // WHATWG: { "&AElig": { "codepoints": [198], "characters": "Æ" }, "&AElig;": … }
    for (const [key, v] of Object.entries(json)) map.set(key.replace(/^&/, ''), v.characters);
  }
  return map;
}

/** The Rust source for the table, packed into lines shorter than 100 columns. */
export function render(map) {
  const names = [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)); // ASCII: bytes
  const legacy = names.filter((n) => !n.endsWith(';')).length;
  const esc = (s) => [...s].map((c) => `\\u{${c.codePointAt(0).toString(16)}}`).join('');
  const items = names.map((n) => `("${n}", "${esc(map.get(n))}"),`);
  const lines = [];
  let line = '   ';
  for (const item of items) {
    if (line.length + 1 + item.length >= 100) {
      lines.push(line);
      line = '   ';
    }
    line += ' ' + item;
  }
  lines.push(line);
  const count = names.length.toLocaleString('en-US');
  return `//! The named character references of HTML (the WHATWG list, ${count} names), for the readers'
//! tokenizer. Generated from the list; sorted by bytes for a binary search. The ${legacy} names that
//! also work without the closing \`;\` (\`&nbsp\`, \`&amp\`, …) are listed both ways, as the list does.

#[rustfmt::skip]
pub static ENTITIES: &[(&str, &str)] = &[
${lines.join('\n')}
];
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = render(readList(readFileSync(source, 'utf8')));
  if (check) {
    if (readFileSync(target, 'utf8') !== out) {
      console.error(`gen-entities: ${target} differs from what ${source} generates; run node scripts/gen-entities.mjs`);
      process.exit(1);
    }
    console.log(`gen-entities: ${target} is what ${source} generates`);
  } else {
    writeFileSync(target, out);
    console.log(`gen-entities: wrote ${target}`);
  }
}
