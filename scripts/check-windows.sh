#!/usr/bin/env bash
# Checks that the app, the CLI and the core still build for Windows, which most of the
# clerks' PCs run: type-checks and lints every product crate for x86_64-pc-windows-gnu
# (MinGW compiles SQLite's C), so code behind cfg(windows) (printing, opening folders)
# is checked too. Not part of the test command: it needs Windows' standard library from
# rustup, a download the test machine may not reach. Linking a Windows .exe as well needs
# about 5 GB more disk.
#
# With --run it also builds the installer (scripts/windows/build-installer.sh: the app
# and its console program linked for Windows, release, with WebView2Loader.dll, the font and
# the docs, compiled by Debian's makensis) and tests it under Wine
# (scripts/windows/test-installer.sh): a silent per-user install, the files and
# shortcuts, the installed CLI printing a slip in the installed font, the CLI's stories
# against the installed exe, installing over it and uninstalling with the ledger left
# byte for byte, and Microsoft's WebView2 installer run when placed beside setup.exe.
# Left out of the stories: two of what Windows does its own way, handing a PDF to the
# printer (the shell's print verb, not a spooler the test can stand in for) and the
# user's own data directory (AppData, not the XDG folders the story points elsewhere);
# and the computer account's story, as Wine puts its own USERNAME into every program's
# environment. The window itself (WebView2) cannot run under Wine: it is covered only by
# the lints and by the Linux end-to-end tests of the same UI and shell.
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

if [[ "${1:-}" == "--run" ]]; then
    CARGO_TARGET_DIR="${CARGO_TARGET_DIR%-windows}" bash "$ROOT/scripts/windows/build-installer.sh"
    CARGO_TARGET_DIR="${CARGO_TARGET_DIR%-windows}" bash "$ROOT/scripts/windows/test-installer.sh"
    echo "the Windows installer installs, serves the CLI's stories and uninstalls under Wine"
fi
