#!/usr/bin/env bash
# Installs whatever is missing, builds the release and serves it locally.
# Usage: scripts/start.sh [port]   (default 8080)
source "$(dirname "$0")/lib.sh"

PORT="${1:-8080}"
ensure_build_tools
build_release
step "Serving dist/"
exec node scripts/serve.mjs --dir dist --port "$PORT" --base /
