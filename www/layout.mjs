// The official table layouts (国办公开办函〔2019〕60号 and 〔2021〕30号), built as DOM tables
// with their merged header cells. Each input carries its model path in data-xxgknb and is named
// by its row and column headers (aria-labelledby), as a screen reader user would read the table.

const APPLICANT_COLUMNS = [
  ['natural', '自然人'],
  ['commercial', '商业企业'],
  ['research', '科研机构'],
  ['socialWelfare', '社会公益组织'],
  ['legalService', '法律服务机构'],
  ['otherOrg', '其他'],
  ['total', '总计'],
];

const T2 = {
  2019: [
    { caption: '第二十条第（一）项', headers: ['本年新制作数量', '本年新公开数量', '对外公开总数量'], columns: ['made', 'published', 'total'],
      rows: [['规章', 'regulations'], ['规范性文件', 'normativeDocuments']] },
    { caption: '第二十条第（五）项', headers: ['上一年项目数量', '本年增/减', '处理决定数量'], columns: ['previousItems', 'change', 'decisions'],
      rows: [['行政许可', 'licensing'], ['其他对外管理服务事项', 'otherServices']] },
    { caption: '第二十条第（六）项', headers: ['上一年项目数量', '本年增/减', '处理决定数量'], columns: ['previousItems', 'change', 'decisions'],
      rows: [['行政处罚', 'punishment'], ['行政强制', 'enforcement']] },
    { caption: '第二十条第（八）项', headers: ['上一年项目数量', '本年增/减'], columns: ['previousItems', 'change'],
      rows: [['行政事业性收费', 'fees']] },
    { caption: '第二十条第（九）项', headers: ['采购项目数量', '采购总金额'], columns: ['projects', 'amount'],
      rows: [['政府集中采购', 'procurement']] },
  ],
  2021: [
    { caption: '第二十条第（一）项', headers: ['本年制发件数', '本年废止件数', '现行有效件数'], columns: ['issued', 'repealed', 'inForce'],
      rows: [['规章', 'regulations'], ['行政规范性文件', 'normativeDocuments']] },
    { caption: '第二十条第（五）项', headers: ['本年处理决定数量'], columns: ['decisions'], rows: [['行政许可', 'licensing']] },
    { caption: '第二十条第（六）项', headers: ['本年处理决定数量'], columns: ['decisions'],
      rows: [['行政处罚', 'punishment'], ['行政强制', 'enforcement']] },
    { caption: '第二十条第（八）项', headers: ['本年收费金额（单位：万元）'], columns: ['amount'], rows: [['行政事业性收费', 'fees']] },
  ],
};

// Table 三 rows: [label, path] or a group { label, items: [[label, path], …] }.
const WITHHELD = { label: '（三）不予公开', items: [
  ['1.属于国家秘密', 'results/withheld/stateSecret'],
  ['2.其他法律行政法规禁止公开', 'results/withheld/prohibitedByLaw'],
  ['3.危及“三安全一稳定”', 'results/withheld/endangersSecurity'],
  ['4.保护第三方合法权益', 'results/withheld/thirdPartyRights'],
  ['5.属于三类内部事务信息', 'results/withheld/internalAffairs'],
  ['6.属于四类过程性信息', 'results/withheld/processInformation'],
  ['7.属于行政执法案卷', 'results/withheld/enforcementFiles'],
  ['8.属于行政查询事项', 'results/withheld/administrativeQuery'],
] };
const UNAVAILABLE = { label: '（四）无法提供', items: [
  ['1.本机关不掌握相关政府信息', 'results/unavailable/notHeld'],
  ['2.没有现成信息需要另行制作', 'results/unavailable/needsCreation'],
  ['3.补正后申请内容仍不明确', 'results/unavailable/stillUnclear'],
] };
const NOT_PROCESSED = { label: '（五）不予处理', items: [
  ['1.信访举报投诉类申请', 'results/notProcessed/petitionComplaint'],
  ['2.重复申请', 'results/notProcessed/duplicate'],
  ['3.要求提供公开出版物', 'results/notProcessed/publication'],
  ['4.无正当理由大量反复申请', 'results/notProcessed/excessive'],
  ['5.要求行政机关确认或重新出具已获取信息', 'results/notProcessed/reconfirmation'],
] };
const OTHER_HANDLING = {
  2019: ['（六）其他处理', 'results/otherHandling'],
  2021: { label: '（六）其他处理', items: [
    ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'results/otherHandling/overdueCorrection'],
    ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'results/otherHandling/unpaidFee'],
    ['3.其他', 'results/otherHandling/other'],
  ] },
};

function t3Results(format) {
  return [
    ['（一）予以公开', 'results/granted'],
    ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'results/partiallyGranted'],
    WITHHELD, UNAVAILABLE, NOT_PROCESSED, OTHER_HANDLING[format],
    ['（七）总计', 'results/total'],
  ];
}

const T4_BLOCKS = [
  ['review', '行政复议'],
  ['litigationDirect', '未经复议直接起诉'],
  ['litigationAfterReview', '复议后起诉'],
];
const T4_COLUMNS = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['other', '其他结果'],
  ['pending', '尚未审结'],
  ['total', '总计'],
];

/** The id a page uses for the input of a model path, e.g. cell-applications-received-natural. */
export function cellId(path) {
  return `cell${path.replace(/\//g, '-')}`;
}

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null) node.setAttribute(key, String(value));
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

function th(text, id, attrs = {}) {
  return el('th', { id, ...attrs }, text);
}

function input(path, labelledBy, kind) {
  const cell = el('td', { class: 'num' });
  cell.append(el('input', {
    type: 'text',
    id: cellId(path),
    'data-xxgknb': path,
    // Counts get the digit keypad; signed and money cells need '-' and '.'.
    inputmode: kind === 'count' ? 'numeric' : 'decimal',
    autocomplete: 'off',
    'aria-labelledby': labelledBy.join(' '),
  }));
  return cell;
}

function table(className, caption) {
  const node = el('table', { class: `report-table ${className}` });
  node.append(el('caption', { class: 'visually-hidden' }, caption));
  return node;
}

/** Table 二 主动公开政府信息情况. */
export function buildTable2(format) {
  const node = table('t2', '表二 主动公开政府信息情况');
  const body = el('tbody');
  T2[format].forEach((block, b) => {
    const capId = `t2-b${b}`;
    const caption = el('tr', { class: 'block-caption' });
    caption.append(th(block.caption, capId, { colspan: 4, scope: 'colgroup' }));
    const head = el('tr', { class: 'block-head' });
    head.append(th('信息内容', `${capId}-h0`, { scope: 'col' }));
    const span = 4 - block.headers.length; // the last header widens to fill the four-column grid
    block.headers.forEach((text, h) => {
      head.append(th(text, `${capId}-h${h + 1}`, { scope: 'col', colspan: h === block.headers.length - 1 && span > 1 ? span : undefined }));
    });
    body.append(caption, head);
    block.rows.forEach(([label, key], r) => {
      const rowId = `${capId}-r${r}`;
      const row = el('tr');
      row.append(th(label, rowId, { scope: 'row' }));
      block.columns.forEach((column, c) => {
        const path = `/proactive/${key}/${column}`;
        const kind = column === 'change' ? 'signed' : column === 'amount' ? 'money' : 'count';
        const cell = input(path, [rowId, `${capId}-h${c + 1}`], kind);
        if (c === block.columns.length - 1 && span > 1) cell.setAttribute('colspan', span);
        row.append(cell);
      });
      body.append(row);
    });
  });
  node.append(body);
  return node;
}

/** Table 三 收到和处理政府信息公开申请情况. */
export function buildTable3(format) {
  const node = table('t3', '表三 收到和处理政府信息公开申请情况');
  const head = el('thead');
  const h1 = el('tr');
  h1.append(
    th('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 't3-corner', { colspan: 3, rowspan: 3, class: 'corner' }),
    th('申请人情况', 't3-applicants', { colspan: 7, scope: 'colgroup' }),
  );
  const h2 = el('tr');
  h2.append(
    th('自然人', 't3-c-natural', { rowspan: 2, scope: 'col' }),
    th('法人或其他组织', 't3-legal', { colspan: 5, scope: 'colgroup' }),
    th('总计', 't3-c-total', { rowspan: 2, scope: 'col' }),
  );
  const h3 = el('tr');
  for (const [key, label] of APPLICANT_COLUMNS.slice(1, 6)) h3.append(th(label, `t3-c-${key}`, { scope: 'col' }));
  head.append(h1, h2, h3);

  const columnLabels = (key) => (key === 'natural' || key === 'total' ? [`t3-c-${key}`] : ['t3-legal', `t3-c-${key}`]);
  const body = el('tbody');
  const dataRow = (path, labelIds, leading) => {
    const row = el('tr');
    row.append(...leading);
    for (const [key] of APPLICANT_COLUMNS) {
      row.append(input(`/applications/${path}/${key}`, [...labelIds, ...columnLabels(key)], 'count'));
    }
    return row;
  };
  const rowId = (path) => `t3-r-${path.replace(/\//g, '-')}`;

  body.append(dataRow('received', [rowId('received')], [th('一、本年新收政府信息公开申请数量', rowId('received'), { colspan: 3, scope: 'row' })]));
  body.append(dataRow('carriedOver', [rowId('carriedOver')], [th('二、上年结转政府信息公开申请数量', rowId('carriedOver'), { colspan: 3, scope: 'row' })]));

  const results = t3Results(format);
  const span = results.reduce((n, r) => n + (Array.isArray(r) ? 1 : r.items.length), 0);
  let first = true;
  for (const entry of results) {
    const lead = [];
    if (first) {
      lead.push(th('三、本年度办理结果', 't3-results', { rowspan: span, scope: 'rowgroup', class: 'vertical' }));
      first = false;
    }
    if (Array.isArray(entry)) {
      const [label, path] = entry;
      lead.push(th(label, rowId(path), { colspan: 2, scope: 'row' }));
      body.append(dataRow(path, [rowId(path)], lead));
      continue;
    }
    const groupId = rowId(entry.items[0][1].replace(/\/[^/]+$/, ''));
    entry.items.forEach(([label, path], i) => {
      const cells = i === 0 ? [...lead, th(entry.label, groupId, { rowspan: entry.items.length, scope: 'rowgroup' })] : [];
      cells.push(th(label, rowId(path), { scope: 'row', class: 'sub' }));
      body.append(dataRow(path, [groupId, rowId(path)], cells));
    });
  }
  body.append(dataRow('carriedForward', [rowId('carriedForward')], [th('四、结转下年度继续办理', rowId('carriedForward'), { colspan: 3, scope: 'row' })]));
  node.append(head, body);
  return node;
}

/** Table 四 政府信息公开行政复议、行政诉讼情况 (the same in both layouts; no row label). */
export function buildTable4() {
  const node = table('t4', '表四 政府信息公开行政复议、行政诉讼情况');
  const head = el('thead');
  const h1 = el('tr');
  h1.append(th('行政复议', 't4-review', { colspan: 5, scope: 'colgroup' }), th('行政诉讼', 't4-litigation', { colspan: 10, scope: 'colgroup' }));
  const h2 = el('tr');
  for (const [key, label] of T4_COLUMNS) h2.append(th(label, `t4-review-${key}`, { rowspan: 2, scope: 'col' }));
  h2.append(
    th('未经复议直接起诉', 't4-litigationDirect', { colspan: 5, scope: 'colgroup' }),
    th('复议后起诉', 't4-litigationAfterReview', { colspan: 5, scope: 'colgroup' }),
  );
  const h3 = el('tr');
  for (const block of ['litigationDirect', 'litigationAfterReview']) {
    for (const [key, label] of T4_COLUMNS) h3.append(th(label, `t4-${block}-${key}`, { scope: 'col' }));
  }
  head.append(h1, h2, h3);
  const body = el('tbody');
  const row = el('tr');
  for (const [block] of T4_BLOCKS) {
    for (const [key] of T4_COLUMNS) {
      const labels = block === 'review' ? ['t4-review', `t4-review-${key}`] : ['t4-litigation', `t4-${block}`, `t4-${block}-${key}`];
      row.append(input(`/reviewLitigation/${block}/${key}`, labels, 'count'));
    }
  }
  body.append(row);
  node.append(head, body);
  return node;
}

/** Every cell path of a layout, in table order (what the tables above hold). */
export function cellPaths(format) {
  const paths = [];
  for (const block of T2[format]) {
    for (const [, key] of block.rows) for (const column of block.columns) paths.push(`/proactive/${key}/${column}`);
  }
  const rows = ['received', 'carriedOver'];
  for (const entry of t3Results(format)) {
    if (Array.isArray(entry)) rows.push(entry[1]);
    else rows.push(...entry.items.map(([, path]) => path));
  }
  rows.push('carriedForward');
  for (const row of rows) for (const [key] of APPLICANT_COLUMNS) paths.push(`/applications/${row}/${key}`);
  for (const [block] of T4_BLOCKS) for (const [key] of T4_COLUMNS) paths.push(`/reviewLitigation/${block}/${key}`);
  return paths;
}

/** The layout a report year uses: 2019 format for 2019 and 2020, 2021 format from 2021 on. */
export function formatForYear(year) {
  return Number(year) <= 2020 ? '2019' : '2021';
}
