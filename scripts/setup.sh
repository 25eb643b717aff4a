#!/usr/bin/env bash
# Installs what building and testing need, idempotently (a second run changes nothing):
# the wasm32 target, the wasm-bindgen CLI of exactly the version in Cargo.lock, the npm packages,
# and with --browser Debian's Chromium + ChromeDriver and a CJK font for screenshots.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# The toolchain of rust-toolchain.toml (rustup installs it on first use) and its two wasm targets:
# wasm32v1-none builds the lite package (WebAssembly 1.0 level, for old browsers).
for target in wasm32-unknown-unknown wasm32v1-none; do
  if ! rustup target list --installed | grep -qx "$target"; then
    rustup target add "$target"
  fi
done

# The CLI must equal the wasm-bindgen crate pinned in Cargo.toml / Cargo.lock.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
  echo "installing wasm-bindgen-cli $want (found: ${have:-none}); this takes a few minutes"
  # --locked fails on this registry mirror (a pinned webpki-roots is missing): fall back.
  cargo install wasm-bindgen-cli --version "$want" --locked || cargo install wasm-bindgen-cli --version "$want"
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--browser" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! fc-list | grep -qi 'wenquanyi\|noto.*cjk'; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-wqy-zenhei
  fi
fi
