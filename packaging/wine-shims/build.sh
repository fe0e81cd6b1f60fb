#!/usr/bin/env bash
# Builds the test-only DLLs our Wine smoke test needs beyond ../shared/tools/wine-shims (icuuc, mscms):
#   bcryptprimitives.dll - ProcessPrng, which Qt6Pdf needs and Wine 8 lacks.
# Needs: apt-get install gcc-mingw-w64-x86-64-win32. Usage: build.sh OUTDIR. Never shipped.
set -euo pipefail
out=${1:?usage: build.sh OUTDIR}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
x86_64-w64-mingw32-gcc -shared -O2 -o "$out/bcryptprimitives.dll" "$here/bcryptprimitives_shim.c" -ladvapi32
echo "built $out/bcryptprimitives.dll"
# crtmshim.dll - creal/cimag (and the float/long forms) for numpy 2, which Wine 8's ucrtbase lacks (issue 11:
# the OCR engines need numpy). `build.sh OUTDIR PYD`: forwards every other math function PYD imports to ucrtbase.
if [ -n "${2:-}" ]; then
  own="creal cimag crealf cimagf creall cimagl"
  {
    echo "LIBRARY crtmshim.dll"
    echo "EXPORTS"
    for f in $own; do echo "  $f"; done
    x86_64-w64-mingw32-objdump -p "$2" | awk '/DLL Name/{dll=$3} dll=="api-ms-win-crt-math-l1-1-0.dll" && /^\t[0-9a-f]+\t/{print $NF}' \
      | grep -vxF -f <(tr ' ' '\n' <<<"$own") | sed 's/.*/  &=ucrtbase.&/'
  } > "$out/crtmshim.def"
  x86_64-w64-mingw32-gcc -shared -O2 -fno-builtin -o "$out/crtmshim.dll" "$here/crtmath_shim.c" "$out/crtmshim.def"
  echo "built $out/crtmshim.dll"
fi
