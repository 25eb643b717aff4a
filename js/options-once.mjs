// Options the command line hands over and over, read once: it passes the same options to every
// file and every pair, and writing them as JSON and reading their size limit back each time was
// a tenth of its JavaScript time a file. Only options made by `onceOptions` are remembered: a
// frozen copy of plain values that nothing can change. Any other object, frozen or not, a
// proxy included, is read on every call as before. Full build only (checkRecord, crossYear).
import { optionsText } from './api.mjs';
/** @import { OptionsText } from './api.mjs' */

/** Options made by onceOptions, with their text once read. @type {WeakMap<object, OptionsText | null>} */
const made = new WeakMap();

/**
 * A frozen copy of `options`, whose text checkRecord and crossYear read once.
 * @template {Record<string, string | number | boolean>} T @param {T} options @returns {Readonly<T>}
 */
export function onceOptions(options) {
  /** @type {Record<string, string | number | boolean>} */
  const copy = {};
  for (const [key, value] of Object.entries(options)) {
    if (!['string', 'number', 'boolean'].includes(typeof value))
      throw new Error(`onceOptions: ${key} is no plain value`);
    copy[key] = value;
  }
  const frozen = Object.freeze(copy);
  made.set(frozen, null);
  return /** @type {Readonly<T>} */ (frozen);
}

/**
 * api.mjs's optionsText, remembered for options made by onceOptions. A copy each time: callers
 * may change what they get (api.mjs's `wording` does).
 * @param {unknown} options @param {string} name @returns {OptionsText}
 */
export function optionsOnce(options, name) {
  // WeakMap.has runs no trap of a proxy: a caller's object is never looked into here.
  if (typeof options !== 'object' || options === null || !made.has(options)) return optionsText(options, name);
  let known = made.get(options);
  if (!known) made.set(options, (known = optionsText(options, name)));
  return { ...known };
}
