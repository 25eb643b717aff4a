// Which controls of a form feed which model paths, remembered between checks. Collecting them
// asks every control of the form for its name and attributes, about a third of a keystroke's
// work on a 200-cell form, so it is done again only when a MutationObserver on the page reports
// that controls were added, removed, renamed, re-typed or disabled anywhere in it (a control
// outside the form's element may belong to it: form="…"), or when the layout a mapping function
// is asked for changes (the form's /format or /year). The mapping itself must answer the same
// for the same name and layout, as pattern() does.

import { collectFields, fieldPath, formFormat } from './fields.mjs';

const CONTROL_TAGS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
// What collectFields() reads of a control besides its value; `form` moves it to another form.
const ATTRIBUTES = ['name', 'id', 'data-xxgknb', 'disabled', 'type', 'form'];

/** Whether a mutation can change which controls the form has or the paths they map to.
 * @param {MutationRecord} record @param {HTMLFormElement} form */
function matters(record, form) {
  // An attribute's record is about an element.
  if (record.type === 'attributes')
    return record.target === form || CONTROL_TAGS.has(/** @type {Element} */ (record.target).tagName);
  for (const nodes of [record.addedNodes, record.removedNodes]) {
    for (const node of nodes) {
      if (node.nodeType !== 1) continue;
      const el = /** @type {Element} */ (node);
      if (CONTROL_TAGS.has(el.tagName) || el.querySelector('input, select, textarea') !== null) return true;
    }
  }
  return false;
}

/** @import { Fields, Layout, Mapping } from './fields.mjs' */

export class FieldIndex {
  /**
   * @param {HTMLFormElement} form
   * @param {Mapping | null} mapping  the host's `fields` option
   */
  constructor(form, mapping) {
    this.form = form;
    this.mapping = mapping;
    /** @type {Map<Layout | undefined, Fields>} */
    this.byFormat = new Map(); // layout (undefined for a mapping without layouts) → collectFields()
    this.valid = false;
    /** @type {Node | null} */
    this.root = null; // the document (or shadow root) watched: controls outside the form's own
    // element belong to it too when they name it (form="…")
    /** @type {Element[]} */
    this.formatControls = []; // the controls a mapping function names /format or /year
    this.observer =
      typeof MutationObserver === 'function' ? new MutationObserver((records) => this.note(records)) : null;
  }

  /** @param {MutationRecord[]} records */
  note(records) {
    if (this.valid && records.some((record) => matters(record, this.form))) this.valid = false;
  }

  /** Read the controls again if anything since the last reading may have changed them.
   * Called only where there is an observer (format(), fields()). */
  refresh() {
    const { form, mapping } = this;
    const observer = /** @type {MutationObserver} */ (this.observer);
    const root = form.getRootNode();
    if (this.valid) {
      this.note(observer.takeRecords());
      if (root !== this.root) this.valid = false;
    }
    if (this.valid) return;
    if (root !== this.root) {
      observer.disconnect();
      observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ATTRIBUTES });
      this.root = root;
    } else {
      observer.takeRecords();
    }
    this.formatControls =
      typeof mapping === 'function'
        ? [...form.elements].filter((el) => {
            const path = fieldPath(el, mapping);
            return path === '/format' || path === '/year';
          })
        : [];
    this.byFormat.clear();
    this.valid = true;
  }

  /** The layout a mapping function is asked for (undefined for other mappings, which have none).
   * @returns {Layout | undefined} */
  format() {
    if (typeof this.mapping !== 'function') return undefined;
    if (!this.observer) return formFormat(this.form, this.mapping);
    this.refresh();
    return formFormat(this.form, this.mapping, this.formatControls);
  }

  /** collectFields() of the form as it is now: `{ entries, byPath }`.
   * @returns {Fields} */
  fields() {
    if (!this.observer) return collectFields(this.form, this.mapping);
    const format = this.format();
    this.refresh();
    let fields = this.byFormat.get(format);
    if (!fields) {
      fields = collectFields(this.form, this.mapping, format);
      this.byFormat.set(format, fields);
    }
    return fields;
  }

  /** The model path of a control, for the layout the form shows now.
   * @param {EventTarget | null} el */
  pathOf(el) {
    return fieldPath(el, this.mapping, this.format());
  }

  disconnect() {
    this.observer?.disconnect();
    this.root = null;
    this.valid = false;
    this.byFormat.clear();
  }
}
