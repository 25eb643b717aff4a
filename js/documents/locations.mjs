// Where a diagnostic points, moved from the intermediate text the core read to the file itself:
// PDF `{ page, x, y }` (points from the page's top-left corner, as a viewer measures), DOCX
// `{ table, row, cell }` (1-based; `cell` counts the row's cells as Word does, merged ones once).
/** @import { Location } from '../types.js' */
/** Where an HTML element of the DOCX's HTML came from: its table, row and (for a cell) cell.
 * @typedef {{ table: number, row: number, cell?: number }} DocxPlace */

/**
 * @param {Location} loc  1-based line and column of the layout text
 * @param {import('./layout.mjs').LineInfo[]} lines
 * @returns {Location}
 */
export function pdfLocation(loc, lines) {
  const line = loc.line ? lines[loc.line - 1] : undefined;
  if (!line) return loc;
  /** @type {Location} */
  const out = { page: line.page, x: line.segs[0]?.x ?? 0, y: line.y };
  const col = (loc.column ?? 1) - 1;
  for (const s of line.segs) {
    if (col >= s.col && col < s.col + Math.max(s.len, 1)) {
      out.x = Math.round((s.x + ((col - s.col) / Math.max(s.len, 1)) * s.w) * 10) / 10;
      break;
    }
    if (s.col <= col) out.x = s.x;
  }
  if (loc.excerpt !== undefined) out.excerpt = loc.excerpt;
  return out;
}

/**
 * @param {Location} loc  the element of the HTML the core read
 * @param {Record<string, DocxPlace>} cells
 * @returns {Location}
 */
export function docxLocation(loc, cells) {
  const at = loc.element && cells[loc.element];
  if (!at) return loc;
  /** @type {Location} */
  const out = { ...at };
  if (loc.excerpt !== undefined) out.excerpt = loc.excerpt;
  return out;
}
