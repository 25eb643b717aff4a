// xxgknb: the full build (validator and report readers).
import type { CheckResult, ParseOptions, ParseResult } from "./types.js";
export * from "./lite.js";
export { default } from "./lite.js";
export type * from "./types.js";

/** Read a published report (HTML, flattened text, PDF text, or model JSON) into the model. */
export function parse(input: string, options?: ParseOptions): ParseResult;
/** Read, then validate: reading problems and rule findings in one result. */
export function check(input: string, options?: ParseOptions): CheckResult;
