// The summary page (--report): one self-contained HTML file, no scripts and no external
// assets, so that it can be mailed or put on a share and opened anywhere, and printed.

import { FileWriter } from './output.mjs';
import { summaryLine, displayPath, skippedLines } from './reporters.mjs';
/** @import { ReportContext, RuleCount, Summary } from './reporters.mjs' */
/**
 * What the summary page knows besides a reporter's context: the counts by rule, their names,
 * the ledger (counts by file index) and each file's full result.
 * @typedef {ReportContext & { byRule: Map<string, RuleCount>, ruleNames: (id: string) => string,
 *   ledger: import('./ledger.mjs').Ledger, load: (index: number) => import('./process.mjs').FileResult,
 *   generatedAt: Date }} PageContext
 */

/** @type {Record<string, string>} */
const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** @param {unknown} s */
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ESC[c]);

const CSS = `
:root{--err:#c62828;--warn:#b26a00;--info:#1565c0;--ok:#2e7d32;--line:#d9dde3;--muted:#5f6b7a;--bg:#fff;--fg:#1d232b;--soft:#f4f6f9}
@media (prefers-color-scheme:dark){:root{--line:#3a424d;--muted:#9aa5b4;--bg:#15191e;--fg:#e6e9ee;--soft:#1f252c;--err:#ef6b6b;--warn:#e0a33a;--info:#6aa8f0;--ok:#5cb85f}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1180px;padding:24px 20px 64px;font:15px/1.55 system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:36px 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line)}
.meta,.muted{color:var(--muted)}.lead{font-size:16px;margin:12px 0 0}
.totals{display:grid;grid-template-columns:repeat(auto-fit,minmax(130px,1fr));gap:10px;margin-top:20px}
.card{background:var(--soft);border-radius:8px;padding:12px 14px}.card b{display:block;font-size:26px;line-height:1.2}
.card.err b{color:var(--err)}.card.warn b{color:var(--warn)}.card.ok b{color:var(--ok)}
.chart{margin:0;display:grid;grid-template-columns:minmax(180px,34%) 1fr auto;gap:6px 12px;align-items:center}
.chart .label{text-align:right;overflow-wrap:anywhere}.chart .label code{display:block;font-size:12px;color:var(--muted)}
.bar{display:flex;height:18px;background:var(--soft);border-radius:3px;overflow:hidden}
.bar i{display:block;height:100%}.bar .error{background:var(--err)}.bar .warning{background:var(--warn)}.bar .info{background:var(--info)}
.legend{margin-top:10px;font-size:13px;color:var(--muted)}.legend i{display:inline-block;width:10px;height:10px;margin:0 4px 0 12px;border-radius:2px}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600;background:var(--soft)}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
td.path{overflow-wrap:anywhere}a{color:inherit}
.sev{font-weight:600;white-space:nowrap}.sev.error,.n.error{color:var(--err)}.sev.warning,.n.warning{color:var(--warn)}.sev.info{color:var(--info)}
details{border:1px solid var(--line);border-radius:8px;margin:10px 0;padding:0 12px}
details>summary{cursor:pointer;padding:10px 0;font-weight:600;overflow-wrap:anywhere}details>summary span{font-weight:400}
details table{margin-bottom:12px}code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.where{min-width:12em}.prev{margin:0 0 8px}
@media print{details{break-inside:avoid}details:not([open])>*:not(summary){display:block}}
`;

const OPEN_ALL_UP_TO = 40;
/** @type {import('../types.js').Severity[]} */
const SEVERITIES = ['error', 'warning', 'info'];

/** @param {import('./messages.mjs').Messages} m @param {Summary} s */
function totalsCards(m, s) {
  const t = m.html.totals;
  /** @param {number} n @param {string} label */
  const card = (n, label, cls = '') => `<div class="card ${cls}"><b>${n}</b>${esc(label)}</div>`;
  return [
    card(s.files, t.files),
    card(s.filesWithErrors, t.failing, s.filesWithErrors ? 'err' : 'ok'),
    card(s.errorCount, t.errors, s.errorCount ? 'err' : 'ok'),
    card(s.warningCount, t.warnings, s.warningCount ? 'warn' : ''),
    s.infoCount ? card(s.infoCount, t.infos) : '',
    s.uncheckedFiles ? card(s.uncheckedFiles, t.unreadable, 'err') : '',
    s.crossYearPairs ? card(s.crossYearPairs, t.pairs) : '',
  ].join('');
}

/** @param {PageContext} ctx */
function chart(ctx) {
  const { m, byRule, ruleNames } = ctx;
  const rows = [...byRule.entries()]
    .map(([rule, n]) => ({ rule, n, total: n.error + n.warning + n.info }))
    .filter((r) => r.total > 0)
    .sort((a, b) => b.total - a.total || (a.rule < b.rule ? -1 : 1));
  if (rows.length === 0) return `<p class="muted">${esc(m.html.noDiagnostics)}</p>`;
  const max = rows[0].total;
  const pct = (/** @type {number} */ k) => ((k / max) * 100).toFixed(2);
  const body = rows
    .map(({ rule, n, total }) => {
      const segs = SEVERITIES.filter((s) => n[s])
        .map((s) => `<i class="${s}" style="width:${pct(n[s])}%" title="${esc(m.severity[s])} ${n[s]}"></i>`)
        .join('');
      return `<div class="label">${esc(ruleNames(rule))}<code>${esc(rule)}</code></div><div class="bar" role="img" aria-label="${esc(rule)}: ${total}">${segs}</div><div class="n">${total}</div>`;
    })
    .join('\n');
  const legend = SEVERITIES.map(
    (s) =>
      `<i style="background:var(--${s === 'error' ? 'err' : s === 'warning' ? 'warn' : 'info'})"></i>${esc(m.severity[s])}`,
  ).join('');
  return `<figure class="chart">\n${body}\n</figure><div class="legend">${legend}</div>`;
}

/**
 * @param {string} file
 * @param {PageContext} ctx
 */
export function writeHtmlReport(file, ctx) {
  const { m, summary: s } = ctx;
  const h = m.html;
  const zh = ctx.locale === 'zh-CN';
  const out = new FileWriter(file);
  try {
    const { ledger } = ctx;
    const problems = (/** @type {number} */ i) => ledger.errors[i] + ledger.warnings[i] + ledger.infos[i];
    // Most errors first, then most warnings, then input order.
    const sorted = Array.from({ length: ledger.length }, (_, i) => i).sort(
      (a, b) => ledger.errors[b] - ledger.errors[a] || ledger.warnings[b] - ledger.warnings[a] || a - b,
    );
    out.write(
      `<!doctype html>\n<html lang="${esc(ctx.locale)}"><head><meta charset="utf-8">` +
        `<meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(h.title)}</title>` +
        `<link rel="icon" href="data:,"><style>${CSS}</style></head><body>\n`,
    );
    out.write(
      `<header><h1>${esc(h.title)}</h1><div class="meta">${esc(h.generated(ctx.generatedAt.toLocaleString(ctx.locale, { hour12: false }), ctx.version))}</div>` +
        `<p class="lead">${esc(summaryLine(m, s, zh))}</p></header>\n`,
    );
    out.write(`<section class="totals">${totalsCards(m, s)}</section>\n`);
    out.write(`<h2>${esc(h.byRule)}</h2>\n${chart(ctx)}\n`);

    const c = h.cols;
    out.write(
      `<h2>${esc(h.files)}</h2>\n<table><thead><tr><th>${esc(c.file)}</th><th>${esc(c.issuer)}</th><th class="n">${esc(c.year)}</th>` +
        `<th>${esc(c.format)}</th><th class="n">${esc(c.errors)}</th><th class="n">${esc(c.warnings)}</th></tr></thead><tbody>\n`,
    );
    for (const i of sorted) {
      const r = ctx.load(i);
      const name = esc(displayPath(ctx, r.path));
      const link = problems(i) > 0 ? `<a href="#f${i}">${name}</a>` : name;
      out.write(
        `<tr><td class="path">${link}</td><td>${esc(r.issuer ?? '')}</td><td class="n">${esc(r.year ?? '')}</td><td>${esc(r.format ?? '')}</td>` +
          `<td class="n${r.errorCount ? ' error' : ''}">${r.errorCount}</td><td class="n${r.warningCount ? ' warning' : ''}">${r.warningCount}</td></tr>\n`,
      );
    }
    out.write('</tbody></table>\n');

    const withProblems = sorted.filter((i) => problems(i) > 0);
    out.write(`<h2>${esc(h.details)}</h2>\n`);
    if (withProblems.length === 0) out.write(`<p class="muted">${esc(h.noDiagnostics)}</p>\n`);
    const open = withProblems.length <= OPEN_ALL_UP_TO ? ' open' : '';
    for (const i of withProblems) {
      const r = ctx.load(i);
      const counts = [
        r.errorCount ? m.summary.errors(r.errorCount) : '',
        r.warningCount ? m.summary.warnings(r.warningCount) : '',
      ]
        .filter(Boolean)
        .join(zh ? '，' : ', ');
      const meta = [r.issuer, r.year != null ? m.yearOf(r.year) : '', r.format ? m.formatOf(r.format) : '']
        .filter(Boolean)
        .join(' · ');
      out.write(
        `<details id="f${i}"${open}><summary>${esc(displayPath(ctx, r.path))} <span class="muted">${esc(meta)}${meta && counts ? ' — ' : ''}${esc(counts)}</span></summary>\n`,
      );
      if (r.previous) out.write(`<p class="prev muted">${esc(m.previousFile(displayPath(ctx, r.previous)))}</p>\n`);
      out.write(
        `<table><thead><tr><th>${esc(c.severity)}</th><th>${esc(c.where)}</th><th>${esc(c.message)}</th><th>${esc(c.rule)}</th></tr></thead><tbody>\n`,
      );
      for (const d of r.diagnostics) {
        let where = esc(ctx.labeler.text(d.path, r.format));
        if (d.location && m.place(d.location)) where += `<br><span class="muted">${esc(m.place(d.location))}</span>`;
        if (d.location?.excerpt) where += `<br><code>${esc(d.location.excerpt)}</code>`;
        out.write(
          `<tr><td class="sev ${esc(d.severity)}">${esc(m.severity[d.severity] ?? d.severity)}</td><td class="where">${where}</td>` +
            `<td>${esc(d.message)}</td><td><code>${esc(d.rule)}</code></td></tr>\n`,
        );
      }
      out.write('</tbody></table></details>\n');
    }
    const clean = sorted.length - withProblems.length;
    if (clean && withProblems.length) out.write(`<p class="muted">${esc(h.clean(clean))}</p>\n`);
    if (ctx.skipped.length || ctx.inputErrors.length) {
      out.write(`<h2>${esc(h.skipped)}</h2>\n<ul>\n`);
      for (const x of ctx.inputErrors) out.write(`<li>${esc(x.message)}</li>\n`);
      for (const line of skippedLines(m, ctx.skipped))
        out.write(`<li${line.trouble ? ' class="sev error"' : ''}>${esc(line.text)}</li>\n`);
      out.write('</ul>\n');
    }
    out.write('</body></html>\n');
  } finally {
    out.close();
  }
}
