"""Content-addressed file store: every evidence file lives once under its SHA-256, never modified."""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from pathlib import Path

from evidence_app.storage.atomic import fsync_dir

CHUNK = 1 << 20


class StoreError(OSError):
    """Copying into the store failed (disk full, permissions, a changing source)."""


def sha256_file(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with Path(path).open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


class FileStore:
    def __init__(self, root: Path):
        self.root = Path(root)
        self.files = self.root / "files"
        self.tmp = self.root / "tmp"
        self.files.mkdir(parents=True, exist_ok=True)
        self.tmp.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        return self.files / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def clear_tmp(self) -> None:
        """Remove temp files a crashed run left behind."""
        for leftover in self.tmp.iterdir():
            with contextlib.suppress(OSError):
                leftover.unlink()

    def ingest(self, source: Path, expected_sha256: str | None = None) -> tuple[str, int]:
        """Copy `source` in (temp, fsync, verify, rename). Returns (sha256, size). The copy is re-read and
        re-hashed before it is put in place, so a bad disk or a file that changed under us is caught."""
        fd, tmp_name = tempfile.mkstemp(dir=self.tmp, suffix=".part")
        tmp = Path(tmp_name)
        try:
            digest = hashlib.sha256()
            size = 0
            with os.fdopen(fd, "wb") as out, Path(source).open("rb") as src:
                while chunk := src.read(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            if expected_sha256 is not None and sha != expected_sha256:
                raise ValueError(f"hash mismatch: expected {expected_sha256[:12]}…, got {sha[:12]}…")
            check, _ = sha256_file(tmp)
            if check != sha:
                raise StoreError(f"the copy in the library does not match the source ({sha[:12]}… vs {check[:12]}…)")
            final = self.path(sha)
            if final.exists():
                tmp.unlink()
            else:
                final.parent.mkdir(exist_ok=True)
                os.chmod(tmp, stat.S_IREAD | stat.S_IRGRP | stat.S_IROTH)
                os.replace(tmp, final)
                fsync_dir(final.parent)
            return sha, size
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise

    def remove(self, sha256: str) -> None:
        target = self.path(sha256)
        with contextlib.suppress(FileNotFoundError):
            os.chmod(target, stat.S_IWRITE | stat.S_IREAD)
            target.unlink()

    def all_hashes(self) -> set[str]:
        return {p.name for p in self.files.glob("??/*") if len(p.name) == 64}
