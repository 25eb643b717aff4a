// Issue 18: checking a real portal page against the HTML parser Node developers use. Prints, in
// one run on the same pages, `check()` per second (read the report out of the page and validate
// it) next to parse5's bare `parse()` (only builds the DOM), and their ratio. Goal: check() at
// least 3 × parse5. Pages: bench/portal-pages.mjs (page chrome around a Word-exported report).
// Then the same from the pages' bytes (what a file read gives), for information: the goal is
// the first ratio, on strings.
//
//   node bench/portal.mjs [--pages 40]

import os from 'node:os';
import { parseArgs } from 'node:util';
import { parse as parse5 } from 'parse5';
import { check, parse } from 'xxgknb';
import { portalPage } from './portal-pages.mjs';
import { rates } from './rate.mjs';

const { values: opt } = parseArgs({ options: { pages: { type: 'string', default: '40' } } });
const pages = Array.from({ length: Number(opt.pages) }, (_, i) =>
  portalPage(i + 1, { format: i % 5 === 4 ? '2019' : '2021' }),
);
const bytes = pages.reduce((n, p) => n + Buffer.byteLength(p), 0);
const bad = pages.filter((p) => !check(p).valid).length;
console.log(
  `${pages.length} portal pages, ${(bytes / pages.length / 1024).toFixed(1)} KB each on average (UTF-8), ${bad} read with errors; load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}\n`,
);

// The same pages as the bytes a file or a download gives: a Node script or the CLI starts
// there, and each parser does its own decoding (parse5 a string made of them, xxgknb the UTF-8).
const files = pages.map((p) => Buffer.from(p));
let k = 0;
const next = () => pages[k++ % pages.length];
const nextFile = () => files[k++ % files.length];
const [dom, , checked, , withReport, domFromFile, checkedFromFile] = rates([
  ['parse5 parse() (DOM only)', () => parse5(next())],
  ['xxgknb parse() (read the report)', () => parse(next())],
  ['xxgknb check() (read and validate)', () => check(next())],
  ['xxgknb check(), report: false', () => check(next(), { report: false })],
  // check() parses the report it returns when it is first read (js/api.mjs): the cost of reading it.
  ['xxgknb check(), then its .report read', () => check(next()).report],
  ['bytes: parse5 parse(buf.toString())', () => parse5(nextFile().toString())],
  ['bytes: xxgknb check(buf)', () => check(nextFile())],
]);
const ratio = checked / dom;
console.log(`\ncheck() / parse5 parse(): ${ratio.toFixed(2)} × (goal ≥ 3: ${ratio >= 3 ? 'met' : 'not met'})`);
console.log(`with the report read as well: ${(withReport / dom).toFixed(2)} ×`);
console.log(`from the bytes, each decoding them: ${(checkedFromFile / domFromFile).toFixed(2)} ×`);
