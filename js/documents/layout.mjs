// Text laid out by position from a PDF's text items (what `pdftotext -layout` prints, which the
// core's text reader reads): items on one baseline become one line, a wide gap between items
// becomes a run of spaces, so that table cells stay apart and labels stay whole. Page numbers and
// running headers/footers are dropped, so that a table broken by a page reads as one table.
// Pure (no PDF.js): it takes plain items, so it is tested on hand-made pages too.
import { VALUE } from './values.mjs';

/**
 * @typedef {{ str: string, x: number, y: number, w: number, size: number }} Item
 *   `x`, `y`: the start of the item's baseline in PDF points (y up); `w`: its width; `size`: its font size.
 * @typedef {{ width: number, height: number, items: Item[] }} Page
 * @typedef {{ page: number, y: number, segs: { col: number, len: number, x: number, w: number }[] }} LineInfo
 *   For each output line (index = line number - 1): the page (1-based), the baseline (points from
 *   the page's top), and where each
 *   piece of text went (`col`, `len` in characters) and came from (`x`, `w` in points).
 * @typedef {{ y: number, size: number, items: Item[] }} Line  items on one baseline, left to right
 */

// Page markers printed in the margins: `- 3 -`, `—3—`, `3`, `第 3 页`, `第3页 共9页`, `3 / 9`.
const PAGE_MARK =
  /^(?:[-—–－─]*\s*\d{1,3}\s*[-—–－─]*|第\s*\d{1,3}\s*页(?:\s*[，,]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/;
// Margins where page markers and running headers live, as a share of the page height.
const MARGIN = 0.09;

/** The layout text of a document's pages, and where each line came from.
 * @param {Page[]} pages @returns {{ text: string, lines: LineInfo[] }} */
export function layoutText(pages) {
  const running = runningLines(pages);
  /** @type {string[]} */
  const out = [];
  /** @type {LineInfo[]} */
  const info = [];
  pages.forEach((page, p) => {
    const lines = joinSplitRows(pageLines(page).filter((l) => !isMargin(l, page, running)));
    if (lines.length === 0) return;
    const unit = columnUnit(lines);
    const left = Math.min(...lines.map((l) => l.items[0].x));
    const top = (/** @type {number} */ y) => round((page.height > 0 ? page.height : 842) - y);
    /** @type {Line | null} */
    let prev = null;
    for (const line of lines) {
      // A vertical gap of more than about two lines: a blank line, as pdftotext prints one.
      if (
        prev &&
        prev.y - line.y > 2.2 * Math.max(prev.size, line.size) &&
        out.length > 0 &&
        out[out.length - 1] !== ''
      ) {
        out.push('');
        info.push({ page: p + 1, y: top(line.y), segs: [] });
      }
      const { text, segs } = renderLine(line, left, unit);
      out.push(text);
      info.push({ page: p + 1, y: top(line.y), segs });
      prev = line;
    }
  });
  return { text: out.join('\n') + '\n', lines: info };
}

const round = (/** @type {number} */ v) => Math.round(v * 10) / 10;

/** Items of a page grouped by baseline, top to bottom, each line's items left to right.
 * @param {Page} page @returns {Line[]} */
function pageLines(page) {
  const items = page.items
    .filter((it) => it.str && it.str.trim() !== '' && Number.isFinite(it.x) && Number.isFinite(it.y))
    .map((it) => ({ ...it, str: it.str.replace(/[\s\u00a0]+/g, ' ').trim(), size: it.size > 0 ? it.size : 10 }))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  /** @type {Line[]} */
  const lines = [];
  for (const it of items) {
    // Same line: baselines closer than half the smaller font (labels and numbers of one row are
    // often set in different fonts, a point or two apart; wrapped lines are a whole line apart).
    const line = lines.find((l) => Math.abs(l.y - it.y) <= 0.5 * Math.min(l.size, it.size) && !overlaps(l, it));
    if (line) {
      line.items.push(it);
      line.size = Math.max(line.size, it.size);
    } else {
      lines.push({ y: it.y, size: it.size, items: [it] });
    }
  }
  for (const l of lines) l.items.sort((a, b) => a.x - b.x);
  return lines.sort((a, b) => b.y - a.y);
}

const isValue = (/** @type {Item} */ it) => VALUE.test(it.str);

/**
 * One table row's numbers printed on two lines: cells aligned differently (one at the top, the
 * rest centred beside a wrapped label) put some numbers a line above the others. When two
 * neighbouring lines hold numbers in different columns, and one of them holds nothing else or
 * both together fill a row, the numbers of the line with fewer go to the other, so that the row
 * reads whole and in column order.
 * @param {Line[]} lines
 */
function joinSplitRows(lines) {
  const widest = Math.max(0, ...lines.map((l) => l.items.filter(isValue).length));
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i];
    const b = lines[i + 1];
    if (a.y - b.y > 1.8 * Math.max(a.size, b.size)) continue;
    const va = a.items.filter(isValue);
    const vb = b.items.filter(isValue);
    if (va.length === 0 || vb.length === 0) continue;
    // Both lines labelled (a wrapped label beside the row): only when together they fill the
    // widest row of the page, so that two rows with blanks are not taken for one.
    if (va.length < a.items.length && vb.length < b.items.length && (va.length + vb.length !== widest || widest < 3))
      continue;
    const clash = va.some((p) => vb.some((q) => p.x < q.x + q.w + 0.5 * q.size && q.x < p.x + p.w + 0.5 * p.size));
    if (clash) continue;
    const [from, to, moved] = va.length < vb.length ? [a, b, va] : [b, a, vb];
    // Only numbers in the value columns move: right of every label of both lines (a label's
    // item number, "1" of "1、本机关不掌握…", stays with its label).
    const labelEnd = Math.max(
      -Infinity,
      ...[...a.items, ...b.items].filter((it) => !isValue(it)).map((it) => it.x + it.w),
    );
    if (moved.some((it) => it.x < labelEnd)) continue;
    from.items = from.items.filter((it) => !moved.includes(it));
    to.items = [...to.items, ...moved].sort((p, q) => p.x - q.x);
  }
  return lines.filter((l) => l.items.length > 0);
}

/** Whether an item would print over one already on the line (two lines set close together).
 * Chinese punctuation is often set half-width inside a full-width box: pieces of one line
 * overlap by up to half a character, which is no overlap here.
 * @param {Line} line @param {Item} it */
function overlaps(line, it) {
  return line.items.some((o) => {
    const slack = 0.7 * Math.min(o.size, it.size);
    return it.x < o.x + o.w - slack && o.x < it.x + it.w - slack;
  });
}

/** Points per character column: half the commonest font size (a digit's width), so numbers
 * under a header land under it.
 * @param {Line[]} lines */
function columnUnit(lines) {
  /** @type {Map<number, number>} */
  const counts = new Map();
  for (const l of lines) for (const it of l.items) counts.set(it.size, (counts.get(it.size) ?? 0) + it.str.length);
  let best = 10;
  let most = -1;
  for (const [size, n] of counts) if (n > most) [best, most] = [size, n];
  return Math.max(best / 2, 1);
}

/** A line as text, its items at their columns. @param {Line} line @param {number} left @param {number} unit */
function renderLine(line, left, unit) {
  let text = '';
  /** @type {number | null} */
  let end = null; // right edge of the last item, in points
  /** @type {LineInfo['segs']} */
  const segs = [];
  for (const it of line.items) {
    const gap = end === null ? Infinity : it.x - end;
    let col;
    if (end === null) {
      col = Math.max(0, Math.round((it.x - left) / unit));
      text = ' '.repeat(col);
    } else if (gap >= 0.5 * it.size) {
      // Another cell: at least two spaces, and at its own column where the line has room.
      col = Math.max(text.length + 2, Math.round((it.x - left) / unit));
      text += ' '.repeat(col - text.length);
    } else if (gap > 0.15 * it.size) {
      text += ' ';
      col = text.length;
    } else {
      col = text.length;
    }
    text += it.str;
    segs.push({ col, len: it.str.length, x: round(it.x), w: round(it.w) });
    end = Math.max(end ?? -Infinity, it.x + it.w);
  }
  return { text, segs };
}

/** @param {Line} line */
function lineString(line) {
  return line.items
    .map((it) => it.str)
    .join('')
    .replace(/\s+/g, '');
}

/** Lines that repeat at the same height in the margins of most pages: running headers and footers.
 * @param {Page[]} pages @returns {Set<string>} */
function runningLines(pages) {
  /** @type {Map<string, number>} */
  const seen = new Map();
  if (pages.length < 3) return new Set();
  for (const page of pages) {
    const keys = new Set();
    for (const l of pageLines(page)) {
      if (inMargin(l, page)) keys.add(`${Math.round(l.y)}|${lineString(l)}`);
    }
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  return new Set([...seen].filter(([, n]) => n * 2 > pages.length).map(([k]) => k));
}

/** @param {Line} line @param {Page} page */
function inMargin(line, page) {
  const h = page.height > 0 ? page.height : 842;
  return line.y < h * MARGIN || line.y > h * (1 - MARGIN);
}

/** @param {Line} line @param {Page} page @param {Set<string>} running */
function isMargin(line, page, running) {
  if (!inMargin(line, page)) return false;
  const s = lineString(line);
  return PAGE_MARK.test(s) || running.has(`${Math.round(line.y)}|${s}`);
}
