// PDF, DOCX and DOC/WPS files in `xxgknb check`. Each is read (PDF.js, fflate, word-extractor)
// in a reader thread of its own, one file at a time, with a time limit and a cap on its heap:
// a malformed PDF that loops or balloons is stopped, reported on its file, and the batch goes
// on with a fresh reader. The text or HTML read comes back and the core checks it here, as it
// checks any other file; diagnostics then point into the file (PDF page and position, DOCX
// table, row and cell).
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { signature } from '../documents/detect.mjs';
import { relocate, DEFAULT_LIMITS } from '../documents/index.mjs';
import { problemDiagnostic } from '../documents/problems.mjs';
/** @import { Checked, CheckOptions } from './process.mjs' */
/** @import { Problem } from '../documents/problems.mjs' */
/** @typedef {'pdf' | 'docx' | 'doc'} DocumentKind */
/**
 * What the reader thread answers (document-reader.mjs), or what stands for its answer when it
 * failed or was stopped: the file read, why it could not be, or the error it threw.
 * @typedef {(import('../documents/index.mjs').Readable & { id?: number, error?: undefined })
 *   | { id?: number, kind?: DocumentKind, problem: Problem, error?: undefined }
 *   | { id?: number, error: string, problem?: undefined }} ReaderAnswer
 * @typedef {{ worker: Worker, pending: { id: number, resolve: (answer: ReaderAnswer) => void } | null }} Reader
 */

/** @type {Map<string, DocumentKind>} */
export const DOCUMENT_EXTENSIONS = new Map([
  ['.pdf', 'pdf'],
  ['.docx', 'docx'],
  ['.doc', 'doc'],
  // WPS Office's own word-processing files are OLE files like .doc.
  ['.wps', 'doc'],
]);

/** @type {Record<string, DocumentKind>} */
const SIGNATURE_KINDS = { pdf: 'pdf', zip: 'docx', ole: 'doc' };

// Per file. Overridable from the environment for tests and for unusual batches.
/** @param {string} name @param {number} dflt */
const envNumber = (name, dflt) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : dflt;
};
export const TIME_LIMIT_MS = envNumber('XXGKNB_DOCUMENT_TIMEOUT_MS', 60_000);
export const HEAP_LIMIT_MB = envNumber('XXGKNB_DOCUMENT_HEAP_MB', 1024);

/** The document kind a file's name says (its extension; `-`, standard input, says none), or null.
 * @param {string} file @returns {DocumentKind | null} */
export function documentKindByName(file) {
  return file === '-' ? null : (DOCUMENT_EXTENSIONS.get(path.extname(file).toLowerCase()) ?? null);
}

/** The document kind of a file, from its first bytes (names lie: a DOCX saved as .doc), else
 * from its extension (a .pdf that holds no PDF is then said to be none); null for text files.
 * @param {string} file @param {Uint8Array} bytes @returns {DocumentKind | null} */
export function documentKind(file, bytes) {
  return SIGNATURE_KINDS[signature(bytes) ?? ''] ?? documentKindByName(file); // '': no signature, no kind
}

const READER_URL = new URL('./document-reader.mjs', import.meta.url);

/** @type {Reader | null} */
let reader = null; // { worker, waiting: Map<id, resolve> }
let nextId = 0;
let queue = Promise.resolve();

/** @returns {Reader} */
function startReader() {
  const worker = new Worker(READER_URL, { resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB } });
  /** @type {Reader} */
  const r = { worker, pending: null };
  /** @param {Problem} problem */
  const fail = (problem) => {
    if (reader === r) reader = null;
    const p = r.pending;
    r.pending = null;
    p?.resolve({ problem });
  };
  worker.on('message', (msg) => {
    const p = r.pending;
    if (!p || msg.id !== p.id) return;
    r.pending = null;
    worker.unref();
    p.resolve(msg);
  });
  worker.on('error', (/** @type {any} */ err) => {
    fail(
      err?.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? { reason: 'memory', detail: { mb: HEAP_LIMIT_MB } }
        : { reason: 'pdf-damaged', detail: String(err?.message ?? err) },
    );
  });
  worker.on('exit', () => fail({ reason: 'memory', detail: { mb: HEAP_LIMIT_MB } }));
  worker.unref();
  return r;
}

/** Read one document in the reader thread; at most one at a time, each with its own clock.
 * @param {Uint8Array} bytes @param {DocumentKind} kind @returns {Promise<ReaderAnswer>} */
function read(bytes, kind) {
  // A copy the reader owns, made now: the caller's buffer is reused for the next file, which
  // is read before this job's turn comes (copied at its turn, a document followed by another
  // file in a worker's batch was read with that file's bytes).
  const copy = new Uint8Array(bytes);
  const job = queue.then(
    () =>
      new Promise((/** @type {(answer: ReaderAnswer) => void} */ resolve) => {
        reader ??= startReader();
        const r = reader;
        const id = ++nextId;
        const timer = setTimeout(() => {
          if (r.pending?.id !== id) return;
          r.pending = null;
          if (reader === r) reader = null;
          r.worker.terminate();
          resolve({ problem: { reason: 'timeout', detail: { seconds: Math.round(TIME_LIMIT_MS / 100) / 10 } } });
        }, TIME_LIMIT_MS);
        r.pending = {
          id,
          resolve: (v) => {
            clearTimeout(timer);
            resolve(v);
          },
        };
        r.worker.ref();
        r.worker.postMessage({ id, bytes: copy, kind, limits: DEFAULT_LIMITS }, [copy.buffer]);
      }),
  );
  queue = job.then(
    () => {},
    () => {},
  );
  return job;
}

/**
 * Check one document: what `checkFile` of process.mjs returns, asynchronously.
 * @param {import('./core.mjs').Core} core
 * @param {{ path: string, bytes: Uint8Array }} file
 * @param {DocumentKind} kind
 * @param {CheckOptions} opts
 * @param {{ reportParts: string[], carryOf: typeof import('./process.mjs').carryOf }} reading
 *   the parts of the report the CLI reads, and what it keeps of them (see process.mjs)
 * @returns {Promise<Checked>}
 */
export async function checkDocument(core, { path: file, bytes }, kind, opts, { reportParts, carryOf }) {
  const got = await read(bytes, kind);
  if (got.error !== undefined) throw new Error(got.error);
  const docKind = got.kind ?? kind;
  if (got.problem) {
    // Its rule is on: the CLI turns no rules off.
    const d = /** @type {import('../types.js').Diagnostic} */ (problemDiagnostic(got.problem, { locale: opts.locale }));
    /** @type {import('./process.mjs').FileResult} */
    const result = {
      path: file,
      kind: docKind,
      encoding: null,
      issuer: null,
      valid: false,
      format: null,
      year: null,
      errorCount: 1,
      warningCount: 0,
      diagnostics: [d],
    };
    // Stopped by the time or memory limit: the tool, not the report, could not finish.
    return { result, carry: null, trouble: got.problem.reason === 'timeout' || got.problem.reason === 'memory' };
  }
  const { report, locations, ...rest } = core.check(got.input, {
    kind: got.coreKind,
    locale: opts.locale,
    report: reportParts,
    locations: true,
  });
  relocate({ diagnostics: rest.diagnostics, locations }, got.locate);
  // A rule's finding at a cell (a wrong total) is shown where that cell is in the file; one at
  // a row or a table, where the first cell it read is.
  for (const d of rest.diagnostics) {
    if (d.location || !locations) continue;
    const at = [d.path, ...d.related].find((p) => locations[p]);
    if (at) d.location = locations[at];
  }
  const issuer = typeof report?.issuer === 'string' && report.issuer.trim() ? report.issuer.trim() : null;
  /** @type {import('./process.mjs').FileResult} */
  const result = { path: file, kind: docKind, encoding: null, issuer, ...rest };
  if (result.year == null && Number.isInteger(report?.year)) result.year = /** @type {number} */ (report?.year);
  return { result, carry: carryOf(report, result), trouble: false };
}
