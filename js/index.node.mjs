// Node entry of the full build: instantiated synchronously on import, ready to use.
import * as raw from '../pkg/xxgknb.js';
import { makeApi } from './api.mjs';
import { compiledModule } from './compiled.mjs';

raw.initSync({ module: compiledModule(new URL('../pkg/xxgknb_bg.wasm', import.meta.url)) });
const api = makeApi(raw, () => true);

export const { validate, validateJson, parse, check, cells, jsonSchema, rules } = api;
export { version } from '../pkg/version.js';
/** Already initialised in Node; kept so that code written for browsers runs unchanged. */
export default async function init() {}
export function initSync() {}
