// DOCX → HTML for the core's HTML reader: `word/document.xml` unzipped (fflate) and read as XML
// events; paragraphs become `<p>`, tables a grid with `colspan` from `w:gridSpan` and `rowspan`
// from `w:vMerge` (a vertically merged cell is one cell spanning rows, its continuation cells
// dropped, as a browser shows it). Guards: the text's inflated size is capped (ZIP bombs), and a
// ZIP without `word/document.xml` (an .xlsx, an .odt) is said to be no Word document.

const DOCUMENT = 'word/document.xml';

/**
 * An XML event reader (saxes in Node, DOMParser in browsers): `on.open(name, attrs)`,
 * `on.text(s)`, `on.close(name)` in document order; malformed XML throws.
 * @typedef {(xml: string, on: XmlEvents) => void} XmlReader
 * @typedef {{ open(name: string, attrs: Record<string, string>): void, text(s: string): void, close(name: string): void }} XmlEvents
 */
/**
 * A table being read: its rows, their cells (`col`: the grid column, set when it is written).
 * @typedef {{ paras: string[], span: number, merge: 'restart' | 'continue' | null, col?: number }} WordCell
 * @typedef {{ cells: WordCell[], gridBefore: number }} WordRow
 * @typedef {{ rows: WordRow[] }} WordTable
 */

/**
 * @param {Uint8Array} bytes
 * @param {{ zip: () => Promise<typeof import('fflate')>, xml: () => Promise<XmlReader>, maxInflated: number }} env
 * @returns {Promise<{ html: string, cells: Record<string, import('./locations.mjs').DocxPlace>, problem?: undefined } | { problem: import('./problems.mjs').Problem }>}
 */
export async function readDocx(bytes, env) {
  const fflate = await env.zip();
  /** @type {string[]} */
  const names = [];
  let inflated = 0;
  let files;
  try {
    files = fflate.unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        if (f.name !== DOCUMENT) return false;
        inflated = f.originalSize;
        // Declared sizes can lie; a lie only truncates (fflate writes into a buffer of the
        // declared size), and a truncated document does not parse.
        return f.originalSize <= env.maxInflated;
      },
    });
  } catch (/** @type {any} */ e) {
    return { problem: { reason: 'zip-damaged', detail: e?.message ?? e } };
  }
  if (!names.includes(DOCUMENT)) {
    return { problem: { reason: 'zip-not-docx', detail: zipKind(names) } };
  }
  if (inflated > env.maxInflated) {
    return { problem: { reason: 'docx-inflated', detail: { size: inflated, limit: env.maxInflated } } };
  }
  let xml;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(files[DOCUMENT]);
  } catch (/** @type {any} */ e) {
    return { problem: { reason: 'zip-damaged', detail: e?.message ?? e } };
  }
  const parseXml = await env.xml();
  try {
    return wordHtml(slim(xml), parseXml);
  } catch (/** @type {any} */ e) {
    return { problem: { reason: 'zip-damaged', detail: e?.message ?? e } };
  }
}

/** What a ZIP that is no Word document seems to be, for the message. @param {string[]} names */
function zipKind(names) {
  if (names.some((n) => n.startsWith('xl/'))) return 'Excel (.xlsx)';
  if (names.some((n) => n.startsWith('ppt/'))) return 'PowerPoint (.pptx)';
  if (names.includes('content.xml')) return 'OpenDocument (.odt/.ods)';
  return '';
}

const local = (/** @type {string} */ name) => name.slice(name.indexOf(':') + 1);

// Word's XML is mostly formatting: fonts, spacing, borders, shading, each an empty element with
// attributes (three quarters of a filled-in template). `wordHtml` reads none of them, and the XML
// parser took half of a DOCX's time on them: they are cut out before it, by a scan that knows
// which empty elements matter (the merged cells' w:gridSpan, w:vMerge and w:gridBefore, and the
// run content w:tab, w:br, w:cr, w:noBreakHyphen) and keeps quoted attribute values whole. Not
// where a CDATA section could hold such text.
const FORMATTING =
  /<w:(?!(?:gridSpan|vMerge|gridBefore|tab|br|cr|noBreakHyphen)[\s/])[A-Za-z]+(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*\/>/g;

/** `xml` without the empty formatting elements of the w: namespace. @param {string} xml */
export function slim(xml) {
  return xml.includes('<![CDATA[') ? xml : xml.replace(FORMATTING, '');
}

const escape = (/** @type {string} */ s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The HTML of a WordprocessingML body, and where each HTML cell came from:
 * `cells["table[i] tr[j] td[k]"] = { table, row, cell }` (1-based; `cell` counts the row's `w:tc`).
 * @param {string} xml
 * @param {XmlReader} parseXml
 */
export function wordHtml(xml, parseXml) {
  /** @type {string[]} */
  const out = [];
  /** @type {Record<string, import('./locations.mjs').DocxPlace>} */
  const cells = {};
  let tableCount = 0;
  let depth = 0; // tables open (a table in a cell is read as that cell's text)
  /** @type {WordTable | null} */
  let table = null; // the outermost open table: { rows: [{ cells: [...] , gridBefore }] }
  /** @type {string | null} */
  let para = null; // text of the open paragraph
  let inText = false;
  let skip = 0; // inside w:delText-like or mc:Fallback content

  const cellNow = () => {
    const row = table?.rows[table.rows.length - 1];
    return row?.cells[row.cells.length - 1] ?? null;
  };
  // The open table's rows: a table is open wherever depth is 1 or more.
  const rows = () => /** @type {WordTable} */ (table).rows;
  /** The last row: a cell or a row property comes after its row's start. */
  const lastRow = () => /** @type {WordRow} */ (rows()[rows().length - 1]);

  parseXml(xml, {
    open(name, attrs) {
      const n = local(name);
      if (skip > 0 || n === 'Fallback') {
        skip++;
        return;
      }
      switch (n) {
        case 'tbl':
          depth++;
          if (depth === 1) table = { rows: [] };
          break;
        case 'tr':
          if (depth === 1) rows().push({ cells: [], gridBefore: 0 });
          break;
        case 'gridBefore':
          if (depth === 1) lastRow().gridBefore = int(attrs, 1);
          break;
        case 'tc':
          if (depth === 1) lastRow().cells.push({ paras: [], span: 1, merge: null });
          break;
        case 'gridSpan': {
          const c = depth === 1 ? cellNow() : null;
          if (c) c.span = Math.max(1, int(attrs, 1));
          break;
        }
        case 'vMerge': {
          const c = depth === 1 ? cellNow() : null;
          if (c) c.merge = val(attrs) === 'restart' ? 'restart' : 'continue';
          break;
        }
        case 'p':
          // Paragraphs of a nested table run on into one paragraph of the outer cell.
          if (depth <= 1 || para === null) para = '';
          break;
        case 't':
          inText = true;
          break;
        case 'tab':
          if (para !== null) para += ' ';
          break;
        case 'br':
        case 'cr':
          if (para !== null) para += '\n';
          break;
        case 'noBreakHyphen':
          if (para !== null) para += '-';
          break;
        default:
      }
    },
    text(s) {
      if (skip === 0 && inText && para !== null) para += s;
    },
    close(name) {
      const n = local(name);
      if (skip > 0) {
        skip--;
        return;
      }
      switch (n) {
        case 't':
          inText = false;
          break;
        case 'p':
          if (para === null) break;
          if (depth === 0) {
            if (para.trim()) out.push(`<p>${escape(para)}</p>`);
            para = null;
          } else if (depth === 1) {
            cellNow()?.paras.push(para);
            para = null;
          } else {
            para += ' ';
          }
          break;
        case 'tc':
          if (depth > 1 && para !== null) para += ' ';
          break;
        case 'tbl':
          depth--;
          if (depth === 1 && para !== null) {
            cellNow()?.paras.push(para.trim());
            para = null;
          }
          if (depth === 0) {
            tableCount++;
            out.push(tableHtml(/** @type {WordTable} */ (table), tableCount, cells));
            table = null;
          }
          break;
        default:
      }
    },
  });
  return { html: `<!DOCTYPE html><html><body>\n${out.join('\n')}\n</body></html>\n`, cells };
}

/** @param {Record<string, string>} attrs @returns {string | undefined} */
function val(attrs) {
  for (const [k, v] of Object.entries(attrs ?? {})) if (local(k) === 'val') return v;
  return undefined;
}

/** @param {Record<string, string>} attrs @param {number} dflt */
function int(attrs, dflt) {
  const n = Number.parseInt(val(attrs) ?? '', 10);
  return Number.isFinite(n) ? n : dflt;
}

/** One table as HTML: vertical merges become rowspans over the grid columns they share.
 * @param {WordTable} table @param {number} index @param {Record<string, import('./locations.mjs').DocxPlace>} cells */
function tableHtml(table, index, cells) {
  // Grid column of each cell.
  for (const row of table.rows) {
    let col = row.gridBefore;
    for (const c of row.cells) {
      c.col = col;
      col += c.span;
    }
  }
  /** @param {number} r @param {number | undefined} col */
  const continues = (r, col) => table.rows[r]?.cells.some((c) => c.col === col && c.merge === 'continue');
  const html = ['<table>'];
  table.rows.forEach((row, r) => {
    html.push('<tr>');
    cells[`table[${index}] tr[${r + 1}]`] = { table: index, row: r + 1 };
    let td = 0;
    row.cells.forEach((c, k) => {
      // A continuation under a merged cell is part of that cell; one with nothing above it
      // (a malformed file) stands as a cell of its own.
      if (c.merge === 'continue' && r > 0 && table.rows[r - 1].cells.some((a) => a.col === c.col && a.merge !== null))
        return;
      let rowspan = 1;
      if (c.merge !== null) while (continues(r + rowspan, c.col)) rowspan++;
      td++;
      cells[`table[${index}] tr[${r + 1}] td[${td}]`] = { table: index, row: r + 1, cell: k + 1 };
      const attrs = (c.span > 1 ? ` colspan="${c.span}"` : '') + (rowspan > 1 ? ` rowspan="${rowspan}"` : '');
      html.push(`<td${attrs}>${c.paras.map((p) => `<p>${escape(p)}</p>`).join('')}</td>`);
    });
    html.push('</tr>');
  });
  html.push('</table>');
  return html.join('');
}
