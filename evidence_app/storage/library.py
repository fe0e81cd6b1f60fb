"""The case library: one folder with the SQLite database and the content-addressed file store.

This is the service layer the CLI and the GUI share. It validates ids against the catalog, keeps writes atomic,
and never modifies a stored file.
"""

from __future__ import annotations

import contextlib
import json
import math
import sqlite3
from collections.abc import Collection
from dataclasses import dataclass, fields
from datetime import datetime, timezone, tzinfo
from decimal import Decimal, InvalidOperation
from pathlib import Path

from evidence_app.core import checklist
from evidence_app.core.catalog import Catalog, load_catalog
from evidence_app.core.model import (BOOL_FACTS, FACT_NAMES, FACTS, TIME_FIELDS, Case, CaseStatus, EvidenceItem, KeyFrame,
                                     Redaction)
from evidence_app.core.timeutil import DEFAULT_TZ, parse_time, to_text, zone
from evidence_app.imaging import pngplain
from evidence_app.imaging.probe import Probe, Refused, check_file, probe_file
from evidence_app.reading.types import Reading
from evidence_app.storage import leftovers
from evidence_app.storage.db import Database
from evidence_app.storage.filestore import FileStore, TooLarge

SETTINGS_DEFAULTS: dict[str, str] = {
    "shop_name": "",
    "tz": DEFAULT_TZ,
    "language": "zh_CN",
    "default_platform": "taobao",
    "default_preset": "print",
    "max_file_mb": "200",
    "max_video_mb": "2000",  # issue 12: packing videos are large; 2 GB by default
    "thumb_cache_mb": "300",  # issue 13: the thumbnail cache is bounded (least recently used go first)
}

CASE_FIELDS = ("platform", "scenario", "order", "refund", "buyer", "amount", "title", "statement", "imported",
               "promised_ship_hours", *TIME_FIELDS, "status", *FACT_NAMES)
_FACTS = {name: (kind, default, allowed) for name, kind, default, allowed in FACTS}
_TRUE, _FALSE = ("true", "1", "yes"), ("false", "0", "no")
# CLI/user field names → Case attributes
_FIELD_ATTR = {"order": "order_no", "refund": "refund_no"}
# Longest text a field takes (characters): far above any real use, low enough that nothing chokes on it.
TEXT_LIMITS = {"statement": 20_000, "title": 200, "order": 100, "refund": 100, "buyer": 100, "amount": 40}


class LibraryError(ValueError):
    """A request the library cannot carry out: unknown id, bad value. The message is one line for people."""


@dataclass
class AddResult:
    source: Path
    item: EvidenceItem | None = None
    duplicate_of: int | None = None
    refused: Refused | None = None


def expand_sources(paths: list[str] | list[Path]) -> list[Path]:
    """Files as given; folders expand to the files inside them (sorted, hidden files skipped)."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        else:
            out.append(path)
    return out


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _dt(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


class Library:
    def __init__(self, root: Path):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.db = Database(self.root / "library.sqlite3")
        self.store = FileStore(self.root)
        self.store.clear_tmp()
        leftovers.clean()  # what a killed export of ours left beside its target or in the system temp
        leftovers.clean_folder(self.root / "thumbs")
        self._catalog: Catalog | None = None

    def close(self) -> None:
        self.db.close()
        self.store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- settings and catalog ------------------------------------------------------------------------------

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = load_catalog(self.root)
        return self._catalog

    def reload_catalog(self) -> Catalog:
        self._catalog = None
        return self.catalog

    def setting(self, key: str) -> str:
        rows = self.db.query("SELECT value FROM settings WHERE key = ?", (key,))
        if rows:
            return rows[0][0]
        if key not in SETTINGS_DEFAULTS:
            raise LibraryError(f"unknown setting {key!r}; known: {', '.join(SETTINGS_DEFAULTS)}")
        return SETTINGS_DEFAULTS[key]

    def settings(self) -> dict[str, str]:
        return {key: self.setting(key) for key in SETTINGS_DEFAULTS}

    def set_setting(self, key: str, value: str) -> None:
        if key not in SETTINGS_DEFAULTS:
            raise LibraryError(f"unknown setting {key!r}; known: {', '.join(SETTINGS_DEFAULTS)}")
        if key == "tz":
            zone(value)
        elif key == "language" and value not in ("zh_CN", "zh_TW", "en"):
            raise LibraryError("language must be zh_CN, zh_TW or en")
        elif key == "default_platform" and value not in self.catalog.platforms:
            raise LibraryError(f"unknown platform {value!r}")
        elif key == "default_preset" and value not in ("print", "compact", "images"):
            raise LibraryError("default_preset must be print, compact or images")
        elif key == "max_file_mb" and not (value.isdigit() and int(value) > 0):
            raise LibraryError("max_file_mb must be a whole number of megabytes")
        elif key == "max_video_mb" and not (value.isdigit() and int(value) > 0):
            raise LibraryError("max_video_mb must be a whole number of megabytes")
        elif key == "thumb_cache_mb" and not (value.isdigit() and int(value) > 0):
            raise LibraryError("thumb_cache_mb must be a whole number of megabytes")
        with self.db.transaction() as conn:
            conn.execute("INSERT INTO settings(key, value) VALUES (?, ?) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

    @property
    def tz(self) -> tzinfo:
        return zone(self.setting("tz"))

    @property
    def lang(self) -> str:
        return self.setting("language")

    # --- cases ---------------------------------------------------------------------------------------------

    def _row_to_case(self, row: sqlite3.Row) -> Case:
        values = dict(row)
        for name in (*TIME_FIELDS, "created_at", "updated_at", "deleted_at"):
            values[name] = _dt(values[name])
        for name in ("imported", "is_sample", *BOOL_FACTS):
            values[name] = bool(values[name])
        values["status"] = CaseStatus(values["status"])
        return Case(**values)

    def case(self, case_id: int, include_deleted: bool = False) -> Case:
        rows = self.db.query("SELECT * FROM cases WHERE id = ?", (case_id,))
        if not rows or (rows[0]["deleted_at"] and not include_deleted):
            raise LibraryError(f"no case {case_id}" + (" (it is in the trash)" if rows else ""))
        return self._row_to_case(rows[0])

    def cases(self, include_deleted: bool = False, only_deleted: bool = False) -> list[Case]:
        where = "deleted_at IS NOT NULL" if only_deleted else "1" if include_deleted else "deleted_at IS NULL"
        return [self._row_to_case(r) for r in self.db.query(f"SELECT * FROM cases WHERE {where} ORDER BY id")]

    def parse_field(self, name: str, text: str) -> tuple[str, object]:
        """A user-typed `name=text` → (Case attribute, value), validated. Empty text clears optional fields."""
        if name not in CASE_FIELDS:
            raise LibraryError(f"unknown field {name!r}; fields: {', '.join(CASE_FIELDS)}")
        attr = _FIELD_ATTR.get(name, name)
        text = text.strip() if name != "statement" else text
        if len(text) > TEXT_LIMITS.get(name, 100):
            raise LibraryError(f"{name} is too long ({len(text)} characters, at most {TEXT_LIMITS.get(name, 100)})")
        if name in TIME_FIELDS:
            if not text:
                return attr, None
            try:
                return attr, parse_time(text, self.tz)
            except ValueError as exc:
                raise LibraryError(f"{name}: {exc}") from None
        if name == "platform":
            if text not in self.catalog.platforms:
                raise LibraryError(f"unknown platform {text!r}; known: {', '.join(self.catalog.platforms)}")
        elif name == "scenario":
            if text not in self.catalog.scenarios:
                raise LibraryError(f"unknown scenario {text!r}; see `evidence-app scenarios`")
        elif name == "imported" or name in BOOL_FACTS:
            lowered = text.lower()
            if lowered not in (*_TRUE, *_FALSE):
                raise LibraryError(f"{name} must be true or false")
            return attr, lowered in _TRUE
        elif name in _FACTS and _FACTS[name][0] == "choice":
            allowed = _FACTS[name][2]
            if text not in allowed:
                raise LibraryError(f"{name} must be one of {', '.join(allowed)}")
            return attr, text
        elif name == "promised_ship_hours":
            if not text:
                return attr, None
            try:
                hours = float(text)
            except ValueError:
                raise LibraryError("promised_ship_hours must be a number of hours") from None
            if not 0 < hours < 10000:
                raise LibraryError("promised_ship_hours must be a positive number of hours")
            return attr, hours
        elif name in ("amount", "claimed_freight", "actual_freight"):
            if not text:
                return attr, ""
            try:
                value = Decimal(text)
            except InvalidOperation:
                raise LibraryError(f"{name} must be a number (got {text!r})") from None
            if not value.is_finite() or value < 0 or value >= Decimal("1e12"):
                raise LibraryError(f"{name} must be a positive number")
            return attr, f"{value.quantize(Decimal('0.01'))}"
        elif name == "status":
            try:
                return attr, CaseStatus(text)
            except ValueError:
                raise LibraryError("status must be draft, ready, submitted, won or lost") from None
        return attr, text

    def create_case(self, scenario: str, platform: str | None = None, *, is_sample: bool = False,
                    **values: object) -> Case:
        """Create a case. `values` are Case attributes (order_no, buyer, paid_at…), already typed."""
        with self.db.transaction() as conn:
            case_id = self._insert_case(conn, scenario, platform, is_sample, values)
        return self.case(case_id)

    def _insert_case(self, conn: sqlite3.Connection, scenario: str, platform: str | None, is_sample: bool,
                     values: dict[str, object]) -> int:
        if scenario not in self.catalog.scenarios:
            raise LibraryError(f"unknown scenario {scenario!r}; see `evidence-app scenarios`")
        platform = platform or self.setting("default_platform")
        if platform not in self.catalog.platforms:
            raise LibraryError(f"unknown platform {platform!r}; known: {', '.join(self.catalog.platforms)}")
        now = _now()
        cur = conn.execute("INSERT INTO cases(scenario, platform, is_sample, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?)", (scenario, platform, int(is_sample), now, now))
        case_id = cur.lastrowid
        assert case_id is not None
        if values:
            self._update(conn, case_id, values)
        return case_id

    def update_case(self, case_id: int, **values: object) -> Case:
        before = self.case(case_id)
        with self.db.transaction() as conn:
            self._update(conn, case_id, values)
            if isinstance(values.get("status"), CaseStatus) and values["status"] != before.status:
                from evidence_app.storage.outcomes import on_status_change  # issue 13: outcomes

                on_status_change(self, conn, before, values["status"])  # type: ignore[arg-type]
        return self.case(case_id)

    _CASE_COLUMNS = {f.name for f in fields(Case)} - {"id", "created_at", "updated_at", "deleted_at", "is_sample"}

    def _update(self, conn: sqlite3.Connection, case_id: int, values: dict[str, object]) -> None:
        columns, params = [], []
        for attr, value in values.items():
            if attr not in self._CASE_COLUMNS:
                raise LibraryError(f"unknown case field {attr!r}")
            if attr in ("scenario", "platform"):
                table = self.catalog.scenarios if attr == "scenario" else self.catalog.platforms
                if value not in table:
                    raise LibraryError(f"unknown {attr} {value!r}")
            if isinstance(value, datetime):
                if value.tzinfo is None:
                    value = value.replace(tzinfo=self.tz)
                value = to_text(value)
            elif isinstance(value, CaseStatus):
                value = value.value
            elif isinstance(value, bool):
                value = int(value)
            elif value is None and attr not in ("promised_ship_hours", *TIME_FIELDS):
                value = ""
            columns.append(f"{attr} = ?")
            params.append(value)
        if columns:
            conn.execute(f"UPDATE cases SET {', '.join(columns)}, updated_at = ? WHERE id = ?",
                         (*params, _now(), case_id))

    def trash_case(self, case_id: int) -> None:
        self.case(case_id)
        with self.db.transaction() as conn:
            conn.execute("UPDATE cases SET deleted_at = ? WHERE id = ?", (_now(), case_id))

    def restore_case(self, case_id: int) -> None:
        self.case(case_id, include_deleted=True)
        with self.db.transaction() as conn:
            conn.execute("UPDATE cases SET deleted_at = NULL WHERE id = ?", (case_id,))

    # --- items ---------------------------------------------------------------------------------------------

    def _row_to_item(self, row: sqlite3.Row) -> EvidenceItem:
        values = dict(row)
        values["redactions"] = [Redaction(*r) for r in json.loads(values["redactions"] or "[]")]
        values["attestations"] = list(json.loads(values["attestations"] or "[]"))
        values["crop"] = Redaction(*json.loads(values["crop"])) if values["crop"] else None
        values["frames"] = [KeyFrame(float(f["t"]), str(f.get("caption", ""))) for f in json.loads(values["frames"] or "[]")]
        values["added_at"] = _dt(values["added_at"])
        values["deleted_at"] = _dt(values["deleted_at"])
        values["kind_suggested"] = bool(values.get("kind_suggested", 0))
        return EvidenceItem(**values)

    def item(self, item_id: int, include_deleted: bool = False) -> EvidenceItem:
        rows = self.db.query("SELECT items.* FROM items JOIN cases ON cases.id = items.case_id "
                             "WHERE items.id = ?" + ("" if include_deleted else " AND cases.deleted_at IS NULL"),
                             (item_id,))
        if not rows or (rows[0]["deleted_at"] and not include_deleted):
            raise LibraryError(f"no item {item_id}" + (" (it is in the trash)" if rows else ""))
        return self._row_to_item(rows[0])

    def items(self, case_id: int, include_deleted: bool = False) -> list[EvidenceItem]:
        where = "" if include_deleted else " AND deleted_at IS NULL"
        rows = self.db.query(f"SELECT * FROM items WHERE case_id = ?{where} ORDER BY position, id", (case_id,))
        return [self._row_to_item(r) for r in rows]

    def file_path(self, item: EvidenceItem) -> Path:
        return self.store.path(item.sha256)

    def max_bytes(self) -> int:
        return int(self.setting("max_file_mb")) * 1_000_000

    def max_video_bytes(self) -> int:
        return int(self.setting("max_video_mb")) * 1_000_000

    def max_any_bytes(self) -> int:
        """The largest file of any type the library takes (the copy is capped at this; the probe then applies
        the limit of the file's type)."""
        return max(self.max_bytes(), self.max_video_bytes())

    def _check_kind(self, kind: str) -> None:
        if kind not in self.catalog.kinds:
            raise LibraryError(f"unknown evidence kind {kind!r}; see `evidence-app kinds`")

    def add_file(self, case_id: int, source: Path, kind: str | None, caption: str = "",
                 original_name: str | None = None) -> AddResult:
        """Copy one file into the case. A refused file is reported in the result, never raised; the library
        is unchanged for it. A file already in the case is reported as a duplicate and not stored twice.
        `kind` None: the app guesses it (from the name and shape now, from what reading finds later)."""
        if kind is not None:
            self._check_kind(kind)
        self.case(case_id)
        source = Path(source)
        try:
            check_file(source, self.max_any_bytes())
            try:
                # Copied once; the hash and the probe are both of that copy, so a file rewritten while it is
                # added is stored as one consistent version or refused, never as bytes the probe did not see.
                staged = self.store.stage(source, limit=self.max_any_bytes())
            except TooLarge:
                raise Refused("too_large", size_mb="?", limit_mb=round(self.max_any_bytes() / 1e6)) from None
            except OSError as exc:
                raise Refused("disk", detail=exc.strerror or str(exc)) from None
            try:
                probe = probe_file(staged.path, self.max_bytes(), self.max_video_bytes(), propose=True)
                plain = probe.media_type == "image/png" and pngplain.read_plain(staged.path.read_bytes()) is not None
            except BaseException:
                self.store.discard(staged)
                raise
        except Refused as refused:
            return AddResult(source, refused=refused)
        try:
            with self.db.transaction() as conn:  # the write lock: no garbage collection can run in between
                dup = conn.execute("SELECT id FROM items WHERE case_id = ? AND sha256 = ? AND deleted_at IS NULL",
                                   (case_id, staged.sha256)).fetchone()
                if dup:
                    return AddResult(source, duplicate_of=dup[0])
                self.store.place(staged)
                suggested = kind is None
                if kind is None:
                    kind = self._suggest_kind(staged.sha256, original_name or source.name, probe)
                item_id = self._insert_item(conn, case_id, staged.sha256, staged.size, probe, kind, caption,
                                            original_name or source.name, suggested=suggested)
                if plain:
                    with contextlib.suppress(sqlite3.OperationalError):  # no cache table: checked at export
                        conn.execute("INSERT OR REPLACE INTO plain_pngs(sha256, checks) VALUES (?, ?)",
                                     (staged.sha256, pngplain.CHECKS))
        except OSError as exc:
            return AddResult(source, refused=Refused("disk", detail=exc.strerror or str(exc)))
        finally:
            self.store.discard(staged)
        assert item_id is not None
        return AddResult(source, item=self.item(item_id))

    def _suggest_kind(self, sha: str, name: str, probe: Probe) -> str:
        """The kind to give a file the agent did not sort: what its reading says (a file read before, in
        another case), else its name and shape, else "other"."""
        from evidence_app.core.kind_hint import suggest_kind
        from evidence_app.reading.analyze import suggest

        reading = self.reading(sha)
        guess = suggest(reading).kind if reading is not None else None
        if guess is None:
            guess = suggest_kind(name, probe.width, probe.height)
        return guess if guess in self.catalog.kinds else "other"

    @staticmethod
    def _insert_item(conn: sqlite3.Connection, case_id: int, sha: str, size: int, probe: Probe, kind: str,
                     caption: str, original_name: str, edits: dict[str, object] | None = None,
                     suggested: bool = False) -> int:
        position = conn.execute("SELECT COALESCE(MAX(position), 0) + 1 FROM items WHERE case_id = ?",
                                (case_id,)).fetchone()[0]
        edits = edits or {}
        frames = edits.get("frames")
        if frames is None:
            frames = json.dumps([{"t": t, "caption": ""} for t in probe.frames or []], ensure_ascii=False)
        cur = conn.execute(
            "INSERT INTO items(case_id, position, kind, caption, sha256, size, original_name, media_type, width,"
            " height, orientation, page_count, captured_at, added_at, rotation, redactions, crop,"
            " duration_s, fps, codec, frames, kind_suggested)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (case_id, position, kind, caption, sha, size, original_name, probe.media_type, probe.width,
             probe.height, probe.orientation, probe.page_count, probe.captured_at, _now(),
             edits.get("rotation", 0), edits.get("redactions", "[]"), edits.get("crop"),
             probe.duration_s, probe.fps, probe.codec, frames, int(suggested)))
        item_id = cur.lastrowid
        assert item_id is not None
        return item_id

    def update_item(self, item_id: int, *, kind: str | None = None, caption: str | None = None,
                    rotation: int | None = None, redactions: list[Redaction] | None = None,
                    crop: Redaction | None | bool = False, attestations: list[str] | None = None,
                    frames: list[KeyFrame] | None = None) -> EvidenceItem:
        """Change an item's non-destructive edits. `crop=None` clears the crop; the default leaves it.
        `attestations`: the question ids (kinds.toml) the agent confirms this item answers, replacing the list.
        `frames`: a video's key frames, replacing the list (validated by `check_frames`)."""
        item = self.item(item_id)
        sets: dict[str, object] = {}
        if frames is not None:
            frames = self.check_frames(item, frames)
            sets["frames"] = json.dumps([f.as_dict() for f in frames], ensure_ascii=False)
        if kind is not None:
            self._check_kind(kind)
            sets["kind"] = kind
            sets["kind_suggested"] = 0  # the agent chose it
        if attestations is not None:
            questions = self.catalog.questions
            for question_id in attestations:
                if question_id not in questions:
                    raise LibraryError(f"unknown question {question_id!r}; known: {', '.join(questions)}")
                if questions[question_id].kind != (kind or item.kind):
                    raise LibraryError(f"question {question_id!r} is asked of {questions[question_id].kind}, "
                                       f"not of this {kind or item.kind} item")
            sets["attestations"] = json.dumps(list(dict.fromkeys(attestations)))
        if caption is not None:
            sets["caption"] = caption
        if rotation is not None:
            if rotation % 360 not in (0, 90, 180, 270):
                raise LibraryError("rotation must be 0, 90, 180 or 270")
            sets["rotation"] = rotation % 360
        if redactions is not None:
            for box in redactions:
                self._check_box(item, box)
                self._check_page(item, box)
            sets["redactions"] = json.dumps([b.as_list() for b in redactions])
        if crop is not False:
            if crop is not None:
                assert isinstance(crop, Redaction)
                self._check_box(item, crop)
            sets["crop"] = json.dumps(crop.as_list()) if isinstance(crop, Redaction) else None
        if sets:
            with self.db.transaction() as conn:
                conn.execute(f"UPDATE items SET {', '.join(f'{k} = ?' for k in sets)} WHERE id = ?",
                             (*sets.values(), item_id))
                conn.execute("UPDATE cases SET updated_at = ? WHERE id = ?", (_now(), item.case_id))
        return self.item(item_id)

    MAX_FRAMES = 200
    MAX_FRAME_CAPTION = 200

    @classmethod
    def check_frames(cls, item: EvidenceItem, frames: list[KeyFrame]) -> list[KeyFrame]:
        """A video's key frames: times within the video (rounded to milliseconds), sorted, one per time;
        captions one line of at most MAX_FRAME_CAPTION characters. Raises LibraryError."""
        if not item.is_video:
            raise LibraryError("关键帧只用于视频证据")
        if len(frames) > cls.MAX_FRAMES:
            raise LibraryError(f"关键帧最多 {cls.MAX_FRAMES} 个")
        duration = item.duration_s or 0.0
        out: dict[int, KeyFrame] = {}
        for frame in frames:
            t = frame.t
            if isinstance(t, bool) or not isinstance(t, (int, float)) or not math.isfinite(t):
                raise LibraryError("关键帧时间须为秒数")
            if not 0 <= t <= duration + 1e-3:
                raise LibraryError(f"关键帧 {t:g} 秒超出视频范围(0 至 {duration:g} 秒)")
            caption = frame.caption
            if not isinstance(caption, str):
                raise LibraryError("关键帧说明须为文字")
            caption = caption.strip()
            if len(caption) > cls.MAX_FRAME_CAPTION:
                raise LibraryError(f"关键帧说明过长({len(caption)} 字,最多 {cls.MAX_FRAME_CAPTION} 字)")
            if any(ord(ch) < 32 or ord(ch) == 127 for ch in caption):
                raise LibraryError("关键帧说明须为一行文字,不能含控制字符")
            key = KeyFrame(round(min(float(t), duration), 3), caption)
            out[key.ms] = key
        return [out[ms] for ms in sorted(out)]

    @staticmethod
    def _check_page(item: EvidenceItem, box: Redaction) -> None:
        """A PDF's boxes name their page (1-based); an image's boxes have none; a video's name their key frame's
        time in milliseconds."""
        if item.is_video:
            limit = round((item.duration_s or 0) * 1000)
            if box.page is None or not 0 <= box.page <= limit:
                raise LibraryError(f"视频的遮挡框须指明关键帧时间(0 至 {limit / 1000:g} 秒)")
            return
        if item.is_pdf:
            if box.page is None or not 1 <= box.page <= (item.page_count or 1):
                raise LibraryError(f"a PDF's rectangle needs a page from 1 to {item.page_count or 1} (--page N)")
        elif box.page is not None and not (item.page_count and 1 <= box.page <= item.page_count):
            # a multi-page TIFF's boxes may name their page (none: page 1); a one-page image's never do
            raise LibraryError("--page is for PDF and multi-page TIFF items" if not item.page_count
                               else f"the page must be from 1 to {item.page_count}")

    @staticmethod
    def _check_box(item: EvidenceItem, box: Redaction) -> None:
        if box.w <= 0 or box.h <= 0 or box.x < 0 or box.y < 0:
            raise LibraryError("a rectangle needs x, y >= 0 and a positive width and height")
        if item.width and item.height and (box.x >= item.width or box.y >= item.height):
            raise LibraryError(f"the rectangle starts outside the image ({item.width}x{item.height})")

    def move_item(self, item_id: int, new_index: int) -> None:
        """Put an item at 0-based `new_index` in its case's exhibit order."""
        item = self.item(item_id)
        order = [i.id for i in self.items(item.case_id) if i.id != item_id]
        new_index = max(0, min(new_index, len(order)))
        order.insert(new_index, item_id)
        self.reorder(item.case_id, order)

    def reorder(self, case_id: int, item_ids: list[int]) -> None:
        current = {i.id for i in self.items(case_id)}
        if set(item_ids) != current or len(item_ids) != len(current):
            raise LibraryError("the new order must list every item of the case once")
        with self.db.transaction() as conn:
            for position, item_id in enumerate(item_ids, 1):
                conn.execute("UPDATE items SET position = ? WHERE id = ?", (position, item_id))

    def trash_item(self, item_id: int) -> EvidenceItem:
        item = self.item(item_id)
        with self.db.transaction() as conn:
            conn.execute("UPDATE items SET deleted_at = ? WHERE id = ?", (_now(), item_id))
        return item

    def restore_item(self, item_id: int) -> EvidenceItem:
        item = self.item(item_id, include_deleted=True)
        if item.deleted_at is None:
            return item
        with self.db.transaction() as conn:
            dup = conn.execute("SELECT id FROM items WHERE case_id = ? AND sha256 = ? AND deleted_at IS NULL",
                               (item.case_id, item.sha256)).fetchone()
            if dup:
                raise LibraryError(f"item {item_id} is already back in the case as item {dup[0]}")
            conn.execute("UPDATE items SET deleted_at = NULL WHERE id = ?", (item_id,))
        return self.item(item_id)

    def trashed_items(self) -> list[EvidenceItem]:
        return [self._row_to_item(r) for r in self.db.query(
            "SELECT * FROM items WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC")]

    def empty_trash(self) -> int:
        """Delete trashed items and cases for good, then files no item refers to. Returns rows deleted."""
        with self.db.transaction() as conn:
            removed = conn.execute("DELETE FROM items WHERE deleted_at IS NOT NULL").rowcount
            removed += conn.execute("DELETE FROM cases WHERE deleted_at IS NOT NULL").rowcount
        self.collect_garbage()
        return removed

    def collect_garbage(self) -> int:
        """Remove stored files that no item refers to (left by an interrupted add or an emptied trash). Runs
        under the database's write lock, which every add holds while it puts its file in place and records it:
        another process's add in flight is either fully recorded or not yet in the store."""
        with self.db.transaction() as conn:
            used = {r[0] for r in conn.execute("SELECT DISTINCT sha256 FROM items")}
            orphans = self.store.all_hashes() - used
            for sha in orphans:
                self.store.remove(sha)
            with contextlib.suppress(sqlite3.OperationalError):  # no cache table
                conn.execute("DELETE FROM plain_pngs WHERE sha256 NOT IN (SELECT sha256 FROM items)")
        return len(orphans)

    def png_rows_checked(self, sha256: str) -> bool:
        """The stored PNG was found plain when it was added, by the checks of this version (imaging/pngplain)."""
        try:
            rows = self.db.query("SELECT checks FROM plain_pngs WHERE sha256 = ?", (sha256,))
        except sqlite3.OperationalError:  # opened read-only, from before the cache table
            return False
        return bool(rows) and rows[0][0] == pngplain.CHECKS

    # --- reading (issue 11) --------------------------------------------------------------------------------

    def reading(self, sha256: str) -> Reading | None:
        """What OCR and barcodes found in a stored file; None before it was read, or when reading is off."""
        from evidence_app.storage import readings

        return readings.get(self, sha256)

    def read_statuses(self, items: list[EvidenceItem]) -> dict[str, str]:
        """pending | done | off, per file hash of `items`."""
        from evidence_app.storage import readings

        return readings.statuses(self, [item.sha256 for item in items])

    def search_cases(self, query: str, include_deleted: bool = False) -> list[int]:
        """Cases whose typed fields or evidence text (OCR, barcodes) contain every word of `query`."""
        from evidence_app.storage import readings

        return readings.search(self, query, include_deleted)

    # --- judging -------------------------------------------------------------------------------------------

    def check(self, case_id: int, now: datetime | None = None, lang: str | None = None,
              skip: Collection[int] = ()) -> checklist.ChecklistResult:
        """The checklist of a case; `skip`: items left out (an export without exhibits that failed)."""
        case = self.case(case_id)
        items = [item for item in self.items(case_id) if item.id not in skip]
        try:
            result = checklist.evaluate(case, items, self.catalog, now=now, lang=lang or self.lang, tz=self.tz)
        except KeyError:
            raise LibraryError(f"case {case_id} has scenario {case.scenario!r}, which this library does not know; "
                               "add it under scenarios/ or change the case's scenario") from None
        from evidence_app.reading.findings import reading_findings

        read = {item.sha256: r for item in items if (r := self.reading(item.sha256)) is not None}
        result.findings += reading_findings(case, items, read, lang or self.lang, self.tz)
        return result
