"""What a killed run leaves behind, found and removed at the next start.

A kill (or power cut) during an export leaves a `.~name.pdf.XXXX.part` beside the target, a staging folder in the
upload target and a render folder in the system temp. Each of those is made under a name that carries the
process id, and the ones beside the user's files are also recorded in a small journal, so a later process can
remove exactly what a dead process of ours wrote — never anything else, and never a live process's work.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

_TEMP_DIR_RE = re.compile(r"^evidence-[a-z]+-(\d+)-")
_cleaned = False


def pid_alive(pid: int) -> bool:
    """Whether a process with this id is running (a reused id counts as alive: its leftovers wait a while)."""
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    if os.name == "nt":  # os.kill would terminate it on Windows
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.get_last_error() == 5  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def journal_dir() -> Path:
    return Path(tempfile.gettempdir()) / "evidence_app-inflight"


def temp_prefix(kind: str) -> str:
    """Prefix of a system-temp folder of this process: `evidence-<kind>-<pid>-`."""
    return f"evidence-{kind}-{os.getpid()}-"


@contextlib.contextmanager
def recorded(path: Path) -> Iterator[None]:
    """Note `path` (a temp file or folder we create beside the user's files) in the journal while we work."""
    record = None
    with contextlib.suppress(OSError):
        folder = journal_dir()
        folder.mkdir(exist_ok=True)
        record = folder / f"{os.getpid()}-{uuid.uuid4().hex}.txt"
        record.write_text(str(path), encoding="utf-8")
    try:
        yield
    finally:
        if record is not None:
            with contextlib.suppress(OSError):
                record.unlink()


@contextlib.contextmanager
def staging_dir(folder: Path, prefix: str) -> Iterator[Path]:
    """A new folder `<prefix>XXXX.part` inside `folder`, removed on failure (on success the caller renames it)."""
    path = Path(tempfile.mkdtemp(prefix=prefix, suffix=".part", dir=folder))
    with recorded(path):
        try:
            yield path
        finally:
            if path.exists():
                shutil.rmtree(path, ignore_errors=True)


def _ours(path: Path) -> bool:
    """Only names we make: `.~…part` files and folders."""
    return path.name.startswith(".~") and path.name.endswith(".part")


def clean_folder(folder: Path) -> int:
    """Temp folders `.tmp-<pid>-…` of dead processes inside one of our own folders (the thumbnail cache)."""
    removed = 0
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            match = re.match(r"^\.tmp-(\d+)-", entry.name)
            if match and entry.is_dir(follow_symlinks=False) and not pid_alive(int(match.group(1))):
                shutil.rmtree(entry.path, ignore_errors=True)
                removed += 1
    return removed


def clean(force: bool = False) -> int:
    """Remove what dead processes of ours left behind; once per process. Returns how many entries went."""
    global _cleaned
    if _cleaned and not force:
        return 0
    _cleaned = True
    removed = 0
    with contextlib.suppress(OSError):
        for record in journal_dir().glob("*.txt"):
            pid = int(record.name.split("-", 1)[0]) if record.name.split("-", 1)[0].isdigit() else 0
            if pid_alive(pid):
                continue
            with contextlib.suppress(OSError, ValueError):
                target = Path(record.read_text(encoding="utf-8").strip())
                if _ours(target) and target.is_dir() and not target.is_symlink():
                    shutil.rmtree(target, ignore_errors=True)
                    removed += 1
                elif _ours(target) and target.exists():
                    target.unlink()
                    removed += 1
            with contextlib.suppress(OSError):
                record.unlink()
    with contextlib.suppress(OSError), os.scandir(tempfile.gettempdir()) as entries:
        for entry in entries:
            match = _TEMP_DIR_RE.match(entry.name)
            if match and entry.is_dir(follow_symlinks=False) and not pid_alive(int(match.group(1))):
                shutil.rmtree(entry.path, ignore_errors=True)
                removed += 1
    return removed
