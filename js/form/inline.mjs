// Inline messages next to a cell (GOV.UK "error message" pattern): the text goes after the
// control, the control points at it with aria-describedby, errors set aria-invalid, and a
// diagnostic whose rule computed the value gets a one-click fix button.
// Everything is text (textContent), never HTML: messages quote what users typed.

import { formatNumber } from '../messages.mjs';
/** @import { AdapterStrings, Diagnostic } from './index.js' */

/**
 * What is shown for one control: its message box, the lines and fix buttons in it (each with
 * what was last written into it), and what the control and its group had before.
 * @typedef {{ el: HTMLSpanElement, prefix: HTMLSpanElement, text: Text, severity: string | null, rule: string | null, message: string | null }} MessageLine
 * @typedef {{ el: HTMLButtonElement, value: string | null, path: string | null }} FixButton
 * @typedef {{ box: HTMLSpanElement, message: HTMLSpanElement, lines: MessageLine[], buttons: FixButton[], id: string, key: string,
 *   severity: 'error' | 'warning', groupEl: Element | null, hadClass: boolean, ariaInvalid: string | null }} Shown
 */

let counter = 0;

/** Format a computed value for a form field: no float noise, no exponent. */
export const formatValue = formatNumber;

/** @param {Element} el @param {string} attr @param {string} token */
function addToken(el, attr, token) {
  const tokens = (el.getAttribute(attr) || '').split(/\s+/).filter(Boolean);
  if (!tokens.includes(token)) tokens.push(token);
  el.setAttribute(attr, tokens.join(' '));
}

/** @param {Element} el @param {string} attr @param {string} token */
function removeToken(el, attr, token) {
  const tokens = (el.getAttribute(attr) || '').split(/\s+/).filter((t) => t && t !== token);
  if (tokens.length) el.setAttribute(attr, tokens.join(' '));
  else el.removeAttribute(attr);
}

export class InlineMessages {
  /** @param {{ strings: AdapterStrings, group: (el: Element) => Element | null }} options */
  constructor({ strings, group }) {
    this.strings = strings;
    this.group = group;
    // control → { box, message, lines, buttons, id, key, severity, groupEl, hadClass, ariaInvalid }
    /** @type {Map<Element, Shown>} */
    this.shown = new Map();
  }

  /** @param {Element} el */
  has(el) {
    return this.shown.has(el);
  }

  /**
   * Show `diagnostics` (all for one cell, errors first) next to `el`.
   * Does nothing when the same messages are already shown: re-creating the fix button while
   * the user presses it would swallow the click. A message of the same severity that changes
   * as the user types is rewritten where it stands: new elements would cost the page a
   * style and layout pass for each keystroke, and their box a new id.
   * @param {Element} el @param {Diagnostic[]} diagnostics @param {string} path
   */
  show(el, diagnostics, path) {
    const key = diagnostics.map((d) => `${d.severity}|${d.rule}|${d.message}|${d.expected ?? ''}`).join('\n');
    const current = this.shown.get(el);
    if (current && current.key === key) return;
    const severity = diagnostics.some((d) => d.severity === 'error') ? 'error' : 'warning';
    // One button per distinct computed value; two rules may disagree about the same cell.
    const values = [
      ...new Set(
        diagnostics
          .filter((d) => typeof d.expected === 'number')
          .map((d) => formatValue(/** @type {number} */ (d.expected))),
      ),
    ];
    if (current && current.severity === severity) {
      this.fill(current, diagnostics, values, path);
      current.key = key;
      return;
    }
    if (current) this.clear(el);

    const doc = el.ownerDocument;
    const id = `xxgknb-message-${++counter}`;
    const box = doc.createElement('span');
    box.className = `xxgknb-inline xxgknb-inline--${severity}`;
    const message = doc.createElement('span');
    message.id = id;
    message.className = `xxgknb-message xxgknb-message--${severity}`;
    box.append(message);
    /** @type {Shown} */
    const shown = {
      box,
      message,
      lines: [],
      buttons: [],
      id,
      key,
      severity,
      groupEl: null,
      hadClass: false,
      ariaInvalid: null,
    };
    this.fill(shown, diagnostics, values, path);

    el.insertAdjacentElement('afterend', box);
    addToken(el, 'aria-describedby', id);
    shown.ariaInvalid = el.getAttribute('aria-invalid');
    if (severity === 'error') el.setAttribute('aria-invalid', 'true');
    const groupEl = this.group(el);
    shown.groupEl = groupEl;
    shown.hadClass = groupEl?.hasAttribute('class') ?? false;
    groupEl?.classList.add(`xxgknb-group--${severity}`);
    this.shown.set(el, shown);
  }

  /**
   * Make `shown`'s lines and fix buttons say `diagnostics` and `values`, reusing what is there
   * and writing only what changed (known from what was written, not read back from the page).
   * @param {Shown} shown @param {Diagnostic[]} diagnostics @param {string[]} values @param {string} path
   */
  fill(shown, diagnostics, values, path) {
    const { box, message, lines, buttons, id } = shown;
    const doc = box.ownerDocument;
    diagnostics.forEach((d, i) => {
      let line = lines[i];
      if (!line) {
        const el = doc.createElement('span');
        const prefix = doc.createElement('span');
        prefix.className = 'xxgknb-visually-hidden';
        const text = doc.createTextNode('');
        el.append(prefix, text);
        message.append(el);
        line = { el, prefix, text, severity: null, rule: null, message: null };
        lines.push(line);
      }
      if (line.severity !== d.severity) {
        line.el.className = `xxgknb-message__line xxgknb-message__line--${d.severity}`;
        line.prefix.textContent = d.severity === 'error' ? this.strings.errorPrefix : this.strings.warningPrefix;
        line.severity = d.severity;
      }
      if (line.rule !== d.rule) line.el.dataset.rule = line.rule = d.rule;
      if (line.message !== d.message) line.text.data = line.message = d.message;
    });
    for (const line of lines.splice(diagnostics.length)) line.el.remove();

    values.forEach((value, i) => {
      let button = buttons[i];
      const created = !button;
      if (created) {
        const el = doc.createElement('button');
        el.type = 'button';
        el.className = 'xxgknb-fix';
        box.append(el);
        button = { el, value: null, path: null };
        buttons.push(button);
      }
      if (button.value !== value) {
        button.el.dataset.xxgknbFix = button.value = value;
        button.el.textContent = this.strings.fix(value);
      }
      if (button.path !== path) button.el.dataset.xxgknbPath = button.path = path;
      if (created) button.el.setAttribute('aria-describedby', id);
    });
    for (const button of buttons.splice(values.length)) button.el.remove();
  }

  /** @param {Element} el */
  clear(el) {
    const current = this.shown.get(el);
    if (!current) return;
    this.shown.delete(el);
    current.box.remove();
    removeToken(el, 'aria-describedby', current.id);
    if (current.ariaInvalid === null) el.removeAttribute('aria-invalid');
    else el.setAttribute('aria-invalid', current.ariaInvalid);
    const { groupEl } = current;
    if (groupEl) {
      groupEl.classList.remove(`xxgknb-group--${current.severity}`);
      // Leave no empty class="" behind on an element that had none.
      if (!current.hadClass && groupEl.classList.length === 0) groupEl.removeAttribute('class');
    }
  }

  /** Drop messages whose control is no longer wanted (or no longer in the page).
   * @param {(el: Element) => boolean} keep */
  retain(keep) {
    for (const el of [...this.shown.keys()]) {
      if (!keep(el)) this.clear(el);
    }
  }

  clearAll() {
    this.retain(() => false);
  }
}
