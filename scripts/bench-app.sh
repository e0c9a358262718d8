#!/usr/bin/env bash
# Prints the desktop app's benchmark table: cold start, idle memory, and ledger pages and
# searches over IPC on a 1,000,000-case demo ledger (made once, then kept in the cache).
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
need_debs "${APP_DEBS[@]}" xvfb xauth webkit2gtk-driver
need_rust
build_ui
command -v tauri-driver >/dev/null || [ -x "$HOME/.cargo/bin/tauri-driver" ] ||
    cargo install -q tauri-driver --version ^2 --locked
cargo build --release -q -p complaint-desk -p desk-e2e
cargo build --release -q -p complaint-desk --features bare-window --example bare-window
BIN="$CARGO_TARGET_DIR/release/complaint-desk"
DATA="${BENCH_DATA_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/complaint-desk/bench-${BENCH_CASES:-1000000}}"
if [ ! -f "$DATA/ledger.sqlite" ]; then
    echo "making a ${BENCH_CASES:-1000000}-case demo ledger in $DATA (a few minutes, once)"
    COMPLAINT_DESK_DATA_DIR="$DATA" "$BIN" demo --cases "${BENCH_CASES:-1000000}" --months 24 >/dev/null
fi
COMPLAINT_DESK_APP="$BIN" COMPLAINT_DESK_BARE_WINDOW="$CARGO_TARGET_DIR/release/examples/bare-window" \
    xvfb-run -a -s "-screen 0 1440x900x24" \
    "$CARGO_TARGET_DIR/release/bench-app" "$DATA"
