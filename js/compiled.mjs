// The compiled WebAssembly module of each build, once per process. Node's worker threads can
// be handed a compiled module (cloning it shares the machine code), so the CLI's workers do
// not each compile the module again, and code one worker has tiered up to V8's optimising
// compiler serves the others too.
import { readFileSync } from 'node:fs';

const KEY = Symbol.for('xxgknb.compiledModules');

function modules() {
  globalThis[KEY] ??= new Map();
  return globalThis[KEY];
}

/** The compiled module at `url`: shared with this thread's parent when it handed it over. */
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

/** In a worker, before it imports an entry: use the modules its parent compiled. */
export function adoptModules(entries) {
  const all = modules();
  for (const [href, m] of entries ?? []) {
    if (m instanceof WebAssembly.Module && !all.has(href)) all.set(href, m);
  }
}
