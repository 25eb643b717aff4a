// Embedding into a form we did not design: the old CMS names its fields nd, t2_r1_c1, t3_r1_c1, t4_c1.
// The whole integration is the mapping from those names to model paths (ten lines), and one attach().
import { attach } from '/js/form/index.mjs';

const fields = { nd: '/year', fbjg: '/issuer' };
const name = (table, row, col) => `${table}_r${row + 1}_c${col + 1}`;
const sub = (group, items) => items.split(' ').map((item) => `results/${group}/${item}`);
const t3Rows = ['received', 'carriedOver', 'results/granted', 'results/partiallyGranted', ...sub('withheld', 'stateSecret prohibitedByLaw endangersSecurity thirdPartyRights internalAffairs processInformation enforcementFiles administrativeQuery'),
  ...sub('unavailable', 'notHeld needsCreation stillUnclear'), ...sub('notProcessed', 'petitionComplaint duplicate publication excessive reconfirmation'),
  ...sub('otherHandling', 'overdueCorrection unpaidFee other'), 'results/total', 'carriedForward'];
t3Rows.forEach((row, r) => ['natural', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg', 'total'].forEach((col, c) => { fields[name('t3', r, c)] = `/applications/${row}/${col}`; }));
['regulations', 'normativeDocuments'].forEach((row, r) => ['issued', 'repealed', 'inForce'].forEach((col, c) => { fields[name('t2', r, c)] = `/proactive/${row}/${col}`; }));
['licensing/decisions', 'punishment/decisions', 'enforcement/decisions', 'fees/amount'].forEach((path, i) => { fields[name('t2', i + 2, 0)] = `/proactive/${path}`; });
['review', 'litigationDirect', 'litigationAfterReview'].forEach((block, b) => ['upheld', 'corrected', 'other', 'pending', 'total'].forEach((col, c) => { fields[`t4_c${b * 5 + c + 1}`] = `/reviewLitigation/${block}/${col}`; }));

const form = document.getElementById('nbForm');
window.xxgknbForm = attach(form, { fields });

// The old CMS's own submit handler: it only runs when the adapter let the submission through.
form.addEventListener('submit', (event) => {
  if (event.defaultPrevented) return;
  event.preventDefault();
  document.getElementById('msg').textContent = '保存成功（演示，未发送到服务器）。';
});
