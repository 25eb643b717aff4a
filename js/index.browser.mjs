// Browser entry of the full build: `await init()` once (it fetches xxgknb_bg.wasm next to the
// glue, or what you pass as `{ module_or_path }`), then call the functions. In a worker,
// `initSync({ module })` works too; on the main thread browsers refuse synchronous compiles.
import * as raw from '../pkg/xxgknb.js';
import { browserEntry } from './api.mjs';

const { api, init, initSync } = browserEntry(raw);

export const { validate, validateJson, parse, check, cells, jsonSchema, rules } = api;
export { version } from '../pkg/version.js';
export { init as default, initSync };
