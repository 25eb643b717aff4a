// Types of the report model (docs/model.md) and of the API's results. No `any`. The tables' types
// are generated from the layout catalogue into model.d.ts.

export type Format = "2019" | "2021";
export type Locale = "zh-CN" | "en";
export type Severity = "error" | "warning" | "info";

// Tables 二, 三 and 四: generated from the layout catalogue (scripts/generate.mjs).
import type { ApplicantRow, Applications, CellInput, Proactive, ReviewBlock, ReviewLitigation } from "./model.js";
export type { ApplicantRow, Applications, CellInput, Proactive, ReviewBlock, ReviewLitigation };

export interface Sections {
  overview?: string;
  proactive?: string;
  applications?: string;
  reviewLitigation?: string;
  problems?: string;
  other?: string;
}

/** A report as input: cells may be strings as typed; `format` is inferred when absent. */
export interface ReportInput {
  year?: number | string;
  format?: Format;
  issuer?: string;
  publishedOn?: string;
  sections?: Sections;
  proactive?: Proactive;
  applications?: Applications;
  reviewLitigation?: ReviewLitigation;
}

/** A report as the readers return it: numbers, or null for blank cells (a string only where a cell could not be read). */
export interface Report extends ReportInput {
  year?: number;
  format: Format;
}

export type RuleLevel = "off" | Severity;

export interface ValidateOptions {
  /** Language of messages; default "zh-CN". */
  locale?: Locale;
  /** A form being filled in: absent cells are no error and rules that need them wait. */
  partial?: boolean;
  /** Last year's report: enables cross-year-carryover. */
  previous?: ReportInput;
  /** Turn rules off or change their severity, by rule id. */
  rules?: Record<string, RuleLevel>;
  /**
   * Local wording of messages, by rule id (docs/messages.md): a template for both locales, or one
   * per locale. Placeholders: {table} {group} {row} {column} {expected} {actual} {input} {path} {message}.
   */
  messages?: MessageTemplates;
}

/** Message templates by rule id: one for both locales, or one per locale. */
export type MessageTemplates = Record<string, string | Partial<Record<Locale, string>>>;

export interface Location {
  line?: number;
  column?: number;
  element?: string;
  excerpt?: string;
}

export interface Diagnostic {
  /** Stable rule id, e.g. "t3-row-total". */
  rule: string;
  severity: Severity;
  /** JSON Pointer of the cell to look at first ("" for the whole report). */
  path: string;
  /** Other cells the rule read. */
  related: string[];
  /** One sentence in the requested locale. */
  message: string;
  /** The value `path` should hold, where the rule can compute it. */
  expected?: number;
  actual?: number;
  /** Other rules broken by the same cell, merged into this diagnostic. */
  alsoBreaks?: string[];
  /** What was typed, for values that could not be read. */
  input?: string;
  /** Where a reader looked (parse/check only). */
  location?: Location;
}

export interface ValidationResult {
  valid: boolean;
  format: Format;
  year: number | null;
  errorCount: number;
  warningCount: number;
  diagnostics: Diagnostic[];
}

export interface Localised {
  "zh-CN": string;
  en: string;
}

export interface CellInfo {
  path: string;
  table: "proactive" | "applications" | "reviewLitigation";
  tableLabel: Localised;
  group: Localised | null;
  row: Localised;
  column: Localised;
  kind: "count" | "signed" | "money";
  unit: string | null;
}

export interface RuleInfo {
  id: string;
  severity: Severity;
  description: Localised;
}

/** A JSON Schema (2020-12) document. */
export interface JsonSchema {
  $schema: string;
  $id: string;
  title: string;
  type: "object";
  required: string[];
  properties: Record<string, object>;
  additionalProperties: boolean;
}

export interface ParseOptions extends ValidateOptions {
  /** What the input is; detected when absent. */
  kind?: "json" | "html" | "text";
}

export interface CheckOptions extends ParseOptions {
  /**
   * Which parts of the report read come back as `report`: all of it (`true`, the default),
   * none and no `report` member (`false`), or only what is at or below these JSON pointers,
   * e.g. `["/issuer", "/applications/carriedForward"]`. Batch tools that need a few values of
   * thousands of reports save writing and parsing the rest.
   */
  report?: boolean | readonly string[];
}

export interface ParseResult {
  report: Report;
  diagnostics: Diagnostic[];
}

export interface CheckResult extends ValidationResult {
  report: Report;
}

/** What `init` accepts: see wasm-bindgen's `--target web` glue. */
export type InitInput =
  | { module_or_path: RequestInfo | URL | Response | BufferSource | WebAssembly.Module | Promise<RequestInfo | URL | Response | BufferSource | WebAssembly.Module> }
  | undefined;
export type SyncInitInput = { module: BufferSource | WebAssembly.Module };
