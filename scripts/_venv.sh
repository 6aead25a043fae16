# Shared by start.sh and test.sh: create .venv and install the project into it (idempotent).
# Usage: . scripts/_venv.sh [extra]   (extra = "test" installs the test extra)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="${PYTHON:-python3}"
extra="${1:-}"
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "error: Python 3.11 or newer is needed (found: $("$PY" --version 2>&1)). Set PYTHON=/path/to/python3.11." >&2
  exit 2
fi
if [ ! -x "$VENV/bin/python" ]; then
  echo "==> creating $VENV"
  "$PY" -m venv "$VENV" || { echo "error: 'python3 -m venv' failed; on Debian/Ubuntu run: apt-get install python3-venv" >&2; exit 2; }
fi
spec="$ROOT"
[ -n "$extra" ] && spec="$ROOT[$extra]"
stamp="$VENV/.installed-$(echo "$extra" | tr -c 'a-z' '_')"
if [ ! -f "$stamp" ] || [ "$ROOT/pyproject.toml" -nt "$stamp" ]; then
  echo "==> installing vorleser${extra:+ with [$extra]} into .venv"
  "$VENV/bin/python" -m pip install --quiet --upgrade pip >/dev/null
  # setuptools warns about every editable install of a package with a mapped folder (templates/ ships
  # as app.templates); that warning is not for our users.
  PYTHONWARNINGS=ignore::UserWarning "$VENV/bin/python" -m pip install --quiet -e "$spec"
  touch "$stamp"
fi
