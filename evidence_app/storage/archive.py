"""Case archives (.evpack): one zip with `manifest.json` and the files, to hand a case to a colleague.

Import verifies every entry: no absolute paths, no `..`, no links, only the files the manifest names, each with
the SHA-256 the manifest states. Anything wrong refuses the whole archive and leaves the library unchanged.
"""

from __future__ import annotations

import contextlib
import json
import stat
import zipfile
from dataclasses import fields
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

from evidence_app import __version__
from evidence_app.core.model import TIME_FIELDS, Case, CaseStatus
from evidence_app.imaging.probe import Probe, Refused, probe_file
from evidence_app.core.timeutil import to_text
from evidence_app.storage.atomic import atomic_write
from evidence_app.storage.library import Library, LibraryError

FORMAT = "evpack"
FORMAT_VERSION = 1
MAX_ENTRIES = 10_000
_CASE_KEYS = [f.name for f in fields(Case) if f.name not in ("id", "created_at", "updated_at", "deleted_at")]


class ArchiveError(LibraryError):
    """The archive is refused; the message says why in one line."""


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
             "crop": item.crop.as_list() if item.crop else None}
            for item in items
        ],
    }
    target = Path(target)
    with atomic_write(target) as handle, zipfile.ZipFile(handle, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
        for sha in dict.fromkeys(item.sha256 for item in items):
            path = library.store.path(sha)
            if not path.is_file():
                raise ArchiveError(f"the stored file {sha[:12]}… is missing from the library")
            # Photos and PDFs are already compressed: stored, not deflated.
            zf.write(path, f"files/{sha}")
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
    except (zipfile.BadZipFile, OSError) as exc:
        raise ArchiveError(f"{source.name}: not a case archive ({exc})") from None
    staged: list[Path] = []
    with zf:
        entries = _check_entries(zf)
        if "manifest.json" not in entries:
            raise ArchiveError(f"{source.name}: no manifest.json")
        try:
            manifest = json.loads(zf.read("manifest.json").decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise ArchiveError(f"{source.name}: unreadable manifest ({exc})") from None
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise ArchiveError(f"{source.name}: not a case archive")
        if manifest.get("version") != FORMAT_VERSION:
            raise ArchiveError(f"{source.name}: archive version {manifest.get('version')} is not supported")
        items = manifest.get("items")
        case_data = manifest.get("case")
        if not isinstance(items, list) or not isinstance(case_data, dict):
            raise ArchiveError(f"{source.name}: manifest lacks case or items")
        named = {"manifest.json"}
        for index, entry in enumerate(items):
            if not isinstance(entry, dict) or not isinstance(entry.get("sha256"), str) \
                    or len(entry["sha256"]) != 64 or entry.get("file") != f"files/{entry['sha256']}":
                raise ArchiveError(f"{source.name}: item {index + 1} in the manifest is malformed")
            if entry["kind"] not in library.catalog.kinds:
                raise ArchiveError(f"{source.name}: item {index + 1} has unknown kind {entry['kind']!r}")
            if entry["file"] not in entries:
                raise ArchiveError(f"{source.name}: {entry['file']} named in the manifest is missing")
            named.add(entry["file"])
        extra = set(entries) - named
        if extra:
            raise ArchiveError(f"{source.name}: unexpected entry {sorted(extra)[0]!r}")
        # Stage every file in the store's temp folder and verify its hash before touching the database.
        try:
            verified: dict[str, Path] = {}
            for entry in items:
                sha = entry["sha256"]
                if sha in verified:
                    continue
                tmp = library.store.tmp / f"import-{sha}.part"
                staged.append(tmp)
                with zf.open(entries[entry["file"]]) as src, tmp.open("wb") as out:
                    while chunk := src.read(1 << 20):
                        out.write(chunk)
                verified[sha] = tmp
            return _commit(library, source, case_data, items, verified)
        except zipfile.BadZipFile as exc:
            raise ArchiveError(f"{source.name}: damaged archive ({exc})") from None
        finally:
            for tmp in staged:
                with contextlib.suppress(OSError):
                    tmp.unlink()


def _commit(library: Library, source: Path, case_data: dict, items: list[dict], staged: dict[str, Path]) -> int:
    probes: dict[str, Probe] = {}
    for entry in items:
        sha = entry["sha256"]
        if sha not in probes:
            try:
                probes[sha] = probe_file(staged[sha], max(library.max_bytes(), staged[sha].stat().st_size))
            except Refused as refused:
                raise ArchiveError(f"{source.name}: {entry.get('original_name', sha[:12])}: {refused}") from None
    scenario, platform = case_data.get("scenario"), case_data.get("platform", "other")
    if scenario not in library.catalog.scenarios:
        raise ArchiveError(f"{source.name}: unknown scenario {scenario!r}")
    if platform not in library.catalog.platforms:
        platform = "other"
    try:
        values: dict[str, object] = {k: case_data[k] for k in _CASE_KEYS
                                     if k in case_data and k not in ("scenario", "platform", "is_sample")}
        for key in TIME_FIELDS:
            values[key] = datetime.fromisoformat(values[key]) if values.get(key) else None
        values["status"] = CaseStatus(values.get("status", "draft"))
        edits = [{"rotation": int(e.get("rotation", 0)) % 360,
                  "redactions": json.dumps([[int(v) for v in box] for box in e.get("redactions", [])]),
                  "crop": json.dumps([int(v) for v in e["crop"]]) if e.get("crop") else None} for e in items]
    except (TypeError, ValueError) as exc:
        raise ArchiveError(f"{source.name}: bad value in the manifest ({exc})") from None
    ingested: list[str] = []
    try:
        for sha, tmp in staged.items():
            existed = library.store.has(sha)
            try:
                library.store.ingest(tmp, expected_sha256=sha)
            except ValueError:
                raise ArchiveError(f"{source.name}: hash mismatch for {sha[:12]}…") from None
            if not existed:
                ingested.append(sha)
        with library.db.transaction() as conn:  # case and items appear together or not at all
            case_id = library._insert_case(conn, scenario, platform, bool(case_data.get("is_sample")), values)
            seen: set[str] = set()
            for entry, edit in zip(items, edits):
                if entry["sha256"] in seen:
                    continue
                seen.add(entry["sha256"])
                sha = entry["sha256"]
                library._insert_item(conn, case_id, sha, library.store.path(sha).stat().st_size, probes[sha], entry["kind"], str(entry.get("caption", "")),
                                     str(entry.get("original_name") or entry["sha256"][:12]), edit)
        return case_id
    except BaseException:
        for sha in ingested:
            library.store.remove(sha)
        raise
