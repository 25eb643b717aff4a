// The public API over one wasm-bindgen module (full or lite): the same few functions for every
// entry point, so that Node, browsers and the lite build cannot drift apart.
//
// Two promises are kept here, for every entry:
// - Misuse never reaches WebAssembly. Every argument is checked and copied in JS first (text,
//   bytes through the typed-array intrinsics, objects through one JSON.stringify), and only text
//   crosses: no caller's getter, proxy or lying `length` runs while WebAssembly runs, so no JS
//   exception can unwind through it. Misuse throws an `Error` naming the function.
// - A failure inside WebAssembly (a trap, the stack running out) never leaves the instance in
//   use: it is replaced by a fresh one from the same compiled module before the next call.
import { buildSchema } from './schema.mjs';
import { compileMessages, applyMessages } from './messages.mjs';
/** @import { CheckResult, ParseResult, ValidationResult } from './types.js' */

/**
 * The wasm-bindgen glue's exports that the API calls (declared in pkg/*.d.ts, written by
 * scripts/build.mjs). The lite build has no `runBytes` and no `memoryBytes`.
 * @typedef {object} Glue
 * @property {(func: string, input: string, opts: string, over: number) => string} run
 * @property {(func: string, bytes: Uint8Array, opts: string) => string} [runBytes]
 * @property {(current: Uint8Array, previous: Uint8Array, opts: string, over: number) => string} [crossYear]
 * @property {(bytes: Uint8Array, opts: string, file: string, over: number) => Uint8Array} [checkRecord]
 * @property {(what: string) => string} catalog
 * @property {() => number} [memoryBytes]
 * @property {() => void} [__wbg_reset_state]
 * @property {(options?: { module_or_path: import('../pkg/xxgknb.js').InitInput | Promise<import('../pkg/xxgknb.js').InitInput> }) => Promise<unknown>} default
 * @property {(options: { module: import('../pkg/xxgknb.js').SyncInitInput }) => unknown} initSync
 */

/**
 * What `makeApi` returns: the public functions (js/index.d.ts), `parse` and `check` in the
 * full build only.
 * @typedef {object} Api
 * @property {typeof import('./index.js').validate} validate
 * @property {typeof import('./index.js').validateJson} validateJson
 * @property {typeof import('./index.js').parse | undefined} parse
 * @property {typeof import('./index.js').check | undefined} check
 * @property {Internal} internal  what full-build functions outside this file call through
 * @property {typeof import('./index.js').cells} cells
 * @property {typeof import('./index.js').jsonSchema} jsonSchema
 * @property {typeof import('./index.js').rules} rules
 */
/** The full build's API (a glue with `runBytes` has the readers).
 * @typedef {Api & { parse: NonNullable<Api['parse']>, check: NonNullable<Api['check']> }} FullApi */
/**
 * The core's call (a trap answered, a misuse thrown) and the `messages` option's wording.
 * @typedef {{ call: (name: string, fn: (...args: any[]) => string | Uint8Array, ...args: any[]) => any,
 *   wording: (name: string, opts: OptionsText) => (<R extends ValidationResult>(result: R) => R) }} Internal */
/** @typedef {Glue & { runBytes: NonNullable<Glue['runBytes']> }} FullGlue */

/** Options as the core takes them: JSON text ('' for none), and the input limit they set.
 * @typedef {{ text: string, limit: number }} OptionsText */

/** The default of the `maxInputBytes` option (as in the core): 16 MiB. */
export const DEFAULT_MAX_INPUT_BYTES = 16 * 1024 * 1024;
const MAX_INPUT_LIMIT = 1024 * 1024 * 1024;
/** Past this much linear memory after a call (one very large input), start a fresh instance
 * so that the memory goes back to the system instead of staying at its peak. */
const KEEP_MEMORY_BYTES = 64 * 1024 * 1024;

// Intrinsics, taken once at load: a caller's object can fake `length` or `Symbol.toStringTag`,
// but not the internal slots these read.
const { apply } = Reflect;
const TypedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
/** @param {PropertyKey} name @returns {() => any} a getter every engine's %TypedArray% has */
const getter = (name) =>
  /** @type {() => any} */ (
    /** @type {PropertyDescriptor} */ (Object.getOwnPropertyDescriptor(TypedArrayProto, name)).get
  );
const typedArrayTag = getter(Symbol.toStringTag); // undefined for anything but a typed array
const typedArrayBuffer = getter('buffer');
const typedArrayOffset = getter('byteOffset');
const typedArrayLength = getter('byteLength');
const { isArray } = Array;
// A BOM dropped, invalid sequences as U+FFFD: what the core does with bytes it is given.
const utf8Decoder = new TextDecoder();
const { stringify } = JSON;
const parseJson = JSON.parse;

/** Where `check`'s answer holds the report: its last member (src/api.rs writes it so). No
 * other member is named `report`, and inside a JSON string a quote is escaped, so the first
 * match is the member. */
const REPORT_MEMBER = ',"report":';

/**
 * `check`'s answer, with its `report` parsed when first read. The report is most of the
 * answer's JSON (on a portal page, 4 KB of its 5), and a script checking files in bulk mostly
 * reads the diagnostics alone: parsing the report took 14 µs of a check's 440. The property is
 * enumerable, so JSON.stringify, spreading and cloning still see the report; it can be
 * assigned to like any other.
 * @param {string} out @returns {any}
 */
function withLazyReport(out) {
  const at = out.indexOf(REPORT_MEMBER);
  if (at < 0) return parseJson(out); // `report: false`, or the input was refused
  const result = parseJson(`${out.slice(0, at)}}`);
  /** @type {string | null} */
  let text = out.slice(at + REPORT_MEMBER.length, -1);
  /** @type {unknown} */
  let report;
  Object.defineProperty(result, 'report', {
    enumerable: true,
    configurable: true,
    get() {
      if (text !== null) {
        report = parseJson(text);
        text = null;
      }
      // Once read, a plain data member again (as console.log and property descriptors show it);
      // a sealed or frozen result keeps the accessor.
      try {
        Object.defineProperty(this, 'report', { value: report, writable: true, enumerable: true, configurable: true });
      } catch {
        /* sealed or frozen */
      }
      return report;
    },
    set(value) {
      // On a sealed or frozen result this throws a TypeError, as assigning a frozen member does.
      Object.defineProperty(this, 'report', { value, writable: true, enumerable: true, configurable: true });
      text = null;
    },
  });
  return result;
}

/** An Error with its cause (set by hand: browsers before Chromium 93 ignore `{ cause }`).
 * @param {string} message @param {unknown} cause */
function failure(message, cause) {
  const error = new Error(message);
  error.cause = cause;
  return error;
}

/** How a JS value is described in a misuse message: "a number", "an array", "null". Never throws.
 * @param {unknown} v @returns {string} */
export function describe(v) {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing (undefined)';
  const t = typeof v;
  if (t !== 'object') return t === 'function' ? 'a function' : `a ${t}`;
  try {
    if (isArray(v)) return 'an array';
  } catch {
    return 'a revoked proxy';
  }
  const tag = apply(typedArrayTag, v, []);
  return tag ? `a ${tag}` : 'an object';
}

/** @param {unknown} v @returns {v is object} an object that is not an array */
const isObject = (v) => {
  if (v === null || typeof v !== 'object') return false;
  try {
    return !isArray(v);
  } catch {
    return true; // a revoked proxy: JSON.stringify says what is wrong with it
  }
};

/** A copy of the bytes of a `Uint8Array` (from any realm), or null for anything else.
 * @param {unknown} v @param {string} name @returns {Uint8Array | null} */
function copyBytes(v, name) {
  if (v === null || typeof v !== 'object' || apply(typedArrayTag, v, []) !== 'Uint8Array') return null;
  const buffer = apply(typedArrayBuffer, v, []);
  const offset = apply(typedArrayOffset, v, []);
  const length = apply(typedArrayLength, v, []);
  try {
    // A fresh view: its length is the real one, whatever the caller's object claims.
    return new Uint8Array(buffer, offset, length);
  } catch (/** @type {any} */ err) {
    throw failure(
      `${name}: the bytes cannot be read (${err?.message ?? err}); was their ArrayBuffer detached or transferred?`,
      err,
    );
  }
}

/**
 * A text argument: the string, or a copy of the bytes of a `Uint8Array` (see copyBytes); for
 * anything else the misuse Error `name: expected <expected>, got <what it is><hint(v)>`.
 * @param {unknown} v @param {string} name @param {string} expected
 * @param {(v: unknown) => string} [hint] @returns {string | Uint8Array}
 */
export function textArg(v, name, expected, hint = () => '') {
  const arg = typeof v === 'string' ? v : copyBytes(v, name);
  if (arg === null) throw new Error(`${name}: expected ${expected}, got ${describe(v)}${hint(v)}`);
  return arg;
}

/** UTF-8 length of a string as the core receives it (a lone surrogate becomes U+FFFD, 3 bytes).
 * @param {string} s */
function utf8Length(s) {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // a pair: 2 units, 4 bytes
      i++;
    } else n += 2;
  }
  return n;
}

/** The input's size in bytes when it is over `limit`, else 0 (exact only when it matters).
 * @param {string | Uint8Array} input @param {number} limit */
export function overLimit(input, limit) {
  if (typeof input === 'string') {
    if (input.length * 3 <= limit) return 0;
    const n = utf8Length(input);
    return n > limit ? n : 0;
  }
  let n = input.byteLength;
  if (n >= 3 && input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) n -= 3; // the BOM is dropped
  return n > limit ? n : 0;
}

// Non-finite numbers: JSON.stringify writes them as null, which the core would take for a
// blank cell. Where a null appears at all, the object is written again with them marked, and
// the marks become the bare tokens NaN, Infinity, -Infinity, which only `validate`'s reader
// accepts (as invalid-number). The nonce keeps a caller's own strings from passing for marks.
const NONCE = `\u0000xxgknb${Math.random().toString(36).slice(2)}:`;
const MARKED = new RegExp(`"\\\\u0000${NONCE.slice(1)}(NaN|Infinity|-Infinity)"`, 'g');
/** @param {string} _key @param {unknown} v */
const markNonFinite = (_key, v) => (typeof v === 'number' && !Number.isFinite(v) ? NONCE + v : v);
/** @param {string} _key @param {unknown} v */
const nonFiniteAsText = (_key, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v);

/** Why JSON.stringify threw, for a misuse message. @param {any} err what it threw */
function stringifyProblem(err) {
  const msg = String(err?.message ?? err);
  if (/circular|cyclic/i.test(msg)) return 'it contains itself (a cycle), so it cannot be turned into JSON';
  if (/BigInt/i.test(msg)) return 'it holds a BigInt, which JSON cannot carry (use a number or a string)';
  if (/revoked/i.test(msg)) return 'it is a revoked proxy';
  return `reading it threw: ${msg}`;
}

/** Whether `v` nests deeper than `max` objects and arrays (walked without recursion).
 * @param {unknown} v @param {number} max */
function deeperThan(v, max) {
  /** @type {[unknown, number][]} */
  const stack = [[v, 0]];
  while (stack.length) {
    const [node, depth] = /** @type {[unknown, number]} */ (stack.pop());
    if (node === null || typeof node !== 'object') continue;
    if (depth >= max) return true;
    for (const k of Object.keys(node)) stack.push([/** @type {Record<string, unknown>} */ (node)[k], depth + 1]);
  }
  return false;
}

/**
 * The report as JSON text for the core, or `{ deep: true }` when it is too deep for
 * JSON.stringify. Misuse (a cycle, a BigInt, a getter that throws) throws.
 * @param {object} report @param {string} name
 * @returns {{ deep: true } | { deep?: undefined, text: string }}
 */
function reportText(report, name) {
  let text;
  try {
    text = stringify(report);
    if (text.includes('null')) text = stringify(report, markNonFinite).replace(MARKED, '$1');
  } catch (err) {
    if (err instanceof RangeError) {
      // Either the object is absurdly deep, or the caller's own stack is nearly spent.
      let deep;
      try {
        deep = deeperThan(report, 128);
      } catch {
        deep = false;
      }
      if (deep) return { deep: true };
      throw err;
    }
    throw failure(`${name}: the report cannot be read: ${stringifyProblem(err)}`, err);
  }
  return { text };
}

/** Options as JSON text for the core ('' for none), and the input limit they set.
 * @param {unknown} options @param {string} name @returns {OptionsText} */
export function optionsText(options, name) {
  if (options === undefined || options === null) return { text: '', limit: DEFAULT_MAX_INPUT_BYTES };
  if (!isObject(options)) throw new Error(`${name}: options must be an object, got ${describe(options)}`);
  let text;
  try {
    text = stringify(options);
    if (text.includes('null')) text = stringify(options, nonFiniteAsText);
  } catch (err) {
    throw failure(`${name}: the options cannot be read: ${stringifyProblem(err)}`, err);
  }
  let limit = DEFAULT_MAX_INPUT_BYTES;
  if (text.includes('"maxInputBytes"')) {
    const n = parseJson(text)?.maxInputBytes;
    // A wrong value is the core's to report; meanwhile the default stands.
    if (Number.isInteger(n) && n >= 1 && n <= MAX_INPUT_LIMIT) limit = n;
  }
  return { text, limit };
}

/** A format argument ("2019", "2021", or the years as numbers), or a misuse Error.
 * @param {unknown} format @param {string} name @returns {'2019' | '2021'} */
function formatArg(format, name) {
  const s = typeof format === 'number' && Number.isInteger(format) ? String(format) : format;
  if (s === '2019' || s === '2021') return s;
  throw new Error(
    `${name}: expected the format "2019" or "2021", got ${describe(format)}${typeof format === 'string' ? ` "${format.slice(0, 20)}"` : ''}`,
  );
}

/** @overload @param {FullGlue} raw @param {() => boolean} ready @returns {FullApi} */
/** @overload @param {Glue} raw @param {() => boolean} ready @returns {Api} */
/**
 * @param {Glue} raw       the wasm-bindgen module's exports
 * @param {() => boolean} ready  whether the module is instantiated
 * @returns {Api}
 */
export function makeApi(raw, ready) {
  let broken = false; // the instance failed and could not yet be replaced

  /** A fresh instance from the same compiled module (wasm-bindgen's reset-state function). */
  const restart = () => {
    broken = true;
    if (typeof raw.__wbg_reset_state !== 'function') return;
    raw.__wbg_reset_state();
    broken = false;
  };

  /**
   * Call the core and decode its answer: JSON text, or a misuse message to throw.
   * @template {unknown[]} A
   * @param {string} name @param {(...args: A) => string | Uint8Array} fn @param {A} args
   * @returns {any} the answer's JSON, whose shape the function's public type says (bytes as they came)
   */
  const call = (name, fn, ...args) => {
    if (!ready()) {
      throw new Error(`${name}: called before the WebAssembly module was loaded; in a browser, \`await init()\` first`);
    }
    if (broken) {
      try {
        restart();
      } catch (/** @type {any} */ err) {
        throw failure(
          `${name}: the WebAssembly module failed earlier and could not be restarted (${err?.message ?? err})`,
          err,
        );
      }
      if (broken)
        throw new Error(
          `${name}: the WebAssembly module failed earlier and this build cannot restart it; reload the module`,
        );
    }
    let out;
    try {
      out = fn(...args);
    } catch (/** @type {any} */ err) {
      // Only a trap or an exhausted stack gets here (arguments are plain text by now): the
      // instance may be left mid-way, so it is not used again.
      try {
        restart();
      } catch {
        /* still broken: the next call tries again */
      }
      throw failure(
        `${name}: the WebAssembly module failed (${err?.message ?? err}); it has been restarted, and the next call runs on a fresh instance`,
        err,
      );
    }
    try {
      if ((raw.memoryBytes?.() ?? 0) > KEEP_MEMORY_BYTES) restart();
    } catch {
      /* the memory stays until the next restart */
    }
    // An answer in bytes (checkRecord's) is the caller's to read; a misuse message is text.
    if (typeof out !== 'string') {
      if (out[0] !== 123) throw new Error(utf8Decoder.decode(out));
      return out;
    }
    const first = out.charCodeAt(0);
    if (first !== 123 && first !== 91) throw new Error(out); // not `{` or `[`: a misuse message
    return name === 'check' ? withLazyReport(out) : parseJson(out);
  };

  /** @param {unknown} format @returns {import('./types.js').CellInfo[]} */
  const cellsOf = (format, name = 'cells') => call(name, raw.catalog, formatArg(format, name));
  /** @type {string[] | null} */
  let ruleIds = null;
  const ids = () => (ruleIds ??= call('rules', raw.catalog, 'rules').map((/** @type {{ id: string }} */ r) => r.id));

  /**
   * The `messages` option (local wording, js/messages.mjs): taken off the options' JSON copy
   * (the core refuses keys it does not know) and applied over the result in JS.
   * Returns `(result) => result` with the wording applied.
   * @param {string} name @param {OptionsText} opts
   * @returns {<R extends ValidationResult | ParseResult | CheckResult>(result: R) => R}
   */
  const wording = (name, opts) => {
    if (!opts.text.includes('"messages"')) return (result) => result;
    const { messages, ...others } = parseJson(opts.text);
    if (messages === undefined) return (result) => result;
    opts.text = stringify(others);
    const compiled = compileMessages(messages, name, ids());
    return (result) => applyMessages(result, compiled, others.locale ?? 'zh-CN', (format) => cellsOf(format));
  };

  /** `name` on text (a string, or a Uint8Array's copy), the size limit applied before anything is copied in.
   * @param {string} name @param {string | Uint8Array} input @param {OptionsText} opts @returns {any} */
  const run = (name, input, opts) => {
    const worded = wording(name, opts);
    const over = overLimit(input, opts.limit);
    if (over) return worded(call(name, raw.run, name, '', opts.text, over));
    if (typeof input === 'string') return worded(call(name, raw.run, name, input, opts.text, 0));
    // The lite build takes text only: bytes are decoded here, as the full build decodes them.
    if (raw.runBytes) return worded(call(name, raw.runBytes, name, input, opts.text));
    const shared = !(input.buffer instanceof ArrayBuffer); // TextDecoder refuses shared memory
    return worded(call(name, raw.run, name, utf8Decoder.decode(shared ? new Uint8Array(input) : input), opts.text, 0));
  };

  /** An API function taking text or its UTF-8 bytes.
   * @param {string} name @param {string} what
   * @returns {(input: unknown, options?: unknown) => any} */
  const textCall = (name, what) => (input, options) =>
    run(name, textArg(input, name, `${what} (a string or its UTF-8 bytes)`), optionsText(options, name));

  // The full build alone has the readers (and takes bytes as they are).
  const readers = typeof raw.runBytes === 'function';
  return {
    validate(/** @type {unknown} */ report, /** @type {unknown} */ options) {
      if (!isObject(report)) throw new Error(`validate: expected a report object, got ${describe(report)}`);
      const opts = optionsText(options, 'validate');
      const made = reportText(report, 'validate');
      // No text: too deep to write (the core answers invalid-structure).
      return run('validate', made.deep ? '' : made.text, opts);
    },
    validateJson: textCall('validateJson', 'JSON text'),
    parse: readers ? textCall('parse', "the report's text") : undefined,
    check: readers ? textCall('check', "the report's text") : undefined,
    // For the full build's extra functions (cross-year.mjs): not exported by the entries.
    internal: { call, wording },
    cells: (/** @type {unknown} */ format) => cellsOf(format),
    jsonSchema: (/** @type {unknown} */ format) =>
      buildSchema(formatArg(format, 'jsonSchema'), cellsOf(format, 'jsonSchema')),
    rules: () => call('rules', raw.catalog, 'rules'),
  };
}

/** What `init` and `initSync` take, as wasm-bindgen's glue wants it, or a misuse Error.
 * @param {unknown} input @param {string} name @param {boolean} sync @returns {any} */
function moduleSource(input, name, sync) {
  const wanted = sync
    ? "the .wasm file's bytes or a compiled WebAssembly.Module (or { module })"
    : "the .wasm file's URL, a Response, its bytes or a compiled WebAssembly.Module (or { module_or_path })";
  let source = input;
  // wasm-bindgen's own forms: `{ module_or_path }` and `{ module }`.
  if (isObject(source) && Object.getPrototypeOf(source) === Object.prototype) {
    const key = sync ? 'module' : 'module_or_path';
    if (!Object.prototype.hasOwnProperty.call(source, key))
      throw new Error(`${name}: expected ${wanted}, got an object without "${key}"`);
    source = /** @type {Record<string, unknown>} */ (source)[key];
  }
  if (source === undefined && !sync) return undefined; // the .wasm next to the glue
  const ok =
    source instanceof WebAssembly.Module ||
    source instanceof ArrayBuffer ||
    ArrayBuffer.isView(source) ||
    (!sync &&
      (typeof source === 'string' ||
        source instanceof URL ||
        (typeof Request === 'function' && source instanceof Request) ||
        (typeof Response === 'function' && source instanceof Response) ||
        typeof (/** @type {any} */ (source)?.then) === 'function'));
  if (!ok) throw new Error(`${name}: expected ${wanted}, got ${describe(source)}`);
  return sync ? { module: source } : { module_or_path: source };
}

/**
 * A browser entry over a `--target web` module: `init()` loads it (safe to call again; a
 * failed load is not kept, so calling it again, e.g. with the right URL, tries again),
 * `initSync({ module })` works in workers, and the API refuses to run before either.
 * @template {Glue} G
 * @param {G} raw
 * @returns {{ api: G extends FullGlue ? FullApi : Api, init: (input?: unknown) => Promise<void>, initSync: (input: unknown) => void }}
 */
export function browserEntry(raw) {
  /** @type {Promise<void> | null} */
  let loading = null;
  let ready = false;
  /** @param {unknown} [input] @returns {Promise<void>} */
  const init = (input) => {
    if (ready) return Promise.resolve();
    let source;
    try {
      source = moduleSource(input, 'init', false);
    } catch (err) {
      return Promise.reject(err);
    }
    loading ??= raw.default(source).then(
      () => {
        ready = true;
      },
      (/** @type {any} */ err) => {
        loading = null;
        throw failure(
          `init: the WebAssembly module could not be loaded (${err?.message ?? err}); call init() again, e.g. with its URL: init({ module_or_path: '/static/xxgknb_bg.wasm' })`,
          err,
        );
      },
    );
    return loading;
  };
  /** @param {unknown} input */
  const initSync = (input) => {
    if (ready) return;
    const source = moduleSource(input, 'initSync', true);
    try {
      raw.initSync(source);
    } catch (/** @type {any} */ err) {
      throw failure(`initSync: the WebAssembly module could not be instantiated (${err?.message ?? err})`, err);
    }
    ready = true;
  };
  // The overloads of makeApi, which TypeScript does not pick for a type parameter.
  const api = /** @type {G extends FullGlue ? FullApi : Api} */ (makeApi(raw, () => ready));
  return { api, init, initSync };
}
