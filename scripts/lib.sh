# Shared install steps for start.sh and test.sh. Each step is idempotent:
# it checks what is installed and at which version, and installs only what is
# missing. Sourced, not run.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="version_132"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

# The wasm-bindgen version Cargo.lock resolved; the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

# The pinned nightly that compiles the release WASM with its own standard
# library (why: scripts/wasm-build.mjs, step 1), with the library's source
# and the WASM target. About 10 s and 250 MB, once.
release_toolchain() {
  sed -n "s/^const RELEASE_TOOLCHAIN = '\(.*\)';$/\1/p" scripts/wasm-build.mjs
}

ensure_release_toolchain() {
  local toolchain
  toolchain="$(release_toolchain)"
  if [ -z "$toolchain" ]; then
    echo "scripts/wasm-build.mjs names no RELEASE_TOOLCHAIN" >&2
    exit 1
  fi
  if ! rustup component list --toolchain "$toolchain" --installed 2>/dev/null | grep -qx rust-src ||
    ! rustup target list --toolchain "$toolchain" --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    step "Installing Rust $toolchain for the release WASM (about 10 s, once)"
    rustup toolchain install "$toolchain" --profile minimal \
      --component rust-src --target wasm32-unknown-unknown
  fi
}

ensure_rust_components() {
  local missing=()
  cargo fmt --version >/dev/null 2>&1 || missing+=(rustfmt)
  cargo clippy --version >/dev/null 2>&1 || missing+=(clippy)
  if [ ${#missing[@]} -gt 0 ]; then
    step "Adding ${missing[*]}"
    rustup component add "${missing[@]}"
  fi
}

ensure_trunk() {
  if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
    step "Installing Trunk $TRUNK_VERSION (takes several minutes, once)"
    cargo install trunk --locked --version "$TRUNK_VERSION"
  fi
}

ensure_wasm_bindgen_cli() {
  local version
  version="$(wasm_bindgen_version)"
  if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $version"; then
    step "Installing wasm-bindgen-cli $version (takes a few minutes, once)"
    # Not --locked: its lock file names a crate version the registry lacks.
    cargo install wasm-bindgen-cli --version "$version"
  fi
}

# The WASM split (scripts/wasm-build.mjs): the CLI of the crate Leptos's own
# split tooling uses, wasm_split_cli_support. Its lock file resolves here.
WASM_SPLIT_VERSION="0.2.4"

ensure_wasm_split_cli() {
  if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    step "Installing wasm-split-cli $WASM_SPLIT_VERSION (takes about 3 minutes, once)"
    cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
  fi
}

ensure_npm_packages() {
  local stamp=node_modules/.microcare-lock.sha256 want
  want="$(sha256sum package-lock.json | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    step "Installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund
    echo "$want" > "$stamp"
  fi
  if ! wasm-opt --version 2>/dev/null | grep -q "($BINARYEN_VERSION)"; then
    echo "wasm-opt on PATH is not binaryen $BINARYEN_VERSION" >&2
    exit 1
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    step "Installing Chromium and ChromeDriver from Debian packages"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
  fi
  export CHROMEDRIVER=/usr/bin/chromedriver
}

# The readability report (scripts/readability.py) needs textstat 0.7.3:
# later versions download a dictionary at run time, which fails offline.
TEXTSTAT_VERSION="0.7.3"
PYPHEN_VERSION="0.17.2"

# In a virtual environment of the project's own (.venv-tools), so that a
# system Python that refuses pip installs (PEP 668, Debian's) is left alone.
PYTHON="$ROOT/.venv-tools/bin/python"

ensure_python_packages() {
  if [ ! -x "$PYTHON" ]; then
    step "Creating a Python environment for the test tools (.venv-tools)"
    if ! python3 -m venv "$ROOT/.venv-tools" 2>/dev/null; then
      rm -rf "$ROOT/.venv-tools"
      as_root apt-get update
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y python3-venv
      python3 -m venv "$ROOT/.venv-tools"
    fi
  fi
  if ! "$PYTHON" - "$TEXTSTAT_VERSION" "$PYPHEN_VERSION" <<'PY' 2>/dev/null
import sys
from importlib.metadata import version
sys.exit(0 if (version("textstat"), version("pyphen")) == tuple(sys.argv[1:3]) else 1)
PY
  then
    step "Installing textstat $TEXTSTAT_VERSION and pyphen $PYPHEN_VERSION (Python)"
    "$PYTHON" -m pip install --quiet --disable-pip-version-check \
      "textstat==$TEXTSTAT_VERSION" "pyphen==$PYPHEN_VERSION"
  fi
}

# For the benchmark only: the largest contributors to the WASM.
ensure_twiggy() {
  if ! twiggy --version >/dev/null 2>&1; then
    step "Installing twiggy (takes several minutes, once)"
    cargo install twiggy --locked --version 0.8.0 || cargo install twiggy --version 0.8.0
  fi
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_release_toolchain
  ensure_trunk
  ensure_wasm_bindgen_cli
  ensure_wasm_split_cli
  ensure_npm_packages
}

build_release() {
  step "Building the release into dist/"
  trunk build --release
}
