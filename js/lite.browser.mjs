// Browser entry of the lite build (validation only, no report readers): the smaller download
// for form pages. `await init()` once, then call the functions.
import * as raw from '../pkg/lite/xxgknb_lite.js';
import { browserEntry } from './api.mjs';

const { api, init, initSync } = browserEntry(raw);

export const { validate, validateJson, cells, jsonSchema, rules } = api;
export { version } from '../pkg/lite/version.js';
export { init as default, initSync };
