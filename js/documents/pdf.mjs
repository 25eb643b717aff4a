// PDF → text laid out by position, through Mozilla's PDF.js (the text items with their positions;
// `layout.mjs` does the rest). PDF.js is loaded only when a PDF is read. What keeps a PDF from
// being read (a password, a cut-off file, pages with no text) is returned as a problem, not thrown.
import { layoutText } from './layout.mjs';

/** Characters that count as text read (CJK ideographs, digits, Latin letters). */
const READABLE = /[\u3400-\u9fff\uf900-\ufaff0-9A-Za-z\uff10-\uff19]/g;
// Fewer readable characters than this on all pages together: a scan with at most a stamp or a
// page number in text, not a report.
const MIN_TEXT = 40;
// Pages requested ahead of the one being laid out.
const AHEAD = 4;

/**
 * PDF.js and the parameters of `getDocument` that suit the place (env.node.mjs, env.browser.mjs).
 * @typedef {{ pdfjs: typeof import('pdfjs-dist'), params: import('pdfjs-dist/types/src/display/api.js').DocumentInitParameters }} PdfLib
 */

/**
 * @param {Uint8Array} bytes
 * @param {{ load: () => Promise<PdfLib>, maxPages: number }} env
 * @returns {Promise<{ text: string, lines: import('./layout.mjs').LineInfo[], pages: number, problem?: undefined } | { problem: import('./problems.mjs').Problem }>}
 */
export async function readPdf(bytes, env) {
  if (!hasEnd(bytes)) return { problem: { reason: 'pdf-truncated' } };
  const { pdfjs, params } = await env.load();
  let task = null;
  let doc;
  try {
    // PDF.js takes the buffer over (detaches it): give it a copy (a plain Uint8Array: it
    // refuses a Buffer), so the caller's bytes stay usable.
    task = pdfjs.getDocument({ ...params, data: new Uint8Array(bytes) });
    doc = await task.promise;
  } catch (/** @type {any} */ e) {
    await task?.destroy().catch(() => {});
    if (e?.name === 'PasswordException') return { problem: { reason: 'pdf-password' } };
    return { problem: { reason: 'pdf-damaged', detail: String(e?.message ?? e) } };
  }
  try {
    if (doc.numPages > env.maxPages) {
      return { problem: { reason: 'pdf-pages', detail: { pages: doc.numPages, limit: env.maxPages } } };
    }
    // Pages asked for a few at a time: PDF.js's worker then has the next one queued. No
    // `page.cleanup()` in between: it drops the fonts, which the next page would parse again
    // (a third of the time of a 6-page report); `doc.destroy()` frees everything at the end.
    const pages = [];
    /** @param {number} n */
    const ask = (n) => {
      const p = doc.getPage(n).then(async (page) => ({ page, content: await page.getTextContent() }));
      p.catch(() => {}); // awaited below; a page failing while another is awaited is no crash
      return p;
    };
    const ahead = [];
    for (let n = 1; n <= Math.min(AHEAD, doc.numPages); n++) ahead.push(ask(n));
    for (let n = 1; n <= doc.numPages; n++) {
      // Pages 1 to AHEAD were asked for above, page n + AHEAD at page n: page n is next.
      const { page, content } = await /** @type {ReturnType<typeof ask>} */ (ahead.shift());
      if (n + AHEAD <= doc.numPages) ahead.push(ask(n + AHEAD));
      const [x0, y0, x1, y1] = page.view;
      const items = [];
      for (const it of content.items) {
        // Marked-content markers (no `str`) carry no text.
        if (!('str' in it) || typeof it.str !== 'string' || it.str.trim() === '') continue;
        const [a, b, c, d, e, f] = it.transform;
        // Rotated text (stamps, vertical margin notes) is no part of a table row.
        if (Math.abs(b) > Math.abs(a) * 0.1 || Math.abs(c) > Math.abs(d) * 0.1) continue;
        items.push({ str: it.str, x: e - x0, y: f - y0, w: it.width, size: Math.abs(d) || it.height || 10 });
      }
      pages.push({ width: x1 - x0, height: y1 - y0, items });
    }
    const { text, lines } = layoutText(pages);
    const readable = text.match(READABLE)?.length ?? 0;
    if (readable < MIN_TEXT) {
      return { problem: { reason: 'pdf-no-text', detail: String(doc.numPages) } };
    }
    // Fonts with no map back to Unicode give private-use or replacement characters.
    const garbled = text.match(/[\ue000-\uf8ff\ufffd]/g)?.length ?? 0;
    if (garbled > readable) {
      return { problem: { reason: 'pdf-garbled' } };
    }
    return { text, lines, pages: doc.numPages };
  } catch (/** @type {any} */ e) {
    return { problem: { reason: 'pdf-damaged', detail: String(e?.message ?? e) } };
  } finally {
    await doc.destroy().catch(() => {});
  }
}

/** Whether the file has its `%%EOF` marker near the end: a download cut short has not. PDF.js
 * would read what is there and say nothing, and a report missing its last pages must not pass. */
/** @param {Uint8Array} bytes */
function hasEnd(bytes) {
  const tail = bytes.subarray(Math.max(0, bytes.length - 2048));
  for (let i = tail.length - 5; i >= 0; i--) {
    if (
      tail[i] === 0x25 &&
      tail[i + 1] === 0x25 &&
      tail[i + 2] === 0x45 &&
      tail[i + 3] === 0x4f &&
      tail[i + 4] === 0x46
    )
      return true;
  }
  return false;
}
