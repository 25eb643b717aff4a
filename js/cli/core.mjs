// Loads the WebAssembly core once per thread. XXGKNB_CORE (a module path or URL) swaps it,
// which the tests use to run the CLI against a core without report readers.

import path from 'node:path';
import { pathToFileURL } from 'node:url';

let loading = null;

export function coreSpecifier() {
  const override = process.env.XXGKNB_CORE;
  if (override) return /^[a-z]+:/i.test(override) ? override : pathToFileURL(path.resolve(override)).href;
  return new URL('../index.node.mjs', import.meta.url).href;
}

export function loadCore() {
  loading ??= import(coreSpecifier());
  return loading;
}
