#!/usr/bin/env bash
# Run the whole test suite: unit, Flask client, real-browser, axe and validator tests.
# Installs what it needs: the venv with the test extra; as root, Debian's chromium, nginx,
# redis-server, wrk and epubcheck, and DAISY Ace from npm (kept in ~/.cache/vorleser-tools so later runs reuse it).
# Extra arguments go to pytest, e.g. scripts/test.sh -k reader -x
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/_venv.sh test

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
[ -f /usr/share/java/epubcheck.jar ] || missing+=(epubcheck)
command -v redis-server >/dev/null || [ -x /usr/bin/redis-server ] || missing+=(redis-server)  # queue tests
command -v wrk >/dev/null || missing+=(wrk)  # the X-Accel bench row
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "==> installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Missing for the tests: ${missing[*]}. Install once with: sudo apt-get install -y ${missing[*]}" >&2
    [ "${CI:-}" = "true" ] && exit 1
  fi
fi

export VORLESER_ACE_DIR="${VORLESER_ACE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/vorleser-tools/ace}"
if [ ! -x "$VORLESER_ACE_DIR/node_modules/.bin/ace-cli" ] && command -v npm >/dev/null; then
  echo "==> installing DAISY Ace (EPUB accessibility checker) into $VORLESER_ACE_DIR"
  mkdir -p "$VORLESER_ACE_DIR"
  (cd "$VORLESER_ACE_DIR" && ELECTRON_SKIP_BINARY_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 \
     npm install --silent --no-audit --no-fund @daisy/ace-cli @daisy/ace-axe-runner-puppeteer >/dev/null) \
    || echo "warning: installing DAISY Ace failed; its test will say what to do" >&2
fi

set +e
.venv/bin/python -m pytest "$@"
code=$?
set -e
if [ "$code" = 5 ]; then
  echo "error: pytest collected no tests" >&2
  exit 1
fi
exit "$code"
