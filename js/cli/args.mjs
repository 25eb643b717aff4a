// Argument parsing on node:util's parseArgs (no dependency), plus the --help text.

import { parseArgs } from 'node:util';
import { messages, LOCALES } from './messages.mjs';

export class UsageError extends Error {}

/**
 * The command line as the CLI runs it (run.mjs). `maxBytes` and `timeLimitMs` are in bytes
 * and milliseconds; undefined options take their defaults.
 * @typedef {object} CliOptions
 * @property {'check' | null} command
 * @property {string[]} paths
 * @property {string} format  human, json or csv
 * @property {string | null} report  the summary page to write
 * @property {import('../types.js').Locale} locale
 * @property {boolean} quiet
 * @property {number | undefined} maxWarnings
 * @property {number | undefined} jobs
 * @property {number | undefined} maxBytes
 * @property {number | undefined} timeLimitMs
 * @property {boolean} includeHidden
 * @property {string | null} aggregate  the government report to sum the units' against
 * @property {boolean} help
 * @property {boolean} version
 */

const OPTIONS = /** @satisfies {import('node:util').ParseArgsConfig['options']} */ ({
  format: { type: 'string', short: 'f' },
  report: { type: 'string', short: 'r' },
  locale: { type: 'string', short: 'l' },
  quiet: { type: 'boolean', short: 'q' },
  'max-warnings': { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  'max-size': { type: 'string' },
  'time-limit': { type: 'string' },
  'include-hidden': { type: 'boolean' },
  aggregate: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
});

// The locale must be known before parsing succeeds, so that a usage error is already in the
// user's language.
/** @param {string[]} argv */
export function guessLocale(argv) {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if ((a === '--locale' || a === '-l') && LOCALES.includes(argv[i + 1])) return argv[i + 1];
    if (a.startsWith('--locale=') && LOCALES.includes(a.slice(9))) return a.slice(9);
  }
  return 'zh-CN';
}

/** @param {string} name @param {string | undefined} value @param {import('./messages.mjs').Messages} m */
function nonNegativeInt(name, value, m) {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(m.errors.badInteger(name, value));
  return Number(value);
}

/** A positive number no larger than `max`, or undefined when not given.
 * @param {string} name @param {string | undefined} value @param {number} max
 * @param {(name: string, value: string) => string} message */
function positive(name, value, max, message) {
  if (value === undefined) return undefined;
  const n = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!(n > 0 && n <= max)) throw new UsageError(message(name, value));
  return n;
}

/** argv without node and script → options, or a UsageError.
 * @param {string[]} argv @returns {CliOptions} */
export function parseCliArgs(argv) {
  const m = messages(guessLocale(argv));
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (/** @type {any} */ err) {
    // parseArgs' own message names the option; it is English, which is fine for a flag name.
    throw new UsageError(err.message);
  }
  const { values, positionals } = parsed;
  const locale = values.locale ?? 'zh-CN';
  if (!LOCALES.includes(locale)) throw new UsageError(m.errors.badLocale(locale));
  /** @type {CliOptions} */
  const opts = {
    command: null,
    paths: [],
    format: values.format ?? 'human',
    report: values.report ?? null,
    locale: /** @type {import('../types.js').Locale} */ (locale), // one of LOCALES (above)
    quiet: Boolean(values.quiet),
    maxWarnings: nonNegativeInt('--max-warnings', values['max-warnings'], m),
    jobs: nonNegativeInt('--jobs', values.jobs, m),
    // In bytes and milliseconds from here on; undefined: the defaults (16 MB, 60 s).
    maxBytes: positive('--max-size', values['max-size'], 1024, m.errors.badSize),
    timeLimitMs: positive('--time-limit', values['time-limit'], 24 * 3600, m.errors.badSeconds),
    includeHidden: Boolean(values['include-hidden']),
    aggregate: values.aggregate ?? null,
    help: Boolean(values.help),
    version: Boolean(values.version),
  };
  if (positionals[0] === 'help') {
    opts.help = true;
    positionals.shift();
  }
  if (opts.maxBytes !== undefined) opts.maxBytes = Math.round(opts.maxBytes * 1024 * 1024);
  if (opts.timeLimitMs !== undefined) opts.timeLimitMs = Math.round(opts.timeLimitMs * 1000);
  if (opts.help || opts.version) return opts;
  if (positionals.length === 0) throw new UsageError(m.errors.noCommand);
  if (positionals[0] !== 'check') throw new UsageError(m.errors.unknownCommand(positionals[0]));
  opts.command = 'check';
  opts.paths = positionals.slice(1);
  if (!['human', 'json', 'csv'].includes(opts.format)) throw new UsageError(m.errors.badFormat(opts.format));
  if (opts.paths.length === 0) throw new UsageError(m.errors.noPaths);
  if (opts.paths.filter((p) => p === '-').length > 1) throw new UsageError(m.errors.stdinTwice);
  return opts;
}

const HELP_ZH = `xxgknb check：检查政府信息公开工作年度报告

用法
  xxgknb check [选项] <路径...>
  npx xxgknb check 报告/                 检查一个文件夹（含子文件夹）里的全部报告
  xxgknb check a.html b.txt c.json       检查几个文件
  xxgknb check "2024/**/*.htm"           通配符（加引号，由本程序展开；支持 * ? ** [..] {a,b}）
  xxgknb check - < 报告.html             从标准输入读取一份报告

能检查什么
  .json（报告数据，格式见项目文档）、.txt（文本，含 PDF 转出的文本）、.html / .htm（从门户网站保存的网页），
  以及直接读取的 .pdf、.docx、.doc、.wps 文件（扫描件、加密或损坏的文件会逐个说明原因；
  每个文件限时 60 秒、限内存 1 GB，超出即停止并报告，其余文件照常检查）。
  其他扩展名的文件在文件夹中会被跳过并列出；直接点名的文件按内容判断类型。
  文件夹中以“.”开头的隐藏项目和 node_modules 默认跳过并列出（加 --include-hidden 检查）；
  管道、套接字、设备等不是普通文件的项目跳过并列出，无法读取的文件夹作为读写错误列出。
  每个文件大小上限 16 MB（--max-size），在工作线程中检查时限 60 秒（--time-limit），超出的文件逐个报告。
  编码：优先按 BOM 或网页中的 <meta charset>，否则自动识别 UTF-8 与 GB18030（含 GBK、GB2312）。
  无法解码或读取的文件会作为错误列出，不会被悄悄跳过。
  同一发布机关相邻两年的报告同时给出时，会自动核对“上年结转”与上一年的“结转下年度继续办理”，
  以及表格是否与上年完全相同、表二现行有效件数是否衔接、正文是否大段沿用上年文字。
  同一年度不同单位的报告正文大部分相同时，会提示内容雷同（copied-report）。

选项
  -f, --format <human|json|csv>  标准输出的格式（默认 human：按文件分组的可读文本）
                                 json：一个 JSON 文档，结构见随包的 JSON Schema（xxgknb/cli-result.schema.json）
                                 csv：每条问题一行，UTF-8 带 BOM，可直接用 Excel 打开
  -r, --report <文件.html>       另外生成一个独立的汇总网页（无外部资源，可直接转发）
  -l, --locale <zh-CN|en>        输出语言（默认 zh-CN）
  -q, --quiet                    只输出有错误的文件
      --max-warnings <N>         警告总数超过 N 时也以退出码 1 结束
  -j, --jobs <N>                 并行工作线程数（默认按 CPU 核数；0 表示不开线程）
      --max-size <MB>            每个文件的大小上限（默认 16；PDF、Word 文件至少 256）
      --time-limit <秒>          在工作线程中检查每个文件的时限（默认 60）
      --include-hidden           也检查文件夹中以“.”开头的项目和 node_modules
      --aggregate <政府报告>      把这份本级政府（全区域）报告的表三与同时给出的同年度各单位报告逐格相加的结果核对
  -h, --help                     显示本帮助
  -v, --version                  显示版本

退出码
  0  没有错误
  1  发现错误（含无法解码的文件），或警告超过 --max-warnings
  2  用法错误、路径不存在、文件夹无法读取，或有文件无法读取、超过大小或时间上限、无法检查；
     标准输出写入失败（但输出被提前关闭时，如 | head，退出码仍按检查结果为 0 或 1）

环境变量
  NO_COLOR=1 关闭颜色（输出到终端时才有颜色）；FORCE_COLOR=1 强制使用颜色。

示例
  xxgknb check 2024年报/ --report 汇总.html      检查全部报告并生成汇总网页
  xxgknb check 2024年报/ --format csv > 问题.csv   导出问题清单给 Excel
  xxgknb check 2024年报/ -q                       只看有错误的报告
`;

const HELP_EN = `xxgknb check: check annual reports on open government information (政府信息公开工作年度报告)

Usage
  xxgknb check [options] <paths...>
  npx xxgknb check reports/              check every report in a folder (recursively)
  xxgknb check a.html b.txt c.json       check a few files
  xxgknb check "2024/**/*.htm"           glob pattern (quote it; supports * ? ** [..] {a,b})
  xxgknb check - < report.html           read one report from standard input

What it checks
  .json (report data in the project's model), .txt (text, including text extracted from PDFs),
  .html / .htm (pages saved from a portal), and .pdf, .docx, .doc, .wps files, read directly (a scan,
  an encrypted or a damaged file is reported with the reason; each file has 60 s and 1 GB of memory,
  past which it is stopped and reported, and the others are checked as usual). In folders, files with other extensions are skipped and
  listed; a file named explicitly is checked whatever its extension, its kind told by its content.
  In folders, dot-entries and node_modules are skipped and listed (--include-hidden checks them);
  pipes, sockets and devices are skipped and listed; a folder that cannot be read is an I/O error.
  Each file may be 16 MB (--max-size) and take 60 s when checked in a worker thread (--time-limit);
  a file over either limit is reported on its own.
  Encoding: a BOM or an HTML <meta charset> wins; otherwise UTF-8 or GB18030 (GBK, GB2312) is detected.
  A file that cannot be read or decoded is reported as an error, never skipped silently.
  When the same issuer's reports for consecutive years are among the inputs, last year's
  carried-forward applications are checked against this year's carried-over ones, and the pair
  for tables identical to last year's, table 2 counts in force that do not follow, and prose
  mostly repeated from last year. Reports of one year by different issuers whose prose is
  mostly the same are flagged (copied-report).

Options
  -f, --format <human|json|csv>  format of standard output (default human: readable, grouped by file)
                                 json: one JSON document, JSON Schema in the package (xxgknb/cli-result.schema.json)
                                 csv: one row per diagnostic, UTF-8 with BOM (opens in Excel)
  -r, --report <file.html>       also write one self-contained summary page (no external assets)
  -l, --locale <zh-CN|en>        language of the output (default zh-CN)
  -q, --quiet                    print only the files that have errors
      --max-warnings <N>         exit with 1 when there are more than N warnings in total
  -j, --jobs <N>                 worker threads (default: one per CPU core; 0: none)
      --max-size <MB>            size limit of each file (default 16; PDF and Word files at least 256)
      --time-limit <seconds>     time limit of each file checked in a worker thread (default 60)
      --include-hidden           also check dot-entries and node_modules in folders
      --aggregate <gov report>   check this government's whole-region table 3 against the sum of the
                                 same year's unit reports given with it, cell by cell
  -h, --help                     show this help
  -v, --version                  show the version

Exit codes
  0  no errors
  1  errors found (undecodable files included), or more warnings than --max-warnings
  2  usage error, a path that does not exist, a folder that cannot be read, or a file that could
     not be read or checked or is over the size or time limit; standard output that cannot be
     written (but output closed early, as by | head, leaves the code at 0 or 1 as found)

Environment
  NO_COLOR=1 turns colour off (colour is only used on a terminal); FORCE_COLOR=1 forces it on.

Examples
  xxgknb check reports-2024/ --report summary.html     check everything and write a summary page
  xxgknb check reports-2024/ --format csv > issues.csv  list the issues for Excel
  xxgknb check reports-2024/ -q --locale en             only the failing reports, in English
`;

/** @param {string} locale */
export function helpText(locale) {
  return locale === 'en' ? HELP_EN : HELP_ZH;
}
