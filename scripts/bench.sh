#!/usr/bin/env bash
# Builds the release and measures it for issue #23 (scripts/bench.mjs):
# transfer sizes per section, then Lighthouse mobile on every section deep
# link against a plain page of the same text, with devtools and with
# simulated throttling, and the WASM's largest items (twiggy). Reports
# figures, asserts nothing; writes the latest run into docs/BENCHMARKS.md.
#
#   ./scripts/bench.sh
#   BENCH_SKIP_BUILD=1 ./scripts/bench.sh   # measure the dist/ already built
#   BENCH_RUNS=7 ./scripts/bench.sh         # Lighthouse runs per page and method (5)
source "$(dirname "$0")/lib.sh"

if [ "${BENCH_SKIP_BUILD:-0}" = 1 ]; then
  ensure_npm_packages
  if [ ! -f dist/index.html ]; then
    echo "BENCH_SKIP_BUILD=1 but dist/index.html is missing: build first" >&2
    exit 1
  fi
else
  ensure_build_tools
fi
ensure_chromium
ensure_twiggy
if [ "${BENCH_SKIP_BUILD:-0}" = 1 ]; then
  step "Skipping the build (BENCH_SKIP_BUILD=1): measuring dist/ as it is"
else
  build_release
fi
step "Benchmark"
node scripts/bench.mjs
