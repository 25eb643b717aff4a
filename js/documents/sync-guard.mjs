// `parse` and `check` read text; given the bytes of a PDF or Word file they would read its
// binary as text and report missing tables. They say instead which function reads files.
import { signature } from './detect.mjs';

const NAMES = { pdf: 'a PDF file', zip: 'a ZIP file (DOCX?)', ole: 'a Word 97-2003 (DOC/WPS) file' };

/** `fn` (parse or check), refusing the bytes of a file it cannot read.
 * @template {(input: any, options?: any) => any} F
 * @param {'parse' | 'check'} name @param {F} fn @returns {F} */
export function refuseFiles(name, fn) {
  return /** @type {F} */ (
    (/** @type {unknown} */ input, /** @type {any} */ options) => {
      let sig;
      let kind;
      try {
        sig = input instanceof Uint8Array ? signature(input) : null;
        kind = options?.kind;
      } catch {
        // A revoked proxy or a getter that throws: `fn` checks its arguments and names the misuse.
        return fn(input, options);
      }
      if (sig)
        throw new Error(
          `${name}: these bytes are ${NAMES[sig]}; read it with ${name}File() (asynchronous), which reads PDF and Word files`,
        );
      if (kind === 'pdf' || kind === 'docx' || kind === 'doc')
        throw new Error(`${name}: kind "${kind}" is read by ${name}File() (asynchronous)`);
      return fn(input, options);
    }
  );
}
