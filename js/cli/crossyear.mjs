// Cross-year checks: pair each report with the same issuer's report for the year before, and
// run the core's cross-year rules on the pair: cross-year-carryover, and where the core has
// them (the full build) tables-unchanged, t2-carryover and text-reuse.

import { onceOptions } from '../options-once.mjs';

const CARRYOVER = 'cross-year-carryover';
/** @import { Carry } from './process.mjs' */
/** @import { Diagnostic, Locale, ReportInput } from '../types.js' */
/** @typedef {Pick<import('./core.mjs').Core, 'rules' | 'validate' | 'validateJson'>
 *   & { crossYear?: import('./core.mjs').Core['crossYear'] }} PairCore */
/**
 * What a run's pairs are checked with (see pairPlan).
 * @typedef {{ locale: Locale, runs: string[], rowsOnly: boolean, off: Record<string, 'off'> }} PairPlan
 */
/**
 * A record's head as a pair check reads it (see headOf): the carry's JSON as UTF-8.
 * @typedef {{ carryJson: Uint8Array, readonly carry: Carry, path: string }} Head
 */
/** A pair's findings, or what failed. @typedef {Diagnostic[] | { error: string }} PairFindings */
/** @typedef {{ findings: PairFindings, prevPath: string }} PairAnswer */
/**
 * A job of pairs for a worker (see runPairJob): the pairs, where each file's record is in the
 * spool ([start, where its result starts]), and the spool's descriptor.
 * @typedef {{ type: 'pairs', plan: PairPlan, fd: number, pairs: [number, number][], at: Record<number, [number, number]> }} PairJob
 */

/** The options of every pair, which the core reads once (js/options-once.mjs). */
const PAIR_OPTIONS = { 'zh-CN': onceOptions({ locale: 'zh-CN' }), en: onceOptions({ locale: 'en' }) };

/** A table 三 row of a carry (process.mjs's carryOf), if it is one.
 * @param {Carry} carry @param {string} key */
function row(carry, key) {
  const r = /** @type {Record<string, unknown>} */ (carry.applications)?.[key];
  return r && typeof r === 'object' ? r : undefined;
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
 * The files of each key, one key at a time: `visit(years)` with the key's files by year (years
 * in the order they first appear, files in input order), keys in the order they first appear.
 * One key's map is made at a time and dropped after its visit: all of them at once (a map for
 * each of 5,000 issuers, held until every key was seen) took the main thread's heap from 10 to
 * 21 MB at 20,000 files, most of what a long run's pairing step added to its peak memory.
 * @param {number[]} indices  in input order
 * @param {(i: number) => string} keyOf @param {(i: number) => number} yearOf
 * @param {(years: Map<number, number[]>) => void} visit
 */
function eachKey(indices, keyOf, yearOf, visit) {
  /** @type {Map<string, number>} */
  const ids = new Map(); // key → its number, in the order keys first appear
  // A file's key number above, its index below: sorted, a key's files lie together in input
  // order. Exact while both fit in a double's 53 bits.
  let most = 1;
  for (const i of indices) if (i > most) most = i;
  const scale = 2 ** Math.ceil(Math.log2(most + 1));
  const order = new Float64Array(indices.length);
  indices.forEach((i, k) => {
    const key = keyOf(i);
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    order[k] = id * scale + i;
  });
  // Beyond 2^53 a key number and an index would no longer both be kept (67 million files, each
  // with its own key): refused rather than paired wrongly.
  if (ids.size * scale > Number.MAX_SAFE_INTEGER) throw new RangeError('too many files to pair across years');
  order.sort();
  for (let x = 0; x < order.length;) {
    const id = Math.floor(order[x] / scale);
    /** @type {Map<number, number[]>} */
    const years = new Map();
    for (; x < order.length && Math.floor(order[x] / scale) === id; x++) {
      const i = order[x] % scale;
      const list = years.get(yearOf(i));
      if (list) list.push(i);
      else years.set(yearOf(i), [i]);
    }
    visit(years);
  }
}

/**
 * What a run's pairs are checked with: the cross-year rules the core has (its catalogue marks
 * them `crossYear`), and every other rule turned off. Null when the core has no carry-over rule
 * (or cannot say which rules it has).
 * @param {Pick<PairCore, 'rules'>} core @param {Locale} locale
 * @returns {PairPlan | null}
 */
export function pairPlan(core, locale) {
  let rules;
  try {
    rules = core.rules();
  } catch {
    return null;
  }
  const ids = rules.map((r) => r.id);
  const runs = rules.filter((r) => r.crossYear === true).map((r) => r.id);
  if (!runs.includes(CARRYOVER)) return null;
  return {
    locale,
    runs,
    // Only the carry-over rule (a core without the others): the two rows it compares suffice.
    rowsOnly: runs.length === 1,
    off: Object.fromEntries(ids.filter((id) => !runs.includes(id)).map((id) => [id, /** @type {'off'} */ ('off')])),
  };
}

/**
 * The core's cross-year findings on one pair (`c` this year's head, `p` last year's: see
 * `headOf`), or `{ error }` when the core failed. Both reports go to the core's `crossYear` as
 * the JSON text the spool holds; a core without it (one without readers) is given this year's
 * as that text and last year's as the object the options carry. Runs in the workers
 * (worker.mjs) and, for small runs, in the main thread.
 * @param {PairCore} core @param {Head} c @param {Head} p @param {PairPlan} plan
 * @returns {PairFindings}
 */
export function pairFindings(core, c, p, plan) {
  let r;
  try {
    if (plan.rowsOnly) {
      // Equal rows cannot disagree in any column: with only the carry-over rule to run, the
      // core is asked only where they differ (a call per pair was most of the time this step took).
      const over = row(c.carry, 'carriedOver');
      const forward = row(p.carry, 'carriedForward');
      if (over !== undefined && JSON.stringify(over) === JSON.stringify(forward)) return [];
      const current = { year: c.carry.year, format: c.carry.format, applications: { carriedOver: over } };
      const previous = { year: p.carry.year, format: p.carry.format, applications: { carriedForward: forward } };
      // The parts as read (a format may be pre-2019 or missing): the core checks what it is given.
      r = core.validate(/** @type {ReportInput} */ (current), {
        locale: plan.locale,
        previous: /** @type {ReportInput} */ (previous),
        partial: true,
        rules: plan.off,
      });
    } else if (typeof core.crossYear === 'function') {
      // Both reports as the spool holds them: 154 → 69 µs a pair against the branch below,
      // which writes last year's report into the options' JSON (see docs/performance.md).
      r = core.crossYear(c.carryJson, p.carryJson, PAIR_OPTIONS[plan.locale] ?? { locale: plan.locale });
    } else {
      r = core.validateJson(c.carryJson, {
        locale: plan.locale,
        previous: /** @type {ReportInput} */ (p.carry),
        partial: true,
        rules: plan.off,
      });
    }
  } catch (/** @type {any} */ err) {
    return { error: String(err?.message ?? err) };
  }
  return r.diagnostics.filter((d) => plan.runs.includes(d.rule));
}

/**
 * A record's head as the pair check reads it (see process.mjs's entryOf), from the spool's
 * bytes: the carry's JSON as they hold it (the core takes UTF-8 as it is), the carry parsed only
 * when asked (last year's, for a core without crossYear), and the path.
 * @param {Buffer} bytes
 * @returns {Head}
 */
export function headOf(bytes) {
  const at = bytes.lastIndexOf(',"path":'); // the carry's strings escape their quotes: the last is the key
  const carryJson = bytes.subarray('{"carry":'.length, at);
  /** @type {Carry | undefined} */
  let carry;
  return {
    carryJson,
    get carry() {
      carry ??= /** @type {Carry} */ (JSON.parse(carryJson.toString())); // heads of paired files hold a carry
      return carry;
    },
    path: JSON.parse(bytes.toString('utf8', at + ',"path":'.length, bytes.length - ',"result":'.length)),
  };
}

/** Pairs handed to a worker at a time: a few chains of one issuer's years, whose reports
 * the worker then reads and parses once each. */
const PAIRS_PER_JOB = 24;

/**
 * Adds the cross-year findings through `addExtra(index, diagnostics)` and records pairs in
 * `ledger.previous`. Only the cross-year rules run on a pair (every other finding is already
 * in each file's own result); with a core that has only the carry-over rule, only on the two
 * rows it compares (a small object the core checks many times faster than a whole report).
 * The pairs are found here; `runJobs`, when given, checks them on the pool's workers (see
 * pool.mjs and worker.mjs), else they are checked in this thread.
 * @param {{ ledger: import('./ledger.mjs').Ledger, spool: import('./spool.mjs').Spool,
 *   core: PairCore, locale: Locale, m: import('./messages.mjs').Messages,
 *   addExtra: import('./batch.mjs').AddExtra, runJobs?: import('./pool.mjs').RunJobs | null }} run
 * @returns {Promise<number>} the number of pairs checked
 */
export async function crossYear({ ledger, spool, core, locale, m, addExtra, runJobs }) {
  const plan = pairPlan(core, locale);
  if (!plan) return 0;
  // A file is read as this year's report of one pair and last year's of the next: the last few
  // heads read are kept (each holds a whole report's tables and prose).
  /** @type {Map<number, Head>} */
  const recent = new Map();
  // Only files with a key are paired, and a key is given only with a carry (process.mjs).
  /** @param {number} i @returns {Head} */
  const head = (i) => {
    let h = recent.get(i);
    if (!h) {
      h = headOf(ledger.headBytes(i, spool));
      recent.set(i, h);
      if (recent.size > 4) recent.delete(/** @type {number} */ (recent.keys().next().value)); // the oldest
    }
    return h;
  };
  /** @param {number} i */
  const yearOf = (i) => ledger.year[i];
  const handled = new Uint8Array(ledger.length); // files whose year before is settled (paired or ambiguous)
  /** @type {[number, number][]} */
  const todo = []; // [this year's file, last year's]
  // In input order: results arrive in whatever order the workers finish, and the order of
  // files named in a message must not depend on that.
  const indices = [...ledger.keys.keys()].sort((a, b) => a - b);
  /** @param {number} cur @param {number} prev */
  const check = (cur, prev) => {
    handled[cur] = 1;
    todo.push([cur, prev]);
  };

  // 1. The same name (up to width and spacing).
  // Keys of ledger.keys (indices) have their key.
  const keyOf = (/** @type {number} */ i) => /** @type {string} */ (ledger.keys.get(i));
  eachKey(indices, keyOf, yearOf, (years) => {
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
        handled[i] = 1;
        addExtra(i, [{ rule: 'cross-year-ambiguous', severity: 'info', path: '', related: [], message }]);
      }
    }
  });

  // 2. The same name but for the city in front, only where that leaves no doubt: exactly one
  // report of that short name in each of the two years.
  eachKey(
    indices,
    (i) => shortIssuerKey(keyOf(i)),
    yearOf,
    (years) => {
      for (const [year, list] of years) {
        const before = years.get(year - 1);
        if (before?.length === 1 && list.length === 1 && !handled[list[0]]) check(list[0], before[0]);
      }
    },
  );

  // 3. Each pair checked, on the workers where there are any, and its findings added as its
  // job comes back; what the workers could not check (one gone) is checked here.
  /** @type {([number, number][] | null)[]} */
  const jobs = [];
  for (let k = 0; k < todo.length; k += PAIRS_PER_JOB) jobs.push(todo.slice(k, k + PAIRS_PER_JOB));
  let pairs = 0;
  /** @param {number} j @param {PairAnswer[]} answers */
  const apply = (j, answers) => {
    jobs[j]?.forEach(([cur], k) => {
      const { findings, prevPath } = answers[k];
      if (!Array.isArray(findings)) {
        addExtra(cur, [
          {
            rule: 'internal-error',
            severity: 'error',
            path: '',
            related: [],
            message: m.diag['internal-error'](findings.error),
          },
        ]);
        ledger.trouble[cur] = 1;
        return;
      }
      pairs++;
      ledger.previous.set(cur, prevPath);
      addExtra(cur, findings);
    });
    jobs[j] = null;
  };
  /** @param {[number, number][]} list @returns {PairJob} */
  const job = (list) => {
    /** @type {Record<number, [number, number]>} */
    const at = {};
    for (const pair of list) for (const i of pair) at[i] ??= [ledger.pos[i], ledger.resultAt[i]];
    return { type: 'pairs', plan, fd: spool.fd, pairs: list, at };
  };
  // Each job is made as a worker takes it: made all at once, at 20,000 files their places in
  // the spool were 30,000 small arrays waiting in this thread's heap.
  const lost =
    runJobs && jobs.length > 1
      ? await runJobs(
          jobs.length,
          (j) => job(/** @type {[number, number][]} */ (jobs[j])),
          (j, result) => apply(j, /** @type {PairAnswer[]} */ (result)),
        )
      : jobs.keys();
  for (const j of lost) {
    apply(
      j,
      (jobs[j] ?? []).map(([cur, prev]) => ({
        findings: pairFindings(core, head(cur), head(prev), plan),
        prevPath: head(prev).path,
      })),
    );
  }
  return pairs;
}

// Heads are read into a ring of buffers the thread reuses, job after job: a new buffer a head
// was memory outside the heap, which a worker's collector left to pile up (peak RSS at 5,000
// portal pages 152–155 → 142–146 MB), and so was a new ring a job (at 20,000 files, 625 jobs
// of 128 KB: the workers' memory outside the heap grew by 30 MB each while the pairs ran). A
// head's bytes are overwritten RING heads after it: it lives in a job's `heads` until four
// newer ones came in, and in the pair being checked.
const RING = 8;
const ring = Array.from({ length: RING }, () => Buffer.alloc(0));
let slot = 0;

/**
 * A job of pairs in a worker: each file's head read from the spool (its descriptor is the
 * process's, shared by its threads), each pair checked.
 * @param {PairCore} core @param {PairJob} job
 * @param {(fd: number, at: [number, number], into?: Buffer) => Buffer} readHeadBytes
 * @returns {PairAnswer[]}
 */
export function runPairJob(core, { pairs, at, fd, plan }, readHeadBytes) {
  // A file is this year's report of one pair and last year's of the next (a job holds whole
  // chains of one issuer's years): the last few heads are kept, not the job's all (each holds a
  // report's tables and prose, and a worker's heap grew by them while the pairs ran).
  /** @type {Map<number, Head>} */
  const heads = new Map();
  /** @param {[number, number]} place */
  const read = (place) => {
    const n = place[1];
    if (ring[slot].length < n) ring[slot] = Buffer.allocUnsafeSlow(Math.max(n, 2 * ring[slot].length, 1 << 14));
    const into = ring[slot];
    slot = (slot + 1) % RING;
    return readHeadBytes(fd, place, into);
  };
  /** @param {number} i @returns {Head} */
  const get = (i) => {
    let h = heads.get(i);
    if (!h) {
      heads.set(i, (h = headOf(read(at[i]))));
      if (heads.size > 4) heads.delete(/** @type {number} */ (heads.keys().next().value)); // the oldest
    }
    return h;
  };
  return pairs.map(([cur, prev]) => ({
    findings: pairFindings(core, get(cur), get(prev), plan),
    prevPath: get(prev).path,
  }));
}
