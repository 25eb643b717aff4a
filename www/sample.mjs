// "Load sample": the figures of a real published report for 2020 (2019 layout), a district
// housing bureau's. Only its numbers are reused; the issuer name and the prose below are
// written for this demo.

const COLUMNS = ['natural', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg', 'total'];
const row = (...values) => Object.fromEntries(COLUMNS.map((key, i) => [key, values[i]]));
const zero = () => row(0, 0, 0, 0, 0, 0, 0);

export const SAMPLE = {
  year: 2020,
  format: '2019',
  issuer: '示例区住房和城乡建设局',
  publishedOn: '2021-01-29',
  sections: {
    overview:
      '（示例文字）本年度本局共收到政府信息公开申请20件，上年结转0件。其中予以公开12件，' +
      '因本机关不掌握相关政府信息无法提供5件，因没有现成信息需要另行制作无法提供1件，其他处理2件，' +
      '结转下年度继续办理0件。本年度因政府信息公开被申请行政复议0件，被提起行政诉讼3件。',
    proactive: '（示例文字）本年度主动公开情况见下表。',
    applications: '（示例文字）本年度依申请公开情况见下表。',
    reviewLitigation: '（示例文字）本年度行政复议、行政诉讼情况见下表。',
    problems: '（示例文字）部分栏目更新不够及时。下一步将落实专人维护，按月检查栏目内容。',
    other: '（示例文字）无其他需要报告的事项。',
  },
  proactive: {
    regulations: { made: 0, published: 0, total: 0 },
    normativeDocuments: { made: 2, published: 2, total: 2 },
    licensing: { previousItems: 27, change: 6, decisions: 571 },
    otherServices: { previousItems: 62, change: -14, decisions: 18390 },
    punishment: { previousItems: 14, change: 28, decisions: 42 },
    enforcement: { previousItems: 0, change: 0, decisions: 0 },
    fees: { previousItems: 1, change: 0 },
    procurement: { projects: 1, amount: 209600 },
  },
  applications: {
    received: row(20, 0, 0, 0, 0, 0, 20),
    carriedOver: zero(),
    results: {
      granted: row(12, 0, 0, 0, 0, 0, 12),
      partiallyGranted: zero(),
      withheld: {
        stateSecret: zero(),
        prohibitedByLaw: zero(),
        endangersSecurity: zero(),
        thirdPartyRights: zero(),
        internalAffairs: zero(),
        processInformation: zero(),
        enforcementFiles: zero(),
        administrativeQuery: zero(),
      },
      unavailable: {
        notHeld: row(5, 0, 0, 0, 0, 0, 5),
        needsCreation: row(1, 0, 0, 0, 0, 0, 1),
        stillUnclear: zero(),
      },
      notProcessed: {
        petitionComplaint: zero(),
        duplicate: zero(),
        publication: zero(),
        excessive: zero(),
        reconfirmation: zero(),
      },
      otherHandling: row(2, 0, 0, 0, 0, 0, 2),
      total: row(20, 0, 0, 0, 0, 0, 20),
    },
    carriedForward: zero(),
  },
  reviewLitigation: {
    review: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
    litigationDirect: { upheld: 2, corrected: 0, other: 1, pending: 0, total: 3 },
    litigationAfterReview: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
  },
};

/** Flatten a report object to [JSON Pointer, value] pairs (leaves only). */
export function leaves(report, prefix = '') {
  const out = [];
  for (const [key, value] of Object.entries(report)) {
    const path = `${prefix}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (value !== null && typeof value === 'object') out.push(...leaves(value, path));
    else out.push([path, value]);
  }
  return out;
}
