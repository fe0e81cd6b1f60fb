#!/usr/bin/env bash
# Sets up .venv and starts 举证助手. An empty library gets the sample case (示例案例) first.
# The library is the per-user data folder unless EVIDENCE_APP_DATA_DIR or --data-dir says otherwise.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/scripts/setup_env.sh" gui,read >&2
# On a Linux desktop Qt's xcb platform plugin needs a few system libraries a fresh Debian may lack.
xcb=$(ls "$root"/.venv/lib/python3*/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so 2>/dev/null | head -n 1)
if [ "$(uname -s)" = Linux ] && [ -z "${QT_QPA_PLATFORM:-}" ] && [ -n "$xcb" ] \
   && ldd "$xcb" 2>/dev/null | grep -q "not found"; then
  libs="libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
        libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libegl1 libgl1 libfontconfig1 libdbus-1-3"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing the X11 libraries Qt needs" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $libs >/dev/null
  else
    echo "Qt needs: sudo apt-get install $(echo $libs)" >&2
  fi
fi
exec "$root/.venv/bin/python" -m evidence_app.launch "$@"
