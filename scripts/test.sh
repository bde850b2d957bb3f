#!/usr/bin/env bash
# Installs the test tools and runs every test. Stops at the first failure.
source "$(dirname "$0")/lib.sh"

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
cargo test --target wasm32-unknown-unknown --tests

build_release

step "Size budget and subresource integrity of dist/"
node scripts/check-dist.mjs dist

step "End-to-end tests (Playwright, Chromium, release build under /care/)"
npx playwright test
