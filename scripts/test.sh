#!/usr/bin/env bash
# Run the whole test suite: unit, Flask client, real-browser and axe tests.
# Installs what it needs: the venv with the test extra, and Debian's chromium (as root).
# Extra arguments go to pytest, e.g. scripts/test.sh -k reader -x
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/_venv.sh test

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "==> installing Debian's chromium for the browser tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing. Install it once with: sudo apt-get install -y chromium" >&2
    [ "${CI:-}" = "true" ] && exit 1
  fi
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
