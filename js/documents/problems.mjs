// What keeps a file from being read, as one diagnostic in the model's shape. The rule ids are in
// the core's catalogue (`rules()` lists them, options accept them); the sentences are here,
// because only this layer knows the file: one per reason, in both locales.

/**
 * Why a file could not be read: a reason, and its detail (a count, sizes, the library's message).
 * @typedef {{ reason: Reason, detail?: unknown }} Problem
 * @typedef {keyof typeof RULE_OF} Reason
 */

/** @param {number} n */
const MB = (n) => `${Math.round(n / 1048576)} MB`;

/** reason → [zh-CN, en]; `d` is the problem's detail (a count, a size, the library's message).
 * @type {Record<Reason, (d: any) => [string, string]>} */
const MESSAGES = {
  'pdf-no-text': (d) => [
    `PDF 文件没有可读取的文字（共 ${d} 页，可能是扫描图像），需先进行文字识别（OCR），或取得文字版 PDF、Word 文件。`,
    `The PDF has no text to read (${d} pages, probably scanned images): it needs OCR first, or a PDF with text or a Word file.`,
  ],
  'pdf-password': () => [
    'PDF 文件设有打开密码，无法读取；请取得未加密的文件。',
    'The PDF is protected by a password and cannot be read; obtain an unencrypted copy.',
  ],
  'ole-encrypted': () => [
    'Word 文件设有打开密码，无法读取；请取得未加密的文件。',
    'The Word file is protected by a password and cannot be read; obtain an unencrypted copy.',
  ],
  'pdf-truncated': () => [
    'PDF 文件不完整（缺少文件结尾，可能下载中断），无法可靠读取；请重新下载。',
    'The PDF is incomplete (its end is missing: an interrupted download?) and cannot be read reliably; download it again.',
  ],
  'pdf-damaged': (d) => [
    `文件不是有效的 PDF 或已损坏，无法读取（${d}）。`,
    `The file is not a valid PDF or is damaged, and cannot be read (${d}).`,
  ],
  'pdf-garbled': () => [
    'PDF 文件的字体缺少文字编码，提取出的文字是乱码，无法读取；请取得 Word 文件或重新导出的 PDF。',
    "The PDF's fonts do not map to text (the text comes out garbled), so it cannot be read; obtain the Word file or a newly exported PDF.",
  ],
  'zip-not-docx': (d) => [
    `该文件是 ZIP 压缩包，但不是 Word 文档（没有 word/document.xml${d ? `，${d}` : ''}），无法读取。`,
    `The file is a ZIP archive but not a Word document (no word/document.xml${d ? `; ${d}` : ''}), and cannot be read.`,
  ],
  'zip-damaged': (d) => [
    `Word 文件（DOCX）已损坏，无法读取（${d}）。`,
    `The Word file (DOCX) is damaged and cannot be read (${d}).`,
  ],
  'docx-inflated': (d) => [
    `Word 文件解压后的正文大于 ${MB(d.limit)}（${MB(d.size)}），疑为压缩炸弹，未读取。`,
    `The Word file's text would inflate to more than ${MB(d.limit)} (${MB(d.size)}): a likely ZIP bomb, not read.`,
  ],
  'pdf-pages': (d) => [
    `PDF 共 ${d.pages} 页，超过读取上限 ${d.limit} 页，未读取。`,
    `The PDF has ${d.pages} pages, over the limit of ${d.limit}; not read.`,
  ],
  'file-size': (d) => [
    `文件大小 ${MB(d.size)}，超过读取上限 ${MB(d.limit)}，未读取。`,
    `The file is ${MB(d.size)}, over the limit of ${MB(d.limit)}; not read.`,
  ],
  timeout: (d) => [
    `读取该文件超过 ${d.seconds} 秒，已停止（文件可能异常）。`,
    `Reading the file took more than ${d.seconds} s and was stopped (the file may be malformed).`,
  ],
  memory: (d) => [
    `读取该文件所需内存超过 ${d.mb} MB，已停止（文件可能异常）。`,
    `Reading the file needed more than ${d.mb} MB of memory and was stopped (the file may be malformed).`,
  ],
  'doc-damaged': (d) => [
    `Word 97-2003 文件（DOC/WPS）已损坏或格式不受支持，无法读取（${d}）；请另存为 .docx 或 PDF 后再试。`,
    `The Word 97-2003 file (DOC/WPS) is damaged or of an unsupported kind, and cannot be read (${d}); save it as .docx or PDF and try again.`,
  ],
  'doc-here': () => [
    '浏览器中无法读取 Word 97-2003 文件（.doc/.wps）；请另存为 .docx 或 PDF 后再试，或用命令行工具 xxgknb 检查。',
    'Word 97-2003 files (.doc/.wps) cannot be read in a browser; save it as .docx or PDF and try again, or check it with the xxgknb command.',
  ],
};

/** The rule each reason is reported under. */
export const RULE_OF = {
  'pdf-no-text': 'no-text-layer',
  'pdf-password': 'encrypted-document',
  'ole-encrypted': 'encrypted-document',
  'pdf-truncated': 'unreadable-document',
  'pdf-damaged': 'unreadable-document',
  'pdf-garbled': 'unreadable-document',
  'zip-not-docx': 'unreadable-document',
  'zip-damaged': 'unreadable-document',
  'doc-damaged': 'unreadable-document',
  'doc-here': 'unreadable-document',
  'docx-inflated': 'document-too-large',
  'pdf-pages': 'document-too-large',
  'file-size': 'document-too-large',
  timeout: 'document-too-large',
  memory: 'document-too-large',
};

/** A library's message, short enough for a sentence. @param {unknown} s */
const clip = (s) => {
  const t = String(s ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return t.length > 80 ? `${t.slice(0, 79)}…` : t || 'unknown error';
};

/**
 * The diagnostic of a problem `{ reason, detail? }`, or null when the caller turned its rule off.
 * @param {Problem} problem
 * @param {{ locale?: string, rules?: Record<string, import('../types.js').RuleLevel> }} options
 * @returns {import('../types.js').Diagnostic | null}
 */
export function problemDiagnostic(problem, options) {
  const rule = RULE_OF[problem.reason];
  const severity = options?.rules?.[rule] ?? 'error';
  if (severity === 'off') return null;
  const detail = typeof problem.detail === 'object' && problem.detail !== null ? problem.detail : clip(problem.detail);
  const [zh, en] = MESSAGES[problem.reason](detail);
  return { rule, severity, path: '', related: [], message: options?.locale === 'en' ? en : zh };
}
