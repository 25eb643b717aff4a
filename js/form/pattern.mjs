// A mapping built from the CMS's own naming pattern, so that a form of 200 cells is wired in one
// line: pattern({ applications: 't3_r{row}_c{col}' }) names 一、本年新收 · 自然人 "t3_r1_c1".
// Rows and columns are numbered as the official tables print them (1-based, value cells only;
// table 四 is one row of 15 cells), for the layout the form is filled in for (2019 or 2021: its
// /format or /year field decides, see fields.mjs). The numbering comes from layout.mjs, which
// scripts/generate.mjs writes from the validator's own catalogue (cells()).

import { ROWS } from './layout.mjs';

/** @import { Layout } from './fields.mjs' */
/** @typedef {keyof typeof TABLES} Table */
/** @typedef {Partial<Record<Table, string>>} Templates  name templates by table */

const TABLES = { proactive: 2, applications: 3, reviewLitigation: 4 };
const PLACEHOLDER = /\{([A-Za-z]+)(?::(\d))?\}/g;
/** @type {readonly unknown[]} */
const FORMATS = ['2019', '2021'];

/** @param {object} object @param {string} key */
const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

/** @param {unknown} value */
function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** @param {string} where @param {unknown} text @returns {asserts text is string} */
function checkTemplate(where, text) {
  if (typeof text !== 'string' || text === '')
    throw new Error(`${where}: expected a name template such as "t3_r{row}_c{col}", got ${describe(text)}`);
  const names = [...text.matchAll(PLACEHOLDER)].map((m) => m[1]);
  for (const name of names) {
    if (!['table', 'row', 'col'].includes(name))
      throw new Error(
        `${where}: unknown placeholder {${name}} in "${text}" (known: {table}, {row}, {col}, with a width as in {row:2})`,
      );
  }
  if (!names.includes('col'))
    throw new Error(`${where}: "${text}" has no {col}, so every cell of a row would get the same name`);
}

/** The templates by table, from a string with {table} or an object keyed by table.
 * @param {unknown} template @returns {Templates} */
function byTable(template) {
  if (typeof template === 'string') {
    checkTemplate('pattern', template);
    if (!template.includes('{table')) {
      throw new Error(
        `pattern: "${template}" has no {table}; name the table it is for, e.g. pattern({ applications: "${template}" })`,
      );
    }
    return { proactive: template, applications: template, reviewLitigation: template };
  }
  if (template === null || typeof template !== 'object' || Array.isArray(template)) {
    throw new Error(
      `pattern: expected a name template (a string with {table}, {row}, {col}) or an object of them by table, got ${describe(template)}`,
    );
  }
  /** @type {Templates} */
  const out = {};
  for (const table of Object.keys(template)) {
    if (!own(TABLES, table))
      throw new Error(`pattern: unknown table "${table}" (expected proactive, applications or reviewLitigation)`);
    const text = /** @type {Record<string, unknown>} */ (template)[table];
    checkTemplate(`pattern: ${table}`, text);
    out[/** @type {Table} */ (table)] = text;
  }
  return out;
}

/** @param {string} template @param {Record<string, number>} values */
function fill(template, values) {
  return template.replace(PLACEHOLDER, (_, /** @type {string} */ name, /** @type {string | undefined} */ width) => {
    const text = String(values[name]);
    return width ? text.padStart(Number(width), '0') : text;
  });
}

/** Name → path for one layout; throws when two cells would get the same name.
 * @param {Templates} templates @param {Layout} format @returns {Map<string, string>} */
function namesFor(templates, format) {
  /** @type {Map<string, string>} */
  const names = new Map();
  for (const table of /** @type {Table[]} */ (Object.keys(templates))) {
    const template = /** @type {string} */ (templates[table]);
    ROWS[format][table].forEach(([row, columns], r) => {
      columns.split(' ').forEach((column, c) => {
        const name = fill(template, { table: TABLES[table], row: r + 1, col: c + 1 });
        const path = row ? `/${table}/${row}/${column}` : `/${table}/${column}`;
        const before = names.get(name);
        if (before !== undefined) {
          throw new Error(
            `pattern: "${template}" gives the same name "${name}" to ${before} and ${path} (${format} layout); add {row} or {table}`,
          );
        }
        names.set(name, path);
      });
    });
  }
  return names;
}

/**
 * A mapping for attach({ fields }) from the CMS's naming pattern.
 * @param {string | { proactive?: string, applications?: string, reviewLitigation?: string }} template
 *   `{table}` is 2, 3 or 4; `{row}` and `{col}` count from 1 as the official table prints them;
 *   `{row:2}` pads to two digits ("01").
 * @param {{ fields?: Record<string, string>, format?: "2019" | "2021" }} [options]
 *   `fields`: more names by hand (the year, the issuer); `format`: one layout only, whatever
 *   the form's year.
 * @returns {(name: string, format: "2019" | "2021") => string | null}
 */
export function pattern(template, options = {}) {
  const templates = byTable(template);
  if (options === null || typeof options !== 'object')
    throw new Error(`pattern: expected an options object, got ${describe(options)}`);
  for (const key of Object.keys(options)) {
    if (key !== 'fields' && key !== 'format')
      throw new Error(`pattern: unknown option "${key}" (expected fields or format)`);
  }
  const extra = options.fields ?? {};
  if (extra === null || typeof extra !== 'object')
    throw new Error(
      `pattern: options.fields: expected an object from field names to JSON Pointers, got ${describe(extra)}`,
    );
  for (const name of Object.keys(extra)) {
    if (typeof extra[name] !== 'string' || !extra[name].startsWith('/')) {
      throw new Error(
        `pattern: options.fields.${name}: expected a JSON Pointer such as "/year", got ${JSON.stringify(extra[name])}`,
      );
    }
  }
  if (options.format !== undefined && !FORMATS.includes(options.format)) {
    throw new Error(`pattern: options.format: expected "2019" or "2021", got ${JSON.stringify(options.format)}`);
  }
  // Both layouts at once, so that a template that cannot work fails here, not on some later year.
  const names = { 2019: namesFor(templates, '2019'), 2021: namesFor(templates, '2021') };
  return (name, format) => {
    if (own(extra, name)) return extra[name];
    const layout = options.format ?? (FORMATS.includes(format) ? format : '2021');
    return names[layout].get(name) ?? null;
  };
}
