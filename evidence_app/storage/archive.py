"""Case archives (.evpack): one zip with `manifest.json` and the files, to hand a case to a colleague.

Import verifies every entry: no absolute paths, no `..`, no links, only the files the manifest names, each with
the SHA-256 the manifest states. Anything wrong refuses the whole archive and leaves the library unchanged.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import stat
import zipfile
import zlib
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

from evidence_app import __version__
from evidence_app.core.model import TIME_FIELDS
from evidence_app.core.timeutil import to_text
from evidence_app.imaging.probe import Probe, Refused, probe_file
from evidence_app.storage.archive_check import (_CASE_KEYS, MAX_ENTRIES, ArchiveError, ManifestItem, check_edits,
                                                validate_manifest)
from evidence_app.storage.atomic import atomic_write
from evidence_app.storage.filestore import CHUNK, Staged, TooLarge
from evidence_app.storage.library import Library

FORMAT = "evpack"
FORMAT_VERSION = 1
MAX_MANIFEST_BYTES = 8_000_000  # a real manifest of 10,000 items is about 4 MB
DISK_MARGIN = 50_000_000  # left free on the library's disk after an import
__all__ = ["ArchiveError", "export_case", "import_case"]


def export_case(library: Library, case_id: int, target: Path) -> Path:
    case = library.case(case_id)
    items = library.items(case_id)
    case_data: dict[str, object] = {}
    for key in _CASE_KEYS:
        value = getattr(case, key)
        if key in TIME_FIELDS:
            value = to_text(value)
        elif key == "status":
            value = value.value
        case_data[key] = value
    manifest = {
        "format": FORMAT, "version": FORMAT_VERSION, "app_version": __version__,
        "exported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "case": case_data,
        "items": [
            {"file": f"files/{item.sha256}", "sha256": item.sha256, "size": item.size, "kind": item.kind,
             "caption": item.caption, "original_name": item.original_name, "media_type": item.media_type,
             "rotation": item.rotation, "redactions": [r.as_list() for r in item.redactions],
             "crop": item.crop.as_list() if item.crop else None,
             **({"frames": [f.as_dict() for f in item.frames]} if item.is_video else {})}
            for item in items
        ],
    }
    target = Path(target)
    with atomic_write(target) as handle, zipfile.ZipFile(handle, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
        for number, item in enumerate(items, 1):
            if any(other.sha256 == item.sha256 for other in items[:number - 1]):
                continue
            path = library.store.path(item.sha256)
            if not path.is_file():
                raise ArchiveError(f"证据 {number} ({item.original_name}): the stored file "
                                   f"{item.sha256[:12]}… is missing from the library")
            # Photos and PDFs are already compressed: stored, not deflated. Hashed as it is copied: a file
            # damaged in the store is named, never handed on under a manifest that vouches for it.
            digest = hashlib.sha256()
            with path.open("rb") as src, zf.open(f"files/{item.sha256}", "w", force_zip64=True) as out:
                while chunk := src.read(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
            if digest.hexdigest() != item.sha256:
                raise ArchiveError(f"证据 {number} ({item.original_name}): the stored file is damaged (its SHA-256 "
                                   "no longer matches); run `evidence-app verify`")
    return target


def _safe_name(name: str) -> bool:
    if not name or name.startswith(("/", "\\")) or "\\" in name or ":" in name:
        return False
    parts = PurePosixPath(name).parts
    return ".." not in parts and "." not in parts and all(parts)


def _check_entries(zf: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise ArchiveError(f"too many entries ({len(infos)})")
    by_name: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if not _safe_name(info.filename):
            raise ArchiveError(f"unsafe entry name {info.filename!r} (absolute path or ..)")
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise ArchiveError(f"entry {info.filename!r} is a link")
        if info.filename in by_name:
            raise ArchiveError(f"entry {info.filename!r} appears twice")
        if info.is_dir():
            continue
        by_name[info.filename] = info
    return by_name


def import_case(library: Library, source: Path) -> int:
    """Import an archive as a new case; returns its id. Raises ArchiveError and changes nothing on any problem."""
    source = Path(source)
    try:
        zf = zipfile.ZipFile(source)
    except FileNotFoundError:
        raise ArchiveError(f"{source}: file not found") from None
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ArchiveError(f"{source.name}: not a case archive ({exc})") from None
    staged: dict[str, Staged] = {}
    with zf:
        try:
            entries = _check_entries(zf)
            manifest = _read_manifest(zf, entries, source.name)
            case_values, items = validate_manifest(library, manifest, source.name)
            named = {"manifest.json"} | {entry.file for entry in items}
            for entry in items:
                if entry.file not in entries:
                    raise ArchiveError(f"{source.name}: {entry.file} named in the manifest is missing")
            extra = set(entries) - named
            if extra:
                raise ArchiveError(f"{source.name}: unexpected entry {sorted(extra)[0]!r}")
            _check_sizes(library, zf, [entries[f] for f in dict.fromkeys(e.file for e in items)], source.name)
            # Every file staged (this process's staging folder) and its hash verified before the database is
            # touched; the expansion is capped while it is written, whatever the zip's headers claim.
            for entry in items:
                if entry.sha256 in staged:
                    continue
                with zf.open(entries[entry.file]) as src:
                    try:
                        staged[entry.sha256] = library.store.stage(src, expected_sha256=entry.sha256,
                                                                   limit=library.max_any_bytes())
                    except TooLarge:
                        raise ArchiveError(f"{source.name}: {entry.original_name} is larger than the "
                                           f"{library.max_any_bytes() // 1_000_000} MB limit "
                                           "(max_file_mb, max_video_mb)") from None
                    except ValueError:
                        raise ArchiveError(f"{source.name}: hash mismatch for {entry.sha256[:12]}…") from None
            return _commit(library, source, case_values, items, staged)
        except zipfile.BadZipFile as exc:
            raise ArchiveError(f"{source.name}: damaged archive ({exc})") from None
        except (zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
            raise ArchiveError(f"{source.name}: damaged archive ({str(exc) or type(exc).__name__})") from None
        except OSError as exc:
            raise ArchiveError(f"{source.name}: cannot import: {exc.strerror or exc}") from None
        finally:
            for item in staged.values():
                library.store.discard(item)


def _read_manifest(zf: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo], name: str) -> dict:
    info = entries.get("manifest.json")
    if info is None:
        raise ArchiveError(f"{name}: no manifest.json")
    if info.file_size > MAX_MANIFEST_BYTES:
        raise ArchiveError(f"{name}: the manifest is too large ({info.file_size // 1_000_000} MB)")
    with zf.open(info) as handle:
        raw = handle.read(MAX_MANIFEST_BYTES + 1)  # the header's size may lie: read no more than the cap
    if len(raw) > MAX_MANIFEST_BYTES:
        raise ArchiveError(f"{name}: the manifest is too large")
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise ArchiveError(f"{name}: unreadable manifest ({str(exc).splitlines()[0][:80]})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ArchiveError(f"{name}: not a case archive")
    if manifest.get("version") != FORMAT_VERSION:
        raise ArchiveError(f"{name}: archive version {str(manifest.get('version'))[:20]} is not supported")
    return manifest


def _check_sizes(library: Library, zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], name: str) -> None:
    """Refuse before writing anything: an entry over the size limit of its type (videos: max_video_mb, by their
    first bytes; the probe checks the type again), or more than the disk can take."""
    from evidence_app.imaging.video import looks_like_video

    total = 0
    for info in infos:
        with zf.open(info) as handle:
            video = looks_like_video(handle.read(64))
        limit, setting = ((library.max_video_bytes(), "max_video_mb") if video
                          else (library.max_bytes(), "max_file_mb"))
        if info.file_size > limit:
            raise ArchiveError(f"{name}: {info.filename} is larger than the {limit // 1_000_000} MB limit "
                               f"({setting})")
        total += info.file_size
    free = shutil.disk_usage(library.root).free
    if total + DISK_MARGIN > free:
        raise ArchiveError(f"{name}: needs {total / 1e6:.0f} MB, the library's disk has {free / 1e6:.0f} MB free")


def _commit(library: Library, source: Path, case_values: dict[str, object], items: list[ManifestItem],
            staged: dict[str, Staged]) -> int:
    probes: dict[str, Probe] = {}
    for entry in items:
        sha = entry.sha256
        if sha not in probes:
            try:
                probes[sha] = probe_file(staged[sha].path, library.max_bytes(), library.max_video_bytes())
            except Refused as refused:
                raise ArchiveError(f"{source.name}: {entry.original_name}: {refused}") from None
        check_edits(library, entry, probes[sha], source.name)
    scenario, platform = case_values.pop("scenario"), case_values.pop("platform")
    is_sample = bool(case_values.pop("is_sample", False))
    # Files are put in place inside the transaction that records them: garbage collection (which holds the
    # same write lock) never sees them unrecorded. A failure rolls back the rows; placed files become orphans
    # that the next collection removes.
    with library.db.transaction() as conn:  # case and items appear together or not at all
        case_id = library._insert_case(conn, scenario, platform, is_sample, case_values)
        seen: set[str] = set()
        for entry in items:
            if entry.sha256 in seen:
                continue
            seen.add(entry.sha256)
            library.store.place(staged[entry.sha256])
            library._insert_item(conn, case_id, entry.sha256, staged[entry.sha256].size, probes[entry.sha256],
                                 entry.kind, entry.caption, entry.original_name, entry.edits())
    return case_id
