// Turns the command line's paths into a list of files: plain files, folders (recursive), glob
// patterns (Node 20 has no fs.glob, and the subset reports need is small), and `-`.

import fs from 'node:fs';
import path from 'node:path';
import { DOCUMENT_EXTENSIONS } from './documents.mjs';

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

export function kindFromExtension(file) {
  return EXTENSIONS.get(path.extname(file).toLowerCase()) ?? null;
}

const MAGIC = /[*?[{]/;

/** Brace expansion first, so that `{a,b}` can hold slashes and globs. */
export function expandBraces(pattern) {
  let depth = 0;
  let start = -1;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') { i++; continue; }
    if (c === '{') { if (depth++ === 0) start = i; }
    else if (c === '}' && depth > 0 && --depth === 0) {
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

function splitTopLevel(s) {
  const parts = [];
  let depth = 0;
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') { i++; continue; }
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) { parts.push(s.slice(last, i)); last = i + 1; }
  }
  parts.push(s.slice(last));
  return parts;
}

/** One path segment's pattern → RegExp source. `*` and `?` never match `/` nor a leading dot. */
function segmentSource(seg) {
  let out = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '\\' && i + 1 < seg.length) out += escapeRe(seg[++i]);
    else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = seg.indexOf(']', i + 2);
      if (end < 0) { out += '\\['; continue; }
      let body = seg.slice(i + 1, end);
      if (body[0] === '!' || body[0] === '^') body = '^' + body.slice(1);
      out += '[' + body.replace(/\\/g, '\\\\') + ']';
      i = end;
    } else out += escapeRe(c);
  }
  const dotGuard = seg.startsWith('.') ? '' : '(?!\\.)';
  return dotGuard + out;
}

function escapeRe(c) {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A pattern relative to its base → a RegExp on `/`-separated relative paths. */
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

/** Splits a glob into the literal directory it starts from and the rest. */
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

/**
 * Every file under `dir`, depth first, sorted; dot-entries and node_modules are left out.
 * Linked folders are followed once each (a link back up would otherwise never end).
 */
function* walk(dir, rel = '', visited = new Set()) {
  const here = path.join(dir, rel);
  let real;
  let entries;
  try {
    real = fs.realpathSync(here);
    entries = fs.readdirSync(here, { withFileTypes: true });
  } catch {
    return;
  }
  if (visited.has(real)) return;
  visited.add(real);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const r = rel ? rel + '/' + e.name : e.name;
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const st = fs.statSync(path.join(dir, r));
        isDir = st.isDirectory();
        isFile = !isDir;
      } catch {
        isFile = true; // a dangling link is reported as unreadable, not hidden
      }
    }
    if (isDir) yield* walk(dir, r, visited);
    else if (isFile) yield r;
  }
}

/**
 * @returns {{ files: {path: string}[], stdin: boolean, skipped: {path: string, reason: string}[],
 *   problems: {input: string, code: 'not-found' | 'no-match'}[] }}
 */
export function discover(inputs) {
  const seen = new Set();
  const files = [];
  const skipped = [];
  const problems = [];
  let stdin = false;
  const add = (p, explicit) => {
    const key = path.resolve(p);
    if (seen.has(key)) return;
    seen.add(key);
    if (explicit || kindFromExtension(p)) files.push({ path: p });
    else skipped.push({ path: p, reason: 'unsupported-extension' });
  };
  for (const input of inputs) {
    if (input === '-') { stdin = true; continue; }
    let st = null;
    try { st = fs.statSync(input); } catch { /* not a plain path: maybe a glob */ }
    if (st?.isDirectory()) {
      for (const r of walk(input)) add(path.join(input, r), false);
    } else if (st) {
      add(input, true);
    } else if (MAGIC.test(input)) {
      const matched = [];
      for (const pattern of expandBraces(input.replace(/\\/g, '/'))) {
        const { base, rest } = splitBase(pattern);
        if (!MAGIC.test(rest)) {
          // A brace alternative that turned out literal.
          const p = base === '.' ? rest : path.join(base, rest);
          if (fs.existsSync(p)) matched.push(p);
          continue;
        }
        const re = globToRegExp(rest);
        for (const r of walk(base)) if (re.test(r)) matched.push(base === '.' ? r : path.join(base, r));
      }
      if (matched.length === 0) problems.push({ input, code: 'no-match' });
      matched.sort();
      for (const p of matched) add(p, false);
    } else {
      problems.push({ input, code: 'not-found' });
    }
  }
  return { files, stdin, skipped, problems };
}
