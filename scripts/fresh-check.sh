#!/usr/bin/env bash
# Checks what a new machine sees: a fresh clone of HEAD and `make test` with an empty Cargo home,
# so every crate (the standard library's own for the release wasm included) must be fetched by
# scripts/setup.sh, and nothing already cached here can hide a missing step (issue #19).
# Tools already installed in ~/.cargo/bin (Trunk, wasm-bindgen-cli, geckodriver) are kept on
# PATH, since building them again proves nothing about this project; pass --no-tools to leave
# them out too, as on a machine that has only the Rust toolchain (about 35 minutes more).
# Usage: scripts/fresh-check.sh [--no-tools] [make target, default: test]
set -euo pipefail
cd "$(dirname "$0")/.."

tools=yes
if [ "${1:-}" = "--no-tools" ]; then
  tools=no
  shift
fi
target=${1:-test}

work=$(mktemp -d /tmp/fresh-check.XXXXXX)
git clone -q . "$work/repo"
export CARGO_HOME="$work/cargo-home"
mkdir -p "$CARGO_HOME/bin"
# rustup's proxies (cargo, rustc) live in ~/.cargo/bin and find the toolchain through
# RUSTUP_HOME, which stays as it is; only the crate cache and installed tools start empty.
export RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}"
if [ "$tools" = yes ]; then
  export PATH="$CARGO_HOME/bin:$HOME/.cargo/bin:$PATH"
else
  mkdir -p "$work/rustup-bin"
  for proxy in cargo rustc rustup rustfmt cargo-fmt cargo-clippy clippy-driver rustdoc; do
    ln -s "$HOME/.cargo/bin/$proxy" "$work/rustup-bin/$proxy"
  done
  export PATH="$CARGO_HOME/bin:$work/rustup-bin:$(echo "$PATH" | tr ':' '\n' | grep -vx "$HOME/.cargo/bin" | paste -sd:)"
fi

echo "fresh clone in $work/repo, CARGO_HOME=$CARGO_HOME (empty), make $target"
start=$(date +%s)
status=0
(cd "$work/repo" && make "$target") || status=$?
elapsed=$(($(date +%s) - start))
printf 'fresh-check: make %s %s in %dm%02ds\n' "$target" \
  "$([ $status -eq 0 ] && echo passed || echo FAILED)" $((elapsed / 60)) $((elapsed % 60))
[ $status -eq 0 ] && rm -rf "$work"
exit $status
