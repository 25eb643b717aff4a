// Browser entry of the lite build (validation only, no report readers): the smaller download
// for form pages. `await init()` once, then call the functions.
import * as raw from '../pkg/lite/xxgknb.js';
import { makeApi } from './api.mjs';

let loaded = null;
let ready = false;
const api = makeApi(raw, () => ready);

export const { validate, validateJson, cells, jsonSchema, rules } = api;
export { version } from '../pkg/lite/version.js';

/** Load the WebAssembly module; safe to call more than once. */
export default function init(input) {
  loaded ??= raw.default(input).then(() => {
    ready = true;
  });
  return loaded;
}

export function initSync(input) {
  raw.initSync(input);
  ready = true;
}
