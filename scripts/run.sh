#!/usr/bin/env bash
# Builds and starts Complaint Desk with its ledger in the user's data directory
# (override with COMPLAINT_DESK_DATA_DIR or --data-dir). The first start asks, in the
# window, for the office name and the first staff member. With a subcommand
# (`scripts/run.sh list`), the same binary answers on the command line instead.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
need_debs "${APP_DEBS[@]}"
need_rust
build_ui
cargo build --release -q --manifest-path "$ROOT/Cargo.toml" -p complaint-desk
exec "$CARGO_TARGET_DIR/release/complaint-desk" "$@"
