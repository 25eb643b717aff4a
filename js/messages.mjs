// Local wording of messages: templates per rule id and locale, filled in from the diagnostic and
// the layout catalogue (`cells()`), applied over a result in JS. For a province or a CMS whose
// staff know a rule by other words; rule ids, paths and every other key stay as they are, so
// nothing that reads results by rule id changes. Used by the API's `messages` option and by the
// form adapter's.

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;
/** What a template may name; anything else is a typo and refused. */
export const PLACEHOLDERS = ['table', 'group', 'row', 'column', 'expected', 'actual', 'input', 'path', 'message'];
const LOCALES = ['zh-CN', 'en'];

/** @import { CellInfo, Diagnostic, Locale } from './types.js' */
/**
 * The `messages` option checked: rule id → locale → template.
 * @typedef {Map<string, Record<string, string>>} CompiledMessages
 */
/**
 * What `applyMessages` rewrites: a validation, check or parse result.
 * @typedef {{ diagnostics: Diagnostic[], format?: string | null, report?: { format?: string } }} WordedResult
 */

/** A computed value as a person would write it in a cell: no float noise, no exponent.
 * @param {number} value */
export function formatNumber(value) {
  const rounded = Math.round(value * 1e6) / 1e6;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(6).replace(/0+$/, '');
}

/** @param {unknown} value */
function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** @param {object} object @param {string} key */
const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

/** @param {string} where @param {unknown} text @returns {asserts text is string} */
function checkTemplate(where, text) {
  if (typeof text !== 'string')
    throw new Error(`${where}: expected a message template (a string), got ${describe(text)}`);
  for (const [, name] of text.matchAll(PLACEHOLDER)) {
    if (!PLACEHOLDERS.includes(name))
      throw new Error(
        `${where}: unknown placeholder {${name}} (known: ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')})`,
      );
  }
}

/**
 * Check the `messages` option and return it as rule id → locale → template.
 * `templates`: `{ [ruleId]: string | { "zh-CN"?: string, en?: string } }`; a string serves both locales.
 * `ruleIds`, when given, are the ids the caller's build knows: others are refused like `options.rules`.
 * Misuse throws an Error that starts with `caller`.
 * @param {unknown} templates @param {string} caller @param {string[]} [ruleIds]
 * @returns {CompiledMessages}
 */
export function compileMessages(templates, caller, ruleIds) {
  const where = `${caller}: options.messages`;
  if (templates === null || typeof templates !== 'object' || Array.isArray(templates)) {
    throw new Error(`${where}: expected an object from rule ids to message templates, got ${describe(templates)}`);
  }
  /** @type {CompiledMessages} */
  const compiled = new Map();
  for (const rule of Object.keys(templates)) {
    if (ruleIds && !ruleIds.includes(rule)) throw new Error(`${where}.${rule}: unknown rule id`);
    const entry = /** @type {Record<string, unknown>} */ (templates)[rule];
    /** @type {Record<string, string>} */
    const byLocale = {};
    if (typeof entry === 'string') {
      checkTemplate(`${where}.${rule}`, entry);
      for (const locale of LOCALES) byLocale[locale] = entry;
    } else if (entry !== null && typeof entry === 'object' && !Array.isArray(entry)) {
      for (const locale of Object.keys(entry)) {
        if (!LOCALES.includes(locale))
          throw new Error(`${where}.${rule}: unknown locale "${locale}" (expected "zh-CN" or "en")`);
        const text = /** @type {Record<string, unknown>} */ (entry)[locale];
        checkTemplate(`${where}.${rule}.${locale}`, text);
        byLocale[locale] = text;
      }
    } else {
      throw new Error(
        `${where}.${rule}: expected a template string or { "zh-CN"?: string, en?: string }, got ${describe(entry)}`,
      );
    }
    compiled.set(rule, byLocale);
  }
  return compiled;
}

/** The catalogue's cell at `path`, or for a row or table pointer its first cell.
 * @param {CellInfo[]} catalogue @param {string} path @returns {CellInfo | null} */
function cellAt(catalogue, path) {
  let found = null;
  for (const cell of catalogue) {
    if (cell.path === path) return cell;
    if (!found && cell.path.startsWith(`${path}/`)) found = cell;
  }
  return found;
}

/**
 * Rewrite the messages of `result` (a validation, check or parse result) whose rule has a
 * template in `compiled` for `locale`. `cellsOf(format)` gives the layout catalogue (the labels
 * of table, group, row and column); without it those placeholders are empty.
 * Returns `result` itself when nothing matched, else a copy with new diagnostics.
 * @template {WordedResult} R
 * @param {R} result @param {CompiledMessages} compiled @param {string} locale
 * @param {(format: '2019' | '2021') => CellInfo[]} [cellsOf]
 * @returns {R}
 */
export function applyMessages(result, compiled, locale, cellsOf) {
  if (!compiled.size || !result || !Array.isArray(result.diagnostics)) return result;
  if (!result.diagnostics.some((d) => compiled.get(d.rule)?.[locale] !== undefined)) return result;
  const format = result.format ?? result.report?.format;
  /** @type {CellInfo[] | null} */
  let catalogue = null;
  /** @param {CellInfo | null} cell @param {'tableLabel' | 'group' | 'row' | 'column'} key */
  const label = (cell, key) => (cell && cell[key] ? cell[key][/** @type {Locale} */ (locale)] : '');
  const diagnostics = result.diagnostics.map((d) => {
    const template = compiled.get(d.rule)?.[locale];
    if (template === undefined) return d;
    if (catalogue === null)
      catalogue = typeof cellsOf === 'function' && (format === '2019' || format === '2021') ? cellsOf(format) : [];
    const cell = d.path ? cellAt(catalogue, d.path) : null;
    /** @type {Record<string, string>} */
    const values = {
      table: label(cell, 'tableLabel'),
      group: label(cell, 'group'),
      row: label(cell, 'row'),
      column: cell && cell.path === d.path ? label(cell, 'column') : '',
      expected: typeof d.expected === 'number' ? formatNumber(d.expected) : '',
      actual: typeof d.actual === 'number' ? formatNumber(d.actual) : '',
      input: d.input ?? '',
      path: d.path,
      message: d.message,
    };
    return { ...d, message: template.replace(PLACEHOLDER, (_, name) => (own(values, name) ? values[name] : '')) };
  });
  return { ...result, diagnostics };
}
