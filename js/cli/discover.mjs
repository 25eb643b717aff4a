// Turns the command line's paths into a list of files: plain files, folders (recursive), glob
// patterns (Node 20 has no fs.glob, and the subset reports need is small), and `-`. Every entry
// given or found is accounted for: checked, or skipped with the reason.

import nodeFs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { DOCUMENT_EXTENSIONS } from './documents.mjs';

/**
 * What walking a folder yields: a file (`fsPath`: the name to open, bytes where it is not
 * UTF-8), or an entry skipped with the reason (`code`: why a folder could not be read).
 * @typedef {{ file: string, fsPath: string | Buffer, skip?: undefined, reason?: undefined }
 *   | { skip: string, reason: string, code?: string, file?: undefined, fsPath?: undefined }} WalkEvent
 * @typedef {Pick<typeof nodeFs, 'statSync' | 'realpathSync' | 'readdirSync' | 'existsSync'>} FileSystem
 * @typedef {{ path: string, fsPath?: string | Buffer, special?: string }} FoundFile
 * @typedef {{ path: string, reason: string, code?: string }} Skipped  an entry not checked, and why
 */

/** @type {Map<string, import('../types.js').FileKind>} */
export const EXTENSIONS = new Map([
  ['.json', 'json'],
  ['.txt', 'text'],
  ['.html', 'html'],
  ['.htm', 'html'],
  // Common on Chinese portals (server-side includes); the page itself is plain HTML.
  ['.shtml', 'html'],
  ['.xhtml', 'html'],
  // PDF and Word files, read by documents.mjs.
  ...DOCUMENT_EXTENSIONS,
]);

/** @param {string} file */
export function kindFromExtension(file) {
  return EXTENSIONS.get(path.extname(file).toLowerCase()) ?? null;
}

const MAGIC = /[*?[{]/;

/** Brace expansion first, so that `{a,b}` can hold slashes and globs.
 * @param {string} pattern @returns {string[]} */
export function expandBraces(pattern) {
  let depth = 0;
  let start = -1;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') {
      if (depth++ === 0) start = i;
    } else if (c === '}' && depth > 0 && --depth === 0) {
      const inner = pattern.slice(start + 1, i);
      const parts = splitTopLevel(inner);
      if (parts.length < 2) continue; // `{x}` is literal, as in bash
      const head = pattern.slice(0, start);
      const tail = pattern.slice(i + 1);
      return parts.flatMap((p) => expandBraces(head + p + tail));
    }
  }
  return [pattern];
}

/** @param {string} s */
function splitTopLevel(s) {
  /** @type {string[]} */
  const parts = [];
  let depth = 0;
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(s.slice(last, i));
      last = i + 1;
    }
  }
  parts.push(s.slice(last));
  return parts;
}

/** One path segment's pattern → RegExp source. `*` and `?` never match `/` nor a leading dot.
 * @param {string} seg */
function segmentSource(seg) {
  let out = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '\\' && i + 1 < seg.length) out += escapeRe(seg[++i]);
    else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = seg.indexOf(']', i + 2);
      if (end < 0) {
        out += '\\[';
        continue;
      }
      let body = seg.slice(i + 1, end);
      if (body[0] === '!' || body[0] === '^') body = '^' + body.slice(1);
      out += '[' + body.replace(/\\/g, '\\\\') + ']';
      i = end;
    } else out += escapeRe(c);
  }
  const dotGuard = seg.startsWith('.') ? '' : '(?!\\.)';
  return dotGuard + out;
}

/** @param {string} c */
function escapeRe(c) {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A pattern relative to its base → a RegExp on `/`-separated relative paths.
 * @param {string} pattern */
export function globToRegExp(pattern) {
  const segs = pattern.split('/').filter((s) => s !== '');
  let src = '';
  segs.forEach((seg, i) => {
    const last = i === segs.length - 1;
    if (seg === '**') src += last ? '(?:(?!\\.)[^/]*(?:/(?!\\.)[^/]*)*)?' : '(?:(?!\\.)[^/]*/)*';
    else src += segmentSource(seg) + (last ? '' : '/');
  });
  return new RegExp('^' + src + '$');
}

/** Splits a glob into the literal directory it starts from and the rest.
 * @param {string} pattern */
function splitBase(pattern) {
  const segs = pattern.split(/[\\/]/);
  const literal = [];
  for (const s of segs) {
    if (MAGIC.test(s)) break;
    literal.push(s);
  }
  const rest = segs.slice(literal.length).join('/');
  let base = literal.join('/');
  if (base === '' && pattern.startsWith('/')) base = '/';
  return { base: base === '' ? '.' : base, rest };
}

// Names are read as bytes: on Linux a name is any bytes, and a folder copied from a Chinese
// Windows machine holds GBK names, which as UTF-8 strings name no file at all (ENOENT).
const SEP = Buffer.from(path.sep);
const gbNames = new TextDecoder('gb18030', { fatal: true });

/** A file name's bytes as text: UTF-8, else GB18030 (GBK), else with `\xNN` for the bytes.
 * @param {Buffer} bytes */
export function nameText(bytes) {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  try {
    return gbNames.decode(bytes);
  } catch {
    return [...bytes]
      .map((b) => (b < 0x80 ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`))
      .join('');
  }
}

/** `dir` joined with a name's bytes: a string while every name is UTF-8, else a Buffer.
 * @param {string | Buffer} dir @param {Buffer} name @returns {string | Buffer} */
function joinName(dir, name) {
  if (typeof dir === 'string' && isUtf8(name)) return path.join(dir, name.toString('utf8'));
  return Buffer.concat([Buffer.from(dir), SEP, name]);
}

/** What an entry is: 'dir', 'file', 'link', 'special' (FIFO, socket, device) or 'unknown'.
 * @param {import('node:fs').Dirent<Buffer>} e */
function typeOf(e) {
  if (e.isDirectory()) return 'dir';
  if (e.isFile()) return 'file';
  if (e.isSymbolicLink()) return 'link';
  if (e.isFIFO() || e.isSocket() || e.isCharacterDevice() || e.isBlockDevice()) return 'special';
  return 'unknown'; // a file system that does not say: stat it
}

/** The kind of special file, for messages: 'fifo', 'socket' or 'device'; null for others.
 * @param {import('node:fs').Stats} st */
export function specialKind(st) {
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  return null;
}

/**
 * Everything under `dir`, depth first, sorted by name: `{ file, fsPath }` for each file, and
 * `{ skip, reason, code? }` for each entry not walked into or not a file: dot-entries and
 * node_modules (`hidden`, `node_modules`, unless `includeHidden`), FIFOs, sockets and devices
 * (`special-file`: reading one could block or never end), folders that cannot be listed
 * (`unreadable-folder`, with the error code) and links to a folder already walked (`visited`:
 * a link back up would otherwise never end). `rel` paths use `/`.
 * @param {string} dir @param {{ includeHidden: boolean, fs: FileSystem }} opts
 * @param {string} [rel] @param {string | Buffer} [fsDir] @param {Set<string>} [visited]
 * @returns {Generator<WalkEvent>}
 */
function* walk(dir, opts, rel = '', fsDir = dir, visited = new Set()) {
  const fs = opts.fs;
  let real;
  let entries;
  try {
    real = fs.realpathSync(fsDir);
    entries = fs.readdirSync(fsDir, { withFileTypes: true, encoding: 'buffer' });
  } catch (/** @type {any} */ err) {
    yield { skip: rel || '.', reason: 'unreadable-folder', code: err?.code ?? String(err?.message ?? err) };
    return;
  }
  if (visited.has(real)) {
    yield { skip: rel || '.', reason: 'visited' };
    return;
  }
  visited.add(real);
  entries.sort((a, b) => Buffer.compare(a.name, b.name));
  for (const e of entries) {
    const text = nameText(e.name);
    const r = rel ? `${rel}/${text}` : text;
    const fsPath = joinName(fsDir, e.name);
    if (!opts.includeHidden && text.startsWith('.')) {
      yield { skip: r, reason: 'hidden' };
      continue;
    }
    if (!opts.includeHidden && text === 'node_modules') {
      yield { skip: r, reason: 'node_modules' };
      continue;
    }
    let type = typeOf(e);
    if (type === 'link' || type === 'unknown') {
      try {
        const st = fs.statSync(fsPath);
        type = st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'special';
      } catch {
        type = 'file'; // a dangling link is reported as unreadable, not hidden
      }
    }
    if (type === 'dir') yield* walk(dir, opts, r, fsPath, visited);
    else if (type === 'file') yield { file: r, fsPath };
    else yield { skip: r, reason: 'special-file' };
  }
}

/**
 * @param {string[]} inputs  the command line's paths
 * @param {{ includeHidden?: boolean, fs?: FileSystem }} [options]  `fs`: for tests, a stand-in
 *   for node:fs (statSync, realpathSync, readdirSync, existsSync)
 * @returns {{ files: FoundFile[], stdin: boolean,
 *   skipped: {path: string, reason: string, code?: string}[],
 *   problems: {input: string, code: 'not-found' | 'no-match'}[] }}
 *   `path` is the file as shown; `fsPath` the name to open where that differs (GBK names);
 *   `special` ('fifo', 'socket', 'device') a named file that is not a regular file.
 */
export function discover(inputs, { includeHidden = false, fs = nodeFs } = {}) {
  const opts = { includeHidden, fs };
  /** @type {Set<string>} */
  const seen = new Set();
  /** @type {FoundFile[]} */
  const files = [];
  /** @type {Skipped[]} */
  const skipped = [];
  /** @type {{ input: string, code: 'not-found' | 'no-match' }[]} */
  const problems = [];
  let stdin = false;
  /** @param {string} p @param {boolean} explicit @param {string | Buffer} [fsPath] */
  const add = (p, explicit, fsPath) => {
    const key = typeof fsPath === 'object' ? fsPath.toString('latin1') : path.resolve(p);
    if (seen.has(key)) return;
    seen.add(key);
    const entry = typeof fsPath === 'object' ? { path: p, fsPath } : { path: p };
    if (explicit || kindFromExtension(p)) files.push(entry);
    else skipped.push({ path: p, reason: 'unsupported-extension' });
  };
  /** @param {string} p @param {{ reason: string, code?: string }} event */
  const skip = (p, event) =>
    skipped.push(event.code ? { path: p, reason: event.reason, code: event.code } : { path: p, reason: event.reason });
  for (const input of inputs) {
    if (input === '-') {
      stdin = true;
      continue;
    }
    let st = null;
    try {
      st = fs.statSync(input);
    } catch {
      /* not a plain path: maybe a glob */
    }
    if (st?.isDirectory()) {
      for (const ev of walk(input, opts)) {
        const p = path.join(input, ev.file ?? ev.skip);
        if (ev.file !== undefined) add(p, false, ev.fsPath);
        else skip(p, ev);
      }
    } else if (st && !st.isFile()) {
      // Named on the command line: a FIFO is read (as standard input is, with the limits); a
      // socket or a device is said to be no file, never read (/dev/zero would never end).
      const key = path.resolve(input);
      if (!seen.has(key)) {
        seen.add(key);
        files.push({ path: input, special: specialKind(st) ?? 'device' });
      }
    } else if (st) {
      add(input, true);
    } else if (MAGIC.test(input)) {
      /** @type {{ p: string, fsPath?: string | Buffer }[]} */
      const matched = [];
      for (const pattern of expandBraces(input.replace(/\\/g, '/'))) {
        const { base, rest } = splitBase(pattern);
        if (!MAGIC.test(rest)) {
          // A brace alternative that turned out literal.
          const p = base === '.' ? rest : path.join(base, rest);
          if (fs.existsSync(p)) matched.push({ p });
          continue;
        }
        const re = globToRegExp(rest);
        for (const ev of walk(base, opts)) {
          const rel = ev.file ?? ev.skip;
          const p = base === '.' ? rel : path.join(base, rel);
          // What a pattern did not ask for is not "found"; a folder it could not search is.
          if (ev.file !== undefined) {
            if (re.test(rel)) matched.push({ p, fsPath: ev.fsPath });
          } else if (ev.reason === 'unreadable-folder' || (ev.reason === 'special-file' && re.test(rel))) skip(p, ev);
        }
      }
      if (matched.length === 0) problems.push({ input, code: 'no-match' });
      matched.sort((a, b) => (a.p < b.p ? -1 : a.p > b.p ? 1 : 0));
      for (const { p, fsPath } of matched) add(p, false, fsPath);
    } else {
      problems.push({ input, code: 'not-found' });
    }
  }
  return { files, stdin, skipped, problems };
}
