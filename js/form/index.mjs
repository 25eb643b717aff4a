// The CMS form adapter: binds the validator to a form the host already has.
// Progressive enhancement: the form keeps working (and the server keeps validating) when this
// script or the WebAssembly module cannot load; nothing here is required to submit.
//
// attach() checks its options and starts a FormController (controller.mjs), which drives the
// components: InlineMessages (inline.mjs), ErrorSummary (summary.mjs). The validator is the lite
// build, loaded by loader.mjs, unless the host passes its own.

import { FormController } from './controller.mjs';
import { formatValue } from './inline.mjs';
import { loadValidator } from './loader.mjs';
import { compileMessages } from '../messages.mjs';
import { pattern } from './pattern.mjs';
/** @import { AdapterStrings, AttachOptions, Locale, ReportInput, Severity, ValidationResult, Validator } from './index.js' */

/**
 * The options checked, with their defaults: what the controller and its components read.
 * @typedef {object} Settings
 * @property {import('./fields.mjs').Mapping | null} mapping  the host's `fields`
 * @property {Locale} locale
 * @property {AdapterStrings} strings
 * @property {number} debounce
 * @property {boolean | ((result: ValidationResult) => boolean) | undefined} blockSubmit
 * @property {'mapped' | 'all'} missingCells
 * @property {Element | null} summaryContainer
 * @property {Record<string, 'off' | Severity> | undefined} rules
 * @property {ReportInput | undefined} previous
 * @property {import('../messages.mjs').CompiledMessages} messages
 * @property {Validator | undefined} validator  the host's own, if it gave one
 * @property {string | URL | undefined} wasmUrl
 */

/** @type {Record<Locale, AdapterStrings>} */
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
    blanks: (count) =>
      `${count} cells are blank: enter 0 where there is nothing to report; the sums involving them were not checked.`,
  },
};

const OPTION_KEYS = [
  'fields',
  'validator',
  'wasmUrl',
  'locale',
  'debounce',
  'blockSubmit',
  'summaryContainer',
  'rules',
  'previous',
  'strings',
  'messages',
  'missingCells',
];
const DEFAULT_DEBOUNCE = 300;

/** @param {unknown} value */
function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** @param {unknown} fields */
function checkFields(fields) {
  if (typeof fields === 'function') return;
  if (fields === null || typeof fields !== 'object') {
    throw new Error(
      `options.fields: expected an object from field names to JSON Pointers (or pattern(…)), got ${describe(fields)}`,
    );
  }
  for (const name of Object.keys(fields)) {
    const path = /** @type {Record<string, unknown>} */ (fields)[name];
    if (typeof path !== 'string' || (path !== '' && !path.startsWith('/'))) {
      throw new Error(
        `options.fields.${name}: expected a JSON Pointer such as "/applications/received/natural", got ${JSON.stringify(path)}`,
      );
    }
  }
}

/** Check the options (misuse throws, naming the option) and settle the defaults.
 * @param {HTMLFormElement} form @param {AttachOptions} options @returns {Settings} */
function settle(form, options) {
  if (typeof HTMLFormElement === 'undefined' || !(form instanceof HTMLFormElement)) {
    throw new Error(`attach: expected a <form> element, got ${describe(form)}`);
  }
  if (options === null || typeof options !== 'object') {
    throw new Error(`attach: expected an options object, got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    // A typo (`feilds`) must not silently leave the form unbound.
    if (!OPTION_KEYS.includes(key))
      throw new Error(`attach: unknown option "${key}" (expected one of ${OPTION_KEYS.join(', ')})`);
  }
  const {
    fields,
    validator,
    wasmUrl,
    locale = 'zh-CN',
    debounce = DEFAULT_DEBOUNCE,
    blockSubmit,
    missingCells = 'mapped',
  } = options;
  if (fields !== undefined) checkFields(fields);
  if (validator !== undefined && typeof validator?.validate !== 'function') {
    throw new Error(`options.validator: expected an object with a validate() function, got ${describe(validator)}`);
  }
  if (wasmUrl !== undefined && typeof wasmUrl !== 'string' && !(typeof URL !== 'undefined' && wasmUrl instanceof URL)) {
    throw new Error(
      `options.wasmUrl: expected the URL of xxgknb_lite_bg.wasm (a string or URL), got ${describe(wasmUrl)}`,
    );
  }
  if (wasmUrl !== undefined && validator !== undefined) {
    throw new Error('options.wasmUrl: not used with options.validator (the host loads its own validator)');
  }
  if (locale !== 'zh-CN' && locale !== 'en') {
    throw new Error(`options.locale: expected "zh-CN" or "en", got ${JSON.stringify(locale)}`);
  }
  if (!(Number.isFinite(debounce) && debounce >= 0)) {
    throw new Error(`options.debounce: expected milliseconds (a number >= 0), got ${JSON.stringify(debounce)}`);
  }
  if (blockSubmit !== undefined && typeof blockSubmit !== 'boolean' && typeof blockSubmit !== 'function') {
    throw new Error(`options.blockSubmit: expected a boolean or a function(result), got ${describe(blockSubmit)}`);
  }
  if (missingCells !== 'mapped' && missingCells !== 'all') {
    throw new Error(`options.missingCells: expected "mapped" or "all", got ${JSON.stringify(missingCells)}`);
  }
  const strings = { ...STRINGS[locale], ...options.strings };
  return {
    mapping: fields ?? null,
    locale,
    strings,
    debounce,
    blockSubmit,
    missingCells,
    summaryContainer: options.summaryContainer ?? null,
    rules: options.rules,
    previous: options.previous,
    messages: options.messages === undefined ? new Map() : compileMessages(options.messages, 'attach'),
    validator,
    wasmUrl,
  };
}

/**
 * Bind the validator to `form`.
 * @param {HTMLFormElement} form
 * @param {import('./index.js').AttachOptions} [options]
 * @returns {import('./index.js').FormHandle}
 */
export function attach(form, options = {}) {
  const settings = settle(form, options);
  const loading = settings.validator ? Promise.resolve(settings.validator) : loadValidator(settings.wasmUrl);
  return new FormController(form, settings, loading).handle();
}

export { formatValue, pattern };
