#!/usr/bin/env bash
# Sets up .venv and starts 举证助手. An empty library gets the sample case (示例案例) first.
# The library is the per-user data folder unless EVIDENCE_APP_DATA_DIR or --data-dir says otherwise.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/scripts/setup_env.sh" gui >&2
exec "$root/.venv/bin/python" -m evidence_app.launch "$@"
