// Documents benchmark: PDF, DOCX and DOC files read and checked per second by `checkFile`, in
// one thread (PDF.js runs on it in Node), after a warm-up; the corpus PDFs when ../shared is
// there, else the fixtures. Goals: a 5–8 page report PDF read and checked in < 100 ms on one
// core (≥ 10/s), DOCX ≥ 200/s. Also: what the full browser entry loads before a file is read,
// and that the lite bundle holds none of the document readers.
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { checkFile } from 'xxgknb';

const root = new URL('../', import.meta.url);
const fixture = (f) => fileURLToPath(new URL(`tests/fixtures/documents/${f}`, root));
const corpus = fileURLToPath(new URL('../shared/corpus/pdf/', root));

/** The median of some milliseconds. @param {number[]} t */
const medianOf = (t) => [...t].sort((a, b) => a - b)[t.length >> 1];

/**
 * Median and best milliseconds per file (CPU time too) over `ms` of repeated runs, once the
 * process is warm: the goal is a rate (files a second on a core), what a folder of files gets.
 * The first reads of a process are slower (V8 compiles PDF.js and the core as they run: a PDF
 * took 160–600 ms in its first three reads and about 100 ms until its thirtieth), so the first
 * WARM reads are not in the rate and are printed apart.
 */
const WARM = 30;
async function measure(label, bytes, goal, ms = 3000) {
  const first = [];
  for (let i = 0; i < WARM; i++) {
    const t = performance.now();
    await checkFile(bytes);
    first.push(performance.now() - t);
  }
  const times = [];
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  while (performance.now() - start < ms || times.length < 5) {
    const t = performance.now();
    const r = await checkFile(bytes, { report: false });
    times.push(performance.now() - t);
    if (r.diagnostics.some((d) => d.rule === 'unreadable-document')) throw new Error(`${label}: not read`);
  }
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  const median = times[times.length >> 1];
  const cpuPer = (cpu.user + cpu.system) / 1000 / times.length;
  const verdict = goal ? `  goal ${goal.text}: ${goal.ok(median) ? 'met' : 'NOT met'}` : '';
  console.log(
    `${label.padEnd(36)} ${median.toFixed(1).padStart(7)} ms median (${(1000 / median).toFixed(0).padStart(4)}/s), best ${times[0].toFixed(1)} ms, CPU ${cpuPer.toFixed(1)} ms/file${verdict}`,
  );
  console.log(
    `${''.padEnd(36)} (its first ${WARM} reads in this process: median ${medianOf(first).toFixed(1)} ms, first ${first[0].toFixed(0)} ms)`,
  );
}

// The bench pins nothing itself: the PDF goal is for one core, which only the caller can set.
const load = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');
const cores = os.availableParallelism();
const pin = cores > 1 ? ' (the PDF goal is on one core: taskset -c 0 node bench/documents.mjs)' : '';
console.log(`load average ${load}; cores this process may run on: ${cores}${pin}\n`);
const t0 = performance.now();
await checkFile(readFileSync(fixture('template-2024.pdf')));
console.log(`first PDF in a fresh process (PDF.js loaded): ${(performance.now() - t0).toFixed(0)} ms\n`);

const pdfGoal = { text: '< 100 ms', ok: (m) => m < 100 };
const pdfs = existsSync(corpus)
  ? ['huaian-city-2024.pdf', 'hongze-district-2023.pdf', 'hongze-district-2024.pdf'].map((f) => [
      f,
      readFileSync(corpus + f),
    ])
  : [];
if (!pdfs.length) console.log('(../shared/corpus/pdf absent: the fixtures only)');
pdfs.push(['template-2024.pdf (LibreOffice)', readFileSync(fixture('template-2024.pdf'))]);
for (const [name, bytes] of pdfs) await measure(`PDF ${name}`, bytes, pdfGoal);
await measure('DOCX template-2024.docx', readFileSync(fixture('template-2024.docx')), {
  text: '≥ 200/s',
  ok: (m) => 1000 / m >= 200,
});
await measure('DOC template-2024.doc', readFileSync(fixture('template-2024.doc')));

// What a page pays: the browser entry bundled with its lazy chunks apart, and the lite bundle.
const { buildSync } = await import('esbuild');
const bundle = (entry, splitting) =>
  buildSync({
    entryPoints: [fileURLToPath(new URL(entry, root))],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    write: false,
    splitting,
    outdir: '/tmp/xxgknb-bench-bundle',
    metafile: true,
    external: ['pdfjs-dist', 'fflate'],
  });
const full = bundle('js/index.browser.mjs', true);
const entryOut = Object.entries(full.metafile.outputs).find(([, o]) => o.entryPoint)[1];
const lazy = Object.entries(full.metafile.outputs).filter(([, o]) => !o.entryPoint && o.bytes > 0);
console.log(
  `\nfull browser entry, bundled: ${entryOut.bytes} B before a file is read; document readers in lazy chunks: ${lazy.map(([, o]) => o.bytes).join(' + ')} B (PDF.js and fflate load on top, only then)`,
);
const lite = bundle('js/lite.browser.mjs', false);
const inLite = Object.keys(lite.metafile.inputs).filter((f) => f.includes('documents/'));
console.log(
  `lite bundle: ${Object.values(lite.metafile.outputs)[0].bytes} B JS, document readers in it: ${inLite.length ? inLite.join(', ') : 'none'}`,
);
