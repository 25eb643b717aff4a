// xxgknb: the full build (validator and report readers).
import type { CheckFileOptions, CheckOptions, CheckResult, FileInput, FileKind, Location, ParseFileOptions, ParseOptions, ParseResult, Report, ValidateOptions, ValidationResult } from "./types.js";
export * from "./lite.js";
export { default } from "./lite.js";
export type * from "./types.js";

/**
 * Read a published report (HTML, flattened text, PDF text, or model JSON) into the model.
 * `input` is the text, or its UTF-8 bytes (e.g. the Buffer of a file read in Node).
 */
export function parse(input: string | Uint8Array, options?: ParseOptions): ParseResult;
/** Read, then validate: reading problems and rule findings in one result. */
export function check(input: string | Uint8Array, options?: CheckOptions & { report?: true }): CheckResult;
/** Read, then validate, without the report read (`report: false`); `locations` as asked for. */
export function check(input: string | Uint8Array, options: CheckOptions & { report: false }): ValidationResult & { locations?: Record<string, Location> };
/** Read, then validate, with only the parts of the report at these JSON pointers (`format` too only if asked for). */
export function check(input: string | Uint8Array, options: CheckOptions & { report: readonly string[] }): ValidationResult & { report: Partial<Report>; locations?: Record<string, Location> };
/** `report` not known until run time: there unless it was `false`, and whole unless it was a list. */
export function check(input: string | Uint8Array, options?: CheckOptions): ValidationResult & { report?: Partial<Report>; locations?: Record<string, Location> };
/**
 * The cross-year rules alone (cross-year-carryover, tables-unchanged, t2-carryover, text-reuse)
 * on this year's report and last year's, each as JSON text or its UTF-8 bytes: what a batch runs
 * on each pair of one issuer's consecutive reports once each report has had its own check. The
 * same findings as `validateJson(report, { previous, partial: true })` with every other rule off,
 * at a fraction of the cost. This year's text not read as a report still gives invalid-json,
 * invalid-structure or input-too-large (the options' `rules` count on these too, as in
 * `validateJson`); last year's has no size limit, as `previous` has none, and not a JSON object
 * it throws, as `previous` does. For report objects, use `validate(report, { previous })`.
 */
export function crossYear(report: string | Uint8Array, previous: string | Uint8Array, options?: Omit<ValidateOptions, "previous" | "partial">): ValidationResult;

/**
 * Read a report file: PDF, DOCX, DOC/WPS (Node only), or the text, HTML and JSON that `parse`
 * reads; the kind is told by the bytes' signature. Asynchronous (PDF.js is); the readers and their
 * libraries load on the first call. A file that cannot be read (a scan, a password, a cut-off
 * download, a ZIP bomb) gives one diagnostic saying why.
 */
export function parseFile(input: FileInput, options?: ParseFileOptions): Promise<ParseResult & { kind: FileKind }>;
/** Read a report file, then validate: `check`'s result plus `kind`. */
export function checkFile(input: FileInput, options?: CheckFileOptions & { report?: true }): Promise<CheckResult & { kind: FileKind }>;
export function checkFile(input: FileInput, options: CheckFileOptions & { report: false }): Promise<ValidationResult & { locations?: Record<string, Location>; kind: FileKind }>;
export function checkFile(input: FileInput, options?: CheckFileOptions): Promise<ValidationResult & { report?: Partial<Report>; locations?: Record<string, Location>; kind: FileKind }>;
/** Browsers without a bundler or import map: the URL of the pdfjs-dist folder (build/, cmaps/, standard_fonts/) and of fflate's ES module. Node finds the packages itself. */
export function configureFiles(options: { pdfjsBase?: string | URL; fflateUrl?: string | URL }): void;
