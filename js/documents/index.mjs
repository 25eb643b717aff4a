// `parseFile` and `checkFile`: the bytes of a downloaded report (PDF, DOCX, DOC/WPS, or the text,
// HTML and JSON that `parse` reads) into the model, asynchronously, because PDF.js is. The kind
// is told by the bytes' signature. Each format becomes what a core reader already reads: PDF →
// text laid out by position, DOCX → an HTML table grid, DOC → tab-separated text. Diagnostics
// then point into the file (PDF page and position, DOCX table, row and cell), not into that
// intermediate text. A file that cannot be read gives one diagnostic saying why, never an empty
// report that looks valid.
import { signature, isEncryptedOle } from './detect.mjs';
import { problemDiagnostic } from './problems.mjs';
import { readPdf } from './pdf.mjs';
import { readDocx } from './docx.mjs';
import { readDoc } from './doc.mjs';
import { pdfLocation, docxLocation } from './locations.mjs';
/** @import { Diagnostic, FileKind, Location, Report, ValidateOptions, ValidationResult } from '../types.js' */
/** @import { Problem } from './problems.mjs' */

/**
 * Where a place finds the document libraries (env.node.mjs, env.browser.mjs).
 * @typedef {object} Env
 * @property {() => Promise<import('./pdf.mjs').PdfLib>} loadPdf
 * @property {() => Promise<typeof import('fflate')>} loadZip
 * @property {() => Promise<import('./docx.mjs').XmlReader>} loadXml
 * @property {() => Promise<typeof import('word-extractor')>} [loadWordExtractor]  Node only
 */
/** @typedef {{ maxBytes: number, maxPages: number, maxInflated: number }} Limits */
/**
 * How a result's locations map back into the file: the PDF's layout lines, or the DOCX's cells.
 * @typedef {{ pdf: import('./layout.mjs').LineInfo[], docx?: undefined } | { docx: Record<string, import('./locations.mjs').DocxPlace>, pdf?: undefined }} Locate
 */
/**
 * A file read into what a core reader takes (`coreKind`; none: the core detects it), or why it
 * could not be read.
 * @typedef {{ kind: FileKind | null, input: string | Uint8Array, coreKind?: 'json' | 'html' | 'text', locate?: Locate, problem?: undefined }} Readable
 * @typedef {{ kind: FileKind, problem: Problem }} Unreadable
 */

/** @type {readonly unknown[]} */
const KINDS = ['json', 'html', 'text', 'pdf', 'docx', 'doc'];

/** Limits that keep one malformed file from taking a batch's memory or time.
 * @type {Readonly<Limits>} */
export const DEFAULT_LIMITS = Object.freeze({
  maxBytes: 100 * 1048576,
  maxPages: 300,
  maxInflated: 64 * 1048576,
});

/** @param {unknown} v */
function describe(v) {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing (undefined)';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? `an object (${Object.prototype.toString.call(v).slice(8, -1)})` : `a ${typeof v}`;
}

/** @param {unknown} v @returns {v is Uint8Array} */
const isBytes = (v) =>
  v instanceof Uint8Array || (ArrayBuffer.isView(v) && Object.prototype.toString.call(v) === '[object Uint8Array]');

/** @param {unknown} input @param {string} func @returns {Promise<string | Uint8Array>} */
async function bytesOf(input, func) {
  if (typeof input === 'string' || isBytes(input)) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (typeof Blob !== 'undefined' && input instanceof Blob) return new Uint8Array(await input.arrayBuffer());
  throw new Error(
    `${func}: expected the file's bytes (a Uint8Array such as a Buffer, an ArrayBuffer or a Blob/File) or its text, got ${describe(input)}`,
  );
}

/**
 * The options of `parseFile`/`checkFile` split: the core's (checked by the core), the kind, the limits.
 * @param {unknown} options @param {string} func
 * @returns {{ core: Record<string, unknown>, kind: FileKind | null, limits: Limits }}
 */
export function splitOptions(options, func) {
  if (options === undefined || options === null) return { core: {}, kind: null, limits: DEFAULT_LIMITS };
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new Error(`${func}: options must be an object, got ${describe(options)}`);
  }
  const { kind = null, limits = null, ...core } = /** @type {Record<string, unknown>} */ (options);
  if (kind !== null && !KINDS.includes(kind)) {
    throw new Error(
      `options.kind: expected one of ${KINDS.map((k) => `"${k}"`).join(', ')}, got ${JSON.stringify(kind) ?? describe(kind)}`,
    );
  }
  if (limits !== null && (typeof limits !== 'object' || Array.isArray(limits))) {
    throw new Error(`options.limits: expected an object like { maxPages: 100 }, got ${describe(limits)}`);
  }
  /** @type {Limits} */
  const merged = { ...DEFAULT_LIMITS };
  for (const [k, v] of Object.entries(limits ?? {})) {
    if (!(k in DEFAULT_LIMITS))
      throw new Error(`options.limits.${k}: unknown limit (known: ${Object.keys(DEFAULT_LIMITS).join(', ')})`);
    if (typeof v !== 'number' || !(v > 0))
      throw new Error(`options.limits.${k}: expected a positive number, got ${describe(v)}`);
    merged[/** @type {keyof Limits} */ (k)] = v;
  }
  return { core, kind: /** @type {FileKind | null} */ (kind), limits: merged };
}

/**
 * What the bytes hold, read into what a core reader takes: plain data (it crosses threads in
 * the CLI). `locate` says how diagnostics map back into the file (see relocate).
 * @param {string | Uint8Array} bytes @param {FileKind | null} kind @param {Limits} limits @param {Env} env
 * @returns {Promise<Readable | Unreadable>}
 */
export async function extractFile(bytes, kind, limits, env) {
  const sig = typeof bytes === 'string' ? null : signature(bytes);
  const k = kind ?? (sig === 'pdf' ? 'pdf' : sig === 'zip' ? 'docx' : sig === 'ole' ? 'doc' : null);
  if (k === null || k === 'json' || k === 'html' || k === 'text')
    return { kind: k, input: bytes, coreKind: k ?? undefined };
  if (typeof bytes === 'string')
    return {
      kind: k,
      problem: {
        reason: k === 'pdf' ? 'pdf-damaged' : k === 'docx' ? 'zip-damaged' : 'doc-damaged',
        detail: "text given, not the file's bytes",
      },
    };
  if (bytes.length > limits.maxBytes)
    return { kind: k, problem: { reason: 'file-size', detail: { size: bytes.length, limit: limits.maxBytes } } };
  if (k === 'pdf') {
    const r = await readPdf(bytes, { load: env.loadPdf, maxPages: limits.maxPages });
    if (r.problem) return { kind: k, problem: r.problem };
    return { kind: k, input: r.text, coreKind: 'text', locate: { pdf: r.lines } };
  }
  if (k === 'docx') {
    if (sig === 'ole')
      return {
        kind: k,
        problem: { reason: isEncryptedOle(bytes) ? 'ole-encrypted' : 'zip-damaged', detail: 'not a ZIP' },
      };
    const r = await readDocx(bytes, { zip: env.loadZip, xml: env.loadXml, maxInflated: limits.maxInflated });
    if (r.problem) return { kind: k, problem: r.problem };
    return { kind: k, input: r.html, coreKind: 'html', locate: { docx: r.cells } };
  }
  // doc: Word 97–2003 and WPS, or a password-protected DOCX (also an OLE file).
  if (isEncryptedOle(bytes)) return { kind: k, problem: { reason: 'ole-encrypted' } };
  if (!env.loadWordExtractor) return { kind: k, problem: { reason: 'doc-here' } };
  const r = await readDoc(bytes, { extractor: env.loadWordExtractor });
  if (r.problem) return { kind: k, problem: r.problem };
  return { kind: k, input: r.text, coreKind: 'text' };
}

/** A result's locations (its diagnostics', and its `locations` when asked for) moved from the
 * text the core read into the file, in place.
 * @param {{ diagnostics: Diagnostic[], locations?: Record<string, Location> }} result
 * @param {Locate | undefined} locate
 */
export function relocate(result, locate) {
  if (!locate) return;
  /** @type {(loc: Location) => Location} */
  let map;
  if (locate.pdf) {
    const lines = locate.pdf;
    map = (loc) => pdfLocation(loc, lines);
  } else {
    const cells = locate.docx;
    map = (loc) => docxLocation(loc, cells);
  }
  for (const d of result.diagnostics) if (d.location) d.location = map(d.location);
  if (result.locations) for (const [path, loc] of Object.entries(result.locations)) result.locations[path] = map(loc);
}

/**
 * @param {Pick<import('../api.mjs').FullApi, 'parse' | 'check'>} api  the full build's synchronous functions
 * @param {Env} env
 */
export function makeFileApi(api, env) {
  /** @param {'parseFile' | 'checkFile'} func @param {unknown} input @param {unknown} options @returns {Promise<any>} */
  async function run(func, input, options) {
    const { core, kind, limits } = splitOptions(options, func);
    const bytes = await bytesOf(input, func);
    const got = await extractFile(bytes, kind, limits, env);
    /** @type {(input: string | Uint8Array, options: object) => any} */
    const call = func === 'parseFile' ? api.parse : api.check;
    if (got.problem) {
      // The core still checks the options (a typo throws as it does in `parse`), and says what
      // an empty document gives when the caller turned the problem's rule off.
      const empty = call('', { ...core, kind: 'text' });
      // Checked by the core just now.
      const d = problemDiagnostic(got.problem, /** @type {ValidateOptions} */ (core));
      if (d === null) return { ...empty, kind: got.kind };
      // Nothing read, so no cell was read anywhere.
      const none = 'locations' in empty ? { locations: {} } : {};
      if (func === 'parseFile') return { report: empty.report, diagnostics: [d], ...none, kind: got.kind };
      const errors = d.severity === 'error' ? 1 : 0;
      /** @type {ValidationResult & { report?: Report }} */
      const result = {
        valid: errors === 0,
        format: empty.format,
        year: null,
        errorCount: errors,
        warningCount: d.severity === 'warning' ? 1 : 0,
        diagnostics: [d],
      };
      if ('report' in empty) result.report = empty.report;
      return { ...result, ...none, kind: got.kind };
    }
    const result = call(got.input, got.coreKind ? { ...core, kind: got.coreKind } : core);
    relocate(result, got.locate);
    return { ...result, kind: got.kind ?? detectText(bytes) };
  }
  return {
    /** @param {unknown} input @param {unknown} [options] */
    parseFile: (input, options) => run('parseFile', input, options),
    /** @param {unknown} input @param {unknown} [options] */
    checkFile: (input, options) => run('checkFile', input, options),
  };
}

/** The kind of text the core read when none was given: the same test as the core's.
 * @param {string | Uint8Array} input @returns {FileKind} */
function detectText(input) {
  const head = (
    typeof input === 'string' ? input.slice(0, 8192) : new TextDecoder().decode(input.subarray(0, 8192))
  ).replace(/^[\s\ufeff]+/, '');
  if (head.startsWith('{')) return 'json';
  return /<(?:html|!doctype|table|body|p[ >]|div|td)/i.test(head) || (head.startsWith('<') && head.includes('>'))
    ? 'html'
    : 'text';
}
