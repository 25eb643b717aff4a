// Types of the report model (docs/model.md) and of the API's results. No `any`. The tables' types
// are generated from the layout catalogue into model.d.ts.

export type Format = "2019" | "2021";
/** The layout a published report was read in: `"pre-2019"` is a report in the format used before 2019, which `parse`/`check` recognise and do not check (rule format-pre-2019). */
export type ReadFormat = Format | "pre-2019";
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
export interface Report extends Omit<ReportInput, "year" | "format"> {
  year?: number;
  format: ReadFormat;
}

export type RuleLevel = "off" | Severity;

export interface ValidateOptions {
  /** Language of messages; default "zh-CN". */
  locale?: Locale;
  /** A form being filled in: absent cells are no error and rules that need them wait. */
  partial?: boolean;
  /** Last year's report: enables cross-year-carryover, and in the full build tables-unchanged,
   * t2-carryover and (with its `sections`) text-reuse. */
  previous?: ReportInput;
  /** Turn rules off or change their severity, by rule id. */
  rules?: Record<string, RuleLevel>;
  /**
   * What a blank cell (null, "", "-", "—", "/") means to the sums. "strict" (default of
   * `validate`/`validateJson`: form data): not filled in yet, one `blank-cell` per cell, and the
   * sums through it skipped. "zero" (default of `parse`/`check`: a published page prints 0 as a
   * blank): counted as 0, one `blank-cell` per table, and a blank a sum shows cannot be 0 is that
   * sum's error at the blank. `xxgknb/lite` has only "strict" ("zero" throws).
   */
  blanks?: "zero" | "strict";
  /**
   * Local wording of messages, by rule id (docs/messages.md): a template for both locales, or one
   * per locale. Placeholders: {table} {group} {row} {column} {expected} {actual} {input} {path} {message}.
   */
  messages?: MessageTemplates;
  /**
   * Input longer than this many UTF-8 bytes is not read: the answer is one `input-too-large`
   * error. Default 16777216 (16 MiB); at most 1073741824.
   */
  maxInputBytes?: number;
  /** The kind of issuer, where its name does not say: departments publish by 31 January,
   * governments by 31 March (late-publication); a government's part 一 also gives 考核、评议、
   * 责任追究 results (required-elements). Default: read from `issuer`. */
  issuerKind?: IssuerKind;
  /** A local publication deadline, "MM-DD" of the year after the report's (e.g. "02-20"), in
   * place of the 条例's. */
  deadline?: string;
}

/** Message templates by rule id: one for both locales, or one per locale. */
export type MessageTemplates = Record<string, string | Partial<Record<Locale, string>>>;

export type IssuerKind = "department" | "government";

export interface Location {
  /** Text: the line (1-based) and the column (1-based, in characters) of the first character of what was read; for digits split from a run that lost its separators, of the cell's own digits. */
  line?: number;
  column?: number;
  /** HTML: the element, as `table[2] tr[5] td[3]` (1-based, counted in the page). */
  element?: string;
  excerpt?: string;
  /** PDF (`parseFile`/`checkFile`): the page (1-based) and the position, in points from the page's top-left corner. */
  page?: number;
  x?: number;
  y?: number;
  /** DOCX (`parseFile`/`checkFile`): the table, row and cell (1-based; merged cells count once, as Word counts them). */
  table?: number;
  row?: number;
  cell?: number;
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
  /** The layout validated against; "pre-2019" only from `check` of an old report. */
  format: ReadFormat;
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
  /** Compares the report with last year's: runs only with `previous` given, and in `crossYear()`. */
  crossYear: boolean;
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
  /** Also return `locations`: where each cell was read. */
  locations?: boolean;
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
  /** With `locations: true`: where each cell was read, by its JSON pointer. */
  locations?: Record<string, Location>;
}

export interface CheckResult extends ValidationResult {
  report: Report;
  /** With `locations: true`: where each cell was read, by its JSON pointer. */
  locations?: Record<string, Location>;
}

/** What `parseFile`/`checkFile` read: the file kinds, detected from the bytes' signature. */
export type FileKind = "json" | "html" | "text" | "pdf" | "docx" | "doc";

/** Caps that keep one malformed file from taking a batch's memory or time. */
export interface FileLimits {
  /** Largest file read, in bytes (default 100 MB). */
  maxBytes?: number;
  /** Most PDF pages read (default 300). */
  maxPages?: number;
  /** Largest inflated `word/document.xml` of a DOCX, in bytes (default 64 MB): ZIP bombs stop here. */
  maxInflated?: number;
}

export interface FileOptions {
  /** What the file is; detected from its first bytes when absent (PDF, ZIP → DOCX, OLE → DOC/WPS, else text). */
  kind?: FileKind;
  limits?: FileLimits;
}

export type ParseFileOptions = Omit<ParseOptions, "kind"> & FileOptions;
export type CheckFileOptions = Omit<CheckOptions, "kind"> & FileOptions;

/** The bytes of a file (a Buffer, a Uint8Array, an ArrayBuffer, a Blob or File), or its text. */
export type FileInput = Uint8Array | ArrayBuffer | Blob | string;

/** What `init` accepts: see wasm-bindgen's `--target web` glue. */
/** Where the module comes from: a URL, a Request, a Response (or a promise of one), the .wasm's bytes or a compiled module. */
export type ModuleSource = RequestInfo | URL | Response | BufferSource | WebAssembly.Module | Promise<RequestInfo | URL | Response | BufferSource | WebAssembly.Module>;
/** What `init` accepts: the source itself, or wasm-bindgen's `{ module_or_path }`; nothing for the .wasm next to the glue. */
export type InitInput = ModuleSource | { module_or_path: ModuleSource } | undefined;
/** What `initSync` accepts: the .wasm's bytes or a compiled module, as they are or as `{ module }`. */
export type SyncInitInput = BufferSource | WebAssembly.Module | { module: BufferSource | WebAssembly.Module };
