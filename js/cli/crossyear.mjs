// Cross-year checks: pair each report with the same issuer's report for the year before, and
// run the core's cross-year rules on the pair: cross-year-carryover, and where the core has
// them (the full build) tables-unchanged, t2-carryover and text-reuse.

const CARRYOVER = 'cross-year-carryover';
const CROSS_YEAR = [CARRYOVER, 'tables-unchanged', 't2-carryover', 'text-reuse'];

/** The parts of a report the cross-year rules read, from a file's carry (process.mjs). */
function wholeOf(carry) {
  const out = { year: carry.year, format: carry.format };
  for (const k of ['proactive', 'applications', 'reviewLitigation', 'sections']) if (carry[k]) out[k] = carry[k];
  return out;
}

/** Issuer names as printed vary in width and spacing (全角/半角, stray blanks), not in words. */
export function issuerKey(issuer) {
  return typeof issuer === 'string' ? issuer.normalize('NFKC').replace(/\s+/g, '') : '';
}

/**
 * The name without the province and city it sits in, when what is left still starts with a
 * place (区/县/市/旗): one year's report may say 淮安市洪泽区人民政府 and the next 洪泽区人民政府.
 * 淮安市人民政府 stays as it is (人民政府 alone names no one).
 */
export function shortIssuerKey(key) {
  const place = /^[\u4e00-\u9fff]{1,8}?(?:区|县|市|旗)/;
  let k = key.replace(/^[\u4e00-\u9fff]{2,7}?(?:省|自治区)/, '');
  const city = /^[\u4e00-\u9fff]{2,7}?市/.exec(k);
  const rest = city ? k.slice(city[0].length) : '';
  if (city && place.test(rest) && !rest.startsWith('城市')) k = rest; // 城市管理局 is no place
  return k;
}

function group(indices, keyOf, yearOf) {
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
  const onlyCrossYear = Object.fromEntries(ids.filter((id) => !runs.includes(id)).map((id) => [id, 'off']));
  // A file is read as this year's report of one pair and last year's of the next: the last few
  // heads read are kept (each holds a whole report's tables and prose).
  const recent = new Map();
  const head = (i) => {
    let h = recent.get(i);
    if (!h) {
      h = ledger.head(i, spool);
      recent.set(i, h);
      if (recent.size > 4) recent.delete(recent.keys().next().value);
    }
    return h;
  };
  const yearOf = (i) => ledger.year[i];
  const handled = new Set(); // files whose year before has been settled (paired or ambiguous)
  let pairs = 0;
  // In input order: results arrive in whatever order the workers finish, and the order of
  // files named in a message must not depend on that.
  const indices = [...ledger.keys.keys()].sort((a, b) => a - b);

  /** The core's findings on one pair, or null when it failed (then reported on the file). */
  const carryover = (cur, c, p) => {
    const current = rowsOnly
      ? { year: c.carry.year, format: c.carry.format, applications: { carriedOver: c.carry.carriedOver } }
      : wholeOf(c.carry);
    const previous = rowsOnly
      ? { year: p.carry.year, format: p.carry.format, applications: { carriedForward: p.carry.carriedForward } }
      : wholeOf(p.carry);
    try {
      return core
        .validate(current, { locale, previous, partial: true, rules: onlyCrossYear })
        .diagnostics.filter((d) => runs.includes(d.rule));
    } catch (err) {
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
  for (const years of group(indices, (i) => ledger.keys.get(i), yearOf).values()) {
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
  for (const years of group(indices, (i) => shortIssuerKey(ledger.keys.get(i)), yearOf).values()) {
    for (const [year, list] of years) {
      const before = years.get(year - 1);
      if (before?.length === 1 && list.length === 1 && !handled.has(list[0])) check(list[0], before[0]);
    }
  }
  return pairs;
}
