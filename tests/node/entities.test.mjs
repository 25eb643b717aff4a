// scripts/gen-entities.mjs: it generates src/readers/entities.rs byte for byte from the list
// (so the table cannot drift from its generator), and reads both kinds of list the same way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { readList, render } from '../../scripts/gen-entities.mjs';

const root = new URL('../../', import.meta.url);
const html5lib = new URL('../shared/testsuites/html5lib-tokenizer/namedEntities.test', root);

test(
  'the entity table is what the generator makes of the WHATWG list',
  {
    skip: existsSync(html5lib) ? false : `${html5lib.pathname} is absent`,
  },
  () => {
    const generated = render(readList(readFileSync(html5lib, 'utf8')));
    const committed = readFileSync(new URL('src/readers/entities.rs', root), 'utf8');
    assert.ok(generated === committed, 'src/readers/entities.rs differs: run node scripts/gen-entities.mjs');
  },
);

test('the WHATWG entities.json and html5lib namedEntities.test read alike', () => {
  const whatwg = {
    '&amp': { codepoints: [38], characters: '&' },
    '&amp;': { codepoints: [38], characters: '&' },
    '&AMP;': { codepoints: [38], characters: '&' },
    '&Aacute;': { codepoints: [193], characters: 'Á' },
    '&nvlt;': { codepoints: [60, 8402], characters: '<⃒' },
  };
  const html5libTests = {
    tests: [
      { input: '&amp', description: 'Named entity: amp without a semi-colon', output: [['Character', '&']] },
      { input: '&amp;', description: 'Named entity: amp; with a semi-colon', output: [['Character', '&']] },
      { input: '&AMP;', description: 'Named entity: AMP; with a semi-colon', output: [['Character', '&']] },
      {
        input: '&Aacute',
        description: 'Bad named entity: Aacute without a semi-colon',
        output: [['Character', '&Aacute']],
      },
      { input: '&Aacute;', description: 'Named entity: Aacute; with a semi-colon', output: [['Character', 'Á']] },
      { input: '&nvlt;', description: 'Named entity: nvlt; with a semi-colon', output: [['Character', '<⃒']] },
    ],
  };
  const a = readList(JSON.stringify(whatwg));
  const b = readList(JSON.stringify(html5libTests));
  assert.deepEqual([...a].sort(), [...b].sort());
  const rs = render(a);
  // Sorted by bytes (upper case first), every character escaped, the counts in the comment.
  assert.match(
    rs,
    /\("AMP;", "\\u\{26\}"\), \("Aacute;", "\\u\{c1\}"\), \("amp", "\\u\{26\}"\), \("amp;", "\\u\{26\}"\),\n {4}\("nvlt;", "\\u\{3c\}\\u\{20d2\}"\),/,
  );
  assert.match(rs, /the WHATWG list, 5 names/);
  assert.match(rs, /The 1 names that/);
});

test('a test the generator does not understand stops it', () => {
  const odd = {
    tests: [
      {
        input: '&amp',
        description: 'Named entity: amp without a semi-colon',
        output: [
          ['Character', '&'],
          ['Character', 'x'],
        ],
      },
    ],
  };
  assert.throws(() => readList(JSON.stringify(odd)), /gen-entities: unexpected test for amp/);
});
