// Where Node finds the document libraries: PDF.js with the CMaps and standard fonts of the
// installed pdfjs-dist (Chinese PDFs use CID fonts whose CMaps PDF.js fetches at run time:
// from disk here, so reading works offline), fflate and saxes for DOCX, word-extractor for
// DOC/WPS. Each is imported on first use only.
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';

const require = createRequire(import.meta.url);

/** @param {string} pkg @param {any} e what importing it threw */
function missing(pkg, e) {
  const err = /** @type {Error & { code?: string }} */ (
    new Error(
      `xxgknb: reading this file needs the package "${pkg}", which is not installed (npm install ${pkg}): ${e?.message ?? e}`,
    )
  );
  err.code = 'XXGKNB_MISSING_LIBRARY';
  return err;
}

/** @type {Promise<import('./pdf.mjs').PdfLib> | null} */
let pdf = null;

// PDF.js's build for Node bundles core-js, which replaces `Array.prototype.push`, `JSON.parse`
// and `JSON.stringify` for the whole process with polyfills (Node 20's are fine for PDF.js's
// use): after the first PDF every push and every JSON call, ours (each `check()` result is
// JSON) and the host application's, ran through them. A quarter of the time of reading a PDF.
const BUILTINS = /** @type {const} */ ([
  [Array.prototype, 'push'],
  [JSON, 'parse'],
  [JSON, 'stringify'],
]);

/** Run `load` and put back the built-ins it replaced. @template T @param {() => Promise<T>} load */
async function keepBuiltins(load) {
  const saved = BUILTINS.map(([o, k]) => Object.getOwnPropertyDescriptor(o, k));
  try {
    return await load();
  } finally {
    BUILTINS.forEach(([o, k], i) => {
      const d = saved[i];
      if (d) Object.defineProperty(o, k, d);
    });
  }
}

/** PDF.js and the parameters of `getDocument` that make it work offline in Node.
 * @returns {Promise<import('./pdf.mjs').PdfLib>} */
export function loadPdf() {
  pdf ??= (async () => {
    let root;
    let pdfjs;
    try {
      root = dirname(require.resolve('pdfjs-dist/package.json'));
      // The worker's module too: PDF.js imports it (the same module) at the first document,
      // and its own copy of core-js would replace the built-ins then.
      pdfjs = await keepBuiltins(async () => {
        const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
        await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
        return lib;
      });
    } catch (/** @type {any} */ e) {
      pdf = null;
      throw missing('pdfjs-dist', e);
    }
    const folder = (/** @type {string} */ name) => join(root, name) + sep;
    return {
      pdfjs,
      params: {
        cMapUrl: folder('cmaps'),
        cMapPacked: true,
        standardFontDataUrl: folder('standard_fonts'),
        wasmUrl: folder('wasm'),
        // Text only: no fonts installed into a page, no code generated from font programs.
        disableFontFace: true,
        isEvalSupported: false,
        useSystemFonts: false,
        verbosity: 0,
      },
    };
  })();
  return pdf;
}

export async function loadZip() {
  try {
    return await import('fflate');
  } catch (/** @type {any} */ e) {
    throw missing('fflate', e);
  }
}

/** An XML event reader over saxes: calls `on.open(name, attrs)`, `on.text(s)`, `on.close(name)`.
 * @returns {Promise<import('./docx.mjs').XmlReader>} */
export async function loadXml() {
  let SaxesParser;
  try {
    ({ SaxesParser } = await import('saxes'));
  } catch (/** @type {any} */ e) {
    throw missing('saxes', e);
  }
  return (xml, on) => {
    // No line and column tracking: nothing reports them, and it costs a tenth of the parse.
    const p = new SaxesParser({ position: false });
    // Without the `xmlns` option attributes are plain strings (saxes' types cannot tell).
    p.on('opentag', (t) => on.open(t.name, /** @type {Record<string, string>} */ (t.attributes)));
    p.on('text', (s) => on.text(s));
    p.on('closetag', (t) => on.close(t.name));
    p.write(xml).close();
  };
}

export async function loadWordExtractor() {
  try {
    return (await import('word-extractor')).default;
  } catch (/** @type {any} */ e) {
    throw missing('word-extractor', e);
  }
}
