#!/usr/bin/env node
// Builds the package's generated files, all under pkg/ (committed, so that the repository installs
// without Rust; `npm test` rebuilds and fails when the result differs from the committed files):
//   pkg/           full build (validator + report readers): xxgknb.js, xxgknb_bg.wasm
//   pkg/lite/      validation only, `no_std`, for form pages: xxgknb_lite.js, xxgknb_lite_bg.wasm
//   pkg/*.d.ts     the glue's exports as js/api.mjs calls them (for `npm run typecheck`)
//   pkg/xxgknb-form.js  the form adapter with the lite build inlined, one classic script for CMS
//                  pages without a build step (no modules, no .wasm to serve)
// Each wasm: cargo (release) → wasm-bindgen --target web → wasm-opt (npm binaryen; Debian's
// binaryen 108 produces modules that fail at run time), and the JS glue minified with esbuild
// (exports and the wasm's import names kept; 3.0 → 2.2 KB gzipped). Prints raw and gzipped sizes.
// The full build is optimised for speed (Node batches and the CLI check thousands of reports;
// opt-level 3 runs validateJson in about half the instructions of "z"), the lite build for size
// (form pages download it; one form's checks take microseconds either way).
//
// The two builds have distinct file names: a bundler emits both under their own names, and a
// page that loads both never fetches one for the other.
//
// Browser floor (docs/browsers.md): the lite build runs on Chromium 86 level engines. Rust ≥ 1.82
// turns on reference types and multi-value for wasm32-unknown-unknown, and its prebuilt `core`
// carries them into the module (wasm-bindgen then uses an externref table); the `wasm32v1-none`
// target's `core` is built for WebAssembly 1.0, so the lite build (already `no_std`) uses it, with
// only the post-MVP features every such engine has, and wasm-opt is held to the same set.
//
// Reproducible: the same bytes from any checkout path or CARGO_HOME (paths in panic locations are
// remapped; nothing else in the output depends on where it was built). The toolchain is pinned in
// rust-toolchain.toml, wasm-bindgen in Cargo.lock, binaryen and esbuild in package-lock.json.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { homedir } from 'node:os';
import { buildSync, transformSync } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });

/** The WebAssembly features the lite build may use: what Chromium 86 and its peers support. */
export const FLOOR_FEATURES = ['sign-ext', 'bulk-memory', 'mutable-globals', 'nontrapping-float-to-int'];
/** What the script-tag build and the form adapter's JS must run on (esbuild target names). */
export const FLOOR_TARGET = ['chrome86', 'firefox79', 'safari15'];

const builds = [
  {
    out: 'pkg',
    name: 'xxgknb',
    target: 'wasm32-unknown-unknown',
    features: [],
    targetDir: 'target',
    optLevel: '3',
    rustflags: [],
    // Node and current browsers: the features Rust enables by default. `-ocimfs 500`: binaryen
    // otherwise inlines every function that has one caller, whatever its size, and the readers
    // became one 94 KB function whose optimised compile alone took V8 ~250–550 ms on each run's
    // first pages (see docs/performance.md, "Warm-up").
    wasmOpt: [
      '-O3',
      '--one-caller-inline-max-function-size=500',
      '--enable-bulk-memory',
      '--enable-nontrapping-float-to-int',
      '--enable-sign-ext',
      '--enable-mutable-globals',
      '--enable-reference-types',
      '--enable-multivalue',
    ],
  },
  {
    out: 'pkg/lite',
    name: 'xxgknb_lite',
    target: 'wasm32v1-none',
    features: ['--no-default-features', '--features', 'lite-wasm'],
    targetDir: 'target/lite',
    optLevel: 'z',
    // Our own code may use the floor's features; `core` comes prebuilt for WebAssembly 1.0.
    rustflags: ['-Ctarget-feature=+sign-ext,+bulk-memory,+nontrapping-fptoint'],
    // Merging functions that differ only in constants, and re-running -Oz until it stops
    // shrinking, take the lite build 0.4 KB smaller gzipped. The target_features section that
    // rustc writes (which features the code was compiled with) is for linkers and wasm-opt,
    // never engines: dropped after the passes that read it (70 B gzipped). The floor's features
    // are checked on the code itself (tests/package/floor.test.mjs).
    wasmOpt: [
      '--merge-similar-functions',
      '-Oz',
      '--converge',
      '--mvp-features',
      ...FLOOR_FEATURES.map((f) => `--enable-${f}`),
      '--strip-target-features',
    ],
  },
];

function checkVersions() {
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  const cargoVersion = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(root, 'Cargo.toml'), 'utf8'))?.[1];
  if (version !== cargoVersion) {
    console.error(`package.json version ${version} differs from Cargo.toml ${cargoVersion}`);
    process.exit(1);
  }
  return version;
}

function buildWasm(b, version) {
  const cargoHome = process.env.CARGO_HOME ?? join(homedir(), '.cargo');
  // CARGO_ENCODED_RUSTFLAGS replaces RUSTFLAGS from the environment on purpose: the output must
  // not depend on who builds it.
  const rustflags = [`--remap-path-prefix=${root}=/xxgknb`, `--remap-path-prefix=${cargoHome}=/cargo`, ...b.rustflags];
  run('cargo', ['build', '--release', '--locked', '--target', b.target, '--target-dir', b.targetDir, ...b.features], {
    env: {
      ...process.env,
      CARGO_PROFILE_RELEASE_OPT_LEVEL: b.optLevel,
      CARGO_ENCODED_RUSTFLAGS: rustflags.join('\x1f'),
      RUSTFLAGS: '',
    },
  });
  const wasm = join(b.targetDir, b.target, 'release', 'xxgknb.wasm');
  mkdirSync(join(root, b.out), { recursive: true });
  // --experimental-reset-state-function: `__wbg_reset_state()` instantiates the module afresh,
  // which js/api.mjs calls after a trap so that a failed instance is never used again.
  run('wasm-bindgen', [
    '--target',
    'web',
    '--out-dir',
    b.out,
    '--out-name',
    b.name,
    '--no-typescript',
    '--experimental-reset-state-function',
    '--remove-name-section',
    '--remove-producers-section',
    wasm,
  ]);
  const bg = join(root, b.out, `${b.name}_bg.wasm`);
  run(join(root, 'node_modules', '.bin', 'wasm-opt'), [...b.wasmOpt, bg, '-o', bg]);
  const glue = join(root, b.out, `${b.name}.js`);
  writeFileSync(
    glue,
    transformSync(readFileSync(glue, 'utf8'), { format: 'esm', minify: true, target: 'es2020' }).code,
  );
  writeFileSync(join(root, b.out, `${b.name}.d.ts`), glueTypes(b.name, b.features.length === 0));
  writeFileSync(
    join(root, b.out, 'version.js'),
    `// Generated by scripts/build.mjs.\nexport const version = ${JSON.stringify(version)};\n`,
  );
}

/**
 * The declarations of a build's glue. src/wasm.rs skips wasm-bindgen's (the public types are
 * hand-written in js/*.d.ts), but the type check of js/ needs the glue's exports, and a
 * declaration next to the glue keeps tsc from checking the minified glue itself. `readers`: the
 * full build, which has `runBytes` and `memoryBytes` too.
 */
export function glueTypes(name, readers) {
  return `// Generated by scripts/build.mjs: the exports of ${name}.js (src/wasm.rs), as js/api.mjs calls them.
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;
export type SyncInitInput = BufferSource | WebAssembly.Module;
export default function init(options?: { module_or_path: InitInput | Promise<InitInput> | undefined }): Promise<unknown>;
export function initSync(options: { module: SyncInitInput }): unknown;
export function __wbg_reset_state(): void;
export function start(): void;
export function run(func: string, input: string, opts: string, over: number): string;
export function catalog(what: string): string;
${
  readers
    ? `export function runBytes(func: string, bytes: Uint8Array, opts: string): string;
export function memoryBytes(): number;
`
    : ''
}`;
}

/**
 * The script-tag build: js/form/global.mjs bundled as one classic script (IIFE) for the floor's
 * browsers, with the lite wasm inlined (base64), so that a CMS page needs no module support, no
 * MIME types for .mjs or .wasm, and no URL to configure.
 */
function buildScriptTag() {
  const out = join(root, 'pkg', 'xxgknb-form.js');
  const result = buildSync({
    entryPoints: [join(root, 'js', 'form', 'global.mjs')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: FLOOR_TARGET,
    platform: 'browser',
    loader: { '.wasm': 'binary' },
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    globalName: 'xxgknb',
    // A classic script has no import.meta: the loader then knows it is bundled (js/form/loader.mjs).
    logOverride: { 'empty-import-meta': 'silent' },
    banner: {
      js: `/* xxgknb-form.js ${checkVersions()}: the xxgknb form adapter as one classic script (MIT OR Apache-2.0). Generated by scripts/build.mjs. */`,
    },
  });
  writeFileSync(out, result.outputFiles[0].contents);
}

/** The files of the build, with their raw and gzipped sizes. */
export function sizes() {
  const files = [
    'pkg/xxgknb_bg.wasm',
    'pkg/xxgknb.js',
    'pkg/lite/xxgknb_lite_bg.wasm',
    'pkg/lite/xxgknb_lite.js',
    'pkg/xxgknb-form.js',
  ];
  return files.map((f) => {
    const p = join(root, f);
    return { file: f, raw: statSync(p).size, gzipped: gzipSync(readFileSync(p), { level: 9 }).length };
  });
}

if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === '') {
  const version = checkVersions();
  rmSync(join(root, 'pkg'), { recursive: true, force: true });
  for (const b of builds) buildWasm(b, version);
  // The files copied from the layout catalogue (the script-tag build bundles one of them).
  const { generate } = await import('./generate.mjs');
  const written = await generate();
  if (written.length) console.log(`regenerated from the layout catalogue: ${written.join(', ')}`);
  buildScriptTag();
  for (const { file, raw, gzipped } of sizes()) {
    console.log(`${file.padEnd(30)} ${String(raw).padStart(8)} B  ${String(gzipped).padStart(7)} B gzipped`);
  }
}
