#!/usr/bin/env bash
# Cross-builds the Windows installer on Debian: the app and its console program
# (complaint-desk-console.exe, which runs the app's command line in cmd.exe) for
# x86_64-pc-windows-gnu (MinGW), with the packages' release settings, staged with WebView2Loader.dll
# (shipped by the webview2-com-sys crate; tauri-build puts it beside the exe), the form
# font, the icon and the docs, then compiled by Debian's makensis from installer.nsi.
# Windows' standard library comes from rustup, which a test machine may not reach, so
# this is run by scripts/check-windows.sh and scripts/package.sh --windows, never by the
# test command. Writes dist/ComplaintDesk_<version>_x64-setup.exe.
source "$(dirname "${BASH_SOURCE[0]}")/../setup.sh"
need_debs gcc-mingw-w64-x86-64 nsis
need_rust
TARGET=x86_64-pc-windows-gnu
rustup target list --installed | grep -qx "$TARGET" || rustup target add "$TARGET"
build_ui
cd "$ROOT"
export CARGO_TARGET_DIR="$CARGO_TARGET_DIR-windows"
version="$(product_version)"
package_profile
cargo build -q --release --target "$TARGET" -p complaint-desk -p desk-console
built="$CARGO_TARGET_DIR/$TARGET/release"
loader="$built/WebView2Loader.dll"
[ -f "$loader" ] || loader="$(find ~/.cargo/registry/src -path '*webview2-com-sys*/x64/WebView2Loader.dll' | head -1)"
[ -f "$loader" ] || { echo "WebView2Loader.dll not found" >&2; exit 1; }
stage="$CARGO_TARGET_DIR/installer-stage"
rm -rf "$stage"
mkdir -p "$stage/fonts" "$stage/docs" "$ROOT/dist"
cp "$built/complaint-desk.exe" "$built/complaint-desk-console.exe" "$loader" "$stage/"
cp "$ROOT/src-tauri/icons/icon.ico" "$stage/"
cp "$ROOT/assets/fonts/NotoSansCJK-Regular.ttc" "$ROOT/assets/fonts/LICENSE-OFL.txt" "$stage/fonts/"
cp "$ROOT/CHANGELOG.md" "$ROOT/docs/guide/quick-start.zh-CN.md" "$stage/docs/"
out="$ROOT/dist/ComplaintDesk_${version}_x64-setup.exe"
makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$version" -DSTAGE="$stage" -DOUTFILE="$out" \
    "$ROOT/scripts/windows/installer.nsi"
echo "$out ($(du -h "$out" | cut -f1))"
