// Browser entry of the full build: `await init()` once (it fetches xxgknb_bg.wasm next to the
// glue, or what you pass as `{ module_or_path }`), then call the functions. In a worker,
// `initSync({ module })` works too; on the main thread browsers refuse synchronous compiles.
import * as raw from '../pkg/xxgknb.js';
import { browserEntry } from './api.mjs';
import { refuseFiles } from './documents/sync-guard.mjs';

const { api, init, initSync } = browserEntry(raw);

export const { validate, validateJson, cells, jsonSchema, rules } = api;
export const parse = refuseFiles('parse', api.parse);
export const check = refuseFiles('check', api.check);

// PDF and DOCX files: the readers, PDF.js and fflate load on the first call only.
let files = null;
const fileApi = () =>
  (files ??= Promise.all([import('./documents/index.mjs'), import('./documents/env.browser.mjs')]).then(([m, env]) => m.makeFileApi(api, env)));
/** Read a report file (PDF, DOCX, or the text, HTML and JSON `parse` reads): a promise of `parse`'s result plus `kind`. */
export const parseFile = async (input, options) => (await fileApi()).parseFile(input, options);
/** Read a report file, then validate: a promise of `check`'s result plus `kind`. */
export const checkFile = async (input, options) => (await fileApi()).checkFile(input, options);
/** Where the browser finds pdfjs-dist's worker, CMaps and fonts, when no import map says. */
export { configureFiles } from './documents/env.browser.mjs';
export { version } from '../pkg/version.js';
export { init as default, initSync };
