// Benchmark of copied-report (js/cli/batch.mjs) on a generated set: 10,000 reports of four
// years (2,500 issuers a year, each with its own prose), one of them a copy of another issuer's
// report of the same year with the name and the figures changed. Prints the time to sign every
// report (the workers' share, here on one thread), the time to find the copies (the main
// thread's), how many pairs the bands let through to be compared, and whether the planted
// copy, and only it, was found.
//
//   node bench/batch.mjs [--count 10000]

import { parseArgs } from 'node:util';
import { makeReport } from '../tests/cli/fixtures/generate.mjs';
import { signature, findCopies, Signatures } from '../js/cli/batch.mjs';

const { values: opt } = parseArgs({ options: { count: { type: 'string', default: '10000' } } });
const count = Number(opt.count);

const t0 = performance.now();
const reports = [];
for (let i = 0; i < count; i++) {
  reports.push(makeReport({ issuer: `示例市第${Math.floor(i / 4) + 1}号单位`, year: 2021 + (i % 4), seed: i + 1 }));
}
// The copy: the last report takes the prose of report 8 (same year: 8 % 4 === (count - 4) % 4).
const source = 8;
const copy = count - 4;
reports[copy].sections = structuredClone(reports[source].sections);
const generated = performance.now() - t0;

const t1 = performance.now();
const sigs = new Signatures(count);
for (let i = 0; i < count; i++) sigs.set(i, signature(reports[i].sections));
const signed = performance.now() - t1;

const ledger = {
  year: new Int32Array(reports.map((r) => r.year)),
  keys: new Map(reports.map((r, i) => [i, r.issuer])),
};
const t2 = performance.now();
const found = findCopies(ledger, sigs);
const searched = performance.now() - t2;

const pairs = [...found.entries()].flatMap(([i, list]) =>
  list.filter((c) => c.other > i).map((c) => [i, c.other, c.similarity]),
);
const planted = pairs.some(([i, j]) => i === source && j === copy);
console.log(`reports: ${count} (${(generated / 1000).toFixed(1)} s to generate)`);
console.log(`signatures: ${signed.toFixed(0)} ms on one thread (${((signed * 1000) / count).toFixed(1)} µs a report)`);
console.log(
  `copies found in ${searched.toFixed(0)} ms: ${pairs.length} pair(s) ${JSON.stringify(pairs.map(([i, j, s]) => [i, j, Math.round(s * 100)]))}`,
);
console.log(
  `planted copy ${source} → ${copy} found: ${planted ? 'yes' : 'NO'}; other pairs: ${pairs.length - (planted ? 1 : 0)}`,
);
console.log(
  `goal: 10,000 reports in seconds, not hours: ${(signed + searched) / 1000 < 10 ? 'met' : 'NOT met'} (${((signed + searched) / 1000).toFixed(2)} s)`,
);
