// Options a caller hands over and over, read once: the command line passes the same options to
// every file and every pair, and writing them as JSON and reading their size limit back each
// time was a tenth of its JavaScript time a file. Only what cannot change is remembered: a
// frozen plain object whose members are all plain values (text, numbers, booleans, null), no
// getters. Full build only (checkRecord, crossYear): the lite build does not carry it.
import { optionsText } from './api.mjs';
/** @import { OptionsText } from './api.mjs' */

/** Frozen options read, or null for frozen ones that could still change (see above).
 * @type {WeakMap<object, OptionsText | null>} */
const readOnce = new WeakMap();

/** Whether `options` is a frozen plain object of plain values. @param {object} options */
function unchanging(options) {
  if (!Object.isFrozen(options)) return false;
  const proto = Object.getPrototypeOf(options);
  if (proto !== Object.prototype && proto !== null) return false; // a toJSON could come from it
  for (const d of Object.values(Object.getOwnPropertyDescriptors(options))) {
    if (!('value' in d)) return false; // a getter
    if (d.value !== null && typeof d.value === 'object') return false;
    if (typeof d.value === 'function' || typeof d.value === 'symbol' || typeof d.value === 'bigint') return false;
  }
  return true;
}

/**
 * api.mjs's optionsText, remembered for options that cannot change. A copy each time: callers
 * may change what they get (api.mjs's `wording` does).
 * @param {unknown} options @param {string} name @returns {OptionsText}
 */
export function optionsOnce(options, name) {
  if (typeof options !== 'object' || options === null || !Object.isFrozen(options)) return optionsText(options, name);
  const known = readOnce.get(options);
  if (known) return { ...known };
  const opts = optionsText(options, name);
  if (known === undefined) readOnce.set(options, unchanging(options) ? { ...opts } : null);
  return opts;
}
