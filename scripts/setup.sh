# Shared set-up for run.sh and test.sh: installs only what is missing (Debian 12).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Cargo's build output lives outside the checkout so repeated runs are incremental.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/complaint-desk/target}"

# What building and running the desktop app needs (WebKitGTK for the window, CJK fonts
# for the screens and printed forms).
APP_DEBS=(build-essential pkg-config libwebkit2gtk-4.1-dev libssl-dev file fonts-noto-cjk)

need_debs() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if ((${#missing[@]})); then
        echo "installing Debian packages: ${missing[*]}"
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

need_rust() {
    if ! command -v cargo >/dev/null; then
        echo "cargo not found: install Rust from https://rustup.rs (the project builds with stable Rust)" >&2
        exit 1
    fi
    rustup component list --installed 2>/dev/null | grep -q clippy || rustup component add clippy rustfmt >/dev/null 2>&1 || true
}

# Node 18.19 or newer builds the UI; Debian 12's own nodejs is new enough.
need_node() {
    if ! command -v node >/dev/null; then
        need_debs nodejs
    fi
    if ! command -v npm >/dev/null; then
        need_debs npm
    fi
    if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) < 18 ? 1 : 0)'; then
        echo "Node.js 18 or newer is needed to build the UI (found $(node --version))" >&2
        exit 1
    fi
}

# The product's version, the workspace's (Cargo.toml), which names every package.
product_version() {
    sed -n 's/^version = "\(.*\)"/\1/p' "$ROOT/Cargo.toml" | head -1
}

# The release build that packages carry: no line tables or symbols, thin LTO and
# optimised for size (SQLite's C too), which takes the Windows exe from 52 MB to a
# fraction of it; BENCHMARKS.md has the sizes. A development release build keeps
# Cargo.toml's settings.
package_profile() {
    export CARGO_PROFILE_RELEASE_DEBUG=false CARGO_PROFILE_RELEASE_STRIP=true \
        CARGO_PROFILE_RELEASE_LTO=thin CARGO_PROFILE_RELEASE_OPT_LEVEL=s
}

# Installs the UI's packages exactly as locked (skipped when they are already there)
# and builds it into ui/dist, which the app embeds. After an `npm install` in ui/, run
# scripts/lock-optional-stubs.py, or `npm ci` refuses the lock (see that script).
build_ui() {
    need_node
    cd "$ROOT/ui"
    if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
        npm ci --no-audit --no-fund --loglevel=error
    fi
    npx --no-install vue-tsc --noEmit
    npx --no-install vite build --logLevel warn
    cd "$ROOT"
}
