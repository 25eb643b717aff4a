// Batch checks across the files of one `xxgknb check` run, which no single report can show:
// - copied-report: two different issuers' reports of the same year whose prose is mostly the
//   same. Each report's prose becomes a MinHash signature in the worker that checked it (64
//   values, one-permutation hashing of its 8-character shingles); reports that agree on all
//   four values of one of 16 bands land in one bucket (LSH), and only those pairs are
//   compared. Linear in the number of reports: 10,000 in well under a second (bench/batch.mjs).
// - aggregate-sum (`--aggregate GOV_FILE`): a government's whole-region table 三 against the sum
//   of its units' reports of the same year given with it, cell by cell.

/** MinHash values per report. */
export const SIG = 64;
const BANDS = 16;
const ROWS = 4; // BANDS × ROWS = SIG
/** Characters in a shingle (as in the core's text-reuse). */
const K = 8;
/** Reports with less prose than this (after normalising) are not compared: empty or
 * boilerplate-only prose would look like a copy of every other. */
const MIN_CHARS = 120;
/** Estimated share of shingles two reports have in common (Jaccard) from which their prose is
 * "mostly the same": four fifths of each report's text shared gives 0.67, nine tenths 0.82.
 * The bands find a pair at 0.7 with probability 0.99, at 0.8 with 0.9998 (1 − (1 − J⁴)¹⁶). */
export const COPIED_MIN = 0.7;
/** The most findings aggregate-sum lists on the government's report; a summary says the rest. */
const MAX_CELLS = 30;

/** What every report prints, left out of the comparison (as in the core's text-reuse). */
const BOILERPLATE = [
  '中华人民共和国政府信息公开条例',
  '政府信息公开条例',
  '以下简称条例',
  '政府信息公开信息处理费管理办法',
  '本列数据的勾稽关系为第一项加第二项之和等于第三项加第四项之和',
  '以习近平新时代中国特色社会主义思想为指导',
  '习近平新时代中国特色社会主义思想',
  '主动公开政府信息情况',
  '收到和处理政府信息公开申请情况',
  '存在的主要问题及改进情况',
  '其他需要报告的事项',
  '政府信息公开平台建设情况',
  '政府信息公开监督保障情况',
  '政府信息管理情况',
  '依申请公开情况',
  '主动公开情况',
];

/**
 * The batch checks' sentences (they are the CLI's: the core has no batch rules' words).
 * @typedef {{ copied: (list: string) => string, copiedItem: (path: string, issuer: string | undefined, pct: number) => string,
 *   aggregate: (label: string, g: number, k: number, sum: number, blanks: number) => string,
 *   aggregateMore: (n: number) => string, aggregateOk: (k: number, year: number) => string,
 *   aggregateNone: (year: number) => string, aggregateNoTable: () => string, aggregateMissing: (file: string | null) => string }} BatchMessages
 * @typedef {(i: number, diagnostics: import('../types.js').Diagnostic[]) => void} AddExtra
 *   adds diagnostics found after a file's own check (run.mjs)
 */

/** @type {Record<string, BatchMessages>} */
const MESSAGES = {
  'zh-CN': {
    copied: (list) => `正文与同年度其他单位的报告大部分相同（内容雷同）：${list}。请核对是否照抄了其他单位的报告。`,
    copiedItem: (path, issuer, pct) => `${path}（${issuer}，约 ${pct}% 相同）`,
    aggregate: (label, g, k, sum, blanks) =>
      `${label}为 ${g}，随附的 ${k} 份单位报告之和为 ${sum}${blanks ? `（其中 ${blanks} 份该格为空，按 0 计）` : ''}。`,
    aggregateMore: (n) => `另有 ${n} 个单元格与单位报告之和不一致，未逐一列出。`,
    aggregateOk: (k, year) => `表三与随附的 ${k} 份 ${year} 年度单位报告逐格相加的结果一致。`,
    aggregateNone: (year) => `随附的文件中没有可汇总的 ${year} 年度单位报告（表三未读出或年度不同），未核对汇总数。`,
    aggregateNoTable: () => '未能读出本报告的表三，无法与单位报告之和核对。',
    aggregateMissing: (file) => `--aggregate 指定的文件 ${file} 未能检查。`,
  },
  en: {
    copied: (list) =>
      `Most of the prose is the same as in other issuers' reports of the same year: ${list}. Check that it was not copied.`,
    copiedItem: (path, issuer, pct) => `${path} (${issuer}, about ${pct}% the same)`,
    aggregate: (label, g, k, sum, blanks) =>
      `${label} is ${g}; the ${k} unit reports given with it add up to ${sum}${blanks ? ` (${blanks} of them blank there, taken as 0)` : ''}.`,
    aggregateMore: (n) => `${n} more cells differ from the units' sum and are not listed.`,
    aggregateOk: (k, year) =>
      `Table 3 equals the sum of the ${k} unit reports of ${year} given with it, cell for cell.`,
    aggregateNone: (year) =>
      `No unit report of ${year} to add up among the files given (table 3 not read, or another year): the sums were not checked.`,
    aggregateNoTable: () => "Table 3 of this report could not be read: it cannot be checked against the units' sum.",
    aggregateMissing: (file) => `The file given to --aggregate, ${file}, could not be checked.`,
  },
};

/** @param {string} locale */
export const batchMessages = (locale) => MESSAGES[locale] ?? MESSAGES['zh-CN'];

let buffer = new Uint16Array(1 << 14);

/** Prose for comparing: every run of digits (half- or full-width) one `0`, only CJK characters
 * and Latin letters kept (full-width letters folded), boilerplate removed. One pass over the
 * UTF-16 code units, no regular expression: it runs on every report of a batch.
 * @param {string} text */
export function normalise(text) {
  if (buffer.length < text.length) buffer = new Uint16Array(text.length);
  let n = 0;
  let digits = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0; // full-width forms
    if (c >= 0x30 && c <= 0x39) {
      if (!digits) buffer[n++] = 0x30;
      digits = true;
      continue;
    }
    digits = false;
    const cjk = (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
    const latin = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    if (cjk || latin) buffer[n++] = c;
  }
  let t = '';
  for (let i = 0; i < n; i += 8192)
    t += String.fromCharCode.apply(null, /** @type {any} */ (buffer.subarray(i, Math.min(n, i + 8192)))); // any array-like
  for (const b of BOILERPLATE) if (t.includes(b)) t = t.split(b).join('');
  return t;
}

/** murmur3's 32-bit finaliser: spreads a rolling hash over all 32 bits. @param {number} h */
function fmix(h) {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const BASE = 0x01000193;
const BASE_K = (() => {
  let p = 1;
  for (let i = 0; i < K - 1; i++) p = Math.imul(p, BASE);
  return p;
})();

/**
 * The MinHash signature of a report's prose (every part), or null when there is too little
 * prose to compare. One-permutation hashing: a shingle's hash picks one of SIG bins by its top
 * bits and competes there with the rest of its bits; a bin no shingle reached borrows its
 * neighbour's value (rotation densification).
 * @param {Record<string, unknown> | undefined} sections
 * @returns {Uint32Array | null}
 */
export function signature(sections) {
  if (!sections || typeof sections !== 'object') return null;
  const text = normalise(
    Object.values(sections)
      .filter((s) => typeof s === 'string')
      .join(''),
  );
  if (text.length < MIN_CHARS) return null;
  const sig = new Uint32Array(SIG).fill(0xffffffff);
  let h = 0;
  for (let i = 0; i < text.length; i++) {
    if (i >= K) h = (h - Math.imul(text.charCodeAt(i - K), BASE_K)) | 0;
    h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
    if (i < K - 1) continue;
    const f = fmix(h);
    const bin = f >>> 26;
    const v = f & 0x3ffffff;
    if (v < sig[bin]) sig[bin] = v;
  }
  for (let b = 0; b < SIG; b++) {
    if (sig[b] !== 0xffffffff) continue;
    for (let d = 1; d < SIG; d++) {
      const v = sig[(b + d) % SIG];
      if (v !== 0xffffffff && v < 0x4000000) {
        sig[b] = v + 0x4000000 * d; // marked as borrowed, so that it equals only the same borrowing
        break;
      }
    }
  }
  return sig;
}

/** The share of equal values of two signatures: an estimate of their Jaccard similarity.
 * @param {Uint32Array} a @param {number} ai  where a's signature starts in `a`
 * @param {Uint32Array} b @param {number} bi */
export function similarity(a, ai, b, bi) {
  let same = 0;
  for (let k = 0; k < SIG; k++) if (a[ai + k] === b[bi + k]) same++;
  return same / SIG;
}

/** Signatures of a run's files, by index, in one typed array (256 bytes a file). */
export class Signatures {
  /** @param {number} n  the number of files */
  constructor(n) {
    this.data = new Uint32Array(n * SIG);
    this.has = new Uint8Array(n);
  }

  /** @param {number} i @param {Uint32Array | null} sig */
  set(i, sig) {
    if (!sig || sig.length !== SIG) return;
    this.data.set(sig, i * SIG);
    this.has[i] = 1;
  }
}

/** The most copies kept (and named) per file. */
const MAX_COPIES = 3;

/** @typedef {{ other: number, similarity: number }} Copy */

/** Whether copy `a` goes before `b` in a file's list: the more similar first, then by index.
 * @param {Copy} a @param {Copy} b */
const before = (a, b) => a.similarity > b.similarity || (a.similarity === b.similarity && a.other < b.other);

/**
 * Pairs of reports of one year, by different issuers, whose prose is mostly the same.
 * The bands are bucketed by sorting: each band's keys with the file's index in one typed array
 * (a Map of arrays per bucket took tens of MB at 20,000 files); a file keeps only its
 * `MAX_COPIES` most similar copies, the ones its message names.
 * @param {{ year: Int32Array, keys: Map<number, string> }} ledger  years and issuer keys
 * @param {Signatures} sigs
 * @returns {Map<number, Array<{ other: number, similarity: number }>>} by file, its copies
 *   (at most three, the most similar first)
 */
export function findCopies(ledger, sigs) {
  const search = bandByBand(ledger, sigs);
  for (;;) {
    const step = search.next();
    if (step.done) return step.value;
  }
}

/**
 * findCopies, letting the thread's other work in between bands (16, ~2 ms each at 3,000 portal
 * pages): run.mjs searches while the workers check the cross-year pairs, whose results this
 * thread takes in and answers with the next jobs, instead of after them on one core (−25 ms a
 * run of 3,000 pages).
 * @param {Parameters<typeof findCopies>[0]} ledger @param {Signatures} sigs
 * @returns {Promise<ReturnType<typeof findCopies>>}
 */
export async function findCopiesBetween(ledger, sigs) {
  const search = bandByBand(ledger, sigs);
  for (;;) {
    const step = search.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** findCopies's search, pausing after each band.
 * @param {Parameters<typeof findCopies>[0]} ledger @param {Signatures} sigs
 * @returns {Generator<void, ReturnType<typeof findCopies>>} */
function* bandByBand(ledger, sigs) {
  const n = sigs.has.length;
  /** @type {number[]} */
  const signed = [];
  for (let i = 0; i < n; i++) if (sigs.has[i] && ledger.year[i]) signed.push(i);
  // A band's key (its four values and the year hashed into 32 bits) above, the file's index
  // below: sorted, equal keys lie together. Two bands that differ may share a key now and
  // then: that only costs one comparison.
  const bits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const scale = 2 ** bits;
  const drop = 2 ** Math.max(0, bits - 21); // key bits given up so that key × scale stays exact
  const keys = new Float64Array(signed.length);
  // Each file's bucket in each band so far: a pair that met in an earlier band has been
  // compared there (a Set of the pairs compared grew to 100 MB on 20,000 portal pages, whose
  // prose shares the page's footer).
  const bucket = new Uint32Array(n * BANDS);
  /** @param {number} i @param {number} j @param {number} band */
  const metBefore = (i, j, band) => {
    for (let b = 0; b < band; b++) if (bucket[i * BANDS + b] === bucket[j * BANDS + b]) return true;
    return false;
  };
  /** @type {Map<number, Copy[]>} */
  const found = new Map();
  /** @param {number} i @param {number} other @param {number} similarity */
  const note = (i, other, similarity) => {
    let list = found.get(i);
    if (!list) found.set(i, (list = []));
    const c = { other, similarity };
    if (list.length === MAX_COPIES && !before(c, list[MAX_COPIES - 1])) return;
    let at = list.length;
    while (at > 0 && before(c, list[at - 1])) at--;
    list.splice(at, 0, c);
    if (list.length > MAX_COPIES) list.pop();
  };
  for (let band = 0; band < BANDS; band++) {
    signed.forEach((i, k) => {
      const base = i * SIG + band * ROWS;
      let h = fmix(ledger.year[i] * BANDS + band);
      for (let r = 0; r < ROWS; r++) h = fmix(h ^ sigs.data[base + r]);
      const key = Math.floor(h / drop);
      bucket[i * BANDS + band] = key;
      keys[k] = key * scale + i;
    });
    keys.sort();
    for (let x = 0; x < keys.length;) {
      const key = Math.floor(keys[x] / scale);
      let end = x + 1;
      while (end < keys.length && Math.floor(keys[end] / scale) === key) end++;
      for (let a = x; a < end; a++) {
        for (let b = a + 1; b < end; b++) {
          const i = keys[a] % scale;
          const j = keys[b] % scale;
          if (metBefore(i, j, band)) continue;
          const ki = ledger.keys.get(i);
          if (ki === undefined || ki === ledger.keys.get(j)) continue; // one issuer's own copies
          const s = similarity(sigs.data, i * SIG, sigs.data, j * SIG);
          if (s < COPIED_MIN) continue;
          note(i, j, s);
          note(j, i, s);
        }
      }
      x = end;
    }
    yield;
  }
  return found;
}

/**
 * copied-report: a warning on each file whose prose mostly repeats another issuer's report of
 * the same year, naming up to three of them.
 * @param {{ ledger: import('./ledger.mjs').Ledger, spool: import('./spool.mjs').Spool, sigs: Signatures,
 *   locale: string, addExtra: AddExtra, found?: ReturnType<typeof findCopies> }} run
 *   `found`: what findCopies (or findCopiesBetween) found, where it was searched already
 * @returns {number} the number of files found to copy another's prose
 */
export function copiedReports({ ledger, spool, sigs, locale, addExtra, found = findCopies(ledger, sigs) }) {
  const m = batchMessages(locale);
  const indices = [...found.keys()].sort((a, b) => a - b);
  for (const i of indices) {
    const others = /** @type {Copy[]} */ (found.get(i)); // one of its keys
    const list = others.map(({ other, similarity: s }) =>
      m.copiedItem(ledger.head(other, spool).path, ledger.keys.get(other), Math.round(s * 100)),
    );
    addExtra(i, [
      {
        rule: 'copied-report',
        severity: 'warning',
        path: '/sections',
        related: [],
        message: m.copied(list.join(locale === 'en' ? '; ' : '；')),
      },
    ]);
  }
  return indices.length;
}

/** Every number of an object tree, by JSON Pointer; anything else as null.
 * @param {object} obj @param {string} prefix @param {Map<string, number | null>} out */
function leaves(obj, prefix, out) {
  for (const [k, v] of Object.entries(obj)) {
    const p = `${prefix}/${k}`;
    if (v && typeof v === 'object') leaves(v, p, out);
    else out.set(p, typeof v === 'number' && Number.isFinite(v) ? v : null);
  }
  return out;
}

/**
 * aggregate-sum: the government's table 三 against the sum of the other reports of its year.
 * @param {{ gov: number, ledger: import('./ledger.mjs').Ledger, spool: import('./spool.mjs').Spool, locale: string,
 *   labeler: import('./labels.mjs').Labeler, addExtra: AddExtra }} run
 *   `gov`: the index of the government's report; `labeler`: makeLabeler(core, locale) of labels.mjs
 */
export function aggregateSum({ gov, ledger, spool, locale, labeler, addExtra }) {
  const m = batchMessages(locale);
  /**
   * @param {import('../types.js').Severity} severity @param {string} path @param {string} message
   * @param {{ expected?: number, actual?: number }} [extra]
   * @returns {import('../types.js').Diagnostic}
   */
  const diag = (severity, path, message, extra = {}) => ({
    rule: 'aggregate-sum',
    severity,
    path,
    related: [],
    message,
    ...extra,
  });
  const head = ledger.head(gov, spool);
  const year = head.carry?.year;
  const own = head.carry?.applications;
  if (!year || !own || typeof own !== 'object') {
    addExtra(gov, [diag('warning', '/applications', m.aggregateNoTable())]);
    return;
  }
  /** @type {Map<string, [number, number]>} */
  const sums = new Map(); // path → [sum, blanks]
  let units = 0;
  for (let i = 0; i < ledger.length; i++) {
    if (i === gov || ledger.year[i] !== year) continue;
    const apps = ledger.head(i, spool).carry?.applications;
    if (!apps || typeof apps !== 'object') continue;
    units++;
    for (const [p, v] of leaves(apps, '/applications', new Map())) {
      const s = sums.get(p) ?? /** @type {[number, number]} */ ([0, 0]);
      if (v === null) s[1]++;
      else s[0] += v;
      sums.set(p, s);
    }
  }
  if (units === 0) {
    addExtra(gov, [diag('warning', '/applications', m.aggregateNone(year))]);
    return;
  }
  /** @type {import('../types.js').Diagnostic[]} */
  const out = [];
  let more = 0;
  for (const [p, g] of leaves(own, '/applications', new Map())) {
    const s = sums.get(p);
    if (g === null || !s || s[0] === g) continue;
    if (out.length === MAX_CELLS) {
      more++;
      continue;
    }
    const label = labeler.text(p, head.carry?.format);
    out.push(diag('warning', p, m.aggregate(label, g, units, s[0], s[1]), { expected: s[0], actual: g }));
  }
  if (more) out.push(diag('warning', '/applications', m.aggregateMore(more)));
  if (out.length === 0) out.push(diag('info', '/applications', m.aggregateOk(units, year)));
  addExtra(gov, out);
}
