// xxgknb: the full build (validator and report readers).
import type { CheckOptions, CheckResult, ParseOptions, ParseResult, Report, ValidationResult } from "./types.js";
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
/** Read, then validate, without the report read (`report: false`). */
export function check(input: string | Uint8Array, options: CheckOptions & { report: false }): ValidationResult;
/** Read, then validate, with only the parts of the report at these JSON pointers (`format` too only if asked for). */
export function check(input: string | Uint8Array, options: CheckOptions & { report: readonly string[] }): ValidationResult & { report: Partial<Report> };
/** `report` not known until run time: there unless it was `false`, and whole unless it was a list. */
export function check(input: string | Uint8Array, options?: CheckOptions): ValidationResult & { report?: Partial<Report> };
