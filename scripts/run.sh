#!/usr/bin/env bash
# Runs Complaint Desk with its ledger in the user's data directory
# (override with COMPLAINT_DESK_DATA_DIR or --data-dir). Arguments go to complaint-desk;
# with none, it sets up the office on first use and lists the ledger.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
need_debs build-essential pkg-config
need_rust
cargo build --release -q --manifest-path "$ROOT/Cargo.toml" -p desk-cli
BIN="$CARGO_TARGET_DIR/release/complaint-desk"
if [ $# -gt 0 ]; then
    exec "$BIN" "$@"
fi
if ! "$BIN" staff list 2>/dev/null | grep -q .; then
    read -rp "管理处名称 / Office name: " office
    read -rp "您的工号 / Your staff code: " code
    read -rp "您的姓名 / Your name: " name
    "$BIN" init --office "$office" --staff-code "$code" --staff-name "$name"
fi
exec "$BIN" list
