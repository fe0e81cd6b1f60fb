"""举证助手 (evidence_app): collect, check and export dispute evidence for online-shop after-sales agents."""

import sys

if sys.platform == "win32" and "platform" not in sys.modules:
    # Python 3.12+'s platform module asks WMI for the Windows version (pypdfium2 calls platform.system() on import):
    # slow on Windows and fatal under Wine 8 (propsys.VariantToString is missing). Without _wmi it reads
    # sys.getwindowsversion() instead, which is all anyone here needs.
    sys.modules.setdefault("_wmi", None)  # type: ignore[arg-type]

# Written here, not read from the installed package's metadata: importing importlib.metadata cost every process
# (the app, the CLI, each image worker) 60 ms at start. tests/unit/test_version.py keeps it equal to pyproject.toml's.
__version__ = "0.1.0"
