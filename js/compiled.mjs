// The compiled WebAssembly module of each build, once per process. Node's worker threads can
// be handed a compiled module (cloning it shares the machine code), so the CLI's workers do
// not each compile the module again, and code one worker has tiered up to V8's optimising
// compiler serves the others too.
import { readFileSync } from 'node:fs';

const KEY = Symbol.for('xxgknb.compiledModules');

/** @returns {Map<string, WebAssembly.Module>} href → module */
function modules() {
  const global = /** @type {{ [KEY]?: Map<string, WebAssembly.Module> }} */ (globalThis);
  global[KEY] ??= new Map();
  return global[KEY];
}

/** The compiled module at `url`: shared with this thread's parent when it handed it over.
 * @param {URL} url */
export function compiledModule(url) {
  const all = modules();
  let m = all.get(url.href);
  if (!m) {
    m = new WebAssembly.Module(readFileSync(url));
    all.set(url.href, m);
  }
  return m;
}

/** This thread's compiled modules, as entries to pass to a worker in its `workerData`. */
export function sharedModules() {
  return [...modules()];
}

/** In a worker, before it imports an entry: use the modules its parent compiled.
 * @param {Iterable<[string, unknown]> | undefined} entries what `sharedModules()` gave the parent */
export function adoptModules(entries) {
  const all = modules();
  for (const [href, m] of entries ?? []) {
    if (m instanceof WebAssembly.Module && !all.has(href)) all.set(href, m);
  }
}
