// `parseFile` and `checkFile` for an entry point, loading the readers (js/documents/) and the
// place's libraries (`loadEnv`: Node's or the browser's) on the first call only, so that the
// entry and `validate`/`parse`/`check` do not grow by them.

/**
 * @param {{ parse: Function, check: Function }} api  the entry's synchronous functions
 * @param {() => Promise<object>} loadEnv  imports env.node.mjs or env.browser.mjs
 */
export function fileFunctions(api, loadEnv) {
  let files = null;
  const load = () => (files ??= Promise.all([import('./index.mjs'), loadEnv()]).then(([m, env]) => m.makeFileApi(api, env)));
  return {
    /** Read a report file (PDF, DOCX, DOC/WPS in Node, or the text, HTML and JSON `parse` reads): `parse`'s result plus `kind`. */
    parseFile: async (input, options) => (await load()).parseFile(input, options),
    /** Read a report file, then validate: `check`'s result plus `kind`. */
    checkFile: async (input, options) => (await load()).checkFile(input, options),
  };
}
