// Cross-year checks: pair each report with the same issuer's report for the year before, and
// run the core's cross-year rules on the pair: cross-year-carryover, and where the core has
// them (the full build) tables-unchanged, t2-carryover and text-reuse.

const CARRYOVER = 'cross-year-carryover';
const CROSS_YEAR = [CARRYOVER, 'tables-unchanged', 't2-carryover', 'text-reuse'];
/** @import { Carry } from './process.mjs' */
/** @typedef {import('../types.js').ReportInput} ReportInput */
/** @type {('proactive' | 'applications' | 'reviewLitigation' | 'sections')[]} */
const PARTS = ['proactive', 'applications', 'reviewLitigation', 'sections'];

/** The parts of a report the cross-year rules read, from a file's carry (process.mjs).
 * @param {Carry} carry */
function wholeOf(carry) {
  /** @type {Record<string, unknown>} */
  const out = { year: carry.year, format: carry.format };
  for (const k of PARTS) if (carry[k]) out[k] = carry[k];
  return out;
}

/** Issuer names as printed vary in width and spacing (全角/半角, stray blanks), not in words.
 * @param {unknown} issuer */
export function issuerKey(issuer) {
  return typeof issuer === 'string' ? issuer.normalize('NFKC').replace(/\s+/g, '') : '';
}

/**
 * The name without the province and city it sits in, when what is left still starts with a
 * place (区/县/市/旗): one year's report may say 淮安市洪泽区人民政府 and the next 洪泽区人民政府.
 * 淮安市人民政府 stays as it is (人民政府 alone names no one).
 * @param {string} key
 */
export function shortIssuerKey(key) {
  const place = /^[\u4e00-\u9fff]{1,8}?(?:区|县|市|旗)/;
  let k = key.replace(/^[\u4e00-\u9fff]{2,7}?(?:省|自治区)/, '');
  const city = /^[\u4e00-\u9fff]{2,7}?市/.exec(k);
  const rest = city ? k.slice(city[0].length) : '';
  if (city && place.test(rest) && !rest.startsWith('城市')) k = rest; // 城市管理局 is no place
  return k;
}

/**
 * @param {number[]} indices @param {(i: number) => string} keyOf @param {(i: number) => number} yearOf
 * @returns {Map<string, Map<number, number[]>>}
 */
function group(indices, keyOf, yearOf) {
  /** @type {Map<string, Map<number, number[]>>} */
  const byKey = new Map(); // key → Map(year → indices)
  for (const i of indices) {
    const key = keyOf(i);
    let years = byKey.get(key);
    if (!years) byKey.set(key, (years = new Map()));
    const list = years.get(yearOf(i));
    if (list) list.push(i);
    else years.set(yearOf(i), [i]);
  }
  return byKey;
}

/**
 * Adds the cross-year findings through `addExtra(index, diagnostics)` and records pairs in
 * `ledger.previous`. Only the cross-year rules run on a pair (every other finding is already
 * in each file's own result); with a core that has only the carry-over rule, only on the two
 * rows it compares (a small object the core checks many times faster than a whole report).
 * @param {{ ledger: import('./ledger.mjs').Ledger, spool: import('./spool.mjs').Spool,
 *   core: Pick<import('./core.mjs').Core, 'rules' | 'validate'>, locale: import('../types.js').Locale,
 *   m: import('./messages.mjs').Messages, addExtra: import('./batch.mjs').AddExtra }} run
 * @returns {number} the number of pairs checked
 */
export function crossYear({ ledger, spool, core, locale, m, addExtra }) {
  let ids;
  try {
    ids = core.rules().map((r) => r.id);
  } catch {
    return 0;
  }
  const runs = CROSS_YEAR.filter((id) => ids.includes(id));
  if (!runs.includes(CARRYOVER)) return 0;
  // Only the carry-over rule (a core without the others): the two rows it compares suffice.
  const rowsOnly = runs.length === 1;
  /** @type {Record<string, 'off'>} */
  const onlyCrossYear = Object.fromEntries(ids.filter((id) => !runs.includes(id)).map((id) => [id, 'off']));
  // A file is read as this year's report of one pair and last year's of the next: the last few
  // heads read are kept (each holds a whole report's tables and prose).
  /** @type {Map<number, { carry: Carry, path: string }>} */
  const recent = new Map();
  // Only files with a key are paired, and a key is given only with a carry (process.mjs).
  /** @param {number} i @returns {{ carry: Carry, path: string }} */
  const head = (i) => {
    let h = recent.get(i);
    if (!h) {
      h = /** @type {{ carry: Carry, path: string }} */ (ledger.head(i, spool));
      recent.set(i, h);
      if (recent.size > 4) recent.delete(/** @type {number} */ (recent.keys().next().value)); // the oldest
    }
    return h;
  };
  /** @param {number} i */
  const yearOf = (i) => ledger.year[i];
  /** @type {Set<number>} */
  const handled = new Set(); // files whose year before has been settled (paired or ambiguous)
  let pairs = 0;
  // In input order: results arrive in whatever order the workers finish, and the order of
  // files named in a message must not depend on that.
  const indices = [...ledger.keys.keys()].sort((a, b) => a - b);

  /** The core's findings on one pair, or null when it failed (then reported on the file).
   * @param {number} cur @param {{ carry: Carry }} c @param {{ carry: Carry }} p */
  const carryover = (cur, c, p) => {
    const current = rowsOnly
      ? { year: c.carry.year, format: c.carry.format, applications: { carriedOver: c.carry.carriedOver } }
      : wholeOf(c.carry);
    const previous = rowsOnly
      ? { year: p.carry.year, format: p.carry.format, applications: { carriedForward: p.carry.carriedForward } }
      : wholeOf(p.carry);
    try {
      return (
        core
          // The parts as read (a format may be pre-2019 or missing): the core checks what it is given.
          .validate(/** @type {ReportInput} */ (current), {
            locale,
            previous: /** @type {ReportInput} */ (previous),
            partial: true,
            rules: onlyCrossYear,
          })
          .diagnostics.filter((d) => runs.includes(d.rule))
      );
    } catch (/** @type {any} */ err) {
      addExtra(cur, [
        {
          rule: 'internal-error',
          severity: 'error',
          path: '',
          related: [],
          message: m.diag['internal-error'](String(err?.message ?? err)),
        },
      ]);
      ledger.trouble[cur] = 1;
      return null;
    }
  };

  /** @param {number} cur @param {number} prev */
  const check = (cur, prev) => {
    handled.add(cur);
    const c = head(cur);
    const p = head(prev);
    // Equal rows cannot disagree in any column: with only the carry-over rule to run, the core
    // is asked only where they differ (a call per pair was most of the time this step took).
    const over = c.carry.carriedOver;
    const same = rowsOnly && over !== undefined && JSON.stringify(over) === JSON.stringify(p.carry.carriedForward);
    const findings = same ? [] : carryover(cur, c, p);
    if (!findings) return;
    pairs++;
    ledger.previous.set(cur, p.path);
    addExtra(cur, findings);
  };

  // 1. The same name (up to width and spacing).
  // Keys of ledger.keys (indices) have their key.
  const keyOf = (/** @type {number} */ i) => /** @type {string} */ (ledger.keys.get(i));
  for (const years of group(indices, keyOf, yearOf).values()) {
    for (const [year, list] of years) {
      const before = years.get(year - 1);
      if (!before) continue;
      if (list.length === 1 && before.length === 1) {
        check(list[0], before[0]);
        continue;
      }
      // Which of two reports for one year is "the" report is for a person to say.
      const dup = before.length > 1 ? before : list;
      const message = m.diag['cross-year-ambiguous'](
        before.length > 1 ? year - 1 : year,
        dup.map((i) => head(i).path),
      );
      for (const i of list) {
        handled.add(i);
        addExtra(i, [{ rule: 'cross-year-ambiguous', severity: 'info', path: '', related: [], message }]);
      }
    }
  }

  // 2. The same name but for the city in front, only where that leaves no doubt: exactly one
  // report of that short name in each of the two years.
  for (const years of group(indices, (i) => shortIssuerKey(keyOf(i)), yearOf).values()) {
    for (const [year, list] of years) {
      const before = years.get(year - 1);
      if (before?.length === 1 && list.length === 1 && !handled.has(list[0])) check(list[0], before[0]);
    }
  }
  return pairs;
}
