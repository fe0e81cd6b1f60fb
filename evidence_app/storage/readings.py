"""Readings in the library: what OCR and barcodes found in each stored file (once per file hash, whatever the
number of cases holding it), what the app does with it (suggested kind, tracking number), and search by it.

A video's reading is of its key frames, so it depends on them as well as on the file: the stored reading records
the frame times it covers (Reading.frames); when the key frames of the items holding the file change (edit --frames,
the viewer), the file counts as unread again (`unread`, `statuses`: pending) and is read again at the new times.
Still one reading per file hash: a video held by several cases is read at the union of their key frames (at most
engine.VIDEO_MAX_FRAMES); a video whose items have no key frames at all is read at the moments proposed at import,
and that reading stays valid until key frames are set. Until the new reading is stored, the old one is still used
(findings, search): it is a true reading of the file, at other moments.

Qt-free. The engines are optional: without them, every item's reading is "off" and nothing here needs them
except `read_pending`, which then does nothing."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from evidence_app.reading import analyze
from evidence_app.reading.types import Reading

if TYPE_CHECKING:
    from evidence_app.storage.library import Library

PENDING, DONE, OFF = "pending", "done", "off"
Progress = Callable[[int, int, str], None]


def engines_on() -> bool:
    from evidence_app.reading import engine

    return engine.available()


def body(reading: Reading) -> str:
    """What search sees: the text, then the barcode contents."""
    return "\n".join([reading.text, *(code.text for code in reading.codes)])


def store(lib: Library, sha: str, reading: Reading | None, engine_version: str) -> None:
    """Record the reading of a file (None: the file could not be read; it is not tried again until `reread`)."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with lib.db.transaction() as conn:
        conn.execute("INSERT INTO readings(sha256, engine, status, data, body, read_at) VALUES (?,?,?,?,?,?) "
                     "ON CONFLICT(sha256) DO UPDATE SET engine = excluded.engine, status = excluded.status, "
                     "data = excluded.data, body = excluded.body, read_at = excluded.read_at",
                     (sha, engine_version, "done" if reading else "failed", reading.to_json() if reading else "",
                      body(reading) if reading else "", now))


def get(lib: Library, sha: str) -> Reading | None:
    if not engines_on():
        return None
    rows = lib.db.query("SELECT data FROM readings WHERE sha256 = ? AND status = 'done'", (sha,))
    if not rows:
        return None
    try:
        return Reading.from_json(rows[0][0])
    except (ValueError, KeyError, TypeError):
        return None


def frame_times(lib: Library, sha: str, media_type: str = "") -> tuple[int, ...]:
    """The key frame times (ms) a video's reading should cover: the union of its live items' key frames, sorted,
    at most engine.VIDEO_MAX_FRAMES; () for a file that is not a video (or a video without key frames)."""
    from evidence_app.reading.engine import VIDEO_MAX_FRAMES

    if media_type and not media_type.startswith("video/"):
        return ()
    rows = lib.db.query("SELECT items.frames FROM items JOIN cases ON cases.id = items.case_id "
                        "WHERE items.sha256 = ? AND items.media_type LIKE 'video/%' AND items.deleted_at IS NULL "
                        "AND cases.deleted_at IS NULL", (sha,))
    times: set[int] = set()
    for row in rows:
        try:
            times |= {round(float(f["t"]) * 1000) for f in json.loads(row[0] or "[]")}
        except (ValueError, KeyError, TypeError):
            continue
    return tuple(sorted(times)[:VIDEO_MAX_FRAMES])


def _stale_videos(lib: Library, shas: set[str] | None = None) -> set[str]:
    """Videos read at other key frames than their items' now (their reading is out of date)."""
    only, params = "", ()
    if shas is not None:
        if not shas:
            return set()
        only, params = f" AND readings.sha256 IN ({','.join('?' * len(shas))})", tuple(shas)
    rows = lib.db.query("SELECT DISTINCT readings.sha256, readings.data FROM readings "
                        "JOIN items ON items.sha256 = readings.sha256 JOIN cases ON cases.id = items.case_id "
                        "WHERE readings.status = 'done' AND items.media_type LIKE 'video/%' "
                        f"AND items.deleted_at IS NULL AND cases.deleted_at IS NULL{only}", params)
    stale = set()
    for sha, data in rows:
        wanted = frame_times(lib, sha)
        try:
            covered = tuple(int(x) for x in json.loads(data).get("frames", ()))
        except (ValueError, TypeError, AttributeError):
            covered = ()
        if wanted and set(wanted) != set(covered):
            stale.add(sha)
    return stale


def statuses(lib: Library, shas: list[str]) -> dict[str, str]:
    """pending | done | off for each file hash (a video read at other key frames than its items' now: pending)."""
    if not engines_on():
        return dict.fromkeys(shas, OFF)
    if not shas:
        return {}
    marks = ",".join("?" * len(set(shas)))
    done = {r[0] for r in lib.db.query(f"SELECT sha256 FROM readings WHERE sha256 IN ({marks})", tuple(set(shas)))}
    done -= _stale_videos(lib, done)
    return {sha: DONE if sha in done else PENDING for sha in shas}


def unread(lib: Library, case_id: int | None = None) -> list[tuple[str, str, str]]:
    """(sha256, media type, a name) of live items' files that have no reading yet, or (videos) whose reading is of
    other key frames than their items' now; one per file."""
    stale = sorted(_stale_videos(lib))
    where = "items.deleted_at IS NULL AND cases.deleted_at IS NULL AND (readings.id IS NULL"
    where += f" OR items.sha256 IN ({','.join('?' * len(stale))}))" if stale else ")"
    params: tuple = tuple(stale)
    if case_id is not None:
        where += " AND items.case_id = ?"
        params += (case_id,)
    rows = lib.db.query("SELECT items.sha256, MIN(items.media_type), MIN(items.original_name) FROM items "
                        "JOIN cases ON cases.id = items.case_id "
                        f"LEFT JOIN readings ON readings.sha256 = items.sha256 WHERE {where} "
                        "GROUP BY items.sha256 ORDER BY MIN(items.id)", params)
    return [(r[0], r[1], r[2]) for r in rows]


def case_files(lib: Library, case_id: int | None) -> list[tuple[str, str, str]]:
    """(sha256, media type, name) of every live item's file: of one case, or of the whole library."""
    where, params = "items.deleted_at IS NULL AND cases.deleted_at IS NULL", ()
    if case_id is not None:
        where, params = where + " AND items.case_id = ?", (case_id,)
    rows = lib.db.query("SELECT items.sha256, MIN(items.media_type), MIN(items.original_name) FROM items "
                        f"JOIN cases ON cases.id = items.case_id WHERE {where} GROUP BY items.sha256 "
                        "ORDER BY MIN(items.id)", params)
    return [(r[0], r[1], r[2]) for r in rows]


def read_one(lib: Library, sha: str, media_type: str) -> Reading | None:
    """Read one stored file in this process, store and apply the result. None when it could not be read."""
    from evidence_app.reading import engine

    try:
        reading = engine.read_file(lib.store.path(sha), media_type, frame_times(lib, sha, media_type))
    except engine.ReadingOff:
        return None
    except Exception:  # noqa: BLE001 - a file the engines choke on is recorded as failed; the batch goes on
        reading = None
    store(lib, sha, reading, engine.version())
    apply(lib, sha)
    return reading


def read_pending(lib: Library, case_id: int | None = None, progress: Progress | None = None,
                 force: bool = False) -> int:
    """Read (synchronously) every file of the case (or library) without a reading; `force`: all of them again.
    Returns the number of files read."""
    if not engines_on():
        return 0
    files = case_files(lib, case_id) if force else unread(lib, case_id)
    for done, (sha, media_type, name) in enumerate(files, 1):
        read_one(lib, sha, media_type)
        if progress:
            progress(done, len(files), name)
    return len(files)


def apply(lib: Library, sha: str) -> None:
    """Use a new reading: items whose kind was guessed get the reading's suggestion; a waybill's (or a packing
    video's key frame's) tracking number fills its case's tracking number when that is empty."""
    reading = get(lib, sha)
    if reading is None:
        return
    suggestion = analyze.suggest(reading).kind
    rows = lib.db.query("SELECT items.id, items.case_id, items.kind, items.kind_suggested, items.media_type FROM items "
                        "JOIN cases ON cases.id = items.case_id "
                        "WHERE items.sha256 = ? AND items.deleted_at IS NULL AND cases.deleted_at IS NULL", (sha,))
    number = analyze.tracking_number(reading)
    for row in rows:
        kind = row["kind"]
        if row["kind_suggested"] and suggestion and suggestion in lib.catalog.kinds and suggestion != kind:
            with lib.db.transaction() as conn:
                conn.execute("UPDATE items SET kind = ? WHERE id = ? AND kind_suggested = 1", (suggestion, row["id"]))
            kind = suggestion
        if number and analyze.shows_waybill(kind, row["media_type"]):
            with lib.db.transaction() as conn:
                conn.execute("UPDATE cases SET tracking_no = ?, updated_at = ? WHERE id = ? AND tracking_no = ''",
                             (number[0], datetime.now(timezone.utc).isoformat(timespec="seconds"), row["case_id"]))


# --- search ----------------------------------------------------------------------------------------------------

TYPED = ("title", "order_no", "refund_no", "buyer", "tracking_no", "statement")


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _ids(lib: Library, sql: str, params: tuple) -> set[int]:
    try:
        return {r[0] for r in lib.db.query(sql, params)}
    except sqlite3.OperationalError:  # a query FTS cannot parse: no match there
        return set()


def typed_hits(lib: Library, term: str, include_deleted: bool = False) -> set[int]:
    """Cases whose typed fields (title, order, refund, buyer, tracking number, statement) contain `term`."""
    live = "" if include_deleted else " AND cases.deleted_at IS NULL"
    if len(term) >= 3:  # trigram indexes: three characters or more
        return _ids(lib, f"SELECT cases.id FROM cases_fts JOIN cases ON cases.id = cases_fts.rowid "
                         f"WHERE cases_fts MATCH ?{live}", ('"' + term.replace('"', '""') + '"',))
    # one or two characters (a surname and name, 王芳): a scan
    return _ids(lib, "SELECT id FROM cases WHERE (" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in TYPED) + ")"
                + live, (_like(term),) * len(TYPED))


def read_hits(lib: Library, term: str, include_deleted: bool = False) -> set[int]:
    """Cases whose evidence text (OCR, barcodes) contains `term`."""
    live = "" if include_deleted else " AND cases.deleted_at IS NULL"
    if len(term) >= 3:
        return _ids(lib, "SELECT DISTINCT items.case_id FROM readings_fts "
                         "JOIN readings ON readings.id = readings_fts.rowid "
                         "JOIN items ON items.sha256 = readings.sha256 JOIN cases ON cases.id = items.case_id "
                         f"WHERE readings_fts MATCH ? AND items.deleted_at IS NULL{live}",
                    ('"' + term.replace('"', '""') + '"',))
    return _ids(lib, "SELECT DISTINCT items.case_id FROM readings JOIN items ON items.sha256 = readings.sha256 "
                     "JOIN cases ON cases.id = items.case_id "
                     f"WHERE readings.body LIKE ? ESCAPE '\\' AND items.deleted_at IS NULL{live}", (_like(term),))


def search(lib: Library, query: str, include_deleted: bool = False) -> list[int]:
    """Ids of the cases whose typed fields or evidence text (OCR, barcodes) contain every word of `query`."""
    found: set[int] | None = None
    for term in query.split():
        ids = typed_hits(lib, term, include_deleted) | read_hits(lib, term, include_deleted)
        found = ids if found is None else found & ids
        if not found:
            return []
    return sorted(found or ())
