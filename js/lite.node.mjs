// Node entry of the lite build (validation only): instantiated synchronously on import.
import * as raw from '../pkg/lite/xxgknb_lite.js';
import { makeApi } from './api.mjs';
import { compiledModule } from './compiled.mjs';

raw.initSync({ module: compiledModule(new URL('../pkg/lite/xxgknb_lite_bg.wasm', import.meta.url)) });
const api = makeApi(raw, () => true);

export const { validate, validateJson, cells, jsonSchema, rules } = api;
export { version } from '../pkg/lite/version.js';
/** Already initialised in Node; kept so that code written for browsers runs unchanged. */
export default async function init() {}
export function initSync() {}
