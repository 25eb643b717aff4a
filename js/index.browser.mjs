// Browser entry of the full build: `await init()` once (it fetches xxgknb_bg.wasm next to the
// glue, or what you pass as `{ module_or_path }`), then call the functions. In a worker,
// `initSync({ module })` works too; on the main thread browsers refuse synchronous compiles.
import * as raw from '../pkg/xxgknb.js';
import { browserEntry } from './api.mjs';
import { crossYearFunction } from './cross-year.mjs';
import { refuseFiles } from './documents/sync-guard.mjs';
import { fileFunctions } from './documents/lazy.mjs';

const { api, init, initSync } = browserEntry(raw);

export const { validate, validateJson, cells, jsonSchema, rules } = api;
export const crossYear = crossYearFunction(raw, api.internal);
export const parse = refuseFiles('parse', api.parse);
export const check = refuseFiles('check', api.check);

// PDF and DOCX files: the readers and their libraries load on the first call only.
export const { parseFile, checkFile } = fileFunctions(api, () => import('./documents/env.browser.mjs'));
/** Where the browser finds pdfjs-dist's worker, CMaps and fonts, when no import map says. */
export { configureFiles } from './documents/env.browser.mjs';
export { version } from '../pkg/version.js';
export { init as default, initSync };
