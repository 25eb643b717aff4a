// The public API over one wasm-bindgen module (full or lite): the same few functions for every
// entry point, so that Node, browsers and the lite build cannot drift apart.
import { buildSchema } from './schema.mjs';
import { withMessages } from './messages.mjs';

/**
 * @param {object} raw       the wasm-bindgen module's exports
 * @param {() => boolean} ready  whether the module is instantiated
 */
export function makeApi(raw, ready) {
  const guard = (name, fn) => {
    if (typeof fn !== 'function') return undefined;
    return (...args) => {
      if (!ready()) {
        throw new Error(`xxgknb: ${name}() was called before the WebAssembly module was loaded; in a browser, \`await init()\` first`);
      }
      return fn(...args);
    };
  };
  // The `messages` option (local wording, js/messages.mjs) is applied in JS over the result.
  let ruleIds = null;
  const ids = () => (ruleIds ??= raw.rules().map((r) => r.id));
  const worded = (name) => withMessages(name, raw[name], raw.cells, ids);
  return {
    validate: guard('validate', worded('validate')),
    validateJson: guard('validateJson', worded('validateJson')),
    parse: guard('parse', worded('parse')),
    check: guard('check', worded('check')),
    cells: guard('cells', raw.cells),
    // Built from cells(): cells() throws the same clear error for a wrong format.
    jsonSchema: guard('jsonSchema', (format) => buildSchema(String(format), raw.cells(format))),
    rules: guard('rules', raw.rules),
  };
}

/**
 * A browser entry over a `--target web` module: `init()` loads it once (safe to call again),
 * `initSync({ module })` works in workers, and the API refuses to run before either.
 */
export function browserEntry(raw) {
  let loaded = null;
  let ready = false;
  const init = (input) => {
    loaded ??= raw.default(input).then(() => {
      ready = true;
    });
    return loaded;
  };
  const initSync = (input) => {
    raw.initSync(input);
    ready = true;
  };
  return { api: makeApi(raw, () => ready), init, initSync };
}
