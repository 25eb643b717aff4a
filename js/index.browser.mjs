// Browser entry of the full build: `await init()` once (it fetches xxgknb_bg.wasm next to the
// glue, or what you pass as `{ module_or_path }`), then call the functions. In a worker,
// `initSync({ module })` works too; on the main thread browsers refuse synchronous compiles.
import * as raw from '../pkg/xxgknb.js';
import { makeApi } from './api.mjs';

let loaded = null;
let ready = false;
const api = makeApi(raw, () => ready);

export const { validate, validateJson, parse, check, cells, jsonSchema, rules } = api;
export { version } from '../pkg/version.js';

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
