// `parseFile` and `checkFile` for an entry point, loading the readers (js/documents/) and the
// place's libraries (`loadEnv`: Node's or the browser's) on the first call only, so that the
// entry and `validate`/`parse`/`check` do not grow by them.

/**
 * @param {Pick<import('../api.mjs').FullApi, 'parse' | 'check'>} api  the entry's synchronous functions
 * @param {() => Promise<import('./index.mjs').Env>} loadEnv  imports env.node.mjs or env.browser.mjs
 */
export function fileFunctions(api, loadEnv) {
  /** @typedef {ReturnType<import('./index.mjs').makeFileApi>} FileApi */
  /** @type {Promise<FileApi> | null} */
  let files = null;
  const load = () =>
    (files ??= Promise.all([import('./index.mjs'), loadEnv()]).then(([m, env]) => m.makeFileApi(api, env)));
  /** Misuse that surfaced as an engine error (a revoked proxy, a getter that throws) or without
   * the function's name is said as every entry says it: `name: what was wrong`.
   * @param {string} name @param {(files: FileApi, input: unknown, options: unknown) => Promise<any>} call
   * @returns {(input: unknown, options?: unknown) => Promise<any>} */
  const named = (name, call) => async (input, options) => {
    try {
      return await call(await load(), input, options);
    } catch (err) {
      if (err instanceof TypeError || err instanceof RangeError)
        throw new Error(`${name}: the arguments cannot be read (${err.message})`, { cause: err });
      // `options.kind: …` said without a name, or by the function it calls (`check: …`).
      const inner = name.replace('File', ': ');
      const message = err instanceof Error ? err.message : '';
      if (/^options[.:]/.test(message)) throw new Error(`${name}: ${message}`, { cause: err });
      if (message.startsWith(inner)) throw new Error(`${name}: ${message.slice(inner.length)}`, { cause: err });
      throw err;
    }
  };
  return {
    /** Read a report file (PDF, DOCX, DOC/WPS in Node, or the text, HTML and JSON `parse` reads): `parse`'s result plus `kind`. */
    parseFile: named('parseFile', (files, input, options) => files.parseFile(input, options)),
    /** Read a report file, then validate: `check`'s result plus `kind`. */
    checkFile: named('checkFile', (files, input, options) => files.checkFile(input, options)),
  };
}
