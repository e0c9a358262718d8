#!/usr/bin/env bash
# Runs every test: formatting, lints, unit, property and CLI story tests.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
need_debs build-essential pkg-config sqlite3
need_rust
cd "$ROOT"
cargo fmt --all -- --check
cargo clippy -q --workspace --all-targets -- -D warnings
cargo test -q --workspace
