// The 年度报告填报 demo: a CMS screen with the official tables, wired to the form adapter.
import { attach } from '/js/form/index.mjs';
import { buildTable2, buildTable3, buildTable4, cellId, formatForYear } from './layout.mjs';
import { SAMPLE, leaves } from './sample.mjs';

const FORMAT_NAMES = {
  2019: '国办公开办函〔2019〕60号格式（2019、2020年度报告）',
  2021: '国办公开办函〔2021〕30号格式（2021年度起）',
};

const form = document.getElementById('report-form');
const yearSelect = document.getElementById('year');
const formatInput = document.getElementById('format');
const formatText = document.getElementById('format-text');
const notice = document.getElementById('notice');
const engineStatus = document.getElementById('engine-status');

let currentFormat = null;

function fieldFor(path) {
  return form.querySelector(`[name="${CSS.escape(path)}"]`) ?? document.getElementById(cellId(path));
}

/** Values of every table cell, by path, so that a layout switch keeps what both layouts share. */
function tableValues() {
  const values = new Map();
  for (const input of form.querySelectorAll('input[data-xxgknb]')) values.set(input.dataset.xxgknb, input.value);
  return values;
}

function showLayout(format) {
  if (format === currentFormat) return;
  const kept = tableValues();
  document.getElementById('table-2').replaceChildren(buildTable2(format));
  document.getElementById('table-3').replaceChildren(buildTable3(format));
  if (!currentFormat) document.getElementById('table-4').replaceChildren(buildTable4());
  for (const [path, value] of kept) {
    const input = document.getElementById(cellId(path));
    if (input) input.value = value;
  }
  currentFormat = format;
  formatInput.value = format;
  formatText.textContent = FORMAT_NAMES[format];
  form.dataset.format = format;
}

function setYear(year) {
  yearSelect.value = String(year);
  showLayout(formatForYear(year));
}

function fill(report) {
  if (report.year) setYear(report.year);
  else if (report.format === '2019' || report.format === '2021') showLayout(report.format);
  for (const [path, value] of leaves(report)) {
    if (path === '/year' || path === '/format') continue;
    const field = fieldFor(path);
    if (field) field.value = value === null || value === undefined ? '' : String(value);
  }
}

function clearForm() {
  for (const el of form.elements) {
    if ((el.tagName === 'INPUT' && el.type !== 'hidden') || el.tagName === 'TEXTAREA') el.value = '';
  }
}

function say(text, kind = 'info') {
  notice.hidden = false;
  notice.className = `notice notice--${kind}`;
  notice.textContent = text;
}

// Years on offer: 2019 (first year of the current 条例's reports) to last year.
const lastYear = Math.max(new Date().getFullYear() - 1, 2021);
for (let year = lastYear; year >= 2019; year--) {
  const option = document.createElement('option');
  option.value = String(year);
  option.textContent = `${year}年度`;
  yearSelect.append(option);
}
setYear(lastYear);
yearSelect.addEventListener('change', () => showLayout(formatForYear(yearSelect.value)));

const handle = attach(form);
// Exposed for the host's own scripts (and the end-to-end tests), as a CMS page would.
window.xxgknbForm = handle;

handle.ready.then((loaded) => {
  engineStatus.textContent = loaded ? '校验组件已就绪：离开单元格时自动检查' : '校验组件未能加载，提交时将由服务器检查';
});

form.addEventListener('submit', (event) => {
  // The adapter has already stopped a submission with errors; this is the CMS's own handler.
  if (event.defaultPrevented) return;
  event.preventDefault();
  const r = handle.result;
  const warnings = r ? r.warningCount : 0;
  say(
    warnings ? `已提交审核（演示）：未发现错误，另有 ${warnings} 条提示请留意。` : '已提交审核（演示）：未发现错误。',
    'success',
  );
});

document.getElementById('check').addEventListener('click', () => {
  handle.validate().then((r) => {
    if (r.errorCount === 0 && r.warningCount === 0) say('检查完成：未发现问题。', 'success');
    else notice.hidden = true;
  });
});

document.getElementById('load-sample').addEventListener('click', () => {
  clearForm();
  handle.reset();
  fill(SAMPLE);
  say('已载入示例数据（2020年度，2019年格式）。修改任意单元格后离开，即可看到检查结果。');
});

document.getElementById('clear-form').addEventListener('click', () => {
  clearForm();
  handle.reset();
  notice.hidden = true;
});

// Import a published report, pasted or as a file (PDF, Word, a saved page): needs the report
// readers (parse, parseFile), which only the full build has; loaded on first use.
const importButton = document.getElementById('import-run');
const importStatus = document.getElementById('import-status');
const importProblems = document.getElementById('import-problems');
const importFile = document.getElementById('import-file');
const dropZone = document.getElementById('import-drop');
let readers = null;
async function loadReaders() {
  readers ??= import('/js/index.browser.mjs').then(async (mod) => {
    if (typeof mod.parse !== 'function') return null;
    await mod.default();
    // No bundler and no import map here (the CSP allows no inline script): say where the
    // document libraries are served (scripts/serve.mjs).
    mod.configureFiles?.({ pdfjsBase: '/node_modules/pdfjs-dist/', fflateUrl: '/node_modules/fflate/esm/browser.js' });
    return mod;
  });
  return readers;
}

async function readersOrSay() {
  let mod = null;
  try {
    mod = await loadReaders();
  } catch {
    mod = null;
  }
  if (!mod) importStatus.textContent = '当前版本尚不支持识别已发布的报告（需要完整版组件），请手工填写。';
  return mod;
}

/** What the readers could not read, listed under the status (one line per diagnostic). */
function showProblems(diagnostics) {
  importProblems.replaceChildren(
    ...diagnostics.map((d) => {
      const li = document.createElement('li');
      const where = d.location?.page
        ? `（第 ${d.location.page} 页）`
        : d.location?.table
          ? `（第 ${d.location.table} 个表格第 ${d.location.row} 行）`
          : '';
      li.textContent = `${d.message}${where}`;
      return li;
    }),
  );
  importProblems.hidden = diagnostics.length === 0;
}

const PASTED = '粘贴的文字';

/** Fill the form with what a reader read; `source` names what it was read from. */
async function importReport(parsed, source) {
  const report = parsed?.report ?? parsed;
  const unread = (parsed?.diagnostics ?? []).filter((d) => d.severity === 'error');
  showProblems(unread);
  const cellCount = leaves(report).filter(([path]) =>
    /^\/(proactive|applications|reviewLitigation)\//.test(path),
  ).length;
  if (cellCount === 0) {
    importStatus.textContent = unread.length
      ? `未能从${source}中读取表格数据：`
      : `未能从${source}中识别出表格数据，请检查是否是完整的报告，或手工填写。`;
    return;
  }
  clearForm();
  handle.reset();
  fill(report);
  const note = unread.length ? `另有 ${unread.length} 处未能读取，请对照原文补填：` : '请核对下方检查结果。';
  const from = source === PASTED ? '已' : `已从${source}`;
  importStatus.textContent = `${from}识别并填入（${report.year ?? '年度未识别'}，${FORMAT_NAMES[currentFormat]}）。${note}`;
  await handle.validate({ focus: false });
}

importButton.addEventListener('click', async () => {
  const text = document.getElementById('import-text').value;
  if (!text.trim()) {
    importStatus.textContent = '请先粘贴年报全文。';
    return;
  }
  importStatus.textContent = '正在识别…';
  const mod = await readersOrSay();
  if (!mod) return;
  try {
    await importReport(mod.parse(text), PASTED);
  } catch (error) {
    importStatus.textContent = `未能识别：${error.message}`;
  }
});

async function importFromFile(file) {
  if (!file) return;
  importStatus.textContent = `正在读取「${file.name}」…`;
  showProblems([]);
  const mod = await readersOrSay();
  if (!mod) return;
  try {
    await importReport(await mod.parseFile(file), `「${file.name}」`);
  } catch (error) {
    importStatus.textContent = `未能读取「${file.name}」：${error.message}`;
  }
}

importFile.addEventListener('change', () => importFromFile(importFile.files?.[0]));
// A file dropped anywhere on the page is imported (and the browser does not open it instead).
const hasFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
document.addEventListener('dragover', (event) => {
  if (!hasFiles(event)) return;
  event.preventDefault();
  document.getElementById('import-panel').open = true;
  dropZone.classList.add('dragging');
});
document.addEventListener('dragleave', (event) => {
  if (event.relatedTarget === null) dropZone.classList.remove('dragging');
});
document.addEventListener('drop', (event) => {
  if (!hasFiles(event)) return;
  event.preventDefault();
  dropZone.classList.remove('dragging');
  importFromFile(event.dataTransfer.files[0]);
});
