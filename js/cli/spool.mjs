// Results wait on disk, not in memory, between checking and printing: printing is in input
// order and cross-year pairs are only known once every file is read, yet 10,000 results
// (with the parsed reports that cross-year checks need) must not make memory grow.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where a record is in the spool: its position and length in bytes. @typedef {[number, number]} Place */
/** The spool as any thread writes to it: its descriptor and where it ends. @typedef {{ fd: number, end: BigInt64Array }} SharedSpool */

/**
 * Appends records to the spool from any thread: the room is taken first (an atomic add on the
 * shared end), then written there. A worker writes its batches itself: handing each batch's
 * bytes to the main thread left their buffers to the main thread's collector, which let
 * tens of megabytes of them wait at 20,000 files (peak memory grew with the run).
 * @param {SharedSpool} spool @param {Uint8Array} bytes @returns {number} where they start
 */
export function spoolAppend({ fd, end }, bytes) {
  const pos = Number(Atomics.add(end, 0, BigInt(bytes.length)));
  let done = 0;
  while (done < bytes.length) done += fs.writeSync(fd, bytes, done, bytes.length - done, pos + done);
  return pos;
}

/**
 * spoolAppend, or what writing threw as plain data (it crosses from a worker to the main
 * thread, which reports it): `{ pos }` or `{ pos: -1, error }`.
 * @param {SharedSpool} spool @param {Uint8Array} bytes
 * @returns {{ pos: number, error?: { code?: string, message: string } }}
 */
export function trySpoolAppend(spool, bytes) {
  try {
    return { pos: spoolAppend(spool, bytes) };
  } catch (/** @type {any} */ err) {
    return { pos: -1, error: { code: err?.code, message: String(err?.message ?? err) } };
  }
}

export class Spool {
  constructor() {
    /** @type {string | null} the folder to remove on close, where the file could not be unlinked at once */
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgknb-'));
    const file = path.join(this.dir, 'results.jsonl');
    this.fd = fs.openSync(file, 'w+');
    /** Where the spool ends, shared with the workers, which write their records themselves. */
    this.end = new BigInt64Array(new SharedArrayBuffer(8));
    // Unlinked at once where the platform allows, so that a killed run leaves nothing behind.
    try {
      fs.unlinkSync(file);
      fs.rmdirSync(this.dir);
      this.dir = null;
    } catch {
      /* Windows: removed in close() */
    }
  }
  /** @param {unknown} record @returns {Place} where the record is */
  write(record) {
    return this.writeJson(JSON.stringify(record));
  }
  /** A record already turned into JSON text. @param {string} json @returns {Place} */
  writeJson(json) {
    const buf = Buffer.from(json + '\n');
    const pos = this.writeBytes(buf);
    return [pos, buf.length];
  }
  /** Records already encoded, one after the other. @param {Uint8Array} bytes @returns {number} where they start */
  writeBytes(bytes) {
    return spoolAppend(this.shared, bytes);
  }
  /** What a worker needs to write to the spool (see spoolAppend). @returns {SharedSpool} */
  get shared() {
    return { fd: this.fd, end: this.end };
  }
  /** The record at `at`, parsed. @param {Place} at @returns {any} */
  read(at) {
    return JSON.parse(this.readText(at));
  }
  /** The record's JSON text, or the part of it from byte `from` to `end` bytes before its end.
   * @param {Place} at */
  readText([pos, len], from = 0, end = 0) {
    return readRange(this.fd, pos + from, len - from - end);
  }
  close() {
    try {
      fs.closeSync(this.fd);
    } catch {
      /* already closed */
    }
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** `n` bytes at `pos` of a spool's file, in `into` when given (at least `n` long) or a new
 * buffer. Workers read the spool so too: a file descriptor belongs to the process, and so to
 * all its threads.
 * @param {number} fd @param {number} pos @param {number} n @param {Buffer} [into] @returns {Buffer} */
export function readBytesAt(fd, pos, n, into) {
  const buf = into ? into.subarray(0, n) : Buffer.allocUnsafe(n);
  let got = 0;
  while (got < n) {
    const k = fs.readSync(fd, buf, got, n - got, pos + got);
    if (k === 0) throw new Error(`the spool ends before byte ${pos + n}`);
    got += k;
  }
  return buf;
}

/** `n` bytes at `pos` of a spool's file as text (see readBytesAt).
 * @param {number} fd @param {number} pos @param {number} n */
export function readRange(fd, pos, n) {
  return readBytesAt(fd, pos, n).toString('utf8');
}

/** A record's head, `{"carry":…,"path":…,"result":`, read without its result, as the spool
 * holds it (UTF-8): `at` is [where the record starts, where its result starts in it] (see
 * process.mjs's entryOf); in `into` when given (see readBytesAt).
 * @param {number} fd @param {[number, number]} at @param {Buffer} [into] */
export function readHeadBytes(fd, [pos, resultAt], into) {
  return readBytesAt(fd, pos, resultAt, into);
}

/** The same as text. @param {number} fd @param {[number, number]} at */
function readHeadText(fd, at) {
  return readHeadBytes(fd, at).toString('utf8');
}

/** A record's head, `{ carry, path }`, parsed.
 * @param {number} fd @param {[number, number]} at
 * @returns {{ carry: import('./process.mjs').Carry | null, path: string }} */
export function readHead(fd, at) {
  return JSON.parse(`${readHeadText(fd, at)}null}`);
}
