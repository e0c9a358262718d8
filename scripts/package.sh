#!/usr/bin/env bash
# Builds the packages an office installs.
#   bash scripts/package.sh            the Linux .deb and .rpm (release, stripped)
#   bash scripts/package.sh --debug    a .deb of the debug build as it stands (the test command
#                                      builds it first, then installs this package)
#   bash scripts/package.sh --windows  the Windows installer (…_x64-setup.exe), cross-built
#                                      with MinGW and Debian's makensis (see windows/installer.nsi)
# Tauri's bundler comes from the npm registry (@tauri-apps/cli, locked in ui/), not compiled.
# It bundles the binary built here with the same `cargo build` the tests run, so what is
# tested is what is packaged. AppImage is left out: its tools are downloaded at build
# time, which cannot be done here. Packages land in dist/.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
mode="${1:-release}"
if [[ "$mode" == "--windows" ]]; then
    exec bash "$ROOT/scripts/windows/build-installer.sh"
fi
need_debs "${APP_DEBS[@]}"
need_rust
[[ "$mode" == "--debug" ]] || build_ui
cd "$ROOT"
version="$(product_version)"
if [[ "$mode" == "--debug" ]]; then
    cargo build -q -p complaint-desk
    ui/node_modules/.bin/tauri bundle --ci --debug --bundles deb
    out="$CARGO_TARGET_DIR/debug/bundle"
else
    # The packages' own settings, in a target directory of their own so that run.sh's
    # release build and this one do not rebuild each other.
    export CARGO_TARGET_DIR="$CARGO_TARGET_DIR-dist"
    package_profile
    cargo build -q --release -p complaint-desk
    ui/node_modules/.bin/tauri bundle --ci --bundles deb,rpm
    out="$CARGO_TARGET_DIR/release/bundle"
fi
# The bundler names the files after the product ("Complaint Desk_1.0.0_amd64.deb");
# offices get them under the package's name.
mkdir -p "$ROOT/dist"
for f in "$out"/deb/*_"${version}"_amd64.deb "$out"/rpm/*-"${version}"-1.x86_64.rpm; do
    [ -f "$f" ] || continue
    case "$f" in
        *.deb) dest="$ROOT/dist/complaint-desk_${version}_amd64.deb" ;;
        *.rpm) dest="$ROOT/dist/complaint-desk-${version}-1.x86_64.rpm" ;;
    esac
    cp "$f" "$dest"
    echo "$dest ($(du -h "$dest" | cut -f1))"
done
