// The CMS form adapter: binds the validator to a form the host already has.
// Progressive enhancement: the form keeps working (and the server keeps validating) when this
// script or the WebAssembly module cannot load; nothing here is required to submit.
//
// When it speaks: a cell is checked when the user leaves it; once touched, also while they type
// (debounced); rules that need cells nobody filled yet wait (partial validation); on submit,
// everything is checked and the error summary appears.

import { buildReport, collectFields, commitsOnChange, fieldPath, isControl } from './fields.mjs';
import { InlineMessages, formatValue } from './inline.mjs';
import { ErrorSummary } from './summary.mjs';

const STRINGS = {
  'zh-CN': {
    summaryTitle: '存在以下问题',
    warningsTitle: '请核对以下内容（不影响提交）',
    errorPrefix: '错误：',
    warningPrefix: '提示：',
    titlePrefix: '错误：',
    fix: (value) => `改为 ${value}`,
    more: (count) => `另有 ${count} 条提示，见各单元格下方。`,
    blank: '未填写；无数据请填 0。',
    blanks: (count) => `${count} 个单元格未填写；无数据请填 0，涉及这些单元格的勾稽关系未作校验。`,
  },
  en: {
    summaryTitle: 'There is a problem',
    warningsTitle: 'Please check (does not stop submission)',
    errorPrefix: 'Error: ',
    warningPrefix: 'Warning: ',
    titlePrefix: 'Error: ',
    fix: (value) => `Use ${value}`,
    more: (count) => `${count} more, shown next to their cells.`,
    blank: 'Blank: enter 0 if there is nothing to report.',
    blanks: (count) => `${count} cells are blank: enter 0 where there is nothing to report; the sums involving them were not checked.`,
  },
};

const OPTION_KEYS = ['fields', 'validator', 'locale', 'debounce', 'blockSubmit', 'summaryContainer', 'rules', 'previous', 'strings'];
const METADATA = new Set(['/year', '/format', '/issuer', '/publishedOn']);
const DEFAULT_DEBOUNCE = 300;
// Past this many blank cells (a half-filled form on submit), one sentence each would bury the
// errors: the cells get a short note and the summary one line for all of them.
const BLANK_COMPACT = 3;

let defaultValidator = null;
let idCounter = 0;

/** The lite build, loaded once per page however many forms attach. A failed load is not
 * kept: a later attach() (say after the page's own init() with the right URL) tries again. */
function loadDefaultValidator() {
  if (!defaultValidator) {
    defaultValidator = import('../lite.browser.mjs').then(async (mod) => {
      await mod.default();
      return mod;
    });
    defaultValidator.catch(() => {
      defaultValidator = null;
    });
  }
  return defaultValidator;
}

function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function checkOptions(form, options) {
  if (typeof HTMLFormElement === 'undefined' || !(form instanceof HTMLFormElement)) {
    throw new Error(`attach: expected a <form> element, got ${describe(form)}`);
  }
  if (options === null || typeof options !== 'object') {
    throw new Error(`attach: expected an options object, got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    // A typo (`feilds`) must not silently leave the form unbound.
    if (!OPTION_KEYS.includes(key)) throw new Error(`attach: unknown option "${key}" (expected one of ${OPTION_KEYS.join(', ')})`);
  }
  const { fields, validator, locale, debounce, blockSubmit } = options;
  if (fields !== undefined) {
    if (fields === null || typeof fields !== 'object') throw new Error(`options.fields: expected an object from field names to JSON Pointers, got ${describe(fields)}`);
    for (const [name, path] of Object.entries(fields)) {
      if (typeof path !== 'string' || (path !== '' && !path.startsWith('/'))) {
        throw new Error(`options.fields.${name}: expected a JSON Pointer such as "/applications/received/natural", got ${JSON.stringify(path)}`);
      }
    }
  }
  if (validator !== undefined && typeof validator?.validate !== 'function') {
    throw new Error(`options.validator: expected an object with a validate() function, got ${describe(validator)}`);
  }
  if (locale !== undefined && !Object.hasOwn(STRINGS, locale)) {
    throw new Error(`options.locale: expected "zh-CN" or "en", got ${JSON.stringify(locale)}`);
  }
  if (debounce !== undefined && !(Number.isFinite(debounce) && debounce >= 0)) {
    throw new Error(`options.debounce: expected milliseconds (a number >= 0), got ${JSON.stringify(debounce)}`);
  }
  if (blockSubmit !== undefined && typeof blockSubmit !== 'boolean' && typeof blockSubmit !== 'function') {
    throw new Error(`options.blockSubmit: expected a boolean or a function(result), got ${describe(blockSubmit)}`);
  }
}

const bySeverity = { error: 0, warning: 1, info: 2 };

/**
 * Bind the validator to `form`.
 * @param {HTMLFormElement} form
 * @param {import('./index.js').AttachOptions} [options]
 * @returns {import('./index.js').FormHandle}
 */
export function attach(form, options = {}) {
  checkOptions(form, options);
  const locale = options.locale ?? 'zh-CN';
  const strings = { ...STRINGS[locale], ...options.strings };
  const mapping = options.fields ?? null;
  const debounce = options.debounce ?? DEFAULT_DEBOUNCE;
  const doc = form.ownerDocument;

  let validator = null;
  let loadError = null;
  let result = null;
  let detached = false;
  let submitted = false; // after the first full check every message shows
  let timer = 0;
  let pending = null; // a check asked for before the module was ready
  let fixing = false;
  let shownKeys = new Set();
  let titleMarked = false;
  const touched = new Set();
  const withValidity = new Set();
  const generatedIds = new Set();
  const noValidate = form.noValidate;

  const inline = new InlineMessages({
    strings,
    group: (el) => el.closest('[data-xxgknb-group]') ?? el.parentElement,
  });
  const summary = new ErrorSummary(form, {
    strings,
    container: options.summaryContainer ?? null,
    onLink: (path) => {
      const el = collectFields(form, mapping).byPath.get(path);
      if (!el) return;
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
    },
  });

  const ready = (options.validator ? Promise.resolve(options.validator) : loadDefaultValidator()).then(
    (v) => {
      validator = v;
      if (pending && !detached) {
        const trigger = pending;
        pending = null;
        run(trigger);
      }
      return true;
    },
    (error) => {
      // Leave the form as it was: the host's server-side checks still apply. Resolve rather than
      // reject, so that a host that never looks at `ready` gets no unhandled rejection.
      loadError = error instanceof Error ? error : new Error(String(error));
      if (!detached) form.dispatchEvent(new CustomEvent('xxgknb:error', { bubbles: true, detail: { error: loadError } }));
      return false;
    },
  );

  // Our own messages set the custom validity; the browser's bubbles must not pre-empt the summary.
  form.noValidate = true;

  const keyOf = (d) => `${d.rule}|${d.path}`;
  const involvesTouched = (d) => touched.has(d.path) || d.related.some((p) => touched.has(p));

  function ensureId(el) {
    if (!el.id) {
      el.id = `xxgknb-field-${++idCounter}`;
      generatedIds.add(el);
    }
    return el.id;
  }

  function markTitle(on) {
    if (on && !titleMarked && !doc.title.startsWith(strings.titlePrefix)) {
      doc.title = strings.titlePrefix + doc.title;
      titleMarked = true;
    } else if (!on && titleMarked) {
      if (doc.title.startsWith(strings.titlePrefix)) doc.title = doc.title.slice(strings.titlePrefix.length);
      titleMarked = false;
    }
  }

  /**
   * Validate and render. `allowNew: false` only updates or removes messages already shown
   * (used on each keystroke, so a fix is acknowledged at once while new complaints wait for the
   * debounce); `showSummary` brings up the summary (submit, validate()).
   */
  function run(trigger, { allowNew = true, showSummary = false } = {}) {
    const full = submitted;
    const { entries, byPath } = collectFields(form, mapping);
    // Partial check: only cells someone filled or touched; absent cells skip the rules needing them.
    const include = full ? () => true : (path, value) => value !== undefined || touched.has(path);
    const report = buildReport(entries, include);
    const validateOptions = { partial: !full, locale };
    if (options.rules) validateOptions.rules = options.rules;
    if (options.previous) validateOptions.previous = options.previous;
    result = validator.validate(report, validateOptions);

    const visible = full ? result.diagnostics : result.diagnostics.filter(involvesTouched);
    const shown = allowNew ? visible : visible.filter((d) => shownKeys.has(keyOf(d)));
    shownKeys = new Set(shown.map(keyOf));

    const blanks = shown.filter((d) => d.rule === 'blank-cell');
    const compact = blanks.length > BLANK_COMPACT;

    // Inline messages, one box per control.
    const perControl = new Map();
    const order = new Map(entries.map(({ el }, i) => [el, i]));
    for (const original of shown) {
      const d = compact && original.rule === 'blank-cell' ? { ...original, message: strings.blank } : original;
      const el = byPath.get(d.path);
      if (!el) continue;
      if (!perControl.has(el)) perControl.set(el, []);
      perControl.get(el).push(d);
    }
    inline.retain((el) => perControl.has(el) && el.isConnected);
    for (const [el, list] of perControl) {
      list.sort((a, b) => bySeverity[a.severity] - bySeverity[b.severity]);
      inline.show(el, list, list[0].path);
    }

    // The host's own form code sees the state through the constraint validation API.
    for (const el of withValidity) {
      if (!perControl.get(el)?.some((d) => d.severity === 'error')) {
        el.setCustomValidity('');
        withValidity.delete(el);
      }
    }
    for (const [el, list] of perControl) {
      const errors = list.filter((d) => d.severity === 'error');
      if (errors.length && typeof el.setCustomValidity === 'function') {
        el.setCustomValidity(errors.map((d) => d.message).join('\n'));
        withValidity.add(el);
      }
    }

    // The summary: problems in the order of the form; those no cell holds come first.
    if (showSummary || summary.visible) {
      const listed = compact ? shown.filter((d) => d.rule !== 'blank-cell') : shown;
      if (compact) listed.push({ ...blanks[0], related: blanks.slice(1).map((d) => d.path), message: strings.blanks(blanks.length) });
      const items = listed
        .filter((d) => d.severity !== 'info')
        .map((d) => {
          // A problem of a whole table or row links to the first of its cells the form has.
          const el = byPath.get(d.path) ?? d.related.map((p) => byPath.get(p)).find(Boolean);
          return { diagnostic: d, el, rank: el ? order.get(el) : -1 };
        })
        .sort((a, b) => bySeverity[a.diagnostic.severity] - bySeverity[b.diagnostic.severity] || a.rank - b.rank)
        .map(({ diagnostic, el }) => ({ diagnostic, href: el ? `#${ensureId(el)}` : null }));
      summary.render(items);
    }
    markTitle(summary.visible && result.errorCount > 0);

    form.dispatchEvent(new CustomEvent('xxgknb:validated', { bubbles: true, detail: { result, trigger } }));
    return result;
  }

  function runWhenReady(trigger) {
    if (detached || loadError) return;
    if (validator) run(trigger);
    else pending = trigger;
  }

  function shouldBlock(r) {
    const rule = options.blockSubmit;
    if (rule === false) return false;
    if (typeof rule === 'function') return Boolean(rule(r));
    return r.errorCount > 0; // warnings never block
  }

  function onFocusOut(event) {
    const el = event.target;
    const path = fieldPath(el, mapping);
    if (path === null || commitsOnChange(el)) return;
    touched.add(path);
    clearTimeout(timer);
    runWhenReady('blur');
  }

  function onChange(event) {
    const el = event.target;
    const path = fieldPath(el, mapping);
    if (path === null || !commitsOnChange(el) || fixing) return;
    touched.add(path);
    runWhenReady('change');
  }

  function onInput(event) {
    const el = event.target;
    if (fixing || !isControl(el) || commitsOnChange(el)) return;
    const path = fieldPath(el, mapping);
    if (path === null || !validator || (!touched.has(path) && !submitted)) return;
    clearTimeout(timer);
    if (debounce === 0) {
      run('input');
      return;
    }
    run('input', { allowNew: false });
    timer = setTimeout(() => {
      if (!detached) run('input');
    }, debounce);
  }

  function onClick(event) {
    const button = event.target.closest?.('button[data-xxgknb-fix]');
    if (!button || !form.contains(button) || !button.closest('.xxgknb-inline')) return;
    event.preventDefault();
    const path = button.dataset.xxgknbPath;
    const el = collectFields(form, mapping).byPath.get(path);
    if (!el || !validator) return;
    el.value = button.dataset.xxgknbFix;
    touched.add(path);
    el.focus(); // the button is about to disappear; keep the user on the cell
    // Let the host's own code (autosave, totals) hear of the change; our handlers skip it.
    fixing = true;
    try {
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    } finally {
      fixing = false;
    }
    clearTimeout(timer);
    run('fix');
  }

  function onSubmit(event) {
    if (detached || loadError) return;
    if (!validator) {
      // Not ready yet: hold the submission, check, then submit again the same way.
      event.preventDefault();
      const submitter = event.submitter ?? undefined;
      ready.then(() => {
        if (!detached) form.requestSubmit(submitter);
      });
      return;
    }
    submitted = true;
    clearTimeout(timer);
    const r = run('submit', { showSummary: true });
    if (shouldBlock(r)) {
      event.preventDefault();
      summary.focus();
    }
  }

  /** Forget what was touched and take every message down (a new report, or the form's reset). */
  function reset() {
    clearTimeout(timer);
    touched.clear();
    submitted = false;
    shownKeys = new Set();
    result = null;
    inline.clearAll();
    summary.remove();
    markTitle(false);
    for (const el of withValidity) el.setCustomValidity('');
    withValidity.clear();
  }

  form.addEventListener('focusout', onFocusOut);
  form.addEventListener('change', onChange);
  form.addEventListener('input', onInput);
  form.addEventListener('click', onClick);
  form.addEventListener('submit', onSubmit);
  form.addEventListener('reset', reset);

  return {
    ready,
    get result() {
      return result;
    },
    async validate({ focus = true } = {}) {
      await ready;
      if (loadError) throw loadError;
      if (detached) throw new Error('validate: this handle has been detached');
      submitted = true;
      clearTimeout(timer);
      const r = run('validate', { showSummary: true });
      if (focus && summary.visible) summary.focus();
      return r;
    },
    reset() {
      if (!detached) reset();
    },
    checkMapping(format) {
      if (!validator) throw new Error('checkMapping: the validator is not ready yet (await handle.ready)');
      if (typeof validator.cells !== 'function') throw new Error('checkMapping: options.validator has no cells() function');
      const cellPaths = new Set(validator.cells(format).map((c) => c.path));
      const mapped = new Set(collectFields(form, mapping).byPath.keys());
      return {
        missing: [...cellPaths].filter((p) => !mapped.has(p)),
        unknown: [...mapped].filter((p) => !cellPaths.has(p) && !METADATA.has(p) && !p.startsWith('/sections/')),
      };
    },
    detach() {
      if (detached) return;
      detached = true;
      clearTimeout(timer);
      form.removeEventListener('focusout', onFocusOut);
      form.removeEventListener('change', onChange);
      form.removeEventListener('input', onInput);
      form.removeEventListener('click', onClick);
      form.removeEventListener('submit', onSubmit);
      form.removeEventListener('reset', reset);
      reset();
      for (const el of generatedIds) el.removeAttribute('id');
      generatedIds.clear();
      form.noValidate = noValidate;
    },
  };
}

export { formatValue };
