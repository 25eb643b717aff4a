// DOC (Word 97–2003) and WPS → text for the core's text reader, through word-extractor. Its text
// gives a table as tab-separated cells (Word's cell marks), with rows not always on lines of
// their own: a row's end mark and the empty continuations of vertically merged cells are just
// more empty cells. Rows are cut again where a label follows an empty cell; the empty cells left
// at the end of a row are harmless (the reader takes a row's values from its start).
import { VALUE } from './values.mjs';

/**
 * @param {Uint8Array} bytes
 * @param {{ extractor: () => Promise<typeof import('word-extractor')> }} env
 * @returns {Promise<{ text: string, problem?: undefined } | { problem: import('./problems.mjs').Problem }>}
 */
export async function readDoc(bytes, env) {
  const WordExtractor = await env.extractor();
  let body;
  try {
    // word-extractor wants a Buffer (it reads with Buffer methods).
    const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    body = doc.getBody();
  } catch (/** @type {any} */ e) {
    return { problem: { reason: 'doc-damaged', detail: e?.message ?? e } };
  }
  return { text: docRows(body) };
}

/** Word's text with each table row on a line of its own, cells separated by tabs.
 * @param {string} body */
export function docRows(body) {
  /** @type {string[]} */
  const out = [];
  for (const line of body.split(/\r\n|\r|\n/)) {
    if (!line.includes('\t')) {
      out.push(line);
      continue;
    }
    /** @type {string[]} */
    let row = [];
    const cells = line.split('\t');
    cells.forEach((cell, i) => {
      const c = cell.trim();
      const label = c !== '' && !VALUE.test(c);
      if (label && i > 0 && cells[i - 1].trim() === '' && row.some((r) => r.trim() !== '')) {
        out.push(finish(row));
        row = [];
      }
      if (row.length > 0 || c !== '') row.push(c);
    });
    if (row.length > 0) out.push(finish(row));
  }
  return `${out.join('\n')}\n`;
}

/** A row as a tab-separated line; a row of one cell keeps a tab so that it still reads as a row. */
const finish = (/** @type {string[]} */ row) => (row.length === 1 ? `${row[0]}\t` : row.join('\t'));
