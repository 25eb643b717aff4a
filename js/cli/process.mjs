// One file → one result: read, decode, pick the reader, call the core. Runs in workers and
// in the main thread alike; never throws (every failure becomes a diagnostic on the file).

import fs from 'node:fs';
import { decode, sniffKind } from './decode.mjs';
import { kindFromExtension } from './discover.mjs';
import { messages } from './messages.mjs';
import { issuerKey } from './crossyear.mjs';
import { signature } from './batch.mjs';
import { documentKind, documentKindByName, checkDocument } from './documents.mjs';
import { onceOptions } from '../options-once.mjs';
/** @import { Diagnostic, FileKind, Locale, Severity, ValidationResult } from '../types.js' */

/**
 * A checked file's result, as `--format json` prints it (result.schema.json): the core's
 * result with the file's path, kind, encoding and issuer (`format` null when nothing was read), and
 * `previous`, the report of the year before it was checked against.
 * @typedef {Omit<ValidationResult, 'format'> & { path: string, kind: FileKind | null, encoding: string | null,
 *   issuer: string | null, format: string | null, previous?: string }} FileResult
 */
/**
 * What the cross-year and batch checks need of a report (see carryOf): the report the
 * cross-year rules are given.
 * @typedef {{ year: number, format: string | null, proactive?: Record<string, unknown>,
 *   applications: Record<string, unknown>, reviewLitigation?: Record<string, unknown>,
 *   sections?: Record<string, unknown> }} Carry
 */
/**
 * One file checked: its result, its carry, and whether the tool could not check it at all; or,
 * checked by the core's checkRecord (HTML and text with the full core), its record as the core
 * wrote it and the facts that go with it.
 * @typedef {{ result: FileResult, carry: Carry | null, trouble: boolean, record?: undefined }
 *   | { record: Uint8Array, facts: import('../check-record.mjs').RecordFacts, trouble: false }} Checked
 */
/**
 * A file to check, as the pool hands it to checkFile (see there).
 * @typedef {{ path: string, fsPath?: string | Uint8Array, bytes?: Uint8Array, special?: string, over?: number,
 *   limit?: number, timedOut?: number, error?: string, read?: ReadResult }} CheckInput
 */
/** @typedef {{ locale: Locale, maxBytes?: number }} CheckOptions */
/**
 * What reading a file gave (readBytes, readBytesAsync): its bytes (`buffer` the pool's buffer
 * they are in), or what kind of special file it is, its size over the limit, or the error.
 * @typedef {{ bytes?: Uint8Array, buffer?: Buffer, special?: string, over?: number, error?: any }} ReadResult
 */
/** What entryOf makes of a checked file. @typedef {ReturnType<typeof entryOf>} Entry */
/** An entry as a Packer sends it: its `index`, and `bytes` (its record's length in the block)
 * for its `json` (null). @typedef {Entry} PackedEntry */

/** The per-file size limit: the core's own default, 16 MiB (`--max-size` changes it). */
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
/** PDF and Word files carry images and fonts: their limit is at least this (their reader has
 * its own limits on pages, inflated size, time and memory). */
export const DOCUMENT_MIN_MAX_BYTES = 256 * 1024 * 1024;

/** @param {string} rule @param {Severity} severity @param {string} message @returns {Diagnostic} */
function diagnostic(rule, severity, message) {
  return { rule, severity, path: '', related: [], message };
}

/** Recounts after the CLI added its own diagnostics, so that the model's invariants hold.
 * @template {{ diagnostics: Diagnostic[], errorCount: number, warningCount: number, valid: boolean }} R
 * @param {R} result @returns {R} */
export function recount(result) {
  let errors = 0;
  let warnings = 0;
  for (const d of result.diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  result.errorCount = errors;
  result.warningCount = warnings;
  result.valid = errors === 0;
  return result;
}

/** A file's result when it could not be checked: one error, `rule`.
 * @param {string} path @param {FileKind | null} kind @param {string | null} encoding @param {string} rule
 * @param {string} message @returns {FileResult} */
function failed(path, kind, encoding, rule, message) {
  return {
    path,
    kind,
    encoding,
    issuer: null,
    valid: false,
    format: null,
    year: null,
    errorCount: 1,
    warningCount: 0,
    diagnostics: [diagnostic(rule, 'error', message)],
  };
}

/** @param {any} err what reading threw */
function ioReason(err) {
  // The code (ENOENT, EACCES, EISDIR…) is what a user can search for; the rest is noise.
  return err.code ? `${err.code}` : String(err.message ?? err);
}

/**
 * What the cross-year and batch checks need of a report: its year and format, the tables that
 * cross-year-carryover, tables-unchanged and t2-carryover compare with last year's, and the
 * prose that text-reuse compares with last year's and copied-report with other issuers' (see
 * crossyear.mjs, batch.mjs). Shaped as the report the cross-year rules are given, so that its
 * JSON in the spool goes to the core as it is.
 * @param {Record<string, any> | null} report  what the core read (any shape: a JSON file's own)
 * @param {FileResult} result
 * @returns {Carry | null}
 */
export function carryOf(report, result) {
  const apps = report?.applications;
  if (!result.issuer || !Number.isInteger(result.year) || !apps || typeof apps !== 'object') return null;
  /** @param {string} key */
  const part = (key) =>
    report[key] && typeof report[key] === 'object' && !Array.isArray(report[key]) ? report[key] : undefined;
  return {
    year: /** @type {number} */ (result.year), // an integer (above)
    format: result.format,
    proactive: part('proactive'),
    applications: apps,
    reviewLitigation: part('reviewLitigation'),
    sections: part('sections'),
  };
}

/** What the CLI reads of the report check() read: who and when (cross-year pairing), its tables
 * and prose (see carryOf). */
const REPORT_PARTS = ['/issuer', '/year', '/proactive', '/applications', '/reviewLitigation', '/sections'];

let readBuffer = Buffer.allocUnsafe(1 << 16);

/**
 * The file's bytes, in a buffer this thread reuses (valid until the next call): readFileSync
 * allocates and checks more, which showed at thousands of files. Never more than `limit`
 * bytes: a larger file gives `{ over }` (its size, or at least what was read) unread.
 * Opened without blocking, and read only when it is a regular file: a FIFO put in the file's
 * place would otherwise wait for a writer forever, and /dev/zero never end.
 * @param {string | Buffer} file @param {number} limit
 * @returns {{ special: 'fifo' | 'socket' | 'device', over?: undefined, bytes?: undefined }
 *   | { over: number, special?: undefined, bytes?: undefined } | { bytes: Buffer, special?: undefined, over?: undefined }}
 */
export function readBytes(file, limit) {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { special: st.isFIFO() ? 'fifo' : st.isSocket() ? 'socket' : 'device' };
    if (st.size > limit) return { over: st.size };
    let got = 0;
    for (;;) {
      if (got === readBuffer.length) {
        const bigger = Buffer.allocUnsafe(Math.min(readBuffer.length * 2, limit + 1));
        readBuffer.copy(bigger, 0, 0, got);
        readBuffer = bigger;
      }
      const n = fs.readSync(fd, readBuffer, got, readBuffer.length - got, null);
      if (n === 0) return { bytes: readBuffer.subarray(0, got) };
      got += n;
      if (got > limit) return { over: got }; // it grew while being read
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The same as readBytes, the file's content read without blocking the thread, so that a
 * worker on slow storage (a network drive) reads the next files while it checks this one (see
 * worker.mjs). Opening and the size are asked synchronously (cheap; each operation handed to
 * libuv's threads costs a round trip between threads); the bytes come in one read of the size
 * plus one (a short read of a regular file is its end; a full one, a file that grew, reads on).
 * Resolves to `{ bytes, buffer }`
 * (`buffer` is `pool`'s, handed back with `pool.release`), `{ special }`, `{ over }` or
 * `{ error }`; never rejects.
 * @param {string | Buffer} file @param {number} limit @param {BufferPool} pool
 * @returns {Promise<ReadResult>}
 */
export function readBytesAsync(file, limit, pool) {
  /** @type {number} */
  let fd;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return Promise.resolve({ error });
  }
  /** @param {ReadResult} result */
  const close = (result) => {
    try {
      fs.closeSync(fd);
    } catch {
      /* read already; nothing to keep */
    }
    return result;
  };
  let st;
  try {
    st = fs.fstatSync(fd);
  } catch (error) {
    return Promise.resolve(close({ error }));
  }
  if (!st.isFile())
    return Promise.resolve(close({ special: st.isFIFO() ? 'fifo' : st.isSocket() ? 'socket' : 'device' }));
  if (st.size > limit) return Promise.resolve(close({ over: st.size }));
  return new Promise((resolve) => {
    let buf = pool.take(Math.min(st.size + 1, limit + 1));
    let got = 0;
    /** @param {ReadResult} result */
    const done = (result) => {
      if (!result.bytes) pool.release(buf);
      resolve(close(result));
    };
    const more = () => {
      const want = Math.min(buf.length, limit + 1) - got;
      fs.read(fd, buf, got, want, null, (err, n) => {
        if (err) return done({ error: err });
        got += n;
        if (got > limit) return done({ over: got }); // it grew while being read
        if (n < want || n === 0) return done({ bytes: buf.subarray(0, got), buffer: buf });
        if (got === buf.length) {
          const bigger = pool.take(Math.min(buf.length * 2, limit + 1));
          buf.copy(bigger, 0, 0, got);
          pool.release(buf);
          buf = bigger;
        }
        more();
      });
    };
    more();
  });
}

/**
 * Buffers for readBytesAsync, reused: a worker has a few reads in flight, and a fresh buffer a
 * file was garbage for the collector and memory for the allocator to fragment.
 */
export class BufferPool {
  constructor(keepBytes = 1 << 20) {
    /** @type {Buffer[]} */
    this.free = [];
    this.keepBytes = keepBytes; // larger buffers are not kept
  }
  /** @param {number} size @returns {Buffer} */
  take(size) {
    const k = this.free.findIndex((b) => b.length >= size);
    if (k >= 0) return this.free.splice(k, 1)[0];
    return Buffer.allocUnsafeSlow(Math.max(size, 1 << 16));
  }
  /** @param {Buffer} buf */
  release(buf) {
    if (buf.length <= this.keepBytes && this.free.length < 8) this.free.push(buf);
  }
}

/** The result of a file whose reading or checking took longer than `ms` and was stopped.
 * @param {string} path @param {number} ms @param {string} locale @returns {Checked} */
export function timedOut(path, ms, locale) {
  const m = messages(locale);
  return {
    result: failed(path, null, null, 'time-limit', m.diag['time-limit'](Math.round(ms / 100) / 10)),
    carry: null,
    trouble: true,
  };
}

/** The size limit for a file: text files `maxBytes`, PDF and Word files more (see above).
 * @param {string} file @param {number} maxBytes */
export function limitFor(file, maxBytes) {
  return documentKindByName(file) ? Math.max(maxBytes, DOCUMENT_MIN_MAX_BYTES) : maxBytes;
}

/**
 * What the main thread needs of a checked file: the spool record as JSON text, made here (in
 * the worker) instead of cloning the result across threads and stringifying it there, and the
 * few numbers the run's totals and the cross-year pairing use.
 * `resultAt` is where the result's own JSON starts in `json` (it ends before the last `}`),
 * so that the JSON reporter can copy it out unparsed and the cross-year check read only what
 * comes before.
 * @param {Checked} checked
 */
export function entryOf(checked) {
  if (checked.record) {
    const { facts } = checked;
    return {
      index: -1, // set with bytes when packed (Packer.add)
      bytes: 0,
      json: checked.record,
      resultAt: facts.resultAt,
      errors: facts.errors,
      warnings: facts.warnings,
      infos: facts.infos,
      year: facts.year,
      key: facts.carry ? issuerKey(facts.issuer) : null,
      sig: facts.sig ? Uint32Array.from(facts.sig) : null,
      trouble: false,
      rules: facts.rules,
    };
  }
  const { result, carry, trouble } = checked;
  // The path is repeated in the head so that the cross-year check can read the head alone.
  const head = `{"carry":${JSON.stringify(carry)},"path":${JSON.stringify(result.path)},"result":`;
  let infos = 0;
  const rules = [];
  for (const d of result.diagnostics) {
    if (d.severity === 'info') infos++;
    rules.push(d.rule, d.severity);
  }
  return {
    index: -1,
    bytes: 0,
    /** @type {string | Uint8Array | null} */
    json: `${head}${JSON.stringify(result)}}`,
    resultAt: Buffer.byteLength(head), // the spool counts bytes
    errors: result.errorCount,
    warnings: result.warningCount,
    infos,
    year: Number.isInteger(result.year) ? /** @type {number} */ (result.year) : 0,
    key: carry ? issuerKey(result.issuer) : null,
    // The prose's MinHash signature, for copied-report (batch.mjs): made here, in the worker.
    sig: carry ? signature(carry.sections) : null,
    trouble,
    rules,
  };
}

const encoder = new TextEncoder();

/** checkRecord's options, one object for each set, which the core reads once (js/options-once.mjs). */
const recordOptionSets = new Map();
/** @param {'html' | 'text'} kind @param {Locale} locale @param {number} maxInputBytes */
function recordOptions(kind, locale, maxInputBytes) {
  const key = `${kind} ${locale} ${maxInputBytes}`;
  let options = recordOptionSets.get(key);
  if (!options) recordOptionSets.set(key, (options = onceOptions({ kind, locale, report: false, maxInputBytes })));
  return options;
}
/** With `u`, a pair is one code point: only a lone surrogate is of category Cs. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Records packed for the spool as files are checked: each entry's record (see entryOf) copied
 * at once into one block of UTF-8, a line each, and the entry kept with `bytes`, its record's
 * length in the block, in place of its `json`. A worker writes a whole batch so, with one call
 * instead of one a file, and reuses the block. Copying a record as soon as it is made lets
 * the core's answer die young: held until its batch was packed, it outlived the worker's small
 * young generation, and the answers' bytes (outside the heap) piled up until a full collection
 * (a worker's ArrayBuffers grew to 9 MB near the end of 20,000 files).
 */
export class Packer {
  /** @param {number} [size] the block's first size in bytes (it grows as needed, and stays up
   * to KEEP_BYTES) */
  constructor(size = 1 << 16) {
    this.first = size;
    this.block = new Uint8Array(size);
    this.size = 0;
    /** @type {PackedEntry[]} */
    this.entries = [];
  }
  /**
   * Takes the entry over (it is sent as it is, not copied: a copy of its members was a tenth of
   * the worker's JavaScript time a file).
   * @param {Entry} entry @param {number} [index] the file's, where the entry does not say it
   */
  add(entry, index = entry.index) {
    const { json } = entry;
    if (json === null) throw new Error('Packer: an entry packed twice');
    // An entry without its file's index would be set nowhere: its file lost from the output.
    if (!(index >= 0)) throw new Error(`Packer: an entry without its file's index (${index})`);
    // The core's records come as bytes (checkRecord); the CLI's own as text: room for the most
    // UTF-8 a short one can take (3 bytes a UTF-16 unit), a long one measured (a document's
    // record can be megabytes, and the block, which stays, would grow to three times that).
    const most =
      typeof json !== 'string' ? json.length : json.length < 1 << 16 ? json.length * 3 : Buffer.byteLength(json);
    this.reserve(most + 1);
    const n = typeof json === 'string' ? encoder.encodeInto(json, this.block.subarray(this.size)).written : json.length;
    if (typeof json !== 'string') this.block.set(json, this.size);
    this.block[this.size + n] = 10; // a line each
    this.size += n + 1;
    entry.index = index;
    entry.bytes = n + 1;
    entry.json = null;
    this.entries.push(entry);
  }
  /** @param {number} n bytes to have room for after what is packed */
  reserve(n) {
    if (this.size + n <= this.block.length) return;
    const bigger = new Uint8Array(Math.max(this.size + n, 2 * this.block.length));
    bigger.set(this.block.subarray(0, this.size));
    this.block = bigger;
  }
  /** What is packed, and the packer emptied: `data` is a view of the block, good until the next add.
   * @returns {{ entries: PackedEntry[], data: Uint8Array }} */
  take() {
    const out = { entries: this.entries, data: this.block.subarray(0, this.size) };
    this.entries = [];
    this.size = 0;
    // A block grown past what batches of portal pages need (a batch with a large document's
    // record) is not kept for the rest of the run.
    if (this.block.length > KEEP_BYTES) this.block = new Uint8Array(this.first);
    return out;
  }
}

/** The most a Packer keeps between batches: 32 portal pages' records take ~200 KB. */
const KEEP_BYTES = 4 << 20;

/**
 * Entries (see entryOf, each with its `index`) packed for the spool at once (see Packer, which
 * takes them over: each is returned with its `bytes` set and its `json` null).
 * @param {Entry[]} entries
 * @returns {{ entries: PackedEntry[], data: Uint8Array }}
 */
export function packEntries(entries) {
  const packer = new Packer(0);
  for (const entry of entries) packer.add(entry);
  return packer.take();
}

/** The name to open: `fsPath` where the name is not `path` (GBK names).
 * @param {CheckInput} input */
export const fsPathOf = (input) => (input.fsPath ? Buffer.from(input.fsPath) : input.path);

/** Whether a worker may read `input` ahead (readBytesAsync): a file named, not yet read, and
 * no PDF or Word file (their size limit is large; they are read as they are checked).
 * @param {CheckInput} input */
export function readsAhead(input) {
  return (
    !input.bytes &&
    !input.over &&
    !input.timedOut &&
    !input.error &&
    !input.special &&
    input.path !== '-' &&
    !documentKindByName(input.path)
  );
}

/**
 * @param {import('./core.mjs').Core} core  the loaded core module
 * @param {CheckInput} input
 *   `bytes` given for standard input and FIFOs (read in the main thread), `fsPath` the name to
 *   open where it is not `path` (GBK names), `special` a named file that is not a regular one,
 *   `over` the size of one that was not read for being over the limit (`limit` the limit it was
 *   over), `timedOut` the milliseconds one took to read before it was given up, `error` why
 *   one could not be read, `read` what a worker read of it ahead (readBytesAsync)
 * @param {CheckOptions} opts
 * @returns {Checked | Promise<Checked>}  (a promise for PDF and Word files, which are read
 *   asynchronously: see documents.mjs)
 *   `carry` is what a cross-year check needs of the report (see carryOf), `trouble` marks files
 *   the tool could not check at all (exit code 2), as opposed to reports found wrong.
 */
export function checkFile(core, input, opts) {
  const m = messages(opts.locale);
  const { path } = input;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  /** @param {string} reason @returns {Checked} */
  const unreadable = (reason) => ({
    result: failed(path, null, null, 'file-unreadable', m.diag['file-unreadable'](reason)),
    carry: null,
    trouble: true,
  });
  /** @param {number} size @param {number} limit @returns {Checked} */
  const tooLarge = (size, limit) => ({
    result: failed(path, null, null, 'input-too-large', m.diag['input-too-large'](size, limit)),
    carry: null,
    trouble: true,
  });
  let bytes = input.bytes;
  if (input.over) return tooLarge(input.over, input.limit ?? maxBytes);
  if (input.timedOut) return timedOut(path, input.timedOut, opts.locale);
  if (input.error) return unreadable(input.error);
  if (input.special && !bytes) return unreadable(m.notRegular(input.special));
  if (!bytes) {
    const limit = limitFor(path, maxBytes);
    let read = input.read; // read ahead by the worker (readBytesAsync)
    if (read?.error) return unreadable(ioReason(read.error));
    try {
      read ??= readBytes(fsPathOf(input), limit);
    } catch (err) {
      return unreadable(ioReason(err));
    }
    if (read.special) return unreadable(m.notRegular(read.special));
    if (read.over) return tooLarge(read.over, limit);
    bytes = /** @type {Buffer} */ (read.bytes); // neither special nor over: read
  }
  const docKind = documentKind(path, bytes);
  if (docKind) {
    return checkDocument(core, { path, bytes }, docKind, opts, { reportParts: REPORT_PARTS, carryOf }).catch((err) => ({
      result: failed(path, docKind, null, 'internal-error', m.diag['internal-error'](String(err?.message ?? err))),
      carry: null,
      trouble: true,
    }));
  }
  const extKind = path === '-' ? null : kindFromExtension(path);
  const decoded = decode(bytes, { html: extKind !== 'json' });
  if (decoded.error === 'file-binary') {
    return {
      result: failed(path, extKind, null, 'file-undecodable', m.diag['file-binary'](decoded.what)),
      carry: null,
      trouble: false,
    };
  }
  if (decoded.error) {
    return {
      result: failed(path, extKind, null, 'file-undecodable', m.diag['file-undecodable']()),
      carry: null,
      trouble: false,
    };
  }
  const { encoding } = decoded;
  // The extension decides, except where the content plainly says otherwise: a page saved as
  // .txt or .json, or a file without a telling name.
  let kind = extKind;
  if (kind !== 'html') {
    const sniffed = sniffKind(decoded.head());
    if (kind === null || (kind === 'text' && sniffed !== 'text') || (kind === 'json' && sniffed === 'html'))
      kind = sniffed;
  }
  // A note's args are the label declared, then the encoding used (decode.mjs).
  const notes = decoded.notes.map((n) =>
    diagnostic(n.code, 'warning', m.diag[n.code](.../** @type {[string, string]} */ (n.args))),
  );

  // The kind a reader takes where it is not JSON: HTML or text (documents were read above).
  const textKind = /** @type {'html' | 'text'} */ (kind);
  /** The core threw (a trap, or misuse by this code): the file could not be checked.
   * @param {any} err @returns {Checked} */
  const coreFailed = (err) => ({
    result: failed(path, kind, encoding, 'internal-error', m.diag['internal-error'](String(err?.message ?? err))),
    carry: null,
    trouble: true,
  });
  // A name with a lone surrogate (Windows allows them) would not survive the core's JSON: such
  // a file takes the path below, whose JSON.stringify writes it escaped, as the name it is.
  if (kind !== 'json' && core.checkRecord && !LONE_SURROGATE.test(path)) {
    // The full core writes the file's record itself: nothing of the report comes back to parse.
    try {
      const { facts, record } = core.checkRecord(
        decoded.utf8 ?? encoder.encode(decoded.text),
        recordOptions(textKind, opts.locale, maxBytes),
        { path, kind: textKind, encoding, notes: notes.map(({ rule, message }) => ({ rule, message })) },
      );
      return { record, facts, trouble: false };
    } catch (err) {
      return coreFailed(err);
    }
  }
  /** @type {ValidationResult} */
  let coreResult;
  /** @type {Record<string, any> | null} */
  let report = null;
  try {
    if (kind === 'json') {
      const { text } = decoded;
      coreResult = core.validateJson(text, { locale: opts.locale, maxInputBytes: maxBytes });
      try {
        const parsed = JSON.parse(text);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) report = parsed;
      } catch {
        /* the core has already said invalid-json */
      }
    } else if (typeof core.check !== 'function') {
      const r = failed(path, kind, encoding, 'reader-unavailable', m.diag['reader-unavailable'](m.kind[textKind]));
      r.diagnostics.unshift(...notes);
      return { result: recount(r), carry: null, trouble: true };
    } else {
      // UTF-8 goes in as the bytes read; of the report read, only what the CLI uses comes back.
      const input = decoded.utf8 ?? decoded.text;
      const { report: parsed, ...rest } = core.check(input, {
        kind: textKind,
        locale: opts.locale,
        report: REPORT_PARTS,
        maxInputBytes: maxBytes,
      });
      coreResult = rest;
      report = parsed ?? null;
    }
  } catch (err) {
    return coreFailed(err);
  }
  const issuer = typeof report?.issuer === 'string' && report.issuer.trim() ? report.issuer.trim() : null;
  /** @type {FileResult} */
  const result = { path, kind, encoding, issuer, ...coreResult };
  if (result.year == null && Number.isInteger(report?.year)) result.year = report?.year;
  if (notes.length) {
    result.diagnostics = [...notes, ...result.diagnostics];
    recount(result);
  }
  return { result, carry: carryOf(report, result), trouble: false };
}
