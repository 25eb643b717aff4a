// Loads the validator the form adapter uses by default: the lite build, once per page for each
// place the WebAssembly comes from, and again after a failure (a later attach() may name the
// right URL). When it cannot load it says why, once, instead of failing silently: no
// WebAssembly in this browser, a module or .wasm the server sends with the wrong MIME type or
// not at all (docs/serving.md). The form then works as without the adapter.

/** The lite build's browser entry, which the adapter validates with by default.
 * @typedef {typeof import('../lite.browser.mjs')} LiteModule */

/** Where the wasm comes from when attach() names none: set by the script-tag build (inlined bytes).
 * @type {Uint8Array | null} */
let builtIn = null;
/** @type {Map<string, Promise<LiteModule>>} */
const loads = new Map();
let warnedNoWasm = false;

/** An error of loading, with `reason`: "no-webassembly", "mime", "not-found" or "failed". */
export class LoadError extends Error {
  /**
   * @param {string} message
   * @param {import('./index.js').LoadErrorEventDetail['reason']} reason
   * @param {unknown} [cause]
   */
  constructor(message, reason, cause) {
    super(message);
    this.name = 'LoadError';
    this.reason = reason;
    if (cause !== undefined) this.cause = cause;
  }
}

/** For the script-tag build: the lite wasm's bytes, used when attach() is given no `wasmUrl`.
 * @param {Uint8Array} bytes */
export function setBuiltInWasm(bytes) {
  builtIn = bytes;
}

/** This module's own URL, or null in a classic-script bundle (which has none). */
function here() {
  try {
    return typeof import.meta.url === 'string' && import.meta.url ? import.meta.url : null;
  } catch {
    return null;
  }
}

/** The lite entry: a separate module file next to this one, or bundled in with it. */
function importLite() {
  return import('../lite.browser.mjs');
}

/** What the server says about `url` (status and MIME type), or null if it cannot be asked.
 * @param {string} url */
async function probe(url) {
  try {
    const response = await fetch(url, { method: 'HEAD', cache: 'no-store' });
    return {
      status: response.status,
      type: (response.headers.get('content-type') || '').split(';')[0].trim().toLowerCase(),
    };
  } catch {
    return null;
  }
}

const JS_TYPES = [
  'text/javascript',
  'application/javascript',
  'application/x-javascript',
  'application/ecmascript',
  'text/ecmascript',
];

/** Turn a failed load into a LoadError that says what to fix.
 * @param {unknown} error @param {string | null} wasmUrl @param {boolean} importFailed */
async function explain(error, wasmUrl, importFailed) {
  const base = here();
  if (importFailed && base) {
    const moduleUrl = new URL('../lite.browser.mjs', base).href;
    const seen = await probe(moduleUrl);
    if (seen && seen.status >= 400) {
      return new LoadError(
        `xxgknb: ${moduleUrl} answered HTTP ${seen.status}; the form is not checked in the browser (see docs/serving.md)`,
        'not-found',
        error,
      );
    }
    if (seen && !JS_TYPES.includes(seen.type)) {
      return new LoadError(
        `xxgknb: ${moduleUrl} is served as "${seen.type || 'no type'}"; browsers run a module only when it is served as text/javascript. Map .mjs to text/javascript on the server (docs/serving.md), or use the script-tag build xxgknb-form.js`,
        'mime',
        error,
      );
    }
  }
  const url = wasmUrl ?? (base ? new URL('../../pkg/lite/xxgknb_lite_bg.wasm', base).href : null);
  if (!importFailed && url && typeof url !== 'object') {
    const seen = await probe(url);
    if (seen && seen.status >= 400) {
      return new LoadError(
        `xxgknb: the WebAssembly module ${url} answered HTTP ${seen.status}; copy it where the page can fetch it and pass its URL as attach(form, { wasmUrl }) (docs/bundlers.md)`,
        'not-found',
        error,
      );
    }
    if (seen && seen.type && seen.type !== 'application/wasm' && seen.type !== 'application/octet-stream') {
      return new LoadError(
        `xxgknb: ${url} is served as "${seen.type}", not as the WebAssembly module (application/wasm); check its URL and the server's MIME types (docs/serving.md)`,
        'mime',
        error,
      );
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return new LoadError(
    `xxgknb: the validator could not be loaded (${message}); the form is not checked in the browser`,
    'failed',
    error,
  );
}

/**
 * The lite validator, initialised. `wasmUrl` (a string or URL) says where its .wasm is; without
 * it the built-in bytes of the script-tag build, else the file next to the lite glue.
 * Rejects with a LoadError; a rejected load is forgotten, so that the next call tries again.
 * @param {string | URL} [wasmUrl]
 * @returns {Promise<LiteModule>}
 */
export function loadValidator(wasmUrl) {
  if (typeof WebAssembly !== 'object' || WebAssembly === null) {
    // Said once per page, however many forms attach: the form still submits, the server checks.
    if (!warnedNoWasm) {
      warnedNoWasm = true;
      console.warn(
        'xxgknb: this browser has no WebAssembly, so report forms are not checked in the browser (they still submit; the server checks them).',
      );
    }
    return Promise.reject(new LoadError('xxgknb: this browser has no WebAssembly', 'no-webassembly'));
  }
  const source =
    wasmUrl === undefined || wasmUrl === null ? builtIn : wasmUrl instanceof URL ? wasmUrl.href : String(wasmUrl);
  if (source === null && here() === null) {
    // A classic-script (IIFE) bundle has no module URL to find the .wasm next to.
    return Promise.reject(
      new LoadError(
        'xxgknb: this bundle is a classic script, so the WebAssembly cannot be found next to it: pass attach(form, { wasmUrl }) (docs/bundlers.md), or use xxgknb-form.js',
        'not-found',
      ),
    );
  }
  const key = source === null ? '' : typeof source === 'string' ? source : 'built-in';
  let loading = loads.get(key);
  if (!loading) {
    let importFailed = false;
    loading = importLite()
      .catch((error) => {
        importFailed = true;
        throw error;
      })
      .then(async (mod) => {
        await mod.default(source === null ? undefined : { module_or_path: source });
        return mod;
      })
      .catch(async (error) => {
        loads.delete(key);
        throw await explain(error, typeof source === 'string' ? source : null, importFailed);
      });
    loads.set(key, loading);
  }
  return loading;
}
