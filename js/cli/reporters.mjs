// Standard-output reporters. Each gets files one at a time, in input order, so that output
// for 10,000 files streams instead of being built in memory.
//   reporter.begin(), reporter.file(result), reporter.end()

import { palette, safe } from './output.mjs';
/** @import { FileResult } from './process.mjs' */
/** @import { Messages } from './messages.mjs' */

/**
 * The totals of a run (the JSON's `summary`, result.schema.json).
 * @typedef {{ error: number, warning: number, info: number }} RuleCount
 * @typedef {{ files: number, validFiles: number, filesWithErrors: number, filesWithWarnings: number,
 *   uncheckedFiles: number, errorCount: number, warningCount: number, infoCount: number, crossYearPairs: number,
 *   skippedFiles: number, byRule: Record<string, RuleCount> }} Summary
 */
/**
 * What every reporter knows of the run (run.mjs).
 * @typedef {object} ReportContext
 * @property {Messages} m
 * @property {import('../types.js').Locale} locale
 * @property {import('./labels.mjs').Labeler} labeler
 * @property {string} version
 * @property {boolean} color
 * @property {Summary} summary
 * @property {number} exitCode
 * @property {import('./discover.mjs').Skipped[]} skipped
 * @property {{ input: string, message: string }[]} inputErrors
 * @property {boolean} warningsExceeded
 * @property {number | undefined} maxWarnings
 */
/**
 * A reporter: `file` for each file in input order, `fileJson` (JSON only) for a result that is
 * JSON text already.
 * @typedef {{ begin(): void, file(r: FileResult): void, fileJson?: (json: string) => void, end(): void }} Reporter
 * @typedef {{ write(s: string): void }} Writer
 */

/** Terminal columns of a string: CJK and full-width characters take two. @param {string} s */
export function displayWidth(s) {
  let w = 0;
  for (const ch of s) {
    const c = /** @type {number} */ (ch.codePointAt(0)); // a character has a code point
    w +=
      c >= 0x1100 &&
      (c <= 0x115f ||
        (c >= 0x2e80 && c <= 0xa4cf) ||
        (c >= 0xac00 && c <= 0xd7a3) ||
        (c >= 0xf900 && c <= 0xfaff) ||
        (c >= 0xfe30 && c <= 0xfe4f) ||
        (c >= 0xff00 && c <= 0xff60) ||
        (c >= 0xffe0 && c <= 0xffe6) ||
        (c >= 0x20000 && c <= 0x3fffd))
        ? 2
        : 1;
  }
  return w;
}

/** @param {string} s @param {number} width */
const padEnd = (s, width) => s + ' '.repeat(Math.max(0, width - displayWidth(s)));

/** A file's path as shown: standard input by name. @param {{ m: Messages }} ctx @param {string} p */
export function displayPath(ctx, p) {
  return p === '-' ? ctx.m.stdin : p;
}

/** @param {ReportContext} ctx @param {FileResult} r */
function fileMeta(ctx, r) {
  const { m } = ctx;
  const parts = [];
  if (r.issuer) parts.push(safe(r.issuer));
  if (r.year != null) parts.push(m.yearOf(r.year));
  if (r.format) parts.push(m.formatOf(r.format));
  if (r.encoding && r.encoding !== 'utf-8') parts.push(r.encoding.toUpperCase());
  return parts.join(' · ');
}

/** The summary sentence shared by the human reporter and the HTML page.
 * @param {Messages} m @param {Summary} s @param {boolean} zh */
export function summaryLine(m, s, zh) {
  const sep = zh ? '，' : ', ';
  const parts = [s.filesWithErrors ? m.summary.filesWithErrors(s.filesWithErrors) : m.summary.allValid];
  parts.push(m.summary.errors(s.errorCount), m.summary.warnings(s.warningCount));
  if (s.infoCount) parts.push(m.summary.infos(s.infoCount));
  if (s.uncheckedFiles) parts.push(m.summary.unreadable(s.uncheckedFiles));
  if (s.crossYearPairs) parts.push(m.summary.pairs(s.crossYearPairs));
  return `${m.summary.checked(s.files)}${zh ? '：' : ': '}${parts.join(sep)}${zh ? '。' : '.'}`;
}

/** @param {Writer} w @param {ReportContext} ctx @returns {Reporter} */
export function humanReporter(w, ctx) {
  const { m, labeler } = ctx;
  const c = palette(ctx.color);
  const sevWidth = Math.max(...Object.values(m.severity).map(displayWidth));
  const sevColor = { error: c.red, warning: c.yellow, info: c.cyan };
  const indent = ' '.repeat(2 + sevWidth + 2);
  const zh = ctx.locale === 'zh-CN';
  return {
    begin() {},
    file(r) {
      // Everything from the files (names, issuers, messages quoting them) is shown escaped.
      const meta = fileMeta(ctx, r);
      const name = safe(displayPath(ctx, r.path));
      const tail = meta ? '  ' + c.dim(meta) : '';
      if (r.diagnostics.length === 0) {
        w.write(`${c.green('✓')} ${name}${tail}\n`);
        return;
      }
      const mark = r.errorCount ? c.red('✗') : r.warningCount ? c.yellow('!') : c.cyan('i');
      w.write(`${mark} ${c.bold(name)}${tail}\n`);
      if (r.previous) w.write(`${indent}${c.dim(m.previousFile(safe(displayPath(ctx, r.previous))))}\n`);
      for (const d of r.diagnostics) {
        const sev = padEnd(m.severity[d.severity] ?? d.severity, sevWidth);
        let where = labeler.text(d.path, r.format);
        const place = d.location ? m.place(d.location) : '';
        if (place) where += zh ? `（${place}）` : ` (${place})`;
        w.write(`  ${(sevColor[d.severity] ?? c.dim)(sev)}  ${safe(where)}\n`);
        w.write(`${indent}${safe(d.message)}  ${c.dim(safe(d.rule))}\n`);
      }
      w.write('\n');
    },
    end() {
      const s = ctx.summary;
      const line = summaryLine(m, s, zh);
      w.write((s.errorCount ? c.red : s.warningCount ? c.yellow : c.green)(line) + '\n');
      for (const line of skippedLines(m, ctx.skipped)) w.write((line.trouble ? c.red : c.dim)(line.text) + '\n');
      // Said on standard error at the start too, but a long run scrolls that away.
      for (const e of ctx.inputErrors) w.write(c.red(m.errors.ioPrefix + safe(e.message)) + '\n');
      // Exceeded: there is a maximum.
      if (ctx.warningsExceeded)
        w.write(c.red(m.summary.maxWarnings(s.warningCount, /** @type {number} */ (ctx.maxWarnings))) + '\n');
    },
  };
}

/** @param {string[]} paths */
function listSome(paths, n = 5) {
  return paths.length <= n ? paths.join(', ') : `${paths.slice(0, n).join(', ')} …`;
}

/**
 * One line per reason for the entries skipped (see discover.mjs), escaped for a terminal; a
 * folder that could not be read is trouble (exit code 2), the others are not.
 * @param {Messages} m @param {import('./discover.mjs').Skipped[]} skipped
 */
export function skippedLines(m, skipped) {
  /** @type {Map<string, string[]>} */
  const byReason = new Map();
  for (const x of skipped) {
    const list = byReason.get(x.reason) ?? [];
    list.push(x.code ? `${x.path} (${x.code})` : x.path);
    byReason.set(x.reason, list);
  }
  /** @type {Record<string, (n: number, list: string) => string>} */
  const sentences = m.summary.skippedBy;
  return [...byReason].map(([reason, paths]) => ({
    trouble: reason === 'unreadable-folder',
    text: (sentences[reason] ?? sentences['unsupported-extension'])(paths.length, listSome(paths.map(safe))),
  }));
}

/** @param {Writer} w @param {ReportContext} ctx @returns {Reporter} */
export function jsonReporter(w, ctx) {
  let first = true;
  /** @param {string} json */
  const fileJson = (json) => {
    w.write((first ? '\n' : ',\n') + json);
    first = false;
  };
  return {
    begin() {
      const head = {
        tool: 'xxgknb',
        version: ctx.version,
        schemaVersion: 1,
        locale: ctx.locale,
        exitCode: ctx.exitCode,
        summary: ctx.summary,
      };
      // Open the document by hand so that files can stream in between.
      w.write(JSON.stringify(head).slice(0, -1) + ',"files":[');
    },
    file(r) {
      fileJson(JSON.stringify(r));
    },
    /** A file's result that is JSON text already. */
    fileJson,
    end() {
      w.write(`\n],"skipped":${JSON.stringify(ctx.skipped)},"inputErrors":${JSON.stringify(ctx.inputErrors)}}\n`);
    },
  };
}

/** RFC 4180 quoting; text cells that Excel would run as a formula get a leading apostrophe.
 * @param {unknown} v @param {boolean} [text] */
function csvCell(v, text) {
  if (v === undefined || v === null) return '';
  let s = String(v);
  if (text && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** @param {Writer} w @param {ReportContext} ctx @returns {Reporter} */
export function csvReporter(w, ctx) {
  const { m, labeler } = ctx;
  /** @param {string[]} cells */
  const row = (cells) => w.write(cells.join(',') + '\r\n');
  return {
    begin() {
      // The BOM is what makes Excel read the file as UTF-8 rather than the ANSI code page.
      w.write('\uFEFF');
      row(m.csv.map((h) => csvCell(h, true)));
    },
    file(r) {
      for (const d of r.diagnostics) {
        const where = labeler.parts(d.path, r.format);
        row([
          csvCell(r.path, true),
          csvCell(r.issuer, true),
          csvCell(r.year),
          csvCell(r.format),
          csvCell(m.severity[d.severity] ?? d.severity, true),
          csvCell(d.rule, true),
          csvCell(d.path, true),
          csvCell(where.table, true),
          csvCell(where.row, true),
          csvCell(where.column, true),
          csvCell(d.message, true),
          csvCell(d.expected),
          csvCell(d.actual),
          csvCell(d.location?.line),
        ]);
      }
    },
    end() {},
  };
}
