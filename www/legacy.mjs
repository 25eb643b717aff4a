// Embedding into a form we did not design: the old CMS names its fields nd, t2_r1_c1, t3_r1_c1, t4_c1.
// The whole integration is its naming pattern (rows and columns counted as the official tables
// print them) plus its two metadata fields, and one attach().
import { attach, pattern } from '/js/form/index.mjs';

const fields = pattern(
  { proactive: 't2_r{row}_c{col}', applications: 't3_r{row}_c{col}', reviewLitigation: 't4_c{col}' },
  { fields: { nd: '/year', fbjg: '/issuer' } },
);

const form = document.getElementById('nbForm');
window.xxgknbForm = attach(form, { fields });

// The old CMS's own submit handler: it only runs when the adapter let the submission through.
form.addEventListener('submit', (event) => {
  if (event.defaultPrevented) return;
  event.preventDefault();
  document.getElementById('msg').textContent = '保存成功（演示，未发送到服务器）。';
});
