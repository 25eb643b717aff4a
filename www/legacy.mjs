// Embedding into a form we did not design: the old CMS names its fields nd, t2_r1_c1, t3_r1_c1, t4_c1.
// The whole integration is the mapping from those names to model paths, and one attach().
import { attach } from '/js/form/index.mjs';

const fields = { nd: '/year', fbjg: '/issuer' };
['regulations', 'normativeDocuments'].forEach((r, i) => ['issued', 'repealed', 'inForce'].forEach((c, j) => { fields[`t2_r${i + 1}_c${j + 1}`] = `/proactive/${r}/${c}`; }));
['licensing/decisions', 'punishment/decisions', 'enforcement/decisions', 'fees/amount'].forEach((p, i) => { fields[`t2_r${i + 3}_c1`] = `/proactive/${p}`; });
const t3 = 'received carriedOver results/granted results/partiallyGranted ' + 'stateSecret prohibitedByLaw endangersSecurity thirdPartyRights internalAffairs processInformation enforcementFiles administrativeQuery'.replace(/(\w+)/g, 'results/withheld/$1')
  + ' ' + 'notHeld needsCreation stillUnclear'.replace(/(\w+)/g, 'results/unavailable/$1') + ' ' + 'petitionComplaint duplicate publication excessive reconfirmation'.replace(/(\w+)/g, 'results/notProcessed/$1')
  + ' ' + 'overdueCorrection unpaidFee other'.replace(/(\w+)/g, 'results/otherHandling/$1') + ' results/total carriedForward';
t3.split(' ').forEach((r, i) => ['natural', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg', 'total'].forEach((c, j) => { fields[`t3_r${i + 1}_c${j + 1}`] = `/applications/${r}/${c}`; }));
['review', 'litigationDirect', 'litigationAfterReview'].forEach((b, i) => ['upheld', 'corrected', 'other', 'pending', 'total'].forEach((c, j) => { fields[`t4_c${i * 5 + j + 1}`] = `/reviewLitigation/${b}/${c}`; }));
const form = document.getElementById('nbForm');
window.xxgknbForm = attach(form, { fields });

// The old CMS's own submit handler: it only runs when the adapter let the submission through.
form.addEventListener('submit', (event) => {
  if (event.defaultPrevented) return;
  event.preventDefault();
  document.getElementById('msg').textContent = '保存成功（演示，未发送到服务器）。';
});
