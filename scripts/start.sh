#!/usr/bin/env bash
# Start Vorleser: create the venv, build the bundled article offline (cached), serve the reader.
# Usage: scripts/start.sh [--host H] [--port P]     (no root, no system packages needed)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/_venv.sh ""   # the explicit "" keeps our own arguments away from it
AUDIO_DIR="${VORLESER_AUDIO_DIR:-audio}"
echo "==> building the bundled article (cached after the first run)"
.venv/bin/vorleser build --out "$AUDIO_DIR"
exec .venv/bin/vorleser serve --audio-dir "$AUDIO_DIR" "$@"
