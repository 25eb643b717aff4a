// `crossYear` (full build): the cross-year rules alone on two reports' JSON. Apart from api.mjs
// so that the lite build and the form adapter, which have no such export, do not carry it.
import { copyBytes, describe, optionsText, overLimit } from './api.mjs';
/** @import { Glue, Internal } from './api.mjs' */
/** @import { ValidationResult } from './types.js' */

const utf8 = new TextEncoder();

/**
 * `crossYear(report, previous, options?)` over the glue's `crossYear`, which takes both reports
 * as UTF-8 bytes: the glue copies bytes in one call (see src/wasm.rs).
 * @param {Glue} raw @param {Internal} internal  makeApi's
 * @returns {(report: unknown, previous: unknown, options?: unknown) => ValidationResult}
 */
export function crossYearFunction(raw, { call, wording }) {
  const name = 'crossYear';
  const glue = raw.crossYear;
  if (typeof glue !== 'function') throw new Error(`${name}: this build has no cross-year rules`);
  /** @param {unknown} v @param {string} which @returns {string | Uint8Array} */
  const textOf = (v, which) => {
    const t = typeof v === 'string' ? v : copyBytes(v, name);
    if (t === null)
      throw new Error(
        `${name}: expected ${which} as JSON text (a string or its UTF-8 bytes), got ${describe(v)}; for report objects, use validate(report, { previous })`,
      );
    return t;
  };
  /** @param {string | Uint8Array} t */
  const bytesOf = (t) => (typeof t === 'string' ? utf8.encode(t) : t);
  return (report, previous, options) => {
    const current = textOf(report, "this year's report");
    const last = textOf(previous, "last year's report");
    const opts = optionsText(options, name);
    const worded = wording(name, opts);
    // The larger of the two is held to the limit: over it, the core's input-too-large, nothing
    // copied in.
    const over = Math.max(overLimit(current, opts.limit), overLimit(last, opts.limit));
    if (over) return worded(call(name, raw.run, 'validateJson', '', opts.text, over));
    return worded(call(name, glue, bytesOf(current), bytesOf(last), opts.text));
  };
}
