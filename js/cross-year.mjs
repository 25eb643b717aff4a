// `crossYear` (full build): the cross-year rules alone on two reports' JSON. Apart from api.mjs
// so that the lite build and the form adapter, which have no such export, do not carry it.
import { overLimit, textArg } from './api.mjs';
import { optionsOnce } from './options-once.mjs';
/** @import { Glue, Internal } from './api.mjs' */
/** @import { ValidationResult } from './types.js' */

const utf8 = new TextEncoder();
const EMPTY = new Uint8Array(0);

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
  // Bytes of another kind (ArrayBuffer, DataView) need a Uint8Array; a report object, validate.
  /** @param {unknown} v */
  const hint = (v) =>
    v !== null && typeof v === 'object' && !ArrayBuffer.isView(v) && !(v instanceof ArrayBuffer)
      ? '; for report objects, use validate(report, { previous })'
      : '';
  /** @param {unknown} v @param {string} which */
  const textOf = (v, which) =>
    textArg(v, name, `${which} as JSON text (a string or its UTF-8 bytes in a Uint8Array)`, hint);
  /** @param {string | Uint8Array} t */
  const bytesOf = (t) => (typeof t === 'string' ? utf8.encode(t) : t);
  return (report, previous, options) => {
    const current = textOf(report, "this year's report");
    const last = textOf(previous, "last year's report");
    const opts = optionsOnce(options, name);
    const worded = wording(name, opts);
    // This year's text over the limit is not copied in (the core answers input-too-large after
    // the same misuse checks); last year's has no limit, as `previous` has none.
    const over = overLimit(current, opts.limit);
    return worded(call(name, glue, over ? EMPTY : bytesOf(current), bytesOf(last), opts.text, over));
  };
}
