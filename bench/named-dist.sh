#!/usr/bin/env bash
# Builds the release widget into target/dist-named with the wasm's function names kept (wasm-opt
# -g, wasm-bindgen --keep-debug), for CPU profiles that name Rust functions
# (bench/profile-cpu.mjs). Otherwise the same build as `make dist`; only the name section differs.
set -euo pipefail
cd "$(dirname "$0")/.."
page=index.named.html
trap 'rm -f "$page"' EXIT
sed 's/ --strip-debug --strip-producers/ -g/; s/data-type="main"/data-type="main" data-keep-debug/' index.html > "$page"
RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$PWD/target/release-wasm" \
  CARGO_UNSTABLE_BUILD_STD=std,panic_abort CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
  RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" PATH="$PWD/node_modules/.bin:$PATH" \
  trunk build --release --offline --dist target/dist-named "$page"
