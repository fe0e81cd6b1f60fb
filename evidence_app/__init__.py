"""举证助手 (evidence_app): collect, check and export dispute evidence for online-shop after-sales agents."""

from importlib.metadata import PackageNotFoundError, version as _version

try:
    __version__ = _version("evidence_app")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+source"
