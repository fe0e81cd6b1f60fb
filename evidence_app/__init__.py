"""举证助手 (evidence_app): collect, check and export dispute evidence for online-shop after-sales agents."""

import sys

if sys.platform == "win32" and "platform" not in sys.modules:
    # Python 3.12+'s platform module asks WMI for the Windows version (pypdfium2 calls platform.system() on import):
    # slow on Windows and fatal under Wine 8 (propsys.VariantToString is missing). Without _wmi it reads
    # sys.getwindowsversion() instead, which is all anyone here needs.
    sys.modules.setdefault("_wmi", None)  # type: ignore[arg-type]

from importlib.metadata import PackageNotFoundError, version as _version  # noqa: E402

try:
    __version__ = _version("evidence_app")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+source"
