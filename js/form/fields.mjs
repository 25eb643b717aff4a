// Which form controls feed which model paths, and how their values become a report object.
// Plain DOM; no caching, because host pages add and remove fields (e.g. a layout switch)
// and reading ~250 controls costs far less than a frame.

const TABLES = ['/proactive/', '/applications/', '/reviewLitigation/'];
const SKIPPED_TYPES = new Set(['submit', 'button', 'reset', 'image', 'file']);
// Controls whose value is committed by `change` (no typing), rather than by leaving them.
const CHANGE_TYPES = new Set(['select-one', 'select-multiple', 'radio', 'checkbox', 'date', 'month', 'range', 'color']);

/** True for a control that can hold a value of the report. */
export function isControl(el) {
  if (!el || el.nodeType !== 1) return false;
  const tag = el.tagName;
  if (tag === 'SELECT' || tag === 'TEXTAREA') return true;
  return tag === 'INPUT' && !SKIPPED_TYPES.has(el.type);
}

/** Whether `el` commits its value with `change` rather than on leaving it. */
export function commitsOnChange(el) {
  return CHANGE_TYPES.has(el.type);
}

const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

/** What the host's mapping says of one name: a path, or null when it says nothing. */
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
 */
export function formFormat(form, mapping) {
  let byYear = null;
  for (const el of form.elements) {
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
 */
export function collectFields(form, mapping, format) {
  const layout = format ?? (typeof mapping === 'function' ? formFormat(form, mapping) : undefined);
  const entries = [];
  const byPath = new Map();
  for (const el of form.elements) {
    const path = fieldPath(el, mapping, layout);
    if (path === null || el.disabled) continue;
    entries.push({ el, path });
    if (!byPath.has(path)) byPath.set(path, el);
  }
  return { entries, byPath };
}

export function isTableCell(path) {
  return TABLES.some((prefix) => path.startsWith(prefix));
}

/** The control's value as the report wants it, or undefined when the control is blank. */
export function readValue(el, path) {
  if ((el.type === 'radio' || el.type === 'checkbox') && !el.checked) return undefined;
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

/** Unescape one RFC 6901 reference token. */
function unescapeToken(token) {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Set `value` at JSON Pointer `path` inside `target`, creating objects on the way. */
export function setAt(target, path, value) {
  if (path === '') return;
  const tokens = path.slice(1).split('/').map(unescapeToken);
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
 */
export function buildReport(entries, include) {
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
