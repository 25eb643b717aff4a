// What kind of file a byte array holds, from its signature (the first bytes), not its name:
// downloaded reports are often misnamed (`.doc` that is really DOCX, `.pdf` served as HTML).

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
// OLE2 compound file: Word 97–2003 `.doc`, WPS Office `.wps`, and encrypted OOXML files.
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** @param {Uint8Array} bytes @param {number[]} sig */
const startsWith = (bytes, sig, at = 0) => sig.every((b, i) => bytes[at + i] === b);

/**
 * `"pdf"`, `"zip"` (DOCX or another ZIP: the reader tells them apart), `"ole"` (DOC/WPS or an
 * encrypted Word file), or `null` for anything else (text, HTML, JSON: the core detects those).
 * @param {Uint8Array} bytes
 * @returns {'pdf' | 'zip' | 'ole' | null}
 */
export function signature(bytes) {
  // A PDF may have junk before its header (the spec allows up to 1024 bytes): look that far,
  // from one `%` to the next (the CLI asks this of every file it reads).
  const head = bytes.subarray(0, 1024);
  for (let i = head.indexOf(0x25); i >= 0 && i + 4 < head.length; i = head.indexOf(0x25, i + 1)) {
    if (head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return 'pdf';
  }
  if (startsWith(bytes, ZIP) || startsWith(bytes, ZIP_EMPTY)) return 'zip';
  if (startsWith(bytes, OLE)) return 'ole';
  return null;
}

/** Whether an OLE compound file is an encrypted OOXML document (Word's "encrypt with password"):
 * it holds a stream named `EncryptedPackage` (its name in UTF-16LE in a directory entry).
 * @param {Uint8Array} bytes */
export function isEncryptedOle(bytes) {
  const name = 'EncryptedPackage';
  outer: for (let i = 0; i + 2 * name.length <= bytes.length; i++) {
    for (let k = 0; k < name.length; k++) {
      if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}
