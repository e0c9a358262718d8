#!/usr/bin/env bash
# Prints the packages' table: the stripped release binary, the .deb and .rpm, the Windows
# installer (when dist/ has one: scripts/package.sh --windows), what the .deb installs,
# and the cold start of the installed release app beside a bare Tauri window's, measured
# in the same run by bench-app on a small demo office (BENCH_CASES, default 3,000).
# Installs the release .deb and removes it again unless it was installed before.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
need_debs "${APP_DEBS[@]}" xvfb xauth webkit2gtk-driver
bash "$ROOT/scripts/package.sh"
version="$(product_version)"
deb="$ROOT/dist/complaint-desk_${version}_amd64.deb"
rpm="$ROOT/dist/complaint-desk-${version}-1.x86_64.rpm"
exe="$ROOT/dist/ComplaintDesk_${version}_x64-setup.exe"
mb() { [ -f "$1" ] && awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f MB", b / 1e6 }' || echo "not built"; }
had=0
dpkg-query -W -f='${Status}' complaint-desk 2>/dev/null | grep -q "install ok installed" && had=1
apt-get install -y -qq "$deb" >/dev/null
installed_kb="$(dpkg-query -W -f='${Installed-Size}' complaint-desk)"
cargo build --release -q -p desk-e2e --bin bench-app
cargo build --release -q -p complaint-desk --features bare-window --example bare-window
data="$(mktemp -d)"
/usr/bin/complaint-desk --data-dir "$data" demo --cases "${BENCH_CASES:-3000}" --months 3 >/dev/null
start="$(BENCH_ROUNDS=0 COMPLAINT_DESK_APP=/usr/bin/complaint-desk \
    COMPLAINT_DESK_BARE_WINDOW="$CARGO_TARGET_DIR/release/examples/bare-window" \
    xvfb-run -a -s "-screen 0 1366x768x24" "$CARGO_TARGET_DIR/release/bench-app" "$data" 2>/dev/null \
    | grep -E 'start to the sign-in|cold start|floor: a bare Tauri window, start')"
rm -rf "$data"
[ "$had" = 1 ] || apt-get remove -y -qq complaint-desk >/dev/null
echo
echo "| measurement ($version) | result | target |"
echo "|---|---|---|"
echo "| release binary as packaged (stripped, thin LTO, opt-level s) | $(mb "$CARGO_TARGET_DIR-dist/release/complaint-desk") | - |"
echo "| .deb (depends on fonts-noto-cjk, carries no font) | $(mb "$deb") | ≤ 15 MB |"
echo "| installed by the .deb (dpkg Installed-Size) | $(awk -v k="$installed_kb" 'BEGIN { printf "%.1f MB", k * 1024 / 1e6 }') | - |"
echo "| .rpm (carries the 19.5 MB font) | $(mb "$rpm") | - |"
echo "| Windows setup.exe (app, console program, WebView2Loader.dll, font; LZMA) | $(mb "$exe") | ≤ 25 MB |"
echo "$start" | sed 's/^/| installed: /; s/^| installed: | /| installed: /'
