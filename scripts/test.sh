#!/usr/bin/env bash
# Installs the test tools and runs every test. Stops at the first failure.
source "$(dirname "$0")/lib.sh"

# A cold run writes about 8 GB (target/, node_modules/, browser profiles);
# a full disk shows up later as a linker "Bus error", so say it first.
free_kb="$(df -Pk . 2>/dev/null | awk 'NR == 2 { print $4 }' || true)"
if [ "${free_kb:-0}" -lt $((10 * 1024 * 1024)) ]; then
  echo "warning: $((free_kb / 1024)) MB free on this disk; a cold run needs about 10 GB" >&2
fi

ensure_rust_components
ensure_build_tools
ensure_chromium
ensure_python_packages

step "Formatting (cargo fmt --check)"
cargo fmt --all -- --check

step "Lints, native (cargo clippy)"
cargo clippy --all-targets -- -D warnings

step "Lints, wasm32"
cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings

step "Unit tests, native (cargo test)"
cargo test

step "Readability of the FAQ answers (textstat: en, es, pt-BR)"
"$PYTHON" scripts/readability.py --quiet

step "Browser module tests (wasm-bindgen-test in headless Chromium)"
# ChromeDriver leaves each test file's browser profile (about 80 MB) in
# TMPDIR; over a few runs that filled a disk. They go in one folder, removed.
browser_profiles="$(mktemp -d "${TMPDIR:-/tmp}/microcare-browser-tests.XXXXXX")"
trap 'rm -rf "$browser_profiles"' EXIT
TMPDIR="$browser_profiles" cargo test --target wasm32-unknown-unknown --tests
rm -rf "$browser_profiles"

build_release

step "Size budget and subresource integrity of dist/"
node scripts/check-dist.mjs dist

step "End-to-end tests (Playwright, Chromium, release build under /care/)"
npx playwright test
