#!/usr/bin/env bash
# The Windows installer under Wine, as IT would run it (from check-windows.sh --run):
# a silent install per user; the program, its console program, WebView2Loader.dll, the font
# and the shortcuts where they belong; the installed CLI registers a case and prints a
# slip in the installed font (pdftotext reads it back); the CLI's stories pass against
# the installed exe; installing again over it and uninstalling leave the ledger in
# %APPDATA% byte for byte; with Microsoft's WebView2 installer placed beside setup.exe
# (a stand-in here), the installer runs it. Not covered: the window itself (WebView2
# does not run under Wine) and the prompt to close a running program (Wine does not
# lock a running program's file as Windows does).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../setup.sh"
need_debs wine64 poppler-utils gcc-mingw-w64-x86-64
version="$(product_version)"
setup="$ROOT/dist/ComplaintDesk_${version}_x64-setup.exe"
[ -f "$setup" ] || { echo "build the installer first: scripts/package.sh --windows" >&2; exit 1; }
wine=/usr/lib/wine/wine64
export WINEPREFIX="$(mktemp -d)/wine" WINEDEBUG=-all
trap 'wineserver -k 2>/dev/null || true; rm -rf "$(dirname "$WINEPREFIX")"' EXIT
"$wine" wineboot --init 2>/dev/null
prng="$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll"
[ -f "$prng" ] || x86_64-w64-mingw32-gcc -shared -o "$prng" "$ROOT/scripts/wine/bcryptprimitives.c" -ladvapi32
user_dir="$WINEPREFIX/drive_c/users/$(id -un)"
# Wine points the desktop at the home folder; the test keeps its shortcut in the prefix.
[ -L "$user_dir/Desktop" ] && rm "$user_dir/Desktop" && mkdir "$user_dir/Desktop"
local_app="$user_dir/AppData/Local"
[ -d "$local_app" ] || local_app="$user_dir/Local Settings/Application Data"
inst="$local_app/Programs/ComplaintDesk"
fail() { echo "installer test: $*" >&2; exit 1; }

# Offline, without WebView2 and nothing beside setup.exe: a silent install goes on.
"$wine" "$setup" /S || fail "the silent install failed ($?)"
for f in complaint-desk.exe complaint-desk-console.exe WebView2Loader.dll uninstall.exe fonts/NotoSansCJK-Regular.ttc; do
    [ -f "$inst/$f" ] || fail "$f is not in the install folder"
done
start_menu="$user_dir/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/客诉台账.lnk"
desktop="$user_dir/Desktop/客诉台账.lnk"
[ -f "$start_menu" ] || fail "no Start-menu shortcut 客诉台账"
[ -f "$desktop" ] || fail "no desktop shortcut 客诉台账"
echo "installed silently per user: program, console program, WebView2Loader.dll, font, shortcuts"

# The installed CLI in its default data directory (%APPDATA%\ComplaintDesk\data).
cli() { "$wine" "$inst/complaint-desk-console.exe" "$@"; }
cli init --office 东区管理处 --staff-code A01 --staff-name 王芳 >/dev/null
cli --as A01 register --name 郑先生 --phone 13812345678 --building 8栋 --room 302 \
    --content 楼道灯不亮 --category A01 >/dev/null
number="$(cli --json list | python3 -c 'import json,sys; print(json.load(sys.stdin)["rows"][0]["number"])')"
cli --as A01 transfer "$number" --to 工程部 --summary 更换灯管 >/dev/null
cli --as A01 print slip "$number" -o 'C:\slip.pdf' >/dev/null
text="$(pdftotext "$WINEPREFIX/drive_c/slip.pdf" -)"
grep -q 顾客投诉转交签认单 <<<"$text" || fail "the slip has no title: $text"
grep -q 楼道灯不亮 <<<"$text" || fail "the slip lacks the content: $text"
font="$(cli --json about | python3 -c 'import json,sys; print(json.load(sys.stdin)["font"])')"
case "$font" in *Programs\\ComplaintDesk\\fonts\\NotoSansCJK-Regular.ttc) ;; *) fail "font from $font, not the install folder" ;; esac
echo "the installed CLI printed a slip in the installed font ($font)"

data="$user_dir/AppData/Roaming/ComplaintDesk/data"
[ -f "$data/ledger.sqlite" ] || data="$(dirname "$(find "$user_dir" -name ledger.sqlite | head -1)")"
[ -f "$data/ledger.sqlite" ] || fail "no ledger in the user's data directory"
before="$(cd "$data" && find . -type f -print0 | sort -z | xargs -0 sha256sum)"

# Installing again over it (an upgrade) keeps the ledger; the WebView2 installer placed
# beside setup.exe is run.
beside="$(mktemp -d)"
cp "$setup" "$beside/"
x86_64-w64-mingw32-gcc -o "$beside/MicrosoftEdgeWebView2RuntimeInstallerX64.exe" "$ROOT/scripts/windows/webview2-stand-in.c"
"$wine" "$beside/$(basename "$setup")" /S || fail "installing over the older one failed"
grep -q -- "/silent /install" "$beside/webview2-stand-in-ran.txt" 2>/dev/null \
    || fail "the WebView2 installer beside setup.exe was not run"
rm -rf "$beside"
[ "$(cd "$data" && find . -type f -print0 | sort -z | xargs -0 sha256sum)" == "$before" ] \
    || fail "installing over changed the ledger"
echo "installing over kept the ledger; the WebView2 installer beside setup.exe ran"

# The CLI's stories (built for Linux) against the installed exe.
runner="$(mktemp)"
printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$wine" "$inst/complaint-desk-console.exe" > "$runner"
chmod +x "$runner"
(cd "$ROOT" && COMPLAINT_DESK_CLI="$runner" cargo test -q -p desk-cli --test stories -- \
    --skip printing_hands_the_pdf_to_the_spooler \
    --skip the_data_directory_is_the_flag_then_a_set_variable_then_the_users_own \
    --skip a_look_up_from_the_command_line_without_a_staff_member_names_the_computer_account)
rm -f "$runner"
echo "the CLI's stories pass against the installed exe"

# The uninstaller (waiting for it: _? keeps it from copying itself away first).
win_inst="C:\\users\\$(id -un)\\AppData\\Local\\Programs\\ComplaintDesk"
"$wine" "$inst/uninstall.exe" /S "_?=$win_inst" || fail "the silent uninstall failed"
rm -f "$inst/uninstall.exe"
for f in complaint-desk.exe complaint-desk-console.exe WebView2Loader.dll fonts/NotoSansCJK-Regular.ttc; do
    [ ! -e "$inst/$f" ] || fail "$f is still there after uninstalling"
done
[ ! -e "$start_menu" ] && [ ! -e "$desktop" ] || fail "a shortcut is still there after uninstalling"
[ "$(cd "$data" && find . -type f -print0 | sort -z | xargs -0 sha256sum)" == "$before" ] \
    || fail "uninstalling changed the ledger"
echo "uninstalled: the program and shortcuts are gone, the ledger is as it was"
