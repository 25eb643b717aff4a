// Inline messages next to a cell (GOV.UK "error message" pattern): the text goes after the
// control, the control points at it with aria-describedby, errors set aria-invalid, and a
// diagnostic whose rule computed the value gets a one-click fix button.
// Everything is text (textContent), never HTML: messages quote what users typed.

import { formatNumber } from '../messages.mjs';

let counter = 0;

/** Format a computed value for a form field: no float noise, no exponent. */
export const formatValue = formatNumber;

function addToken(el, attr, token) {
  const tokens = (el.getAttribute(attr) || '').split(/\s+/).filter(Boolean);
  if (!tokens.includes(token)) tokens.push(token);
  el.setAttribute(attr, tokens.join(' '));
}

function removeToken(el, attr, token) {
  const tokens = (el.getAttribute(attr) || '').split(/\s+/).filter((t) => t && t !== token);
  if (tokens.length) el.setAttribute(attr, tokens.join(' '));
  else el.removeAttribute(attr);
}

export class InlineMessages {
  /** @param {{ strings: object, group: (el: Element) => Element | null }} options */
  constructor({ strings, group }) {
    this.strings = strings;
    this.group = group;
    // control → { box, message, key, severity, groupEl, ariaInvalid }
    this.shown = new Map();
  }

  has(el) {
    return this.shown.has(el);
  }

  /**
   * Show `diagnostics` (all for one cell, errors first) next to `el`.
   * Does nothing when the same messages are already shown: re-creating the fix button while
   * the user presses it would swallow the click.
   */
  show(el, diagnostics, path) {
    const key = diagnostics.map((d) => `${d.severity}|${d.rule}|${d.message}|${d.expected ?? ''}`).join('\n');
    const current = this.shown.get(el);
    if (current && current.key === key) return;
    if (current) this.clear(el);

    const doc = el.ownerDocument;
    const severity = diagnostics.some((d) => d.severity === 'error') ? 'error' : 'warning';
    const id = `xxgknb-message-${++counter}`;

    const box = doc.createElement('span');
    box.className = `xxgknb-inline xxgknb-inline--${severity}`;
    const message = doc.createElement('span');
    message.id = id;
    message.className = `xxgknb-message xxgknb-message--${severity}`;
    for (const d of diagnostics) {
      const line = doc.createElement('span');
      line.className = `xxgknb-message__line xxgknb-message__line--${d.severity}`;
      line.dataset.rule = d.rule;
      const prefix = doc.createElement('span');
      prefix.className = 'xxgknb-visually-hidden';
      prefix.textContent = d.severity === 'error' ? this.strings.errorPrefix : this.strings.warningPrefix;
      line.append(prefix, doc.createTextNode(d.message));
      message.append(line);
    }
    box.append(message);

    // One button per distinct computed value; two rules may disagree about the same cell.
    const values = [...new Set(diagnostics.filter((d) => typeof d.expected === 'number').map((d) => formatValue(d.expected)))];
    for (const value of values) {
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = 'xxgknb-fix';
      button.dataset.xxgknbFix = value;
      button.dataset.xxgknbPath = path;
      button.textContent = this.strings.fix(value);
      button.setAttribute('aria-describedby', id);
      box.append(button);
    }

    el.insertAdjacentElement('afterend', box);
    addToken(el, 'aria-describedby', id);
    const ariaInvalid = el.getAttribute('aria-invalid');
    if (severity === 'error') el.setAttribute('aria-invalid', 'true');
    const groupEl = this.group(el);
    const hadClass = groupEl?.hasAttribute('class') ?? false;
    groupEl?.classList.add(`xxgknb-group--${severity}`);
    this.shown.set(el, { box, id, key, severity, groupEl, hadClass, ariaInvalid });
  }

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

  /** Drop messages whose control is no longer wanted (or no longer in the page). */
  retain(keep) {
    for (const el of [...this.shown.keys()]) {
      if (!keep(el)) this.clear(el);
    }
  }

  clearAll() {
    this.retain(() => false);
  }
}
