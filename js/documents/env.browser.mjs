// Where a browser finds the document libraries, imported on first use only: `pdfjs-dist` and
// `fflate` by their package names (a bundler resolves them, or the page's import map), or from
// the URLs given to `configureFiles` (pages without either: the demo's CSP allows no inline
// import map). PDF.js runs in its own worker and fetches CMaps and standard fonts from the
// pdfjs-dist folder. XML is read with the browser's own DOMParser. DOC/WPS files need Node
// (word-extractor): none here.

/** @type {string | null} */
let pdfjsBase = null;
/** @type {string | null} */
let fflateUrl = null;
/** @type {Promise<import('./pdf.mjs').PdfLib> | null} */
let pdf = null; // the loading of PDF.js, once

const KNOWN = ['pdfjsBase', 'fflateUrl'];

/**
 * `pdfjsBase`: the URL of an installed pdfjs-dist folder (holding build/, cmaps/, standard_fonts/);
 * `fflateUrl`: the URL of fflate's ES module (`fflate/esm/browser.js`).
 * @param {{ pdfjsBase?: string | URL, fflateUrl?: string | URL }} options
 */
export function configureFiles(options) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new Error('configureFiles: expected an object like { pdfjsBase: "/node_modules/pdfjs-dist/" }');
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN.includes(key)) throw new Error(`configureFiles: unknown option ${key} (known: ${KNOWN.join(', ')})`);
    const v = /** @type {Record<string, unknown>} */ (options)[key];
    if (typeof v !== 'string' && !(v instanceof URL))
      throw new Error(`configureFiles: ${key} must be a URL (a string or URL), got ${v === null ? 'null' : typeof v}`);
  }
  const here = globalThis.location?.href;
  if (options.pdfjsBase !== undefined) {
    const b = String(options.pdfjsBase);
    pdfjsBase = new URL(b.endsWith('/') ? b : `${b}/`, here).href;
    pdf = null;
  }
  if (options.fflateUrl !== undefined) fflateUrl = new URL(String(options.fflateUrl), here).href;
}

function base() {
  if (pdfjsBase) return pdfjsBase;
  try {
    return new URL('../', import.meta.resolve('pdfjs-dist/build/pdf.mjs')).href;
  } catch {
    throw new Error(
      'xxgknb: reading a PDF needs the pdfjs-dist folder: call configureFiles({ pdfjsBase: "<URL of pdfjs-dist/>" }) or map "pdfjs-dist/" in an import map',
    );
  }
}

/** @returns {Promise<import('./pdf.mjs').PdfLib>} */
export function loadPdf() {
  pdf ??= (async () => {
    const root = base();
    const pdfjs = pdfjsBase
      ? await import(/* webpackIgnore: true */ /* @vite-ignore */ `${root}build/pdf.mjs`)
      : await import('pdfjs-dist');
    pdfjs.GlobalWorkerOptions.workerSrc = `${root}build/pdf.worker.mjs`;
    return {
      pdfjs,
      params: {
        cMapUrl: `${root}cmaps/`,
        cMapPacked: true,
        standardFontDataUrl: `${root}standard_fonts/`,
        wasmUrl: `${root}wasm/`,
        disableFontFace: true,
        isEvalSupported: false,
        verbosity: 0,
      },
    };
  })();
  pdf.catch(() => {
    pdf = null;
  });
  return pdf;
}

/** @returns {Promise<typeof import('fflate')>} */
export const loadZip = () =>
  fflateUrl ? import(/* webpackIgnore: true */ /* @vite-ignore */ fflateUrl) : import('fflate');

/** The same XML events as Node's saxes reader, from a DOM tree.
 * @returns {Promise<import('./docx.mjs').XmlReader>} */
export async function loadXml() {
  return (xml, on) => {
    const dom = new DOMParser().parseFromString(xml, 'application/xml');
    const error = dom.getElementsByTagName('parsererror')[0];
    if (error) throw new Error(error.textContent?.slice(0, 120) ?? 'XML error');
    /** @param {Element} el */
    const walk = (el) => {
      /** @type {Record<string, string>} */
      const attrs = {};
      for (const a of el.attributes) attrs[a.name] = a.value;
      on.open(el.tagName, attrs);
      for (let n = el.firstChild; n; n = n.nextSibling) {
        // 1: an element; 3, 4: text and CDATA.
        if (n.nodeType === 1) walk(/** @type {Element} */ (n));
        else if (n.nodeType === 3 || n.nodeType === 4) on.text(/** @type {CharacterData} */ (n).data);
      }
      on.close(el.tagName);
    };
    walk(dom.documentElement);
  };
}
