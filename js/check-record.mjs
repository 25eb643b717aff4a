// `checkRecord` (full build, Node): the command line's own call, not part of the API. `check`
// of a file's bytes, answered as the record the CLI's spool keeps and the facts its totals
// need, written by the core (src/bulk/record.rs): the CLI parses only the facts, never the
// report, and hands the record's bytes on as they are. Its shape may change with the CLI.
import { describe, overLimit, textArg } from './api.mjs';
import { optionsOnce } from './options-once.mjs';
/** @import { Glue, Internal } from './api.mjs' */

const EMPTY = new Uint8Array(0);
const utf8 = new TextDecoder();

/**
 * What the record's first line says (see src/bulk/record.rs).
 * @typedef {{ errors: number, warnings: number, infos: number, year: number, issuer: string | null,
 *   carry: boolean, resultAt: number, rules: string[], sig: number[] | null }} RecordFacts
 */
/**
 * A file as the CLI describes it to the core: `notes` are its warnings on the file's encoding.
 * @typedef {{ path: string, kind: string, encoding: string | null, notes: { rule: string, message: string }[] }} RecordFile
 */

/**
 * @param {Glue} raw @param {Internal} internal  makeApi's
 * @returns {((bytes: Uint8Array, options: object, file: RecordFile) => { facts: RecordFacts, record: Uint8Array }) | undefined}
 */
export function checkRecordFunction(raw, { call }) {
  const glue = raw.checkRecord;
  if (typeof glue !== 'function') return undefined;
  const name = 'checkRecord';
  return (bytes, options, file) => {
    // Checked and copied as every API function's arguments are (api.mjs): a misuse is an Error
    // naming the function, never a failure of the module.
    const input = textArg(bytes, name, "the file's bytes in a Uint8Array");
    if (typeof input === 'string') throw new Error(`${name}: expected the file's bytes in a Uint8Array, got a string`);
    if (file === null || typeof file !== 'object' || Array.isArray(file))
      throw new Error(`${name}: expected the file's description as an object, got ${describe(file)}`);
    let described;
    try {
      described = JSON.stringify(file);
    } catch (/** @type {any} */ err) {
      throw new Error(`${name}: the file's description cannot be written as JSON (${err?.message ?? err})`);
    }
    const opts = optionsOnce(options, name);
    const over = overLimit(input, opts.limit);
    /** @type {Uint8Array} */
    const out = call(name, glue, over ? EMPTY : input, opts.text, described, over);
    const nl = out.indexOf(10); // the facts' JSON escapes its line breaks: the first is the end
    return { facts: JSON.parse(utf8.decode(out.subarray(0, nl))), record: out.subarray(nl + 1) };
  };
}
