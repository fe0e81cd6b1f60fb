#!/usr/bin/env bash
# Makes .venv (if missing) and installs the app with the given extras. Sourced by run.sh and test.sh.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
extras=${1:-gui}
py=${PYTHON:-python3}
if [ ! -x "$root/.venv/bin/python" ]; then
  "$py" -m venv "$root/.venv"
fi
"$root/.venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
"$root/.venv/bin/python" -m pip install --quiet --disable-pip-version-check -e "$root[$extras]"
# Qt translations: the .ts sources are in git, the .qm files are built here.
if [ -x "$root/.venv/bin/pyside6-lrelease" ]; then
  for ts in "$root"/resources/translations/*.ts; do
    "$root/.venv/bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
  done
fi
