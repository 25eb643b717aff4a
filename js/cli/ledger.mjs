// Per-file bookkeeping for a run, in typed arrays: a few dozen bytes a file whatever the
// reports hold, so that memory stays flat from ten files to tens of thousands. Everything
// else about a file waits in the spool.

import { readHead, readHeadBytes } from './spool.mjs';
/** @import { Spool, Place } from './spool.mjs' */
/** @import { Diagnostic } from '../types.js' */

export class Ledger {
  /** @param {number} n  the number of files */
  constructor(n) {
    this.length = n;
    this.pos = new Float64Array(n); // where the file's record is in the spool
    this.len = new Uint32Array(n);
    this.resultAt = new Uint32Array(n); // where the result's JSON starts in the record
    this.errors = new Uint32Array(n);
    this.warnings = new Uint32Array(n);
    this.infos = new Uint32Array(n);
    this.year = new Int32Array(n); // 0: unknown
    this.trouble = new Uint8Array(n); // 1: the file could not be checked (exit code 2)
    /** @type {Map<number, string>} */
    this.keys = new Map(); // index → issuer key, for files that can be paired across years
    /** @type {Map<number, Place>} */
    this.extra = new Map(); // index → where in the spool the diagnostics found later are
    /** @type {Map<number, string>} */
    this.previous = new Map(); // index → path of last year's report it was paired with
  }

  /**
   * @param {number} i @param {Place} at  where the file's record is in the spool
   * @param {import('./process.mjs').PackedEntry} entry  what process.mjs's entryOf made of the file
   */
  set(i, at, entry) {
    this.pos[i] = at[0];
    this.len[i] = at[1];
    this.resultAt[i] = entry.resultAt;
    this.errors[i] = entry.errors;
    this.warnings[i] = entry.warnings;
    this.infos[i] = entry.infos;
    this.year[i] = entry.year;
    this.trouble[i] = entry.trouble ? 1 : 0;
    if (entry.key !== null) this.keys.set(i, entry.key);
  }

  /** @param {number} i @returns {Place} */
  at(i) {
    return [this.pos[i], this.len[i]];
  }

  /** Diagnostics found after the file's own check; they wait in the spool too.
   * @param {number} i @param {Diagnostic[]} diagnostics @param {Spool} spool */
  addExtra(i, diagnostics, spool) {
    if (diagnostics.length === 0) return;
    const before = this.extra.get(i);
    const list = before ? [...spool.read(before), ...diagnostics] : diagnostics;
    this.extra.set(i, spool.write(list));
    for (const d of diagnostics) {
      if (d.severity === 'error') this.errors[i]++;
      else if (d.severity === 'warning') this.warnings[i]++;
      else if (d.severity === 'info') this.infos[i]++;
    }
  }

  /**
   * The file's own result as JSON text, straight from the spool (the record ends with it, then
   * `}` and the newline): the carry before it is neither read nor parsed.
   * @param {number} i @param {Spool} spool
   */
  ownResultText(i, spool) {
    return spool.readText(this.at(i), this.resultAt[i], 2);
  }

  /**
   * The file's result as JSON text where no diagnostic was added to it later (else null): what
   * the JSON reporter prints, without a parse and a stringify. Last year's file, where it was
   * paired, is added last, as run.mjs's `load` adds it.
   * @param {number} i @param {Spool} spool
   */
  resultText(i, spool) {
    if (this.extra.has(i)) return null;
    const own = this.ownResultText(i, spool);
    const previous = this.previous.get(i);
    return previous === undefined ? own : `${own.slice(0, -1)},"previous":${JSON.stringify(previous)}}`;
  }

  /** `{ carry, path }` of the file, read without its result.
   * @param {number} i @param {Spool} spool
   * @returns {{ carry: import('./process.mjs').Carry | null, path: string }} */
  head(i, spool) {
    return readHead(spool.fd, [this.pos[i], this.resultAt[i]]);
  }

  /** The same, as the spool holds it (see spool.mjs's readHeadBytes).
   * @param {number} i @param {Spool} spool */
  headBytes(i, spool) {
    return readHeadBytes(spool.fd, [this.pos[i], this.resultAt[i]]);
  }

  /** The diagnostics found after the file's own check, or null. @param {number} i @param {Spool} spool
   * @returns {Diagnostic[] | null} */
  extraOf(i, spool) {
    const at = this.extra.get(i);
    return at ? spool.read(at) : null;
  }
}
