#!/usr/bin/env bash
# Checks that the app, the CLI and the core still build for Windows, which most of the
# clerks' PCs run: type-checks and lints every product crate for x86_64-pc-windows-gnu
# (MinGW compiles SQLite's C), so code behind cfg(windows) (printing, opening folders)
# is checked too. Not part of the test command: it needs Windows' standard library from
# rustup, a download the test machine may not reach. Linking a Windows .exe as well needs
# about 5 GB more disk.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
need_debs gcc-mingw-w64-x86-64
need_rust
TARGET=x86_64-pc-windows-gnu
rustup target list --installed | grep -qx "$TARGET" || rustup target add "$TARGET"
build_ui
# A target directory of its own: the Windows build shares nothing with the Linux one.
export CARGO_TARGET_DIR="$CARGO_TARGET_DIR-windows"
cargo clippy -q --target "$TARGET" --all-targets \
    -p complaint-desk -p desk-ledger -p desk-cli -p desk-reports -p desk-forms -p desk-calendar \
    -- -D warnings
echo "the Windows build checks clean ($TARGET)"
