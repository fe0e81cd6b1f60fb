#!/usr/bin/env bash
# Smoke test of the Windows installer under Wine, in a throwaway prefix and HOME:
# silent install, files/shortcuts/registry, the installed app's self-test (PDF checked on the Linux side), the real
# window started from the Start-menu shortcut under Xvfb and screenshotted, silent uninstall (library kept).
#   packaging/smoke_windows.sh [SETUP_EXE]      (default: the newest dist/*setup*.exe)
# Needs Debian's wine64, wine, xvfb, xauth, xdotool, gcc-mingw-w64-x86-64-win32, poppler-utils, qpdf
# (installed with apt-get when missing). Artefacts (logs, PDF, screenshot) go to build/smoke/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
setup=${1:-$(ls -t "$root"/dist/*setup*.exe 2>/dev/null | head -n 1)}
[ -f "$setup" ] || { echo "no installer: build one with packaging/build_windows.sh" >&2; exit 2; }
setup=$(readlink -f "$setup")
need=()
dpkg -s wine64 >/dev/null 2>&1 || need+=(wine64)
for tool in wine:wine xvfb-run:xvfb xauth:xauth xdotool:xdotool x86_64-w64-mingw32-gcc:gcc-mingw-w64-x86-64-win32 \
            pdftotext:poppler-utils qpdf:qpdf; do
  command -v "${tool%%:*}" >/dev/null || need+=("${tool##*:}")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

out="$root/build/smoke"
rm -rf "$out"
mkdir -p "$out"
work=$(mktemp -d /tmp/evidence-smoke.XXXXXX)
export WINEPREFIX="$work/prefix" HOME="$work/home" WINEDEBUG=-all WINEARCH=win64
export WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree,mshtml=;bcryptprimitives=n"
mkdir -p "$HOME"
cleanup() { wineserver -k >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "SMOKE FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }
w() { wine "$@" 2>&1 | cat; }  # piped: writing Wine's output straight to a file breaks Python's streams

step "Wine prefix"
wineboot -i >/dev/null 2>&1 || true
wineserver -w
w reg add 'HKCU\Software\Wine' /v Version /d win10 /f >/dev/null
# Test-only stand-ins for what Wine 8 lacks and Windows 10+ has (never shipped): icuuc and mscms from
# ../shared/tools/wine-shims, bcryptprimitives (ProcessPrng, needed by Qt6Pdf) from packaging/wine-shims.
shared_shims="$root/../shared/tools/wine-shims/build.sh"
[ -f "$shared_shims" ] || fail "missing $shared_shims (the shared/ folder beside the checkout)"
bash "$shared_shims" "$work/shims" >/dev/null
bash "$root/packaging/wine-shims/build.sh" "$work/shims" >/dev/null
cp "$work/shims/icuuc.dll" "$work/shims/mscms.dll" "$work/shims/bcryptprimitives.dll" \
   "$WINEPREFIX/drive_c/windows/system32/"
user=$(whoami)
local_app="$WINEPREFIX/drive_c/users/$user/AppData/Local"
inst="$local_app/Programs/evidence_app"
start_menu="$WINEPREFIX/drive_c/users/$user/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/举证助手"
desktop="$WINEPREFIX/drive_c/users/$user/Desktop"

step "silent install: $(basename "$setup") ($(du -k "$setup" | cut -f1) KB)"
start=$(date +%s)
w "$setup" /S
wineserver -w
echo "installed in $(( $(date +%s) - start )) s, $(du -sk "$inst" | cut -f1) KB"
for f in python/pythonw.exe python/python.exe python/python313._pth app/evidence_app/__main__.py \
         app/resources/fonts/wqy-microhei.ttc app/resources/translations/evidence_app_zh_CN.qm \
         pkgs/PySide6/Qt6Pdf.dll licenses/NOTICE.txt uninstall.exe app.ico; do
  [ -f "$inst/$f" ] || fail "missing $f"
done
[ -f "$start_menu/举证助手.lnk" ] || fail "no Start-menu shortcut"
[ -f "$desktop/举证助手.lnk" ] || fail "no desktop shortcut"
key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\evidence_app'
w reg query "$key" > "$out/uninstall-key.txt"
for value in DisplayName DisplayVersion Publisher UninstallString QuietUninstallString EstimatedSize; do
  grep -q "$value" "$out/uninstall-key.txt" || fail "uninstall key lacks $value"
done
# reg's console output is not UTF-8 under Wine: read the Chinese name from the saved registry file instead
wineserver -w
grep -qi '"DisplayName"="\\x4e3e\\x8bc1\\x52a9\\x624b"' "$WINEPREFIX/user.reg" || fail "DisplayName is not 举证助手"
version=$(python3 -c "import tomllib;print(tomllib.load(open('$root/pyproject.toml','rb'))['project']['version'])")
grep -q "$version" "$out/uninstall-key.txt" || fail "DisplayVersion is not $version"
w reg query 'HKCU\Software\Classes\.evpack' > /dev/null || fail ".evpack is not associated"

# Test-only, for Wine 8 (Windows 10 has these): numpy's math imports go to crtmshim.dll (creal/cimag & co.,
# the rest forwarded to ucrtbase); the installed numpy is patched here, in the Wine prefix, never in the build.
umath="$inst/pkgs/numpy/_core/_multiarray_umath.cp313-win_amd64.pyd"
if [ -f "$umath" ]; then
  bash "$root/packaging/wine-shims/build.sh" "$work/shims" "$umath" >/dev/null
  cp "$work/shims/crtmshim.dll" "$WINEPREFIX/drive_c/windows/system32/"
  python3 - "$umath" <<'PATCH'
import sys
path = sys.argv[1]
data = open(path, "rb").read()
old = b"api-ms-win-crt-math-l1-1-0.dll\0"
data = data.replace(old, b"crtmshim.dll".ljust(len(old), b"\0"))
open(path, "wb").write(data)
PATCH
fi

step "self-test of the installed app (offscreen)"
QT_QPA_PLATFORM=offscreen w "$inst/python/python.exe" -m evidence_app --selftest 'C:\selftest' | tee "$out/selftest.log"
st="$WINEPREFIX/drive_c/selftest"
grep -q "RESULT: PASS" "$st/selftest.txt" || fail "self-test did not pass"
grep -q "^ok   reading.*waybill_photo, SF1234567890123" "$st/selftest.txt" \
  || fail "the installed app did not read the waybill (OCR + Code 128)"
cp -r "$st" "$out/selftest"
text=$(pdftotext "$st/selftest.pdf" -)  # captured first: grep -q in a pipe would trip pipefail with SIGPIPE
grep -q "举证材料" <<<"$text" || fail "no Chinese text in the self-test PDF"
tr -d " " <<<"$text" | grep -c "第1页/共" >/dev/null || fail "no page footer in the self-test PDF"
qpdf --check "$st/selftest.pdf" >/dev/null || fail "qpdf --check failed on the self-test PDF"
ls "$st/upload"/举证图片_*/01_*.jpg >/dev/null || fail "no upload images"
grep -q "^ok   video" "$st/selftest.txt" || fail "the self-test did not add and export a video"
grep -q "^ok   photo path.*OpenCV in the workers" "$st/selftest.txt" \
  || fail "the installed app's image workers did not prepare a photo through OpenCV"
grep -q "00:00:01.0" <<<"$(pdftotext "$st/selftest_video.pdf" -)" || fail "no key-frame timecode in the video PDF"
[ -f "$inst/licenses/FFmpeg-NOTICE.txt" ] || fail "FFmpeg's licence notice is missing"

step "the real window, from the Start-menu shortcut, under Xvfb"
cat > "$work/gui.sh" <<GUI
set -u
export WINEDLLOVERRIDES="\$WINEDLLOVERRIDES;mscms=n"
wine start /unix "$start_menu/举证助手.lnk" >/dev/null 2>&1
for i in \$(seq 1 120); do
  wid=\$(xdotool search --name "举证助手" 2>/dev/null | head -n 1)
  [ -n "\$wid" ] && break
  sleep 1
done
[ -n "\${wid:-}" ] || { echo "no window appeared"; exit 1; }
sleep 8  # let it paint the case list, the board and the thumbnails
python3 - "$out/window.png" <<'PY'
import os, sys, subprocess
from PIL import ImageGrab
ImageGrab.grab(xdisplay=os.environ["DISPLAY"]).save(sys.argv[1])
PY
echo "window \$wid: \$(xdotool getwindowname \$wid)"
GUI
pyimg="$root/.venv/bin/python"
[ -x "$pyimg" ] || pyimg=python3
sed -i "s#^python3 - #$pyimg - #" "$work/gui.sh"
xvfb-run -a -s "-screen 0 1600x1000x24" bash "$work/gui.sh" | tee "$out/gui.log"
grep -q "^window" "$out/gui.log" || fail "the window did not appear"
[ -s "$out/window.png" ] || fail "no screenshot"
wineserver -k >/dev/null 2>&1 || true
wineserver -w
[ -f "$local_app/evidence_app/library.sqlite3" ] || fail "the app did not create its library"

step "install again over it (upgrade in place keeps the library)"
echo "stale file from an older version" > "$inst/app/evidence_app/stale_module_from_old_version.py"
w "$setup" /S
wineserver -w
[ ! -e "$inst/app/evidence_app/stale_module_from_old_version.py" ] || fail "the upgrade left an old program file"
[ -f "$inst/python/pythonw.exe" ] || fail "the upgrade lost the program"
[ -f "$local_app/evidence_app/library.sqlite3" ] || fail "the upgrade touched the user's library"
kinds=$(QT_QPA_PLATFORM=offscreen w "$inst/python/python.exe" -m evidence_app --data-dir 'C:\smoke-lib' kinds)
grep -q "signature_slip" <<<"$kinds" || fail "the upgraded app does not run"
grep -q "签收底单" <<<"$kinds" || fail "the upgraded app does not print Chinese"

step "silent uninstall (the library stays)"
w "$inst/uninstall.exe" /S "_?=$(winepath -w "$inst" 2>/dev/null | tr -d '\r')"
wineserver -w
for f in python app pkgs licenses app.ico; do
  [ ! -e "$inst/$f" ] || fail "uninstall left $f"
done
[ ! -e "$start_menu" ] || fail "uninstall left the Start-menu folder"
[ ! -e "$desktop/举证助手.lnk" ] || fail "uninstall left the desktop shortcut"
left=$(w reg query "$key" 2>/dev/null || true)
if grep -q DisplayName <<<"$left"; then fail "uninstall left the registry key"; fi
[ -f "$local_app/evidence_app/library.sqlite3" ] || fail "uninstall removed the user's library"
echo "SMOKE PASS: installer $(du -k "$setup" | cut -f1) KB; artefacts in $out"
