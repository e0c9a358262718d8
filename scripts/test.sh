#!/usr/bin/env bash
# Runs every test: formatting, lints, type checks, the UI's message files, unit,
# property and CLI story tests, and the end-to-end tests of the real app under Xvfb.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
need_debs "${APP_DEBS[@]}" sqlite3 xvfb xauth webkit2gtk-driver poppler-utils
need_rust
cd "$ROOT"
build_ui
(cd ui && node --test tests/)
cargo fmt --all -- --check
cargo clippy -q --workspace --all-targets -- -D warnings
cargo test -q --workspace
# The end-to-end tests drive the debug app binary through tauri-driver.
if ! command -v tauri-driver >/dev/null && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
    cargo install -q tauri-driver --version ^2 --locked
fi
cargo build -q -p complaint-desk
xvfb-run -a -s "-screen 0 1440x900x24" cargo test -q -p desk-e2e -- --ignored --test-threads 1 \
    --skip the_installed_package
# The package of that debug build, installed, used by a new user on the commonest office
# screen (1366 × 768), and removed, as an office would (tests/e2e/tests/installed.rs).
bash scripts/package.sh --debug
COMPLAINT_DESK_DEB="$ROOT/dist/complaint-desk_$(product_version)_amd64.deb" \
    xvfb-run -a -s "-screen 0 1366x768x24" cargo test -q -p desk-e2e --test installed -- --ignored
