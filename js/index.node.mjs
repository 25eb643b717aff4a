// Node entry of the full build: instantiated synchronously on import, ready to use.
import * as raw from '../pkg/xxgknb.js';
import { makeApi } from './api.mjs';
import { crossYearFunction } from './cross-year.mjs';
import { checkRecordFunction } from './check-record.mjs';
import { refuseFiles } from './documents/sync-guard.mjs';
import { fileFunctions } from './documents/lazy.mjs';
import { compiledModule } from './compiled.mjs';

raw.initSync({ module: compiledModule(new URL('../pkg/xxgknb_bg.wasm', import.meta.url)) });
const api = makeApi(raw, () => true);

export const { validate, validateJson, cells, jsonSchema, rules } = api;
export const crossYear = crossYearFunction(raw, api.internal);
/** The command line's own call (js/check-record.mjs): not part of the API, and may change. */
export const checkRecord = checkRecordFunction(raw, api.internal);
export const parse = refuseFiles('parse', api.parse);
export const check = refuseFiles('check', api.check);
export { version } from '../pkg/version.js';

// PDF, DOCX, DOC/WPS files: the readers and their libraries load on the first call only.
export const { parseFile, checkFile } = fileFunctions(api, () => import('./documents/env.node.mjs'));
/** Browsers say where pdfjs-dist is; Node finds it as a package. Checked, then not needed.
 * @param {{ pdfjsBase?: string | URL, fflateUrl?: string | URL }} options */
export function configureFiles(options) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new Error('configureFiles: expected an object like { pdfjsBase: "/node_modules/pdfjs-dist/" }');
  }
}
/** Already initialised in Node; kept so that code written for browsers runs unchanged. */
export default async function init() {}
export function initSync() {}
