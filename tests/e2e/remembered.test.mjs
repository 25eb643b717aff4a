// End-to-end: what the form adapter remembers between checks, to keep each keystroke cheap (which
// controls feed which paths; the built-in validator's last result), never goes stale: a form the
// host changes under it is read afresh, and a result the host changes is not handed out again.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { browserSuite, describeField, enter } from './harness.mjs';

const suite = browserSuite();

/**
 * Re-attach the two-row form's adapter with `mapping` ("pattern" or "by-year", made in the page)
 * and a validator that keeps every report it is given (window.reports).
 */
async function recording(page, mapping) {
  await page.evaluate(async (kind) => {
    const { attach, pattern } = await import('/js/form/index.mjs');
    const lite = await import('/js/lite.browser.mjs');
    await lite.default();
    // A host's own mapping function: one field whose cell depends on the layout.
    const byYear = (name, format) => {
      if (name === 'nd') return '/year';
      if (name === 'x')
        return format === '2019' ? '/applications/received/natural' : '/applications/received/commercial';
      return null;
    };
    window.reports = [];
    window.xxgknbForm.detach();
    window.xxgknbForm = attach(document.getElementById('jb'), {
      fields: kind === 'pattern' ? pattern({ applications: 't3_r{row}_c{col}' }, { fields: { nd: '/year' } }) : byYear,
      validator: {
        validate(report, options) {
          window.reports.push(report);
          return lite.validate(report, options);
        },
      },
    });
    await window.xxgknbForm.ready;
  }, mapping);
}

/**
 * In the page: run `steps` (names of the changes below) one after the other, each followed by a
 * check, and return, for each, the report's table 三 cells that had a value ("received/natural=1").
 * `yield: true` lets the page's microtasks (the MutationObserver) run before the check.
 */
async function checkAfter(page, steps) {
  return page.evaluate(async (names) => {
    const form = document.getElementById('jb');
    const named = (name) => document.querySelector(`[name="${name}"]`);
    const make = (attributes) => {
      const el = document.createElement('input');
      for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, value);
      return el;
    };
    const byId = (id) => document.getElementById(id);
    // Row 2 goes first, so that its names are free for the controls renamed or added later.
    const changes = {
      start: () => {
        form.querySelectorAll('tr')[2].remove();
        named('t3_r1_c1').value = '1';
        named('t3_r1_c2').value = '2';
        named('t3_r1_c3').value = '3';
      },
      rename: () => named('t3_r1_c1').setAttribute('name', 't3_r2_c1'),
      disable: () => {
        named('t3_r1_c2').disabled = true;
      },
      retype: () => {
        named('t3_r1_c3').type = 'button';
      },
      remove: () => named('t3_r2_c1').remove(),
      add: () => form.querySelector('table').after(make({ name: 't3_r2_c4', value: '4' })),
      outside: () => document.body.append(make({ id: 'outside', form: 'jb', name: 't3_r2_c5', value: '5' })),
      'outside-rename': () => byId('outside').setAttribute('name', 't3_r2_c6'),
      'outside-leave': () => byId('outside').removeAttribute('form'),
      pointer: () =>
        form.append(make({ id: 'pointer', 'data-xxgknb': '/applications/carriedOver/natural', value: '6' })),
      'pointer-change': () => byId('pointer').setAttribute('data-xxgknb', '/applications/carriedOver/commercial'),
    };
    const cells = (report) => {
      const out = [];
      for (const [row, columns] of Object.entries(report.applications ?? {})) {
        for (const [column, value] of Object.entries(columns))
          if (value !== null) out.push(`${row}/${column}=${value}`);
      }
      return out.sort();
    };
    const seen = [];
    for (const [i, name] of names.entries()) {
      changes[name]();
      // Every other step lets the observer's callback run first; the rest rely on takeRecords().
      if (i % 2 === 1) await new Promise((resolve) => setTimeout(resolve, 0));
      await window.xxgknbForm.validate({ focus: false });
      seen.push(cells(window.reports.at(-1)));
    }
    return seen;
  }, steps);
}

describe('what the adapter remembers between checks', () => {
  test('controls renamed, disabled, re-typed, removed, added, or joined from outside the form are seen at the next check', async () => {
    const { page } = await suite.open('fixtures/two-rows.html');
    await recording(page, 'pattern');
    const steps = [
      'start',
      'rename',
      'disable',
      'retype',
      'remove',
      'add',
      'outside',
      'outside-rename',
      'outside-leave',
      'pointer',
      'pointer-change',
    ];
    const seen = await checkAfter(page, steps);
    assert.deepEqual(Object.fromEntries(steps.map((step, i) => [step, seen[i]])), {
      start: ['received/commercial=2', 'received/natural=1', 'received/research=3'],
      rename: ['carriedOver/natural=1', 'received/commercial=2', 'received/research=3'],
      disable: ['carriedOver/natural=1', 'received/research=3'],
      retype: ['carriedOver/natural=1'],
      remove: [],
      add: ['carriedOver/socialWelfare=4'],
      outside: ['carriedOver/legalService=5', 'carriedOver/socialWelfare=4'],
      'outside-rename': ['carriedOver/otherOrg=5', 'carriedOver/socialWelfare=4'],
      'outside-leave': ['carriedOver/socialWelfare=4'],
      pointer: ['carriedOver/natural=6', 'carriedOver/socialWelfare=4'],
      'pointer-change': ['carriedOver/commercial=6', 'carriedOver/socialWelfare=4'],
    });
  });

  test('a mapping function is asked again for the layout the year now selects, with no control changed', async () => {
    const { page } = await suite.open('fixtures/two-rows.html');
    await page.evaluate(() => {
      document.getElementById('nd').append(new Option('2020'));
      const x = document.createElement('input');
      x.name = 'x';
      x.value = '1';
      document.getElementById('jb').append(x);
    });
    await recording(page, 'by-year');
    const seen = await page.evaluate(async () => {
      const out = [];
      for (const year of ['2024', '2020', '2024']) {
        document.getElementById('nd').value = year; // a value, not an attribute: nothing to observe
        await window.xxgknbForm.validate({ focus: false });
        const { received } = window.reports.at(-1).applications;
        out.push(Object.keys(received).filter((column) => received[column] !== null));
      }
      return out;
    });
    assert.deepEqual(seen, [['commercial'], ['natural'], ['commercial']]);
  });

  test('a result the host changes is not handed out again when the same report is checked again', async () => {
    const { page } = await suite.open('fixtures/two-rows.html');
    for (const [i, value] of ['5', '1', '0', '0', '0', '0', '7'].entries())
      await enter(page, `[name="t3_r1_c${i + 1}"]`, value); // 5 + 1 ≠ 7
    // Back to the first cell: the one Tab had moved to is now touched, the report changes a last time.
    await page.focus('[name="t3_r1_c1"]');
    // The host empties the result of the next check, which checks the same report again.
    await page.evaluate(() => {
      document.getElementById('jb').addEventListener(
        'xxgknb:validated',
        (event) => {
          window.emptied = event.detail.result;
          event.detail.result.diagnostics.length = 0;
          event.detail.result.errorCount = 0;
        },
        { once: true },
      );
    });
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => window.emptied?.diagnostics.length), 0);
    // And once more the same report: the error is still there, in a fresh result, and still shown.
    await page.keyboard.press('Tab');
    const again = await page.evaluate(() => ({
      rules: window.xxgknbForm.result.diagnostics.map((d) => d.rule),
      errorCount: window.xxgknbForm.result.errorCount,
      same: window.xxgknbForm.result === window.emptied,
    }));
    assert.deepEqual(again, { rules: ['t3-row-total'], errorCount: 1, same: false });
    const blamed = await page.evaluate(() => document.querySelector('.xxgknb-inline')?.previousElementSibling.name);
    assert.match((await describeField(page, `[name="${blamed}"]`)).message, /总计/);
  });
});

describe('inline messages rewritten in place', () => {
  test('a message that changes keeps its box and id, and reads exactly as one drawn anew; a change of severity draws a new one', async () => {
    const { page } = await suite.open('fixtures/two-rows.html');
    const steps = await page.evaluate(async () => {
      const { InlineMessages } = await import('/js/form/inline.mjs');
      const strings = { errorPrefix: '错误：', warningPrefix: '提示：', fix: (value) => `改为 ${value}` };
      const make = () => {
        const cell = document.createElement('td');
        const input = document.createElement('input');
        cell.append(input);
        document.body.append(cell);
        return { input, messages: new InlineMessages({ strings, group: (el) => el.parentElement }) };
      };
      const error = (message, expected) => ({
        severity: 'error',
        rule: 't3-row-total',
        path: '/p',
        message,
        expected,
        related: [],
      });
      const warning = (message) => ({ severity: 'warning', rule: 'blank-cell', path: '/p', message, related: [] });
      const sequence = [
        [error('应为 20，现为 201', 20)],
        [error('应为 21，现为 2011', 21)],
        [error('应为 21，现为 2011', 21), warning('未填写')],
        [error('应为 5', 5), error('应为 6', 6)],
        [error('应为 5', 5)],
        [warning('未填写')],
        [warning('另一条提示')],
      ];
      const kept = make();
      const seen = [];
      const markup = (input) => {
        const box = input.nextElementSibling;
        // Ids are counters: compare the markup with them taken out.
        return {
          html: box.outerHTML.replace(/xxgknb-message-\d+/g, 'ID'),
          cell: input.parentElement.className,
          invalid: input.getAttribute('aria-invalid'),
          describedBy: input.getAttribute('aria-describedby'),
        };
      };
      for (const diagnostics of sequence) {
        kept.messages.show(kept.input, diagnostics, '/p');
        const fresh = make();
        fresh.messages.show(fresh.input, diagnostics, '/p');
        const box = kept.input.nextElementSibling;
        const now = markup(kept.input);
        const anew = markup(fresh.input);
        seen.push({
          box,
          id: box.querySelector('.xxgknb-message').id,
          same: now.html === anew.html && now.cell === anew.cell && now.invalid === anew.invalid,
          describedBy: now.describedBy === box.querySelector('.xxgknb-message').id,
          boxes: kept.input.parentElement.querySelectorAll('.xxgknb-inline').length,
          buttons: [...box.querySelectorAll('button')].map((b) => `${b.textContent}|${b.dataset.xxgknbFix}`),
        });
      }
      kept.messages.clear(kept.input);
      const cleared = {
        boxes: kept.input.parentElement.querySelectorAll('.xxgknb-inline').length,
        attributes: kept.input.getAttributeNames(),
        cell: kept.input.parentElement.getAttributeNames(),
      };
      return {
        steps: seen.map(({ same, describedBy, boxes, buttons }) => ({ same, describedBy, boxes, buttons })),
        // Which steps kept the box (and its id) of the step before.
        keptBox: seen.slice(1).map((s, i) => s.box === seen[i].box && s.id === seen[i].id),
        cleared,
      };
    });
    for (const [i, step] of steps.steps.entries()) {
      assert.equal(step.same, true, `step ${i}: the same markup as drawn anew`);
      assert.equal(step.describedBy, true, `step ${i}: aria-describedby names the message`);
      assert.equal(step.boxes, 1, `step ${i}: one box`);
    }
    assert.deepEqual(
      steps.steps.map((s) => s.buttons),
      [['改为 20|20'], ['改为 21|21'], ['改为 21|21'], ['改为 5|5', '改为 6|6'], ['改为 5|5'], [], []],
    );
    assert.deepEqual(steps.keptBox, [true, true, true, true, false, true]);
    assert.deepEqual(steps.cleared, { boxes: 0, attributes: [], cell: [] });
  });
});
