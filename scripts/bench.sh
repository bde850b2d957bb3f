#!/usr/bin/env bash
# Builds the release and measures it: transfer sizes, Lighthouse (mobile) for
# every section and for a static reference page, and time to interactive.
# Prints the figures and writes them to docs/BENCHMARKS.md.
source "$(dirname "$0")/lib.sh"

ensure_build_tools
ensure_chromium
build_release
step "Benchmark"
node scripts/bench.mjs
