#!/usr/bin/env bash
# Installs what the build and the tests need, skipping whatever is already there, so that a
# second run spends its time on work. Usage: scripts/setup.sh build|browsers|npm|fuzz ...
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
say() { printf '\033[1m== %s\033[0m\n' "$*"; }

# The wasm-bindgen CLI must be exactly the version Cargo.lock pins.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

build_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  # The release wasm rebuilds the standard library from its source (see the Makefile's dist).
  if ! rustup component list --installed | grep -q '^rust-src'; then
    say "adding the rust-src component"
    rustup component add rust-src
  fi
  if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
    say "installing Trunk $TRUNK_VERSION (about 20 minutes on 2 cores, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
  local wb
  wb=$(wasm_bindgen_version)
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $wb" || ! command -v wasm-bindgen-test-runner >/dev/null; then
    say "installing wasm-bindgen-cli $wb"
    cargo install wasm-bindgen-cli --version "$wb"
  fi
  fetch_crates
}

# Every build after this one runs offline (`trunk build --offline`), so every crate it needs must be
# in Cargo's cache now: the workspace's, for both targets, and the standard library's own, which
# the release wasm rebuilds (-Zbuild-std). A check offline first keeps a second run quick.
BUILD_STD=(--target wasm32-unknown-unknown -Zbuild-std=std,panic_abort)
fetch_crates() {
  if ! cargo fetch --locked --offline >/dev/null 2>&1 \
    || ! RUSTC_BOOTSTRAP=1 cargo fetch --locked --offline "${BUILD_STD[@]}" >/dev/null 2>&1; then
    say "fetching the crates the offline builds need (the standard library's included)"
    cargo fetch --locked
    RUSTC_BOOTSTRAP=1 cargo fetch --locked "${BUILD_STD[@]}"
  fi
}

browsers() {
  # Debian's browsers and drivers; one apt-get update, and only for what is missing.
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  command -v Xvfb >/dev/null || missing+=(xvfb)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian's ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  # Debian has no geckodriver package; crates.io has it (about 5 minutes to build, once).
  if ! command -v geckodriver >/dev/null; then
    say "installing geckodriver from crates.io"
    cargo install geckodriver --locked
  fi
}

npm_packages() {
  # npm ci from the committed lock file; skipped while node_modules matches it.
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

fuzz_tools() {
  # cargo fuzz builds libFuzzer from source (a C++ compiler) and runs it on the pinned stable
  # compiler through RUSTC_BOOTSTRAP (scripts/fuzz.sh); nothing else is needed.
  if ! command -v c++ >/dev/null; then
    say "installing Debian's g++ (libFuzzer is C++)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq g++ >/dev/null
  fi
  if ! cargo fuzz --version >/dev/null 2>&1; then
    say "installing cargo-fuzz (about a minute, once)"
    cargo install cargo-fuzz --locked
  fi
}

for what in "$@"; do
  case "$what" in
    build) build_tools ;;
    browsers) browsers ;;
    npm) npm_packages ;;
    fuzz) fuzz_tools ;;
    *) echo "usage: $0 build|browsers|npm|fuzz ..." >&2; exit 2 ;;
  esac
done
