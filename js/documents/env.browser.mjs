// Where a browser finds the document libraries: `pdfjs-dist` and `fflate` by their package names
// (a bundler resolves them, or the page's import map), imported on first use only. PDF.js runs
// in its own worker and fetches CMaps and standard fonts from the pdfjs-dist folder: found with
// `import.meta.resolve` (import maps), or set with `configureFiles({ pdfjsBase })`. XML is read
// with the browser's own DOMParser. DOC/WPS files need Node (word-extractor): none here.

let pdfjsBase = null;

/** `pdfjsBase`: the URL of an installed pdfjs-dist folder (holding build/, cmaps/, standard_fonts/). */
export function configureFiles(options) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new Error('configureFiles: expected an object like { pdfjsBase: "/node_modules/pdfjs-dist/" }');
  }
  const { pdfjsBase: base, ...rest } = options;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) throw new Error(`configureFiles: unknown option ${unknown[0]} (known: pdfjsBase)`);
  if (typeof base !== 'string' && !(base instanceof URL)) {
    throw new Error('configureFiles: pdfjsBase must be the URL of the pdfjs-dist folder (a string or URL)');
  }
  pdfjsBase = new URL(String(base).endsWith('/') ? String(base) : `${base}/`, globalThis.location?.href).href;
  pdf = null;
}

function base() {
  if (pdfjsBase) return pdfjsBase;
  try {
    return new URL('./', import.meta.resolve('pdfjs-dist/build/pdf.mjs')).href.replace(/build\/$/, '');
  } catch {
    throw new Error('xxgknb: reading a PDF needs the pdfjs-dist folder: call configureFiles({ pdfjsBase: "<URL of pdfjs-dist/>" }) or map "pdfjs-dist/" in an import map');
  }
}

let pdf = null;

export function loadPdf() {
  pdf ??= (async () => {
    const root = base();
    const pdfjs = await import('pdfjs-dist');
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

export const loadZip = () => import('fflate');

/** The same XML events as Node's saxes reader, from a DOM tree. */
export async function loadXml() {
  return (xml, on) => {
    const dom = new DOMParser().parseFromString(xml, 'application/xml');
    const error = dom.getElementsByTagName('parsererror')[0];
    if (error) throw new Error(error.textContent?.slice(0, 120) ?? 'XML error');
    const walk = (el) => {
      const attrs = {};
      for (const a of el.attributes) attrs[a.name] = a.value;
      on.open(el.tagName, attrs);
      for (let n = el.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === 1) walk(n);
        else if (n.nodeType === 3 || n.nodeType === 4) on.text(n.data);
      }
      on.close(el.tagName);
    };
    walk(dom.documentElement);
  };
}
