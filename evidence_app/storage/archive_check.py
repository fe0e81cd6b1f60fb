"""Validation of an archive's manifest, as strict as `set` and `edit`: a value that the commands would refuse is
refused here too, in one line, before anything is written. A case imported from a hostile or damaged archive
must never poison the library (every later `items`, `check` or `export` failing on it)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, fields

from evidence_app.core.model import BOOL_FACTS, Case, EvidenceItem, KeyFrame, Redaction
from evidence_app.imaging.probe import Probe
from evidence_app.storage.library import _FIELD_ATTR, CASE_FIELDS, Library, LibraryError

MAX_ENTRIES = 10_000
MAX_BOXES = 1_000
MAX_CAPTION = 2_000
MAX_NAME = 255
_SHA = re.compile(r"^[0-9a-f]{64}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CASE_KEYS = [f.name for f in fields(Case) if f.name not in ("id", "created_at", "updated_at", "deleted_at")]


class ArchiveError(LibraryError):
    """The archive is refused; the message says why in one line."""


@dataclass
class ManifestItem:
    sha256: str
    kind: str
    caption: str = ""
    original_name: str = ""
    rotation: int = 0
    redactions: list[list[int]] = field(default_factory=list)
    crop: list[int] | None = None
    frames: list[dict] | None = None  # a video's key frames [{"t": s, "caption": text}]; None: none given

    @property
    def file(self) -> str:
        return f"files/{self.sha256}"

    def edits(self) -> dict[str, object]:
        return {"rotation": self.rotation, "redactions": json.dumps(self.redactions),
                "crop": json.dumps(self.crop) if self.crop else None,
                "frames": json.dumps(self.frames, ensure_ascii=False) if self.frames is not None else None}


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(value: object, what: str, limit: int, name: str, default: str = "") -> str:
    if value is None:
        return default
    if not isinstance(value, str):
        raise ArchiveError(f"{name}: {what} must be text")
    if len(value) > limit:
        raise ArchiveError(f"{name}: {what} is too long ({len(value)} characters, at most {limit})")
    return value


def _ints(value: object, lengths: tuple[int, ...], what: str, name: str) -> list[int]:
    if not isinstance(value, list) or len(value) not in lengths or not all(_is_int(v) for v in value):
        raise ArchiveError(f"{name}: {what} must be a list of {' or '.join(map(str, lengths))} whole numbers")
    if any(abs(v) > 10_000_000 for v in value):
        raise ArchiveError(f"{name}: {what} is out of range")
    return list(value)


def validate_case(library: Library, data: object, name: str) -> dict[str, object]:
    """The manifest's case → typed Case attributes (plus scenario, platform, is_sample), or ArchiveError."""
    if not isinstance(data, dict):
        raise ArchiveError(f"{name}: manifest lacks case or items")
    scenario = data.get("scenario")
    if not isinstance(scenario, str) or scenario not in library.catalog.scenarios:
        raise ArchiveError(f"{name}: unknown scenario {str(scenario)[:40]!r}")
    platform = data.get("platform", "other")
    if not isinstance(platform, str):
        raise ArchiveError(f"{name}: platform must be text")
    is_sample = data.get("is_sample", False)
    if not isinstance(is_sample, bool):
        raise ArchiveError(f"{name}: is_sample must be true or false")
    values: dict[str, object] = {"scenario": scenario, "is_sample": is_sample,
                                 # a platform this version does not know (a newer app's) becomes "other"
                                 "platform": platform if platform in library.catalog.platforms else "other"}
    for field_name in CASE_FIELDS:
        if field_name in ("scenario", "platform"):
            continue
        raw = data.get(_FIELD_ATTR.get(field_name, field_name))
        if raw is None:
            continue
        if field_name == "imported" or field_name in BOOL_FACTS:
            if not isinstance(raw, bool):
                raise ArchiveError(f"{name}: case field {field_name} must be true or false")
            text = "true" if raw else "false"
        elif field_name == "promised_ship_hours":
            if not isinstance(raw, (int, float)) or isinstance(raw, bool):
                raise ArchiveError(f"{name}: case field promised_ship_hours must be a number of hours")
            text = repr(raw)
        elif isinstance(raw, str):
            text = raw
        else:
            raise ArchiveError(f"{name}: case field {field_name} must be text")
        try:
            attr, value = library.parse_field(field_name, text)
        except LibraryError as exc:
            raise ArchiveError(f"{name}: case field {exc}" if str(exc).startswith(field_name)
                               else f"{name}: case field {field_name}: {exc}") from None
        values[attr] = value
    return values


def validate_item(library: Library, index: int, entry: object, name: str) -> ManifestItem:
    where = f"{name}: item {index}"
    if not isinstance(entry, dict):
        raise ArchiveError(f"{where} in the manifest is malformed")
    sha = entry.get("sha256")
    if not isinstance(sha, str) or not _SHA.match(sha) or entry.get("file") != f"files/{sha}":
        raise ArchiveError(f"{where} in the manifest is malformed")
    kind = entry.get("kind")
    if not isinstance(kind, str) or kind not in library.catalog.kinds:
        raise ArchiveError(f"{where} has unknown kind {str(kind)[:40]!r}")
    original = _text(entry.get("original_name"), "original_name", MAX_NAME, where) or sha[:12]
    if _CONTROL.search(original):
        raise ArchiveError(f"{where}: original_name has control characters")
    rotation = entry.get("rotation", 0)
    if not _is_int(rotation) or rotation not in (0, 90, 180, 270):
        raise ArchiveError(f"{where}: rotation must be 0, 90, 180 or 270")
    boxes = entry.get("redactions", [])
    if not isinstance(boxes, list) or len(boxes) > MAX_BOXES:
        raise ArchiveError(f"{where}: redactions must be a list of at most {MAX_BOXES} rectangles")
    crop = entry.get("crop")
    return ManifestItem(sha, kind, _text(entry.get("caption"), "caption", MAX_CAPTION, where), original, rotation,
                        [_ints(box, (4, 5), "a redaction", where) for box in boxes],
                        _ints(crop, (4,), "crop", where) if crop is not None else None,
                        _frames(entry.get("frames"), where))


def _frames(value: object, where: str) -> list[dict] | None:
    """The shape of a video's key frames; their values are checked against the video in `check_edits`."""
    if value is None:
        return None
    if not isinstance(value, list) or len(value) > Library.MAX_FRAMES:
        raise ArchiveError(f"{where}: frames must be a list of at most {Library.MAX_FRAMES} key frames")
    out = []
    for frame in value:
        if not isinstance(frame, dict) or set(frame) - {"t", "caption"}:
            raise ArchiveError(f"{where}: a key frame must be {{\"t\": seconds, \"caption\": text}}")
        t = frame.get("t")
        if isinstance(t, bool) or not isinstance(t, (int, float)):
            raise ArchiveError(f"{where}: a key frame's time must be a number of seconds")
        out.append({"t": t, "caption": _text(frame.get("caption"), "a key frame's caption", MAX_CAPTION, where)})
    return out


def validate_manifest(library: Library, manifest: dict, name: str) -> tuple[dict[str, object], list[ManifestItem]]:
    items = manifest.get("items")
    if not isinstance(items, list) or not isinstance(manifest.get("case"), dict):
        raise ArchiveError(f"{name}: manifest lacks case or items")
    if len(items) > MAX_ENTRIES:
        raise ArchiveError(f"{name}: too many items ({len(items)})")
    case = validate_case(library, manifest["case"], name)
    return case, [validate_item(library, n, entry, name) for n, entry in enumerate(items, 1)]


def check_edits(library: Library, entry: ManifestItem, probe: Probe, name: str) -> None:
    """The item's rectangles against the file itself, as `redact` and the viewer check them."""
    item = EvidenceItem(id=0, case_id=0, position=0, kind=entry.kind, sha256=entry.sha256, size=0,
                        original_name=entry.original_name, media_type=probe.media_type, width=probe.width,
                        height=probe.height, page_count=probe.page_count, duration_s=probe.duration_s)
    try:
        if entry.frames is not None:
            if not item.is_video and entry.frames:
                raise LibraryError("key frames are for video items")
            if item.is_video:
                # as strict as `edit --frames`: the same check, and the stored list is its normalised result
                frames = library.check_frames(item, [KeyFrame(f["t"], f["caption"]) for f in entry.frames])
                entry.frames = [f.as_dict() for f in frames]
            else:
                entry.frames = None
        for box in entry.redactions:
            redaction = Redaction(*box)
            library._check_box(item, redaction)
            library._check_page(item, redaction)
        if entry.crop is not None:
            library._check_box(item, Redaction(*entry.crop))
    except LibraryError as exc:
        raise ArchiveError(f"{name}: {entry.original_name}: {exc}") from None
