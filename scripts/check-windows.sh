#!/usr/bin/env bash
# Checks that the app, the CLI and the core still build for Windows, which most of the
# clerks' PCs run: type-checks and lints every product crate for x86_64-pc-windows-gnu
# (MinGW compiles SQLite's C), so code behind cfg(windows) (printing, opening folders)
# is checked too. Not part of the test command: it needs Windows' standard library from
# rustup, a download the test machine may not reach. Linking a Windows .exe as well needs
# about 5 GB more disk.
#
# With --run it also links the Windows build of the CLI and runs the CLI's stories
# (tests/stories.rs, built for Linux) against that .exe under Wine: the same commands,
# files, paths, backups and restores as on Linux, through Windows' own APIs. Left out:
# two stories of what Windows does its own way, handing a PDF to the printer (the
# shell's print verb, not a spooler the test can stand in for) and the user's own data
# directory (AppData, not the XDG folders the story points elsewhere); and the computer
# account's story, as Wine puts its own USERNAME into every program's environment. (The backup story skips
# its part with a lock the Linux test takes, which Wine's programs do not see.)
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
    need_debs wine64
    cargo build -q --target "$TARGET" -p desk-cli
    export WINEPREFIX="$HOME/.cache/complaint-desk/wine" WINEDEBUG=-all
    wine=/usr/lib/wine/wine64
    [ -d "$WINEPREFIX" ] || "$wine" wineboot --init
    prng="$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll"
    [ -f "$prng" ] || x86_64-w64-mingw32-gcc -shared -o "$prng" "$ROOT/scripts/wine/bcryptprimitives.c" -ladvapi32
    runner="$CARGO_TARGET_DIR/complaint-desk-cli-under-wine"
    printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$wine" "$CARGO_TARGET_DIR/$TARGET/debug/complaint-desk-cli.exe" > "$runner"
    chmod +x "$runner"
    # The stories themselves are built for Linux, in the Linux target directory.
    CARGO_TARGET_DIR="${CARGO_TARGET_DIR%-windows}" COMPLAINT_DESK_CLI="$runner" \
        cargo test -q -p desk-cli --test stories -- \
        --skip printing_hands_the_pdf_to_the_spooler \
        --skip the_data_directory_is_the_flag_then_a_set_variable_then_the_users_own \
        --skip a_look_up_from_the_command_line_without_a_staff_member_names_the_computer_account
    echo "the CLI's stories pass on the Windows build under Wine"
fi
