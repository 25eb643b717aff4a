// Every string the command line itself prints, in both locales. Report diagnostics come
// from the core already localised; these are only the CLI's own words.

/** Bytes as MB (MiB) with one decimal, rounded up: one byte over the limit never reads as it. */
const mb = (/** @type {number} */ bytes) => (Math.ceil((bytes * 10) / (1024 * 1024)) / 10).toFixed(1);

/** The CLI's words in Chinese; `en` has the same keys (checked: it is typed as this).
 * @typedef {typeof zh} Messages */
const zh = {
  severity: { error: '错误', warning: '警告', info: '提示' },
  kind: { json: 'JSON', html: 'HTML', text: '文本', pdf: 'PDF', docx: 'Word（DOCX）', doc: 'Word（DOC/WPS）' },
  stdin: '（标准输入）',
  wholeReport: '整份报告',
  sections: {
    overview: '一、总体情况',
    proactive: '二、主动公开政府信息情况',
    applications: '三、收到和处理政府信息公开申请情况',
    reviewLitigation: '四、政府信息公开行政复议、行政诉讼情况',
    problems: '五、存在的主要问题及改进情况',
    other: '六、其他需要报告的事项',
  },
  metadata: { year: '统计年度', format: '格式版本', issuer: '发布机关', publishedOn: '发布日期' },
  yearOf: (/** @type {number} */ y) => `${y} 年度`,
  notRegular: (/** @type {string} */ kind) =>
    `不是普通文件（${{ fifo: '命名管道', socket: '套接字' }[kind] ?? '设备'}），未读取`,
  formatOf: (/** @type {string} */ f) => (f === 'pre-2019' ? '2019 年以前的格式' : `${f} 年版格式`),
  line: (/** @type {number} */ n) => `第 ${n} 行`,
  // Where in a PDF or Word file (documents.mjs): the line of text read means nothing there.
  // A PDF location has its x and y (js/documents/locations.mjs).
  place: (/** @type {import('../types.js').Location} */ l) =>
    l.page
      ? `第 ${l.page} 页（距左 ${Math.round(/** @type {number} */ (l.x))}、距顶 ${Math.round(/** @type {number} */ (l.y))} 磅）`
      : l.table
        ? `第 ${l.table} 个表格第 ${l.row} 行${l.cell ? `第 ${l.cell} 格` : ''}`
        : l.line
          ? `第 ${l.line} 行`
          : '',
  expectedActual: (/** @type {number} */ e, /** @type {number} */ a) => `应为 ${e}，实为 ${a}`,
  ok: '通过',
  previousFile: (/** @type {string} */ p) => `跨年度核对：上一年度报告为 ${p}`,
  diag: {
    'file-unreadable': (/** @type {string} */ reason) => `无法读取文件：${reason}。`,
    'file-undecodable': () =>
      '无法解码：内容既不是有效的 UTF-8，也不是有效的 GB18030（GBK/GB2312）。请确认这是文本或网页文件，并另存为 UTF-8 后重试。',
    'file-binary': (/** @type {string} */ what) =>
      `这不是文本文件（看起来是 ${what}），无法检查。请先转换为文本或网页（例如 PDF 可用 pdftotext -layout 转为文本）后重试。`,
    'charset-mismatch': (/** @type {string} */ declared, /** @type {string} */ used) =>
      `文件声明的编码为 ${declared}，但内容不是有效的 ${declared}；已按 ${used} 解码，请核对文字是否正确。`,
    'charset-unknown': (/** @type {string} */ declared, /** @type {string} */ used) =>
      `文件声明的编码“${declared}”无法识别；已按 ${used} 解码。`,
    'reader-unavailable': (/** @type {string} */ kind) =>
      `当前安装的 xxgknb 核心不含报告读取器，无法检查${kind}报告；请安装完整版，或将报告导出为 JSON 后再检查。`,
    'internal-error': (/** @type {string} */ msg) => `检查此文件时核心程序出错：${msg}。请将此文件反馈给开发者。`,
    'input-too-large': (/** @type {number} */ size, /** @type {number} */ limit) =>
      `文件大小为 ${mb(size)} MB，超过 ${mb(limit)} MB 的上限，未作检查；确需检查时可用 --max-size 调高上限。`,
    'time-limit': (/** @type {number} */ seconds) =>
      `检查此文件超过 ${seconds} 秒的时限，已停止（可用 --time-limit 调整）；其余文件照常检查。`,
    'cross-year-ambiguous': (/** @type {number} */ year, /** @type {string[]} */ paths) =>
      `同一发布机关的 ${year} 年度报告不止一份（${paths.join('、')}），未进行跨年度结转核对。`,
  },
  summary: {
    title: '汇总',
    checked: (/** @type {number} */ n) => `共检查 ${n} 个文件`,
    filesWithErrors: (/** @type {number} */ n) => `${n} 个文件有错误`,
    allValid: '全部通过',
    errors: (/** @type {number} */ n) => `${n} 个错误`,
    warnings: (/** @type {number} */ n) => `${n} 个警告`,
    infos: (/** @type {number} */ n) => `${n} 条提示`,
    unreadable: (/** @type {number} */ n) => `${n} 个文件无法检查`,
    pairs: (/** @type {number} */ n) => `跨年度核对 ${n} 对`,
    maxWarnings: (/** @type {number} */ n, /** @type {number} */ max) =>
      `警告数 ${n} 超过 --max-warnings ${max} 的上限。`,
    reportWritten: (/** @type {string} */ p) => `汇总网页已写入 ${p}`,
    noInput: '没有可检查的文件。',
    skippedBy: {
      'unsupported-extension': (/** @type {number} */ n, /** @type {string} */ list) =>
        `已跳过 ${n} 个不支持的文件（只检查 .json、.txt、.html、.htm、.pdf、.docx、.doc、.wps）：${list}`,
      hidden: (/** @type {number} */ n, /** @type {string} */ list) =>
        `已跳过 ${n} 个以“.”开头的隐藏文件或文件夹（加 --include-hidden 可检查）：${list}`,
      node_modules: (/** @type {number} */ n, /** @type {string} */ list) =>
        `已跳过 ${n} 个 node_modules 文件夹（加 --include-hidden 可检查）：${list}`,
      'special-file': (/** @type {number} */ n, /** @type {string} */ list) =>
        `已跳过 ${n} 个不是普通文件的项目（管道、套接字或设备）：${list}`,
      visited: (/** @type {number} */ n, /** @type {string} */ list) => `已跳过 ${n} 个指向已检查文件夹的链接：${list}`,
      'unreadable-folder': (/** @type {number} */ n, /** @type {string} */ list) =>
        `有 ${n} 个文件夹无法读取，其中的文件未检查：${list}`,
    },
  },
  errors: {
    usagePrefix: '用法错误：',
    ioPrefix: '读写错误：',
    hint: '运行 xxgknb --help 查看用法。',
    noCommand: '缺少命令，目前只有一个命令：check。',
    unknownCommand: (/** @type {string} */ c) => `未知命令“${c}”，目前只有一个命令：check（例如 xxgknb check ${c}）。`,
    noPaths: '请给出要检查的文件、文件夹、通配符模式，或用 - 表示标准输入。',
    badFormat: (/** @type {string} */ f) => `--format 只能是 human、json 或 csv，收到“${f}”。`,
    badLocale: (/** @type {string} */ l) => `--locale 只能是 zh-CN 或 en，收到“${l}”。`,
    badInteger: (/** @type {string} */ o, /** @type {string} */ v) => `${o} 需要一个非负整数，收到“${v}”。`,
    notFound: (/** @type {string} */ p) => `找不到“${p}”。`,
    noMatch: (/** @type {string} */ p) => `通配符“${p}”没有匹配到任何文件。`,
    stdinTwice: '标准输入（-）只能给出一次。',
    stdinFolder: '标准输入是一个文件夹，不是报告：请用 xxgknb check 文件夹/ 检查文件夹。',
    stdinUnreadable: (/** @type {string} */ code) => `无法读取标准输入：${code}。`,
    stdoutFailed: (/** @type {string} */ code) => `无法写入标准输出：${code}。`,
    badSize: (/** @type {string} */ o, /** @type {string} */ v) =>
      `${o} 需要 1 到 1024 之间的数（单位 MB），收到“${v}”。`,
    badSeconds: (/** @type {string} */ o, /** @type {string} */ v) => `${o} 需要一个正数（单位秒），收到“${v}”。`,
    stdinTty: '给出了 -，但标准输入是终端：请用管道或重定向传入报告，例如 xxgknb check - < 报告.html。',
    coreMissing: (/** @type {string} */ msg) => `无法加载 xxgknb 核心（WebAssembly）：${msg}`,
    reportWrite: (/** @type {string} */ p, /** @type {string} */ msg) => `无法写入汇总网页 ${p}：${msg}`,
    spool: (/** @type {string} */ dir, /** @type {string} */ msg) =>
      `无法在临时目录 ${dir} 中暂存检查结果：${msg}（可用环境变量 TMPDIR 指定其他目录）`,
    option: (/** @type {string} */ msg) => msg,
  },
  progress: (/** @type {number} */ done, /** @type {number} */ total, /** @type {number} */ rate) =>
    `已检查 ${done}/${total}  ${rate} 份/秒`,
  html: {
    title: '政府信息公开工作年度报告检查结果',
    generated: (/** @type {string} */ when, /** @type {string} */ version) => `生成于 ${when} · xxgknb ${version}`,
    totals: {
      files: '文件',
      failing: '有错误的文件',
      errors: '错误',
      warnings: '警告',
      infos: '提示',
      unreadable: '无法检查',
      pairs: '跨年度核对',
    },
    byRule: '按规则统计',
    noDiagnostics: '没有任何问题。',
    files: '文件一览（按错误数排序）',
    details: '各文件的问题',
    cols: {
      file: '文件',
      issuer: '发布机关',
      year: '年度',
      format: '格式',
      errors: '错误',
      warnings: '警告',
      severity: '级别',
      where: '位置',
      message: '说明',
      rule: '规则',
    },
    clean: (/** @type {number} */ n) => `另有 ${n} 个文件没有任何问题。`,
    skipped: '未检查的文件',
  },
  ruleNames: {
    'file-unreadable': '文件无法读取',
    'file-undecodable': '文件无法解码',
    'charset-mismatch': '声明的编码与内容不符',
    'charset-unknown': '无法识别的编码声明',
    'reader-unavailable': '缺少报告读取器',
    'internal-error': '核心程序出错',
    'cross-year-ambiguous': '跨年度核对无法配对',
    'input-too-large': '文件超过大小上限',
    'time-limit': '检查超过时限',
    'copied-report': '与其他单位报告雷同',
    'aggregate-sum': '汇总数与单位报告之和不符',
  },
  csv: ['文件', '发布机关', '年度', '格式', '级别', '规则', '单元格', '表', '行', '列', '说明', '应为', '实为', '行号'],
};

/** @type {typeof zh} */
const en = {
  severity: { error: 'error', warning: 'warning', info: 'info' },
  kind: { json: 'JSON', html: 'HTML', text: 'text', pdf: 'PDF', docx: 'Word (DOCX)', doc: 'Word (DOC/WPS)' },
  stdin: '(standard input)',
  wholeReport: 'whole report',
  sections: {
    overview: 'Part 1 Overview',
    proactive: 'Part 2 Proactive disclosure',
    applications: 'Part 3 Applications received and handled',
    reviewLitigation: 'Part 4 Administrative review and litigation',
    problems: 'Part 5 Main problems and improvements',
    other: 'Part 6 Other matters',
  },
  metadata: { year: 'report year', format: 'format', issuer: 'issuer', publishedOn: 'publication date' },
  yearOf: (y) => `year ${y}`,
  notRegular: (kind) =>
    `not a regular file (${{ fifo: 'a named pipe', socket: 'a socket' }[kind] ?? 'a device'}); not read`,
  formatOf: (f) => (f === 'pre-2019' ? 'format before 2019' : `${f} format`),
  line: (n) => `line ${n}`,
  place: (l) =>
    l.page
      ? `page ${l.page} (${Math.round(/** @type {number} */ (l.x))} pt from the left, ${Math.round(/** @type {number} */ (l.y))} pt from the top)`
      : l.table
        ? `table ${l.table}, row ${l.row}${l.cell ? `, cell ${l.cell}` : ''}`
        : l.line
          ? `line ${l.line}`
          : '',
  expectedActual: (e, a) => `expected ${e}, found ${a}`,
  ok: 'ok',
  previousFile: (p) => `cross-year check against last year's report ${p}`,
  diag: {
    'file-unreadable': (reason) => `Cannot read the file: ${reason}.`,
    'file-undecodable': () =>
      'Cannot decode the file: it is neither valid UTF-8 nor valid GB18030 (GBK/GB2312). Make sure it is a text or HTML file, or save it as UTF-8 and try again.',
    'file-binary': (what) =>
      `This is not a text file (it looks like ${what}) and cannot be checked. Convert it to text or HTML first (for a PDF, e.g. pdftotext -layout) and try again.`,
    'charset-mismatch': (declared, used) =>
      `The file declares the encoding ${declared} but is not valid ${declared}; it was decoded as ${used}: check that the text reads correctly.`,
    'charset-unknown': (declared, used) =>
      `The declared encoding "${declared}" is unknown; the file was decoded as ${used}.`,
    'reader-unavailable': (kind) =>
      `The installed xxgknb core has no report readers, so ${kind} reports cannot be checked; install the full build, or export the report as JSON.`,
    'internal-error': (msg) => `The core failed on this file: ${msg}. Please send this file to the developers.`,
    'input-too-large': (size, limit) =>
      `The file is ${mb(size)} MB, over the ${mb(limit)} MB limit, and was not checked; raise the limit with --max-size if it must be.`,
    'time-limit': (seconds) =>
      `Checking this file took more than ${seconds} s and was stopped (see --time-limit); the other files were checked as usual.`,
    'cross-year-ambiguous': (year, paths) =>
      `More than one ${year} report of the same issuer (${paths.join(', ')}): the carry-over between years was not checked.`,
  },
  summary: {
    title: 'Summary',
    checked: (n) => `${n} file${n === 1 ? '' : 's'} checked`,
    filesWithErrors: (n) => `${n} with errors`,
    allValid: 'all passed',
    errors: (n) => `${n} error${n === 1 ? '' : 's'}`,
    warnings: (n) => `${n} warning${n === 1 ? '' : 's'}`,
    infos: (n) => `${n} info`,
    unreadable: (n) => `${n} not checked`,
    pairs: (n) => `${n} cross-year pair${n === 1 ? '' : 's'}`,
    maxWarnings: (n, max) => `${n} warnings exceed --max-warnings ${max}.`,
    reportWritten: (p) => `Summary page written to ${p}`,
    noInput: 'No files to check.',
    skippedBy: {
      'unsupported-extension': (n, list) =>
        `Skipped ${n} unsupported file${n === 1 ? '' : 's'} (only .json, .txt, .html, .htm, .pdf, .docx, .doc, .wps are checked): ${list}`,
      hidden: (n, list) =>
        `Skipped ${n} hidden file${n === 1 ? '' : 's'} or folder${n === 1 ? '' : 's'} (name starting with "."; --include-hidden checks them): ${list}`,
      node_modules: (n, list) =>
        `Skipped ${n} node_modules folder${n === 1 ? '' : 's'} (--include-hidden checks them): ${list}`,
      'special-file': (n, list) =>
        `Skipped ${n} entr${n === 1 ? 'y' : 'ies'} that are not regular files (pipes, sockets, devices): ${list}`,
      visited: (n, list) => `Skipped ${n} link${n === 1 ? '' : 's'} to a folder already checked: ${list}`,
      'unreadable-folder': (n, list) =>
        `${n} folder${n === 1 ? '' : 's'} could not be read; the files in ${n === 1 ? 'it were' : 'them were'} not checked: ${list}`,
    },
  },
  errors: {
    usagePrefix: 'Usage error: ',
    ioPrefix: 'I/O error: ',
    hint: 'Run xxgknb --help for usage.',
    noCommand: 'Missing command; the only command is check.',
    unknownCommand: (c) => `Unknown command "${c}"; the only command is check (e.g. xxgknb check ${c}).`,
    noPaths: 'Give the files, folders or glob patterns to check, or - for standard input.',
    badFormat: (f) => `--format must be human, json or csv, got "${f}".`,
    badLocale: (l) => `--locale must be zh-CN or en, got "${l}".`,
    badInteger: (o, v) => `${o} needs a non-negative integer, got "${v}".`,
    notFound: (p) => `"${p}" does not exist.`,
    noMatch: (p) => `The pattern "${p}" matches no file.`,
    stdinTwice: 'Standard input (-) can be given only once.',
    stdinFolder: 'Standard input is a folder, not a report: check a folder with xxgknb check folder/.',
    stdinUnreadable: (code) => `Cannot read standard input: ${code}.`,
    stdoutFailed: (code) => `Cannot write to standard output: ${code}.`,
    badSize: (o, v) => `${o} needs a number from 1 to 1024 (megabytes), got "${v}".`,
    badSeconds: (o, v) => `${o} needs a positive number (seconds), got "${v}".`,
    stdinTty:
      'Got -, but standard input is a terminal: pipe or redirect a report into it, e.g. xxgknb check - < report.html.',
    coreMissing: (msg) => `Cannot load the xxgknb core (WebAssembly): ${msg}`,
    reportWrite: (p, msg) => `Cannot write the summary page ${p}: ${msg}`,
    spool: (dir, msg) =>
      `Cannot keep the results in the temporary folder ${dir}: ${msg} (set TMPDIR to use another folder)`,
    option: (msg) => msg,
  },
  progress: (done, total, rate) => `checked ${done}/${total}  ${rate} reports/s`,
  html: {
    title: 'Annual report check results',
    generated: (when, version) => `Generated ${when} · xxgknb ${version}`,
    totals: {
      files: 'files',
      failing: 'files with errors',
      errors: 'errors',
      warnings: 'warnings',
      infos: 'info',
      unreadable: 'not checked',
      pairs: 'cross-year pairs',
    },
    byRule: 'Diagnostics by rule',
    noDiagnostics: 'No problems at all.',
    files: 'Files (most errors first)',
    details: 'Problems by file',
    cols: {
      file: 'File',
      issuer: 'Issuer',
      year: 'Year',
      format: 'Format',
      errors: 'Errors',
      warnings: 'Warnings',
      severity: 'Severity',
      where: 'Where',
      message: 'Message',
      rule: 'Rule',
    },
    clean: (n) => `${n} more file${n === 1 ? '' : 's'} without any problem.`,
    skipped: 'Files not checked',
  },
  ruleNames: {
    'file-unreadable': 'file cannot be read',
    'file-undecodable': 'file cannot be decoded',
    'charset-mismatch': 'declared encoding does not fit the content',
    'charset-unknown': 'unknown declared encoding',
    'reader-unavailable': 'no report reader in this build',
    'internal-error': 'the core failed',
    'cross-year-ambiguous': 'cross-year pair ambiguous',
    'input-too-large': 'file over the size limit',
    'time-limit': 'check over the time limit',
    'copied-report': "same prose as another issuer's report",
    'aggregate-sum': "whole-region table 3 differs from the units' sum",
  },
  csv: [
    'file',
    'issuer',
    'year',
    'format',
    'severity',
    'rule',
    'path',
    'table',
    'row',
    'column',
    'message',
    'expected',
    'actual',
    'line',
  ],
};

export const LOCALES = ['zh-CN', 'en'];

/** The CLI's words in `locale` (Chinese unless "en"). @param {string} locale */
export function messages(locale) {
  return locale === 'en' ? en : zh;
}
