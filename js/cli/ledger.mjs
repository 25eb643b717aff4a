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
   * The file's result as JSON text, as the JSON reporter prints it, without a parse and a
   * stringify: the diagnostics found later (read as the spool holds them) after its own, and
   * last year's file, where it was paired, last (as run.mjs's `load` does both). Null where
   * the result's text is not laid out as the CLI writes results (see withDiagnostics).
   * @param {number} i @param {Spool} spool
   */
  resultText(i, spool) {
    let text = this.ownResultText(i, spool);
    const at = this.extra.get(i);
    if (at) {
      const merged = withDiagnostics(text, spool.readText(at, 0, 1), this.errors[i], this.warnings[i]);
      if (merged === null) return null;
      text = merged;
    }
    const previous = this.previous.get(i);
    return previous === undefined ? text : `${text.slice(0, -1)},"previous":${JSON.stringify(previous)}}`;
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

/** Where the JSON array opening at `open` ends (the index of its `]`), or -1.
 * @param {string} s @param {number} open */
function arrayEnd(s, open) {
  let depth = 0;
  for (let k = open; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 34) {
      // A string: skipped to its closing quote, past escaped characters.
      for (k++; k < s.length && s.charCodeAt(k) !== 34; k++) if (s.charCodeAt(k) === 92) k++;
    } else if (c === 91 || c === 123) depth++;
    else if ((c === 93 || c === 125) && --depth === 0) return k;
  }
  return -1;
}

/**
 * A result's JSON text with the diagnostics of `more` (a JSON array's text) after its own, and
 * its counts and `valid` set to the totals given (the ledger's, which count both): what
 * JSON.stringify writes of the result parsed and added to, at a fraction of the cost (2,250 of
 * 3,000 portal pages have a cross-year finding). Null where the text is not laid out as the
 * CLI writes results (`valid`, then `errorCount` and `warningCount`, `diagnostics` last): the
 * caller then parses it. A quote inside a JSON string is escaped, so the first `,"key":` found
 * is the member.
 * @param {string} own @param {string} more @param {number} errors @param {number} warnings
 * @returns {string | null}
 */
export function withDiagnostics(own, more, errors, warnings) {
  const valid = own.indexOf(',"valid":');
  const err = own.indexOf(',"errorCount":', valid);
  const warn = own.indexOf(',"warningCount":', err);
  const diags = own.indexOf(',"diagnostics":[', warn);
  if (valid < 0 || err < 0 || warn < 0 || diags < 0 || more[0] !== '[' || more.at(-1) !== ']') return null;
  const open = diags + ',"diagnostics":'.length;
  if (own.at(-1) !== '}' || arrayEnd(own, open) !== own.length - 2) return null;
  const validAt = valid + ',"valid":'.length;
  const validEnd = own.startsWith('true,', validAt)
    ? validAt + 4
    : own.startsWith('false,', validAt)
      ? validAt + 5
      : -1;
  const errAt = err + ',"errorCount":'.length;
  const errEnd = own.indexOf(',', errAt);
  const warnAt = warn + ',"warningCount":'.length;
  if (validEnd < 0 || !/^\d+$/.test(own.slice(errAt, errEnd)) || !/^\d+$/.test(own.slice(warnAt, diags))) return null;
  const inner = more.slice(1, -1);
  const join = own.charCodeAt(open + 1) === 93 || inner === '' ? '' : ','; // `]`: none of its own
  return (
    own.slice(0, validAt) +
    (errors === 0) +
    own.slice(validEnd, errAt) +
    errors +
    own.slice(errEnd, warnAt) +
    warnings +
    own.slice(diags, -2) +
    join +
    inner +
    ']}'
  );
}
