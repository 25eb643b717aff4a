// Types of the CMS form adapter (`import { attach } from 'xxgknb/form'`). The validation types
// are the package's own (js/types.d.ts), so the adapter and the validator cannot drift apart.

import type { CellInfo, Diagnostic, Format, Locale, MessageTemplates, Severity, ValidationResult } from "../types.js";
export type { CellInfo, Diagnostic, Format, Locale, MessageTemplates, Severity, ValidationResult };

/** A JSON Pointer (RFC 6901) into the report model, e.g. "/applications/received/natural". */
export type JsonPointer = string;

/** A report as the adapter builds it from the form: cells as typed, blank cells as null. */
export interface ReportInput {
  [key: string]: ReportValue;
}
export type ReportValue = string | number | null | { [key: string]: ReportValue };

export interface ValidateOptions {
  locale?: Locale;
  partial?: boolean;
  previous?: ReportInput;
  rules?: { [ruleId: string]: "off" | Severity };
}

/** What the adapter needs of a validator: the lite build, the full build, or a host's wrapper. */
export interface Validator {
  validate(report: ReportInput, options?: ValidateOptions): ValidationResult;
  /** Used by `checkMapping()` only. */
  cells?(format: Format): CellInfo[];
}

/** Interface texts (messages themselves come from the validator, in `locale`). */
export interface AdapterStrings {
  summaryTitle: string;
  warningsTitle: string;
  /** Read by screen readers before each inline message. */
  errorPrefix: string;
  warningPrefix: string;
  /** Put before document.title while the summary shows errors (GOV.UK pattern). */
  titlePrefix: string;
  /** Label of the one-click fix button, e.g. value => `改为 ${value}`. */
  fix(value: string): string;
  /** After the first ten warnings in the summary, e.g. count => `另有 ${count} 条提示`. */
  more(count: number): string;
  /** Short note on each blank cell when more than three are blank (instead of one sentence each). */
  blank: string;
  /** The one summary line for all blank cells in that case. */
  blanks(count: number): string;
}

/**
 * A mapping as a function: the model path of a field name (or id) in the layout the form is
 * filled in for, or null/undefined when the name is not a cell. `pattern()` makes one.
 */
export type FieldMapper = (name: string, format: Format) => JsonPointer | null | undefined;

export interface AttachOptions {
  /**
   * From the CMS's own field names (or ids) to model paths, e.g.
   * `{ t3_r1_c1: "/applications/received/natural", nd: "/year" }`, or a function such as
   * `pattern({ applications: "t3_r{row}_c{col}" }, { fields: { nd: "/year" } })`.
   * Fields not mapped are found by a `data-xxgknb` attribute or a `name` holding the path.
   */
  fields?: { [fieldName: string]: JsonPointer } | FieldMapper;
  /** A ready validator (e.g. the full build after `await init()`); default: the lite build, loaded on attach. */
  validator?: Validator;
  /**
   * Where the lite build's WebAssembly is (`xxgknb_lite_bg.wasm`), when a bundler or a CMS puts it
   * somewhere else than next to the package's glue (docs/bundlers.md). Not with `validator`.
   */
  wasmUrl?: string | URL;
  /** Language of messages and of the adapter's own texts. Default "zh-CN". */
  locale?: Locale;
  /** Milliseconds of quiet typing before new messages appear on a touched cell. Default 300; 0 = on every input. */
  debounce?: number;
  /** Whether a submission is stopped: default only when there are errors (never for warnings). */
  blockSubmit?: boolean | ((result: ValidationResult) => boolean);
  /** Where the error summary goes (as first child). Default: the top of the form. */
  summaryContainer?: Element;
  /** Passed to `validate()`: turn rules off or change their severity. */
  rules?: { [ruleId: string]: "off" | Severity };
  /** Passed to `validate()`: last year's report, for `cross-year-carryover`. */
  previous?: ReportInput;
  strings?: Partial<AdapterStrings>;
  /** Local wording of the validator's messages, by rule id (docs/messages.md). */
  messages?: MessageTemplates;
  /**
   * On submit, whether cells the form has no field for are reported (`missing-cell`): "mapped"
   * (default) checks what the form maps and leaves out the cells it never had; "all" asks for
   * every cell of the layout.
   */
  missingCells?: "mapped" | "all";
}

/** The parts of a table a naming pattern covers, by table. */
export interface PatternTemplates {
  /** Table 二, e.g. "t2_r{row}_c{col}". */
  proactive?: string;
  /** Table 三, e.g. "t3_r{row}_c{col}". */
  applications?: string;
  /** Table 四 (one printed row of 15 cells), e.g. "t4_c{col}". */
  reviewLitigation?: string;
}

export interface PatternOptions {
  /** More fields by hand, e.g. `{ nd: "/year", fbjg: "/issuer" }`. */
  fields?: { [fieldName: string]: JsonPointer };
  /** Use this layout's numbering whatever the form's year. Default: the form's /format, else its /year. */
  format?: Format;
}

export interface MappingCheck {
  /** Cells of the format that no field of the form feeds. */
  missing: JsonPointer[];
  /** Paths the form maps that are neither cells of the format nor report metadata. */
  unknown: JsonPointer[];
}

export interface FormHandle {
  /**
   * Resolves to true once the validator is loaded, or to false if it could not be (the form then
   * works as without the adapter; the `xxgknb:error` event carries the error). Never rejects.
   */
  readonly ready: Promise<boolean>;
  /** The last result, or null before the first check. */
  readonly result: ValidationResult | null;
  /** Check everything as on submit, show every message and the summary (focused unless `focus: false`). */
  validate(options?: { focus?: boolean }): Promise<ValidationResult>;
  /** Compare the form's fields with the cells of `format` (needs a validator with `cells()`). */
  checkMapping(format: Format): MappingCheck;
  /** Forget which cells were touched and remove all messages (also done on the form's `reset` event). */
  reset(): void;
  /** Remove every listener and every element and attribute the adapter added. */
  detach(): void;
}

export type ValidationTrigger = "blur" | "change" | "input" | "fix" | "submit" | "validate";

export interface ValidatedEventDetail {
  result: ValidationResult;
  trigger: ValidationTrigger;
}

export interface LoadErrorEventDetail {
  error: Error;
  /**
   * Why: no WebAssembly in this browser, a module or .wasm served with the wrong MIME type, not
   * found, or another failure (the message says which).
   */
  reason: "no-webassembly" | "mime" | "not-found" | "failed";
}

export function attach(form: HTMLFormElement, options?: AttachOptions): FormHandle;

/**
 * A mapping from the CMS's naming pattern: `{table}` (2, 3, 4), `{row}` and `{col}` count from 1
 * as the official tables print them (value cells only; table 四 is one row), `{row:2}` pads
 * to two digits. One string with `{table}`, or one template per table.
 */
export function pattern(template: string | PatternTemplates, options?: PatternOptions): FieldMapper;

/** How a computed value is written into a field by the fix button. */
export function formatValue(value: number): string;

declare global {
  interface HTMLElementEventMap {
    "xxgknb:validated": CustomEvent<ValidatedEventDetail>;
    "xxgknb:error": CustomEvent<LoadErrorEventDetail>;
  }
}
