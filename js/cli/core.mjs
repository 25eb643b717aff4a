// Loads the WebAssembly core once per thread. XXGKNB_CORE (a module path or URL) swaps it,
// which the tests use to run the CLI against a core without report readers.

import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The full build's entry as the CLI uses it (a core without readers lacks parse and check).
 * @typedef {typeof import('../index.node.mjs')} Core */

/** @type {Promise<Core> | null} */
let loading = null;

/** The URL of the core module: XXGKNB_CORE, else the package's Node entry. */
export function coreSpecifier() {
  const override = process.env.XXGKNB_CORE;
  if (override) return /^[a-z]+:/i.test(override) ? override : pathToFileURL(path.resolve(override)).href;
  return new URL('../index.node.mjs', import.meta.url).href;
}

/** @returns {Promise<Core>} */
export function loadCore() {
  loading ??= import(coreSpecifier());
  return loading;
}
