// The form adapter's controller (GOV.UK Frontend style: one small class per component). It owns
// what the adapter knows of one form (which cells were touched, whether it was submitted, the
// last result), listens to the form, runs the validator, and hands the diagnostics to the
// components that show them: InlineMessages (next to each cell), ErrorSummary (top of the form),
// and the page title and the constraint validation API, which are the controller's own.
//
// When it speaks: a cell is checked when the user leaves it; once touched, also while they type
// (debounced); rules that need cells nobody filled yet wait (partial validation); on submit,
// everything is checked and the error summary appears.

import { buildReport, collectFields, commitsOnChange, isControl } from './fields.mjs';
import { FieldIndex } from './field-index.mjs';
import { InlineMessages } from './inline.mjs';
import { ErrorSummary } from './summary.mjs';
import { applyMessages } from '../messages.mjs';
/** @import { Diagnostic, Format, FormHandle, MappingCheck, ReportInput, ValidateOptions, ValidationResult, ValidationTrigger, Validator } from './index.js' */
/** @import { Fields, FormControl } from './fields.mjs' */
/** The validator as the controller uses it: the built-in one also has `validateJson`.
 * @typedef {Validator & { validateJson?: (text: string, options?: ValidateOptions) => ValidationResult }} AnyValidator */

const METADATA = new Set(['/year', '/format', '/issuer', '/publishedOn']);
const BY_SEVERITY = { error: 0, warning: 1, info: 2 };
// Past this many blank cells (a half-filled form on submit), one sentence each would bury the
// errors: the cells get a short note and the summary one line for all of them.
const BLANK_COMPACT = 3;

let idCounter = 0;

const keyOf = (/** @type {Diagnostic} */ d) => `${d.rule}|${d.path}`;

/** Puts "错误：" before the page title while the summary shows errors (GOV.UK pattern). */
class TitleMarker {
  /** @param {Document} doc @param {string} prefix */
  constructor(doc, prefix) {
    this.doc = doc;
    this.prefix = prefix;
    this.marked = false;
  }

  /** @param {boolean} on */
  set(on) {
    const { doc, prefix } = this;
    if (on && !this.marked && !doc.title.startsWith(prefix)) {
      doc.title = prefix + doc.title;
      this.marked = true;
    } else if (!on && this.marked) {
      if (doc.title.startsWith(prefix)) doc.title = doc.title.slice(prefix.length);
      this.marked = false;
    }
  }
}

/** setCustomValidity on cells with errors, so that the host's own code sees them. */
class CustomValidity {
  constructor() {
    /** @type {Set<FormControl>} */
    this.set = new Set();
  }

  /** `perControl`: control → its diagnostics now shown.
   * @param {Map<FormControl, Diagnostic[]>} perControl */
  update(perControl) {
    for (const el of this.set) {
      if (!perControl.get(el)?.some((d) => d.severity === 'error')) {
        el.setCustomValidity('');
        this.set.delete(el);
      }
    }
    for (const [el, list] of perControl) {
      const errors = list.filter((d) => d.severity === 'error');
      if (errors.length && typeof el.setCustomValidity === 'function') {
        el.setCustomValidity(errors.map((d) => d.message).join('\n'));
        this.set.add(el);
      }
    }
  }

  clear() {
    for (const el of this.set) el.setCustomValidity('');
    this.set.clear();
  }
}

export class FormController {
  /**
   * @param {HTMLFormElement} form
   * @param {import('./index.mjs').Settings} settings  checked options: mapping, locale, strings, debounce, messages, …
   * @param {Promise<AnyValidator>} loading  resolves to the validator
   */
  constructor(form, settings, loading) {
    this.form = form;
    this.settings = settings;
    this.doc = form.ownerDocument;
    /** @type {AnyValidator | null} */
    this.validator = null;
    /** @type {(Error & { reason?: string }) | null} */
    this.loadError = null;
    /** @type {ValidationResult | null} */
    this.result = null;
    this.detached = false;
    this.submitted = false; // after the first full check every message shows
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
    /** @type {ValidationTrigger | null} */
    this.pending = null; // a check asked for before the module was ready
    this.fixing = false;
    /** @type {{ text: string, asked: string, result: string } | null} */
    this.lastCheck = null; // { text, asked, result } of the built-in validator's last run, as JSON
    /** @type {Set<string>} */
    this.shownKeys = new Set();
    /** @type {Set<string>} */
    this.touched = new Set();
    /** @type {Set<Element>} */
    this.generatedIds = new Set();
    this.noValidate = form.noValidate;
    this.index = new FieldIndex(form, settings.mapping);

    this.inline = new InlineMessages({
      strings: settings.strings,
      group: (el) => el.closest('[data-xxgknb-group]') ?? el.parentElement,
    });
    this.summary = new ErrorSummary(form, {
      strings: settings.strings,
      container: settings.summaryContainer,
      onLink: (path) => this.focusCell(path),
    });
    this.title = new TitleMarker(this.doc, settings.strings.titlePrefix);
    this.validity = new CustomValidity();

    this.ready = loading.then(
      (validator) => this.onLoaded(validator),
      (error) => this.onLoadFailed(error),
    );

    // Our own messages set the custom validity; the browser's bubbles must not pre-empt the summary.
    form.noValidate = true;
    /** @type {Record<string, (event: Event) => void>} */
    this.listeners = {
      focusout: (e) => this.onFocusOut(e),
      change: (e) => this.onChange(e),
      input: (e) => this.onInput(e),
      click: (e) => this.onClick(e),
      submit: (e) => this.onSubmit(/** @type {SubmitEvent} */ (e)),
      reset: () => this.reset(),
    };
    for (const [type, listener] of Object.entries(this.listeners)) form.addEventListener(type, listener);
  }

  /** @param {AnyValidator} validator */
  onLoaded(validator) {
    this.validator = validator;
    if (this.pending && !this.detached) {
      const trigger = this.pending;
      this.pending = null;
      this.run(trigger);
    }
    return true;
  }

  /**
   * Leave the form as it was: the host's server-side checks still apply. Resolve rather than
   * reject, so that a host that never looks at `ready` gets no unhandled rejection.
   * @param {unknown} error
   */
  onLoadFailed(error) {
    this.loadError = error instanceof Error ? error : new Error(String(error));
    if (!this.detached) {
      const reason = this.loadError.reason ?? 'failed';
      this.form.dispatchEvent(
        new CustomEvent('xxgknb:error', { bubbles: true, detail: { error: this.loadError, reason } }),
      );
    }
    return false;
  }

  /** The fields of the form as they are now (hosts add and remove fields, e.g. a layout switch). */
  fields() {
    return this.index.fields();
  }

  /** The model path of a control, for the format the form shows now.
   * @param {EventTarget | null} el */
  pathOf(el) {
    return this.index.pathOf(el);
  }

  /** @param {string} path */
  focusCell(path) {
    const el = this.fields().byPath.get(path);
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }

  /** @param {Element} el */
  ensureId(el) {
    if (!el.id) {
      el.id = `xxgknb-field-${++idCounter}`;
      this.generatedIds.add(el);
    }
    return el.id;
  }

  /** @param {Diagnostic} d */
  involvesTouched(d) {
    return this.touched.has(d.path) || d.related.some((p) => this.touched.has(p));
  }

  /** The options for validate(): partial until submitted; unmapped cells not asked for unless wanted.
   * @param {boolean} full */
  validateOptions(full) {
    const { settings } = this;
    /** @type {ValidateOptions} */
    const options = { partial: !full, locale: settings.locale };
    // A form that maps part of a report is not blocked by the cells it never had.
    /** @type {ValidateOptions['rules']} */
    const rules = settings.missingCells === 'all' ? settings.rules : { 'missing-cell': 'off', ...settings.rules };
    if (rules) options.rules = rules;
    if (settings.previous) options.previous = settings.previous;
    return options;
  }

  /**
   * The validator's result for `report`. Leaving a cell, the debounced check after typing and
   * tabbing through the form ask again about the report the last keystroke was checked with:
   * the built-in validator (deterministic; the host's own may not be) is then not run again.
   * Its result is kept as text, so that a host changing what it was given changes no later copy.
   * Called once the validator is loaded.
   * @param {ReportInput} report @param {ValidateOptions} options @returns {ValidationResult}
   */
  check(report, options) {
    const validator = /** @type {AnyValidator} */ (this.validator);
    if (this.settings.validator !== undefined || typeof validator.validateJson !== 'function')
      return validator.validate(report, options);
    // The text the validator would make of the report itself (validate() stringifies it).
    const text = JSON.stringify(report);
    const asked = JSON.stringify(options);
    const last = this.lastCheck;
    if (last !== null && last.text === text && last.asked === asked) return JSON.parse(last.result);
    const result = validator.validateJson(text, options);
    this.lastCheck = { text, asked, result: JSON.stringify(result) };
    return result;
  }

  /**
   * Validate and render. `allowNew: false` only updates or removes messages already shown
   * (used on each keystroke, so a fix is acknowledged at once while new complaints wait for the
   * debounce); `showSummary` brings up the summary (submit, validate()). Called once the
   * validator is loaded.
   * @param {ValidationTrigger} trigger
   * @param {{ allowNew?: boolean, showSummary?: boolean }} [how]
   * @returns {ValidationResult}
   */
  run(trigger, { allowNew = true, showSummary = false } = {}) {
    const full = this.submitted;
    const fields = this.fields();
    const { entries, byPath } = fields;
    // Partial check: only cells someone filled or touched; absent cells skip the rules needing them.
    /** @type {(path: string, value: string | number | undefined) => boolean} */
    const include = full ? () => true : (path, value) => value !== undefined || this.touched.has(path);
    const report = buildReport(entries, include);
    const { settings } = this;
    const validator = /** @type {AnyValidator} */ (this.validator);
    const raw = this.check(report, this.validateOptions(full));
    const result = applyMessages(raw, settings.messages, settings.locale, (f) =>
      typeof validator.cells === 'function' ? validator.cells(f) : [],
    );
    this.result = result;

    const visible = full ? result.diagnostics : result.diagnostics.filter((d) => this.involvesTouched(d));
    const shown = allowNew ? visible : visible.filter((d) => this.shownKeys.has(keyOf(d)));
    this.shownKeys = new Set(shown.map(keyOf));

    const blanks = shown.filter((d) => d.rule === 'blank-cell');
    const compact = blanks.length > BLANK_COMPACT;
    const perControl = this.renderInline(shown, byPath, compact);
    this.validity.update(perControl);
    if (showSummary || this.summary.visible) this.renderSummary(shown, blanks, compact, fields);
    this.title.set(this.summary.visible && result.errorCount > 0);

    this.form.dispatchEvent(new CustomEvent('xxgknb:validated', { bubbles: true, detail: { result, trigger } }));
    return result;
  }

  /** Inline messages, one box per control, errors first. Returns control → its diagnostics.
   * @param {Diagnostic[]} shown @param {Map<string, FormControl>} byPath @param {boolean} compact */
  renderInline(shown, byPath, compact) {
    /** @type {Map<FormControl, Diagnostic[]>} */
    const perControl = new Map();
    for (const original of shown) {
      const d =
        compact && original.rule === 'blank-cell' ? { ...original, message: this.settings.strings.blank } : original;
      const el = byPath.get(d.path);
      if (!el) continue;
      let list = perControl.get(el);
      if (!list) perControl.set(el, (list = []));
      list.push(d);
    }
    // The inline messages are on the controls this method gave them.
    this.inline.retain((el) => perControl.has(/** @type {FormControl} */ (el)) && el.isConnected);
    for (const [el, list] of perControl) {
      list.sort((a, b) => BY_SEVERITY[a.severity] - BY_SEVERITY[b.severity]);
      this.inline.show(el, list, list[0].path);
    }
    return perControl;
  }

  /** The summary: problems in the order of the form; those no cell holds come first.
   * @param {Diagnostic[]} shown @param {Diagnostic[]} blanks @param {boolean} compact @param {Fields} fields */
  renderSummary(shown, blanks, compact, fields) {
    const { byPath } = fields;
    // Kept with the fields, which are collected again when the form's controls change.
    const order = (fields.order ??= new Map(fields.entries.map(({ el }, i) => [el, i])));
    const listed = compact ? shown.filter((d) => d.rule !== 'blank-cell') : shown;
    if (compact)
      listed.push({
        ...blanks[0],
        related: blanks.slice(1).map((d) => d.path),
        message: this.settings.strings.blanks(blanks.length),
      });
    const items = listed
      .filter((d) => d.severity !== 'info')
      .map((d) => {
        // A problem of a whole table or row links to the first of its cells the form has.
        const el = byPath.get(d.path) ?? d.related.map((p) => byPath.get(p)).find(Boolean);
        // Every control of byPath is one of the entries.
        return { diagnostic: d, el, rank: el ? /** @type {number} */ (order.get(el)) : -1 };
      })
      .sort((a, b) => BY_SEVERITY[a.diagnostic.severity] - BY_SEVERITY[b.diagnostic.severity] || a.rank - b.rank)
      .map(({ diagnostic, el }) => ({ diagnostic, href: el ? `#${this.ensureId(el)}` : null }));
    this.summary.render(items);
  }

  /** @param {ValidationTrigger} trigger */
  runWhenReady(trigger) {
    if (this.detached || this.loadError) return;
    if (this.validator) this.run(trigger);
    else this.pending = trigger;
  }

  /** @param {ValidationResult} result */
  shouldBlock(result) {
    const rule = this.settings.blockSubmit;
    if (rule === false) return false;
    if (typeof rule === 'function') return Boolean(rule(result));
    return result.errorCount > 0; // warnings never block
  }

  /** @param {Event} event */
  onFocusOut(event) {
    const el = event.target;
    const path = this.pathOf(el);
    // A path is a control's (isControl then holds: it only tells TypeScript so).
    if (path === null || !isControl(el) || commitsOnChange(el)) return;
    this.touched.add(path);
    clearTimeout(this.timer);
    this.runWhenReady('blur');
  }

  /** @param {Event} event */
  onChange(event) {
    const el = event.target;
    const path = this.pathOf(el);
    if (path === null || !isControl(el) || !commitsOnChange(el) || this.fixing) return;
    this.touched.add(path);
    this.runWhenReady('change');
  }

  /** @param {Event} event */
  onInput(event) {
    const el = event.target;
    if (this.fixing || !isControl(el) || commitsOnChange(el)) return;
    const path = this.pathOf(el);
    if (path === null || !this.validator || (!this.touched.has(path) && !this.submitted)) return;
    clearTimeout(this.timer);
    const { debounce } = this.settings;
    if (debounce === 0) {
      this.run('input');
      return;
    }
    this.run('input', { allowNew: false });
    this.timer = setTimeout(() => {
      if (!this.detached) this.run('input');
    }, debounce);
  }

  /** @param {Event} event */
  onClick(event) {
    const button = /** @type {HTMLElement | null | undefined} */ (
      /** @type {Element} */ (event.target).closest?.('button[data-xxgknb-fix]')
    );
    if (!button || !this.form.contains(button) || !button.closest('.xxgknb-inline')) return;
    event.preventDefault();
    const path = button.dataset.xxgknbPath;
    if (path === undefined) return; // not our button: ours all have a path
    const el = this.fields().byPath.get(path);
    if (!el || !this.validator) return;
    el.value = /** @type {string} */ (button.dataset.xxgknbFix); // the selector asks for it
    this.touched.add(path);
    el.focus(); // the button is about to disappear; keep the user on the cell
    // Let the host's own code (autosave, totals) hear of the change; our handlers skip it.
    this.fixing = true;
    try {
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    } finally {
      this.fixing = false;
    }
    clearTimeout(this.timer);
    this.run('fix');
  }

  /** @param {SubmitEvent} event */
  onSubmit(event) {
    if (this.detached || this.loadError) return;
    if (!this.validator) {
      // Not ready yet: hold the submission, check, then submit again the same way.
      event.preventDefault();
      const submitter = event.submitter ?? undefined;
      this.ready.then(() => {
        if (!this.detached) this.form.requestSubmit(submitter);
      });
      return;
    }
    this.submitted = true;
    clearTimeout(this.timer);
    const result = this.run('submit', { showSummary: true });
    if (this.shouldBlock(result)) {
      event.preventDefault();
      this.summary.focus();
    }
  }

  /** Check everything as on submit and show the summary (handle.validate()).
   * @param {{ focus?: boolean }} [how] */
  async validate({ focus = true } = {}) {
    await this.ready;
    if (this.loadError) throw this.loadError;
    if (this.detached) throw new Error('validate: this handle has been detached');
    this.submitted = true;
    clearTimeout(this.timer);
    const result = this.run('validate', { showSummary: true });
    if (focus && this.summary.visible) this.summary.focus();
    return result;
  }

  /** @param {Format} format @returns {MappingCheck} */
  checkMapping(format) {
    const { validator } = this;
    if (!validator) throw new Error('checkMapping: the validator is not ready yet (await handle.ready)');
    if (typeof validator.cells !== 'function')
      throw new Error('checkMapping: options.validator has no cells() function');
    const cellPaths = new Set(validator.cells(format).map((c) => c.path));
    const { mapping } = this.settings;
    const mapped = new Set(
      collectFields(this.form, mapping, typeof mapping === 'function' ? format : undefined).byPath.keys(),
    );
    return {
      missing: [...cellPaths].filter((p) => !mapped.has(p)),
      unknown: [...mapped].filter((p) => !cellPaths.has(p) && !METADATA.has(p) && !p.startsWith('/sections/')),
    };
  }

  /** Forget what was touched and take every message down (a new report, or the form's reset). */
  reset() {
    if (this.detached) return;
    this.clear();
  }

  clear() {
    clearTimeout(this.timer);
    this.touched.clear();
    this.submitted = false;
    this.shownKeys = new Set();
    this.result = null;
    this.lastCheck = null;
    this.inline.clearAll();
    this.summary.remove();
    this.title.set(false);
    this.validity.clear();
  }

  detach() {
    if (this.detached) return;
    this.detached = true;
    for (const [type, listener] of Object.entries(this.listeners)) this.form.removeEventListener(type, listener);
    this.index.disconnect();
    this.clear();
    for (const el of this.generatedIds) el.removeAttribute('id');
    this.generatedIds.clear();
    this.form.noValidate = this.noValidate;
  }

  /** The public handle: what attach() returns.
   * @returns {FormHandle} */
  handle() {
    const controller = this;
    return {
      ready: this.ready,
      get result() {
        return controller.result;
      },
      validate: (options) => this.validate(options),
      reset: () => this.reset(),
      checkMapping: (format) => this.checkMapping(format),
      detach: () => this.detach(),
    };
  }
}
