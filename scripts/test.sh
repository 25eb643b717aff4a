#!/usr/bin/env bash
# Every test, from a fresh clone: installs what it needs, then the three levels — native Rust,
# wasm-bindgen-test in Node and in headless Chromium, and node --test against the built package
# (API, package as installed, bundlers, CLI, form end-to-end), plus lint, a type check of a
# consumer file and a strict one of the shipped JS; and that the committed pkg/ is what this
# source builds.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh --browser

echo "== lint"
cargo fmt --check
# The JavaScript's format (.prettierrc.json; `npm run format` rewrites it).
node_modules/.bin/prettier --check '**/*.{mjs,js,cjs}'
cargo clippy --all-targets -- -D warnings
cargo clippy --all-targets --no-default-features -- -D warnings
# The WebAssembly builds: the lite one (`lite-wasm`) is `no_std`, and compiles only there.
cargo clippy --target wasm32-unknown-unknown --lib -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --no-default-features -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --no-default-features --features lite-wasm -- -D warnings
# The lite package is built for wasm32v1-none (WebAssembly 1.0 `core`, for old browsers).
cargo clippy --target wasm32v1-none --lib --no-default-features --features lite-wasm -- -D warnings
# The core's unit tests are native (wasm-bindgen-test-runner runs only #[wasm_bindgen_test]); they
# must still compile for wasm32, where native-only test dependencies are absent.
cargo test --target wasm32-unknown-unknown --lib --no-run

echo "== native tests"
cargo test
# The lite build's core (no readers) natively too: what it writes differs (no locations, no prose).
cargo test --no-default-features --lib
# The conformance suites' counts together (they ran above, amid the other tests' output):
# html5lib tokenizer tests and JSONTestSuite, from ../shared/testsuites (skipped when absent).
echo "== conformance suites"
cargo test -q --test conformance_html --test conformance_json -- html5lib_tokenizer_tests json_test_suite

echo "== build the package"
node scripts/build.mjs
# pkg/ is committed so that the package installs without Rust; it must be what this source builds
# (the build is reproducible), and so must the files generated from the layout catalogue.
generated=(pkg js/model.d.ts js/form/layout.mjs www/catalogue.mjs docs/rules.md)
if [ -d .git ] || git rev-parse --git-dir >/dev/null 2>&1; then
  if ! git diff --quiet -- "${generated[@]}" || [ -n "$(git ls-files --others --exclude-standard -- "${generated[@]}")" ]; then
    git status --short -- "${generated[@]}"
    echo "error: the committed pkg/ or generated files differ from what the source builds; run \`npm run build\` and commit them" >&2
    exit 1
  fi
else
  echo "(not a git checkout: the committed pkg/ is not compared)"
fi
node scripts/generate.mjs --check

echo "== wasm tests in Node, then in headless Chromium"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
cargo test --target wasm32-unknown-unknown --test wasm
WASM_BINDGEN_USE_BROWSER=1 cargo test --target wasm32-unknown-unknown --test wasm
# The lite build's code (no readers). A test harness needs std, so this is without `lite-wasm`'s
# panic handler; node --test below runs the real lite package.
cargo test --target wasm32-unknown-unknown --test wasm --no-default-features

echo "== types"
node_modules/.bin/tsc -p tests/types
# The shipped JS against its JSDoc, strictly (tsconfig.check.json; `npm run typecheck`).
node_modules/.bin/tsc -p tsconfig.check.json

echo "== package tests (node --test)"
suites=(tests/node/)
for d in tests/package tests/bundlers tests/cli tests/e2e; do
  if [ -d "$d" ]; then suites+=("$d/"); fi
done
node --test --test-concurrency=1 "${suites[@]}"
