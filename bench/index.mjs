// `npm run bench`: every benchmark of the project, one after the other, each printing numbers.
// The machine is shared and noisy: these are measurements, never pass/fail tests.
// `npm run bench -- --long` adds the CLI over 20,000 portal pages (memory flat to 20,000: a few
// minutes, 750 MB of generated pages).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const steps = [
  ['core: validations per second and sizes', 'node', ['bench/core.mjs']],
  [
    'survival: memory per input byte of the worst shapes, unknown keys per byte, 100,000 rounds of hostile calls',
    'node',
    ['bench/survive.mjs'],
    'bench/survive.mjs',
  ],
  ['portal pages: check() against parse5', 'node', ['bench/portal.mjs'], 'bench/portal.mjs'],
  [
    'readers: reports read and checked per second',
    'cargo',
    ['run', '--release', '--quiet', '--example', 'bench_readers'],
    'examples/bench_readers.rs',
  ],
  [
    'documents: PDF, DOCX, DOC files read and checked per second',
    'node',
    ['bench/documents.mjs'],
    'bench/documents.mjs',
  ],
  ['cli: 1,000, 3,000 and 5,000 portal pages', 'node', ['bench/cli.mjs'], 'bench/cli.mjs'],
  ...(process.argv.includes('--long')
    ? [
        [
          'cli: 20,000 portal pages (--long)',
          'node',
          ['bench/cli.mjs', '--count', '20000', '--steps', '1000,5000,20000'],
          'bench/cli.mjs',
        ],
      ]
    : []),
  ['batch: copied-report over 10,000 reports', 'node', ['bench/batch.mjs'], 'bench/batch.mjs'],
  ['form: input event to message in the DOM', 'node', ['bench/form-latency.mjs'], 'bench/form-latency.mjs'],
];
let failed = 0;
for (const [title, cmd, args, needs] of steps) {
  if (needs && !existsSync(new URL(needs, root))) continue;
  console.log(`\n=== ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
