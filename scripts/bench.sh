#!/usr/bin/env bash
# Builds the release and measures it: transfer sizes, Lighthouse (mobile) for
# every section and for a static reference page, first paint against a plain
# page, time to interactive, and the WASM's largest contributors (twiggy).
# Prints the figures and writes them to docs/BENCHMARKS.md.
source "$(dirname "$0")/lib.sh"

ensure_build_tools
ensure_chromium
ensure_twiggy
build_release
step "Benchmark"
node scripts/bench.mjs
