// The checks `xxgknb check` makes across files (issue 17): the cross-year rules on each pair of
// one issuer's consecutive reports, copied-report between issuers of one year, and
// --aggregate's whole-region table 三 against the sum of its units. Real bin, real core; the
// reports are generated (tests/cli/fixtures/generate.mjs) with prose of their own.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runJson, run, assertSchema, tmpDir, byPath, rulesOf } from './helpers.mjs';
import { makeReport, renderJson, renderText, renderHtml } from './fixtures/generate.mjs';
import {
  signature,
  similarity,
  findCopies,
  findCopiesBetween,
  normalise,
  Signatures,
  SIG,
} from '../../js/cli/batch.mjs';

const write = (dir, name, text) => fs.writeFileSync(path.join(dir, name), text);
const diagnosticsOf = (file, rule) => file.diagnostics.filter((d) => d.rule === rule);

/** One issuer's 2023 and 2024 reports, 2024 carrying 2023's rows and documents on. */
function pair(issuer = '示例市示例区司法局', seed = 500) {
  const last = makeReport({ issuer, year: 2023, seed });
  const now = makeReport({
    issuer,
    year: 2024,
    seed: seed + 1,
    carriedOver: last.applications.carriedForward,
    previous: last,
  });
  return { last, now };
}

test('a consecutive pair that shares only boilerplate gets no cross-year finding', () => {
  const dir = tmpDir();
  const { last, now } = pair();
  write(dir, 'a-2023.json', renderJson(last));
  write(dir, 'a-2024.txt', renderText(now));
  const r = runJson(['check', dir]);
  assertSchema(r.doc);
  const f = byPath(r.doc)[path.join(dir, 'a-2024.txt')];
  assert.equal(f.previous, path.join(dir, 'a-2023.json'));
  assert.deepEqual(f.diagnostics, []);
  assert.equal(r.code, 0);
});

test("a pair whose part 五 is word for word last year's is flagged (text-reuse), in both languages", () => {
  const dir = tmpDir();
  const { last, now } = pair();
  now.sections.problems = last.sections.problems;
  write(dir, 'a-2023.html', renderHtml(last));
  write(dir, 'a-2024.json', renderJson(now));
  for (const [locale, start] of [
    ['zh-CN', /^第五部分「存在的主要问题及改进情况」有 100% 与上年（2023 年度）报告相同/],
    ['en', /^100% of part 5 \(problems and improvements\) repeats last year's \(2023\) report/],
  ]) {
    const r = runJson(['check', dir, '--locale', locale]);
    const f = byPath(r.doc)[path.join(dir, 'a-2024.json')];
    // Part 五 on its own; the three parts together may pass half too (this report's part 一 is
    // short), which is the other message.
    const reuse = diagnosticsOf(f, 'text-reuse').filter((d) => d.path === '/sections/problems');
    assert.equal(reuse.length, 1, JSON.stringify(f.diagnostics));
    assert.match(reuse[0].message, start);
    assert.equal(r.code, 0, 'a warning, not an error');
  }
});

test('tables equal to last year and documents in force that do not follow are flagged', () => {
  const dir = tmpDir();
  const { last, now } = pair();
  // The same tables, last year's prose rewritten (the prose is not what this is about).
  const copy = structuredClone(last);
  copy.year = 2024;
  copy.publishedOn = '2025-01-20';
  copy.sections = now.sections;
  copy.applications.carriedOver = last.applications.carriedForward;
  // …which makes 2024's carried-over equal 2023's carried-forward only if 2023 carried over
  // what it carried forward: give 2023 that too, so only tables-unchanged speaks.
  last.applications.carriedOver = last.applications.carriedForward;
  write(dir, 'a-2023.json', renderJson(last));
  write(dir, 'a-2024.json', renderJson(copy));
  let f = byPath(runJson(['check', dir]).doc)[path.join(dir, 'a-2024.json')];
  const same = diagnosticsOf(f, 'tables-unchanged');
  assert.equal(same.length, 1, JSON.stringify(f.diagnostics));
  assert.match(same[0].message, /表二、表三、表四的全部数字与上年（2023 年度）报告完全相同/);

  const moved = structuredClone(now);
  moved.proactive.normativeDocuments.inForce += 3;
  write(dir, 'a-2024.json', renderJson(moved));
  f = byPath(runJson(['check', dir]).doc)[path.join(dir, 'a-2024.json')];
  const t2 = diagnosticsOf(f, 't2-carryover');
  assert.equal(t2.length, 1, JSON.stringify(f.diagnostics));
  assert.equal(t2[0].path, '/proactive/normativeDocuments/inForce');
  assert.equal(t2[0].expected, now.proactive.normativeDocuments.inForce);
});

/** `n` reports of one year by as many issuers, each with its own prose. */
function oneYear(dir, n, year = 2024) {
  const reps = [];
  for (let i = 0; i < n; i++) {
    const rep = makeReport({ issuer: `示例市第${i + 1}号单位`, year, seed: 7000 + i });
    reps.push(rep);
    write(dir, `u${String(i).padStart(3, '0')}.json`, renderJson(rep));
  }
  return reps;
}

test('copied-report finds the one report copied from another issuer, and nothing else', () => {
  const dir = tmpDir();
  const reps = oneYear(dir, 40);
  // 第41号单位 took 第7号's report, changed the name and the figures, kept the words.
  const copy = makeReport({ issuer: '示例市第41号单位', year: 2024, seed: 9999 });
  copy.sections = structuredClone(reps[6].sections);
  copy.sections.overview = copy.sections.overview.replace('示例市第7号单位', '示例市第41号单位');
  write(dir, 'copy.txt', renderText(copy));
  for (const locale of ['zh-CN', 'en']) {
    const r = runJson(['check', dir, '--locale', locale]);
    assertSchema(r.doc);
    const flagged = r.doc.files.filter((f) => rulesOf(f).includes('copied-report')).map((f) => path.basename(f.path));
    assert.deepEqual(flagged.sort(), ['copy.txt', 'u006.json']);
    const d = diagnosticsOf(byPath(r.doc)[path.join(dir, 'copy.txt')], 'copied-report')[0];
    assert.equal(d.severity, 'warning');
    assert.equal(d.path, '/sections');
    assert.match(
      d.message,
      locale === 'en'
        ? /^Most of the prose is the same as in other issuers' reports of the same year: .*u006\.json \(示例市第7号单位, about \d+% the same\)/
        : /^正文与同年度其他单位的报告大部分相同（内容雷同）：.*u006\.json（示例市第7号单位，约 \d+% 相同）/,
    );
    assert.equal(r.doc.summary.byRule['copied-report'].warning, 2);
  }
});

test("copied-report: one issuer's own copies, other years and short prose are no finding", () => {
  const dir = tmpDir();
  const a = makeReport({ issuer: '示例市甲局', year: 2024, seed: 1 });
  write(dir, 'a.json', renderJson(a));
  write(dir, 'a-again.txt', renderText(a)); // the same report twice (cross-year-ambiguous's case)
  const b = makeReport({ issuer: '示例市乙局', year: 2023, seed: 2 });
  b.sections = a.sections; // another year
  write(dir, 'b.json', renderJson(b));
  const c = makeReport({ issuer: '示例市丙局', year: 2024, seed: 3 });
  const d = makeReport({ issuer: '示例市丁局', year: 2024, seed: 4 });
  c.sections = { overview: '无。', problems: '无。' };
  d.sections = c.sections; // nothing to compare
  write(dir, 'c.json', renderJson(c));
  write(dir, 'd.json', renderJson(d));
  const r = runJson(['check', dir]);
  assert.ok(
    r.doc.files.every((f) => !rulesOf(f).includes('copied-report')),
    JSON.stringify(r.doc.summary.byRule),
  );
});

test('--aggregate: the whole-region table 三 against the sum of the units, cell by cell', () => {
  const dir = tmpDir();
  const units = oneYear(dir, 5);
  // The government's report: its table 三 the sum of the five, but for two cells.
  const gov = makeReport({ issuer: '示例市人民政府', year: 2024, seed: 77 });
  const sum = structuredClone(units[0].applications);
  const add = (into, from) => {
    for (const [k, v] of Object.entries(from)) {
      if (v && typeof v === 'object') add(into[k], v);
      else into[k] += v;
    }
  };
  const zero = (o) => {
    for (const [k, v] of Object.entries(o)) {
      if (v && typeof v === 'object') zero(v);
      else o[k] = 0;
    }
  };
  zero(sum);
  for (const u of units) add(sum, u.applications);
  gov.applications = structuredClone(sum);
  gov.applications.results.granted.natural += 2;
  gov.applications.results.granted.total += 2;
  gov.applications.results.total.natural += 2;
  gov.applications.results.total.total += 2;
  gov.applications.received.natural += 2;
  gov.applications.received.total += 2;
  const govDir = tmpDir();
  write(govDir, 'gov-2024.json', renderJson(gov));
  const govFile = path.join(govDir, 'gov-2024.json');
  for (const locale of ['zh-CN', 'en']) {
    // The government's file need not be among the paths: --aggregate adds it.
    const r = runJson(['check', dir, '--aggregate', govFile, '--locale', locale]);
    assertSchema(r.doc);
    const f = byPath(r.doc)[govFile];
    assert.ok(f, r.doc.files.map((x) => x.path).join(','));
    const agg = diagnosticsOf(f, 'aggregate-sum');
    assert.deepEqual(
      agg.map((d) => [d.path, d.expected, d.actual]),
      [
        ['/applications/received/natural', sum.received.natural, sum.received.natural + 2],
        ['/applications/received/total', sum.received.total, sum.received.total + 2],
        ['/applications/results/granted/natural', sum.results.granted.natural, sum.results.granted.natural + 2],
        ['/applications/results/granted/total', sum.results.granted.total, sum.results.granted.total + 2],
        ['/applications/results/total/natural', sum.results.total.natural, sum.results.total.natural + 2],
        ['/applications/results/total/total', sum.results.total.total, sum.results.total.total + 2],
      ],
    );
    assert.match(
      agg[0].message,
      locale === 'en'
        ? /^3\. Applications received and handled › .+ is \d+; the 5 unit reports given with it add up to \d+\.$/
        : /^三、收到和处理政府信息公开申请情况 › 一、本年新收政府信息公开申请数量 › 自然人为 \d+，随附的 5 份单位报告之和为 \d+。$/,
    );
  }
  // Matching sums: one note that they were checked and agree.
  gov.applications = sum;
  write(govDir, 'gov-2024.json', renderJson(gov));
  const ok = diagnosticsOf(
    byPath(runJson(['check', dir, govFile, '--aggregate', govFile]).doc)[govFile],
    'aggregate-sum',
  );
  assert.deepEqual(
    ok.map((d) => [d.severity, d.message]),
    [['info', '表三与随附的 5 份 2024 年度单位报告逐格相加的结果一致。']],
  );
  // A file that is not there: said, and exit code 2.
  const missing = run(['check', dir, '--aggregate', path.join(govDir, 'nope.json')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nope\.json/);
});

test('signatures: the same prose matches, other prose does not, figures and years do not matter', () => {
  const a = makeReport({ issuer: '示例市甲局', year: 2024, seed: 11 }).sections;
  const b = makeReport({ issuer: '示例市乙局', year: 2024, seed: 12 }).sections;
  const renumbered = Object.fromEntries(
    Object.entries(a).map(([k, v]) => [k, v.replace(/\d+/g, (d) => String(Number(d) + 7))]),
  );
  const sa = signature(a);
  assert.equal(sa.length, SIG);
  assert.equal(similarity(sa, 0, signature(renumbered), 0), 1);
  assert.ok(similarity(sa, 0, signature(b), 0) < 0.4, String(similarity(sa, 0, signature(b), 0)));
  assert.equal(signature({ overview: '无。' }), null);
  assert.equal(normalise('《中华人民共和国政府信息公开条例》第２０条，2024年。'), '第0条0年');
  // findCopies compares only what shares a band: n reports, no pair compared twice.
  const sigs = new Signatures(3);
  sigs.set(0, sa);
  sigs.set(1, signature(renumbered));
  sigs.set(2, signature(b));
  const ledger = {
    year: new Int32Array([2024, 2024, 2024]),
    keys: new Map([
      [0, '甲'],
      [1, '乙'],
      [2, '丙'],
    ]),
  };
  const found = findCopies(ledger, sigs);
  assert.deepEqual([...found.keys()].sort(), [0, 1]);
  assert.equal(found.get(0)[0].other, 1);
});

test('the copied-report search between other work finds what the search at once finds, letting that work in', async () => {
  // 60 reports of one year: groups of three issuers with one prose (renumbered), and the rest
  // each its own, so that bands meet and copies are found.
  const n = 60;
  const sigs = new Signatures(n);
  const ledger = { year: new Int32Array(n).fill(2024), keys: new Map() };
  for (let i = 0; i < n; i++) {
    const prose = makeReport({
      issuer: `示例市${i}局`,
      year: 2024,
      seed: i < 30 ? 100 + Math.floor(i / 3) : 500 + i,
    }).sections;
    const renumbered = Object.fromEntries(
      Object.entries(prose).map(([k, v]) => [k, v.replace(/\d+/g, (d) => String(Number(d) + i))]),
    );
    sigs.set(i, signature(renumbered));
    ledger.keys.set(i, `示例市${i}局`);
  }
  const atOnce = findCopies(ledger, sigs);
  assert.ok(atOnce.size >= 30, `copies found: ${atOnce.size}`);
  // Work queued in the meantime: a callback that queues itself again at each turn of the loop.
  let turns = 0;
  let searching = true;
  const tick = () => {
    turns++;
    if (searching) setImmediate(tick);
  };
  setImmediate(tick);
  const between = await findCopiesBetween(ledger, sigs);
  searching = false;
  assert.deepEqual([...between.entries()], [...atOnce.entries()]);
  assert.ok(turns >= 8, `other work ran during the search's 16 bands: ${turns} turns`);
});
