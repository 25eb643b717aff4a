// Which form controls feed which model paths, and how their values become a report object.
// Plain DOM; no caching, because host pages add and remove fields (e.g. a layout switch)
// and reading ~250 controls costs far less than a frame.

/**
 * @typedef {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} FormControl
 * @typedef {Record<string, string> | import('./index.js').FieldMapper} Mapping  the host's `fields` option
 * @typedef {'2019' | '2021'} Layout
 * @typedef {{ el: FormControl, path: string }} FieldEntry
 * @typedef {{ entries: FieldEntry[], byPath: Map<string, FormControl>, order?: Map<Element, number> }} Fields
 *   `order`: each control's place in the form, set when the summary first needs it
 */

const TABLES = ['/proactive/', '/applications/', '/reviewLitigation/'];
const SKIPPED_TYPES = new Set(['submit', 'button', 'reset', 'image', 'file']);
// Controls whose value is committed by `change` (no typing), rather than by leaving them.
const CHANGE_TYPES = new Set(['select-one', 'select-multiple', 'radio', 'checkbox', 'date', 'month', 'range', 'color']);

/** True for a control that can hold a value of the report.
 * @param {EventTarget | null | undefined} target @returns {target is FormControl} */
export function isControl(target) {
  const el = /** @type {Element | null | undefined} */ (target);
  if (!el || el.nodeType !== 1) return false;
  const tag = el.tagName;
  if (tag === 'SELECT' || tag === 'TEXTAREA') return true;
  return tag === 'INPUT' && !SKIPPED_TYPES.has(/** @type {HTMLInputElement} */ (el).type);
}

/** Whether `el` commits its value with `change` rather than on leaving it.
 * @param {FormControl} el */
export function commitsOnChange(el) {
  return CHANGE_TYPES.has(el.type);
}

/** @param {object} object @param {string} key */
const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

/** What the host's mapping says of one name: a path, or null when it says nothing.
 * @param {Mapping} mapping @param {string | null} key @param {Layout} format @returns {string | null} */
function mapped(mapping, key, format) {
  if (!key) return null;
  if (typeof mapping === 'function') {
    const path = mapping(key, format);
    return typeof path === 'string' ? path : null;
  }
  return own(mapping, key) ? mapping[key] : null;
}

/**
 * The model path (JSON Pointer) of a control, or null when it is not mapped.
 * Order: the host's mapping by name (or id), then `data-xxgknb`, then a `name` that is a pointer.
 * A mapping is an object (name → path) or a function (name, format) → path, e.g. from pattern().
 * @param {EventTarget | null} el @param {Mapping | null} mapping @param {Layout} [format]
 * @returns {string | null}
 */
export function fieldPath(el, mapping, format = '2021') {
  if (!isControl(el)) return null;
  const name = el.getAttribute('name');
  if (mapping) {
    const path = mapped(mapping, name, format) ?? mapped(mapping, el.id, format);
    if (path !== null) return path;
  }
  const attr = el.getAttribute('data-xxgknb');
  if (attr !== null && (attr === '' || attr.startsWith('/'))) return attr;
  if (name && name.startsWith('/')) return name;
  return null;
}

/**
 * The layout the form is filled in for, which a mapping by row and column numbers needs: its
 * `/format` field, else its `/year` (2019 layout up to 2020), else the current layout.
 * `controls`: the form's controls, or those of them known to hold the format or the year.
 * @param {HTMLFormElement} form @param {Mapping | null} mapping @param {Iterable<Element>} [controls]
 * @returns {Layout}
 */
export function formFormat(form, mapping, controls = form.elements) {
  /** @type {Layout | null} */
  let byYear = null;
  for (const el of controls) {
    if (!isControl(el)) continue; // fieldPath() maps controls only
    const path = fieldPath(el, mapping);
    if (path !== '/format' && path !== '/year') continue;
    const value = readValue(el, path);
    if (path === '/format' && (value === '2019' || value === '2021')) return value;
    if (path === '/year' && typeof value === 'number') byYear = value <= 2020 ? '2019' : '2021';
  }
  return byYear ?? '2021';
}

/**
 * Every mapped control of the form, in document order.
 * Returns `byPath`: path → the control to show messages on (a radio group → its first radio).
 * @param {HTMLFormElement} form @param {Mapping | null} mapping @param {Layout} [format]
 * @returns {Fields}
 */
export function collectFields(form, mapping, format) {
  const layout = format ?? (typeof mapping === 'function' ? formFormat(form, mapping) : undefined);
  /** @type {FieldEntry[]} */
  const entries = [];
  /** @type {Map<string, FormControl>} */
  const byPath = new Map();
  for (const el of form.elements) {
    if (!isControl(el)) continue; // fieldPath() maps controls only
    const path = fieldPath(el, mapping, layout);
    if (path === null || el.disabled) continue;
    entries.push({ el, path });
    if (!byPath.has(path)) byPath.set(path, el);
  }
  return { entries, byPath };
}

/** @param {string} path */
export function isTableCell(path) {
  return TABLES.some((prefix) => path.startsWith(prefix));
}

/** The control's value as the report wants it, or undefined when the control is blank.
 * @param {FormControl} el @param {string} path @returns {string | number | undefined} */
export function readValue(el, path) {
  const { type } = el; // read once: every control of the form is read on each keystroke
  if ((type === 'radio' || type === 'checkbox') && !(/** @type {HTMLInputElement} */ (el).checked)) return undefined;
  const raw = el.value;
  if (raw.trim() === '') return undefined;
  if (path === '/year') {
    // Year is metadata, not a cell: the core wants an integer. Anything else goes as typed,
    // so that the core can quote it in its diagnostic.
    const digits = raw.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    return /^\d{4}$/.test(digits) ? Number(digits) : raw;
  }
  // Cells go as typed: the core normalises full-width digits, separators and units itself
  // and quotes the original in `invalid-number`.
  return raw;
}

/** Unescape one RFC 6901 reference token. @param {string} token */
function unescapeToken(token) {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

// Keys that would reach an object's prototype instead of a report member: a field named
// `/__proto__/x` must not write to Object.prototype. No report has them.
const UNSAFE_KEYS = ['__proto__', 'constructor', 'prototype'];

// Paths split once: a form puts the same few hundred paths into a report on every keystroke.
// An unsafe path is kept as null, so it is refused without splitting it again.
/** @type {Map<string, string[] | null>} */
const TOKENS = new Map();

/** Set `value` at JSON Pointer `path` inside `target`, creating objects on the way.
 * @param {Record<string, any>} target @param {string} path @param {import('./index.js').ReportValue} value */
export function setAt(target, path, value) {
  if (path === '') return;
  let tokens = TOKENS.get(path);
  if (tokens === undefined) {
    if (TOKENS.size >= 4096) TOKENS.clear(); // a page that makes up paths must not grow it for ever
    tokens = path.slice(1).split('/').map(unescapeToken);
    if (tokens.some((t) => UNSAFE_KEYS.includes(t))) tokens = null;
    TOKENS.set(path, tokens);
  }
  if (tokens === null) return;
  let node = target;
  for (let i = 0; i < tokens.length - 1; i++) {
    const key = tokens[i];
    if (node[key] === null || typeof node[key] !== 'object') node[key] = {};
    node = node[key];
  }
  node[tokens[tokens.length - 1]] = value;
}

/**
 * Build the report object from the form.
 * `include(path, value)` decides which controls take part (a partial check leaves out cells
 * nobody has filled or touched). Blank table cells become `null`; blank metadata is left out.
 * @param {FieldEntry[]} entries
 * @param {(path: string, value: string | number | undefined) => boolean} include
 * @returns {import('./index.js').ReportInput}
 */
export function buildReport(entries, include) {
  /** @type {import('./index.js').ReportInput} */
  const report = {};
  const seen = new Set();
  for (const { el, path } of entries) {
    const value = readValue(el, path);
    // A radio group: only the checked one speaks; the others must not blank it out.
    if (value === undefined && seen.has(path)) continue;
    if (!include(path, value)) continue;
    if (value !== undefined) {
      seen.add(path);
      setAt(report, path, value);
    } else if (isTableCell(path)) {
      setAt(report, path, null);
    }
  }
  return report;
}
