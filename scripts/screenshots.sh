#!/usr/bin/env bash
# Retakes the README's screenshots (docs/screenshots) from the real app under Xvfb.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
need_debs "${APP_DEBS[@]}" xvfb xauth webkit2gtk-driver poppler-utils
need_rust
build_ui
cargo build -q -p complaint-desk
COMPLAINT_DESK_SHOTS="$ROOT/docs/screenshots" \
    xvfb-run -a -s "-screen 0 1440x900x24" cargo test -q -p desk-e2e --test screenshots -- --ignored
