// A diagnostic's JSON Pointer → the form's own words (table, group, row, column), from the
// core's cells(format). Paths that are not one cell (a whole row, a section, the report)
// get the nearest useful label instead of a raw pointer.

import { messages } from './messages.mjs';

const SEP = ' › ';

/** @typedef {ReturnType<typeof makeLabeler>} Labeler */
/** @typedef {import('../types.js').CellInfo} CellInfo */

/**
 * Labels of pointers in `locale`, from the cells of `core` (a core without `cells` gives
 * pointers' nearest section or metadata names only).
 * @param {{ cells?: (format: import('../types.js').Format) => CellInfo[] }} core @param {import('../types.js').Locale} locale
 */
export function makeLabeler(core, locale) {
  const m = messages(locale);
  /** @type {Map<string | null | undefined, { exact: Map<string, CellInfo>, prefixes: Map<string, CellInfo[]> }>} */
  const byFormat = new Map();

  /** @param {string | null | undefined} format */
  function index(format) {
    const known = byFormat.get(format);
    if (known) return known;
    /** @type {CellInfo[]} */
    let cells = [];
    try {
      if (typeof core.cells === 'function' && (format === '2019' || format === '2021')) cells = core.cells(format);
    } catch {
      cells = [];
    }
    /** @type {Map<string, CellInfo>} */
    const exact = new Map();
    /** @type {Map<string, CellInfo[]>} */
    const prefixes = new Map(); // ancestor pointer → cells under it
    for (const c of cells) {
      exact.set(c.path, c);
      const segs = c.path.split('/');
      for (let i = 2; i < segs.length; i++) {
        const p = segs.slice(0, i).join('/');
        let list = prefixes.get(p);
        if (!list) prefixes.set(p, (list = []));
        list.push(c);
      }
    }
    const idx = { exact, prefixes };
    byFormat.set(format, idx);
    return idx;
  }

  /** @param {import('../types.js').Localised | null} l @returns {string} */
  const pick = (l) => (l ? (l[locale] ?? l['zh-CN'] ?? '') : '');

  /**
   * @param {string | null | undefined} pointer @param {string | null | undefined} format
   * @returns {{ table: string, row: string, column: string }} parts may be ''
   */
  function parts(pointer, format) {
    if (pointer === '' || pointer === undefined || pointer === null)
      return { table: m.wholeReport, row: '', column: '' };
    const sec = /^\/sections\/(\w+)/.exec(pointer);
    if (sec)
      return { table: /** @type {Record<string, string>} */ (m.sections)[sec[1]] ?? pointer, row: '', column: '' };
    const meta = /^\/(year|format|issuer|publishedOn)$/.exec(pointer);
    // One of the four names the pattern allows.
    if (meta) return { table: m.metadata[/** @type {keyof typeof m.metadata} */ (meta[1])], row: '', column: '' };
    const { exact, prefixes } = index(format);
    const cell = exact.get(pointer);
    if (cell) {
      const row = [pick(cell.group), pick(cell.row)].filter(Boolean).join(SEP);
      return { table: pick(cell.tableLabel), row, column: pick(cell.column) };
    }
    // A row or block: label what all its cells share.
    let p = pointer;
    while (p.length > 0) {
      const under = prefixes.get(p);
      if (under?.length) {
        const first = under[0];
        const sameRow = under.every((c) => pick(c.row) === pick(first.row) && pick(c.group) === pick(first.group));
        const sameGroup = under.every((c) => pick(c.group) === pick(first.group));
        const row = sameRow
          ? [pick(first.group), pick(first.row)].filter(Boolean).join(SEP)
          : sameGroup
            ? pick(first.group)
            : '';
        return {
          table: pick(first.tableLabel),
          row: p === pointer ? row : [row, pointer.slice(p.length + 1)].filter(Boolean).join(SEP),
          column: '',
        };
      }
      const cellAbove = exact.get(p);
      if (cellAbove) {
        // e.g. a 2021 sub-row under a 2019 one-row cell (format-mismatch): say where it sits.
        const row = [pick(cellAbove.group), pick(cellAbove.row), pointer.slice(p.length + 1)].filter(Boolean).join(SEP);
        return { table: pick(cellAbove.tableLabel), row, column: '' };
      }
      p = p.slice(0, p.lastIndexOf('/'));
    }
    return { table: pointer, row: '', column: '' };
  }

  /** @param {string | null | undefined} pointer @param {string | null | undefined} format */
  function text(pointer, format) {
    const { table, row, column } = parts(pointer, format);
    return [table, row, column].filter(Boolean).join(SEP);
  }

  return { parts, text };
}
