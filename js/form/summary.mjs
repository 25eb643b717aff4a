// The error summary at the top of the form (GOV.UK "error summary" pattern): it appears on
// submit, takes focus so keyboard and screen-reader users land on it, and links every problem
// to its cell. Text only, never HTML.

/** @import { AdapterStrings, Diagnostic } from './index.js' */
/** A problem to list, and the `#id` of its cell (null: no cell of the form holds it).
 * @typedef {{ diagnostic: Diagnostic, href: string | null }} SummaryItem */

let counter = 0;
const WARNING_LIMIT = 10;

export class ErrorSummary {
  /**
   * @param {HTMLFormElement} form
   * @param {{ strings: AdapterStrings, container: Element | null, onLink: (path: string) => void }} options
   */
  constructor(form, { strings, container, onLink }) {
    this.form = form;
    this.strings = strings;
    this.container = container;
    this.onLink = onLink;
    /** @type {HTMLDivElement | null} */
    this.root = null;
    this.key = '';
    /** @param {Event} event */
    this.onClick = (event) => {
      const link = /** @type {HTMLElement | null | undefined} */ (
        /** @type {Element} */ (event.target).closest?.('a[data-xxgknb-path]')
      );
      if (!link || !this.root?.contains(link)) return;
      event.preventDefault();
      // The selector asks for the attribute.
      this.onLink(/** @type {string} */ (link.dataset.xxgknbPath));
    };
  }

  get visible() {
    return this.root !== null;
  }

  /**
   * Show the problems. `items`: [{ diagnostic, href }] with href null for problems that no
   * cell of the form holds (they are listed without a link).
   * @param {SummaryItem[]} items
   */
  render(items) {
    if (items.length === 0) {
      this.remove();
      return;
    }
    const key = items
      .map(({ diagnostic: d, href }) => `${d.severity}|${d.rule}|${d.path}|${d.message}|${href}`)
      .join('\n');
    if (this.root && key === this.key) return;
    this.key = key;

    const doc = this.form.ownerDocument;
    const errors = items.filter((i) => i.diagnostic.severity === 'error');
    const others = items.filter((i) => i.diagnostic.severity !== 'error');

    if (!this.root) {
      this.root = doc.createElement('div');
      this.root.className = 'xxgknb-summary';
      this.root.tabIndex = -1;
      this.root.addEventListener('click', this.onClick);
      if (this.container) this.container.prepend(this.root);
      else this.form.prepend(this.root);
    }
    const titleId = `xxgknb-summary-title-${++counter}`;
    this.root.classList.toggle('xxgknb-summary--warning', errors.length === 0);
    this.root.setAttribute('aria-labelledby', titleId);

    const alert = doc.createElement('div');
    alert.setAttribute('role', 'alert');
    const title = doc.createElement('h2');
    title.className = 'xxgknb-summary__title';
    title.id = titleId;
    title.textContent = errors.length ? this.strings.summaryTitle : this.strings.warningsTitle;
    const body = doc.createElement('div');
    body.className = 'xxgknb-summary__body';
    alert.append(title, body);

    if (errors.length) body.append(this.list(doc, errors));
    if (errors.length && others.length) {
      const subtitle = doc.createElement('p');
      subtitle.className = 'xxgknb-summary__subtitle';
      subtitle.textContent = this.strings.warningsTitle;
      body.append(subtitle);
    }
    // Errors are all listed (each must be fixed); warnings can run to hundreds on a blank form
    // (one per empty cell), so only the first few are, the rest stay next to their cells.
    if (others.length) body.append(this.list(doc, others.slice(0, WARNING_LIMIT)));
    if (others.length > WARNING_LIMIT) {
      const more = doc.createElement('p');
      more.className = 'xxgknb-summary__more';
      more.textContent = this.strings.more(others.length - WARNING_LIMIT);
      body.append(more);
    }
    this.root.replaceChildren(alert);
  }

  /** @param {Document} doc @param {SummaryItem[]} items */
  list(doc, items) {
    const ul = doc.createElement('ul');
    ul.className = 'xxgknb-summary__list';
    for (const { diagnostic, href } of items) {
      const li = doc.createElement('li');
      li.className = `xxgknb-summary__item--${diagnostic.severity}`;
      if (href) {
        const a = doc.createElement('a');
        a.href = href;
        a.dataset.xxgknbPath = diagnostic.path;
        a.textContent = diagnostic.message;
        li.append(a);
      } else {
        li.textContent = diagnostic.message;
      }
      ul.append(li);
    }
    return ul;
  }

  focus() {
    if (!this.root) return;
    this.root.focus({ preventScroll: true });
    this.root.scrollIntoView({ block: 'start' });
  }

  remove() {
    if (!this.root) return;
    this.root.removeEventListener('click', this.onClick);
    this.root.remove();
    this.root = null;
    this.key = '';
  }
}
