import { isUtf8 } from 'node:buffer';

// Bytes → text. Portals still serve GBK/GB2312 pages, often with a wrong or missing
// declaration, so: a BOM wins, then an HTML/XML declaration (if the bytes agree with it),
// then strict UTF-8, then strict GB18030 (a superset of GBK and GB2312). Nothing is decoded
// leniently: a file that fits no encoding is an error, not a page of replacement characters.

/**
 * Bytes decoded (see `decode`), and what was noticed on the way: a declared charset that was
 * wrong or unknown (`args`: the label, then the encoding used).
 * @typedef {{ code: 'charset-mismatch' | 'charset-unknown', args: string[] }} DecodeNote
 * @typedef {{ text: string, utf8: Uint8Array | null, head: () => string, encoding: string,
 *   declared: string | null, notes: DecodeNote[], error?: undefined }} Decoded
 */

// Leading bytes of files people save next to reports but that are not text.
/** @type {[number[], string][]} */
const BINARY_MAGIC = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'PDF'],
  [[0x50, 0x4b, 0x03, 0x04], 'ZIP / DOCX / XLSX / WPS'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'DOC / XLS'],
  [[0x89, 0x50, 0x4e, 0x47], 'PNG'],
  [[0xff, 0xd8, 0xff], 'JPEG'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF'],
  [[0x52, 0x61, 0x72, 0x21], 'RAR'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'RTF'],
];

/** @type {[number[], string][]} */
const BOMS = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0x84, 0x31, 0x95, 0x33], 'gb18030'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/** @param {Uint8Array} bytes @param {number[]} sig */
function startsWith(bytes, sig) {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

// GBK and GB2312 pages routinely use characters only GB18030 has a name for (the WHATWG
// decoders for all three labels are one and the same, with gb18030 the strictest superset).
/** @param {string} label */
function canonical(label) {
  let enc;
  try {
    enc = new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
  if (enc === 'gbk') return 'gb18030';
  // The HTML standard: a page cannot declare itself UTF-16 in a <meta>; it means UTF-8.
  if (enc === 'utf-16le' || enc === 'utf-16be') return 'utf-8';
  return enc;
}

const DECL_SCAN = 16384; // portal pages often carry long <head>s of scripts before the <meta>
const SNIFF = 4096; // characters of the start that sniffKind reads

/** The charset named by `<meta charset>`, `<meta http-equiv content="…charset=…">` or `<?xml encoding>`.
 * @param {Uint8Array} bytes */
export function declaredCharset(bytes) {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, DECL_SCAN)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']?([\w.:-]+)/i.exec(head);
  if (xml) return xml[1];
  const metaRe = /<meta\b[^>]*>/gi;
  let m;
  while ((m = metaRe.exec(head))) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct) return direct[1];
  }
  return null;
}

/** @type {Map<string, TextDecoder>} */
const decoders = new Map(); // one per encoding: creating a TextDecoder per file shows in profiles

/**
 * The bytes decoded, or null when they are not strictly in that encoding. UTF-8, by far the
 * most common, is checked by Node's native validator (several times faster than a fatal
 * TextDecoder) and its text made only when asked for: the core takes the bytes themselves,
 * which spares decoding them here and encoding the string again on its way in.
 * @param {Uint8Array} bytes @param {string} encoding @param {string | null} declared @param {DecodeNote[]} notes
 * @returns {Decoded | null}
 */
function strict(bytes, encoding, declared, notes) {
  if (encoding === 'utf-8') {
    if (!isUtf8(bytes)) return null;
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    /** @type {string | null} */
    let text = null;
    return {
      utf8: bytes,
      get text() {
        text ??= view.toString('utf8');
        return text;
      },
      head: () => text ?? view.toString('utf8', 0, SNIFF * 3),
      encoding,
      declared,
      notes,
    };
  }
  const text = decodeWith(bytes, encoding);
  return text === null ? null : { text, utf8: null, head: () => text, encoding, declared, notes };
}

/** @param {Uint8Array} bytes @param {string} encoding */
function decodeWith(bytes, encoding) {
  let decoder = decoders.get(encoding);
  if (!decoder) decoders.set(encoding, (decoder = new TextDecoder(encoding, { fatal: true })));
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * NUL or many control bytes near the start: a binary file, though it might happen to decode.
 * Checked on the bytes (UTF-16 files, which have NULs, were taken by their BOM already).
 * @param {Uint8Array} bytes
 */
function looksBinary(bytes) {
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return true;
  const n = Math.min(head.length, 1024);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = head[i];
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11 && c !== 27) bad++;
  }
  return bad > 8 && bad > n / 100;
}

/**
 * @param {Uint8Array} bytes
 * @param {{ html?: boolean }} hint  look for a declaration (HTML, XML, or unknown kind)
 * @returns {Decoded | { error: 'file-binary', what: string } | { error: 'file-undecodable' }}
 *   `utf8`: the text's UTF-8 bytes (no BOM) when it was UTF-8, to hand the core as they are
 *   (they are `bytes`, or part of it: use them, and `text`, before `bytes` is reused);
 *   `head()`: the start of the text, enough for sniffKind.
 */
export function decode(bytes, hint = {}) {
  /** @type {DecodeNote[]} */
  const notes = [];
  for (const [sig, enc] of BOMS) {
    if (startsWith(bytes, sig)) {
      const decoded = strict(bytes.subarray(sig.length), enc, enc, notes);
      if (decoded !== null) return decoded;
      break; // a lying BOM: fall through to detection
    }
  }
  for (const [sig, what] of BINARY_MAGIC) if (startsWith(bytes, sig)) return { error: 'file-binary', what };
  if (looksBinary(bytes)) return { error: 'file-binary', what: 'binary data' };

  /** @type {string | null} */
  let declared = null;
  if (hint.html !== false) {
    const label = declaredCharset(bytes);
    if (label) {
      const enc = canonical(label);
      if (enc) {
        declared = enc;
        const decoded = strict(bytes, enc, declared, notes);
        if (decoded !== null) return decoded;
        notes.push({ code: 'charset-mismatch', args: [label] });
      } else {
        notes.push({ code: 'charset-unknown', args: [label] });
      }
    }
  }
  for (const enc of ['utf-8', 'gb18030']) {
    const decoded = strict(bytes, enc, declared, notes);
    if (decoded === null) continue;
    for (const n of notes) n.args.push(enc);
    return decoded;
  }
  return { error: 'file-undecodable' };
}

/** Kind from content, for stdin and files whose extension says nothing (or may mislead).
 * @param {string} text @returns {'json' | 'html' | 'text'} */
export function sniffKind(text) {
  const head = text
    .slice(0, SNIFF)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  if (/^<(?:!doctype\s+html|html|head|body|meta|table|div|p|\?xml|!--)/i.test(head)) return 'html';
  if (/<(?:table|tr|td|body)\b[^>]*>/i.test(head)) return 'html';
  return 'text';
}
