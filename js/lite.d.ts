// xxgknb/lite: validation only (no report readers), the smaller download for form pages.
import type { CellInfo, Format, InitInput, JsonSchema, ReportInput, RuleInfo, SyncInitInput, ValidateOptions, ValidationResult } from "./types.js";
export type * from "./types.js";

/** Load the WebAssembly module (browsers; a no-op in Node, where import already did it). */
export default function init(input?: InitInput): Promise<void>;
export function initSync(input: SyncInitInput): void;

/** Validate a report object. Throws only on misuse (a non-object, bad options). */
export function validate(report: ReportInput, options?: ValidateOptions): ValidationResult;
/**
 * Validate JSON text, given as a string or as its UTF-8 bytes (e.g. the Buffer of a file read
 * in Node, which skips decoding it); text that is not JSON gives an `invalid-json` diagnostic.
 */
export function validateJson(text: string | Uint8Array, options?: ValidateOptions): ValidationResult;
/** Every cell of a layout, with labels in both locales. */
export function cells(format: Format): CellInfo[];
/** A JSON Schema (2020-12) of the model in one layout. */
export function jsonSchema(format: Format): JsonSchema;
/** The rule catalogue. */
export function rules(): RuleInfo[];
export const version: string;
