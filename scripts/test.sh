#!/usr/bin/env bash
# Every test, from a fresh clone: installs what it needs, then the three levels — native Rust,
# wasm-bindgen-test in Node and in headless Chromium, and node --test against the built package
# (API, CLI, form end-to-end), plus lint and a type check of a consumer file.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh --browser

echo "== lint"
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --all-targets --no-default-features -- -D warnings
# The WebAssembly builds: the lite one (`lite-wasm`) is `no_std`, and compiles only there.
cargo clippy --target wasm32-unknown-unknown --lib -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --no-default-features -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --no-default-features --features lite-wasm -- -D warnings
# The core's unit tests are native (wasm-bindgen-test-runner runs only #[wasm_bindgen_test]); they
# must still compile for wasm32, where native-only test dependencies are absent.
cargo test --target wasm32-unknown-unknown --lib --no-run

echo "== native tests"
cargo test

echo "== build the package"
node scripts/build.mjs

echo "== wasm tests in Node, then in headless Chromium"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
cargo test --target wasm32-unknown-unknown --test wasm
WASM_BINDGEN_USE_BROWSER=1 cargo test --target wasm32-unknown-unknown --test wasm
# The lite build's code (no readers). A test harness needs std, so this is without `lite-wasm`'s
# panic handler; node --test below runs the real lite package.
cargo test --target wasm32-unknown-unknown --test wasm --no-default-features

echo "== types"
node_modules/.bin/tsc -p tests/types

echo "== package tests (node --test)"
suites=(tests/node/)
for d in tests/cli tests/e2e; do
  if [ -d "$d" ]; then suites+=("$d/"); fi
done
node --test --test-concurrency=1 "${suites[@]}"
