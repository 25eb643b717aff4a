#!/usr/bin/env node
// `npm pack` runs this first (prepack): a package without its built WebAssembly must not be made.
// pkg/ is committed, so this only fails in a tree where it was deleted or is from another version;
// the message says how to rebuild it (which needs Rust; see README.md, "Building from source").
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUILT = [
  'pkg/xxgknb.js',
  'pkg/xxgknb_bg.wasm',
  'pkg/version.js',
  'pkg/lite/xxgknb_lite.js',
  'pkg/lite/xxgknb_lite_bg.wasm',
  'pkg/lite/version.js',
  'pkg/xxgknb-form.js',
];

const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const problems = BUILT.filter((f) => !existsSync(join(root, f))).map((f) => `${f} is missing`);
for (const f of ['pkg/version.js', 'pkg/lite/version.js']) {
  if (existsSync(join(root, f)) && !readFileSync(join(root, f), 'utf8').includes(JSON.stringify(version))) {
    problems.push(`${f} is not of version ${version}`);
  }
}
if (problems.length) {
  console.error(
    `xxgknb: refusing to pack a package without its built WebAssembly:\n  ${problems.join('\n  ')}\nRun \`npm run build\` (needs Rust, see README.md) or restore pkg/ with \`git checkout -- pkg\`.`,
  );
  process.exit(1);
}
