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
