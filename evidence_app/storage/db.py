"""The library's SQLite database: WAL, foreign keys, schema migrations numbered by PRAGMA user_version."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

MIGRATIONS: list[str] = [
    # 1: cases, items, settings
    """
    CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        scenario TEXT NOT NULL,
        platform TEXT NOT NULL DEFAULT 'taobao',
        title TEXT NOT NULL DEFAULT '',
        order_no TEXT NOT NULL DEFAULT '',
        refund_no TEXT NOT NULL DEFAULT '',
        buyer TEXT NOT NULL DEFAULT '',
        amount TEXT NOT NULL DEFAULT '',
        statement TEXT NOT NULL DEFAULT '',
        imported INTEGER NOT NULL DEFAULT 0,
        promised_ship_hours REAL,
        paid_at TEXT, pickup_at TEXT, signed_at TEXT, refund_at TEXT, requested_at TEXT, due_at TEXT,
        status TEXT NOT NULL DEFAULT 'draft'
            CHECK (status IN ('draft', 'ready', 'submitted', 'won', 'lost')),
        is_sample INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
    );
    CREATE TABLE items (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        caption TEXT NOT NULL DEFAULT '',
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        size INTEGER NOT NULL,
        original_name TEXT NOT NULL,
        media_type TEXT NOT NULL,
        width INTEGER, height INTEGER,
        orientation INTEGER NOT NULL DEFAULT 1,
        page_count INTEGER,
        captured_at TEXT,
        rotation INTEGER NOT NULL DEFAULT 0 CHECK (rotation IN (0, 90, 180, 270)),
        crop TEXT,
        redactions TEXT NOT NULL DEFAULT '[]',
        added_at TEXT NOT NULL,
        deleted_at TEXT
    );
    CREATE INDEX items_case ON items(case_id, position);
    CREATE INDEX items_sha ON items(sha256);
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # 2 (issue 8): case facts the rules depend on; attestations the agent confirmed per item
    """
    ALTER TABLE cases ADD COLUMN tracking_no TEXT NOT NULL DEFAULT '';
    ALTER TABLE cases ADD COLUMN seven_day_eligible INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE cases ADD COLUMN free_shipping INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE cases ADD COLUMN cod INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE cases ADD COLUMN customised INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE cases ADD COLUMN buyer_consented_late INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE cases ADD COLUMN merged_parcel INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE cases ADD COLUMN receipt_confirmed TEXT NOT NULL DEFAULT 'none';
    ALTER TABLE cases ADD COLUMN platform_requested_test INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE cases ADD COLUMN seller_type TEXT NOT NULL DEFAULT 'enterprise';
    ALTER TABLE cases ADD COLUMN claimed_freight TEXT NOT NULL DEFAULT '';
    ALTER TABLE cases ADD COLUMN actual_freight TEXT NOT NULL DEFAULT '';
    ALTER TABLE cases ADD COLUMN refusal_reason TEXT NOT NULL DEFAULT 'none';
    ALTER TABLE items ADD COLUMN attestations TEXT NOT NULL DEFAULT '[]';
    """,
    # issue 8: whether the claimed defect is visible to the eye (Art. 65) or not (Art. 66): it picks the documents
    """
    ALTER TABLE cases ADD COLUMN defect TEXT NOT NULL DEFAULT 'unknown';
    """,
    # issue 13: outcomes (when a case was submitted, what its checklist still missed then, when it was decided)
    # and indexes for the 20,000-case list
    """
    CREATE TABLE case_outcomes (
        case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
        submitted_at TEXT,
        missing TEXT NOT NULL DEFAULT '[]',
        decided_at TEXT
    );
    CREATE INDEX cases_deleted ON cases(deleted_at);
    CREATE INDEX items_deleted ON items(deleted_at);
    """,
    # issue 12 (videos): duration, frame rate and codec of a video item, and its key frames as JSON
    # [{"t": seconds, "caption": text}, …] in time order. A video's redaction boxes name their key frame by its
    # time in milliseconds in the box's page field.
    """
    ALTER TABLE items ADD COLUMN duration_s REAL;
    ALTER TABLE items ADD COLUMN fps REAL;
    ALTER TABLE items ADD COLUMN codec TEXT;
    ALTER TABLE items ADD COLUMN frames TEXT NOT NULL DEFAULT '[]';
    """,
    # issue 11: what reading (OCR, barcodes) found in each stored file, once per file hash, with the engine
    # version (a newer engine re-reads); whether an item's kind was guessed; full-text search over the readings
    # and the typed fields (trigram: works for Chinese, which has no spaces between words)
    """
    CREATE TABLE readings (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
        engine TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('done', 'failed')),
        data TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',
        read_at TEXT NOT NULL
    );
    ALTER TABLE items ADD COLUMN kind_suggested INTEGER NOT NULL DEFAULT 0;
    CREATE VIRTUAL TABLE readings_fts USING fts5(body, content='readings', content_rowid='id', tokenize='trigram');
    CREATE TRIGGER readings_ai AFTER INSERT ON readings BEGIN
        INSERT INTO readings_fts(rowid, body) VALUES (new.id, new.body);
    END;
    CREATE TRIGGER readings_ad AFTER DELETE ON readings BEGIN
        INSERT INTO readings_fts(readings_fts, rowid, body) VALUES ('delete', old.id, old.body);
    END;
    CREATE TRIGGER readings_au AFTER UPDATE ON readings BEGIN
        INSERT INTO readings_fts(readings_fts, rowid, body) VALUES ('delete', old.id, old.body);
        INSERT INTO readings_fts(rowid, body) VALUES (new.id, new.body);
    END;
    CREATE VIRTUAL TABLE cases_fts USING fts5(title, order_no, refund_no, buyer, tracking_no, statement,
                                              content='cases', content_rowid='id', tokenize='trigram');
    INSERT INTO cases_fts(cases_fts) VALUES ('rebuild');
    CREATE TRIGGER cases_fts_ai AFTER INSERT ON cases BEGIN
        INSERT INTO cases_fts(rowid, title, order_no, refund_no, buyer, tracking_no, statement)
        VALUES (new.id, new.title, new.order_no, new.refund_no, new.buyer, new.tracking_no, new.statement);
    END;
    CREATE TRIGGER cases_fts_ad AFTER DELETE ON cases BEGIN
        INSERT INTO cases_fts(cases_fts, rowid, title, order_no, refund_no, buyer, tracking_no, statement)
        VALUES ('delete', old.id, old.title, old.order_no, old.refund_no, old.buyer, old.tracking_no, old.statement);
    END;
    CREATE TRIGGER cases_fts_au AFTER UPDATE OF title, order_no, refund_no, buyer, tracking_no, statement ON cases
    BEGIN
        INSERT INTO cases_fts(cases_fts, rowid, title, order_no, refund_no, buyer, tracking_no, statement)
        VALUES ('delete', old.id, old.title, old.order_no, old.refund_no, old.buyer, old.tracking_no, old.statement);
        INSERT INTO cases_fts(rowid, title, order_no, refund_no, buyer, tracking_no, statement)
        VALUES (new.id, new.title, new.order_no, new.refund_no, new.buyer, new.tracking_no, new.statement);
    END;
    """,
]


# Tables that only remember work already done, so it is not done again. Created when the library is opened for
# writing, not by a numbered migration: a library stays openable read-only on a full disk and by the previous
# version of the app; a library without them works (the work is done again).
# plain_pngs (issue 13, export speed): stored PNGs whose rows were found plain when they were added
# (imaging/pngplain: the compressed rows and nothing else), with the version of those checks.
CACHE_TABLES = """
    CREATE TABLE IF NOT EXISTS plain_pngs (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        checks INTEGER NOT NULL
    ) WITHOUT ROWID
"""


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=30)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    migrate(conn)
    with contextlib.suppress(sqlite3.OperationalError):  # a cache: without it the work is done again
        conn.execute(CACHE_TABLES)
    return conn


def connect_read_only(path: Path, cause: sqlite3.OperationalError) -> sqlite3.Connection:
    """When the library cannot be opened for writing (its disk is full: WAL needs to create files), open it
    for reading only, so `list`, `show`, `items`, `check`, `export` keep working. Raises `cause` otherwise."""
    if not Path(path).is_file():
        raise cause
    conn = sqlite3.connect(Path(path).resolve().as_uri() + "?immutable=1", uri=True, isolation_level=None,
                           check_same_thread=False)
    conn.row_factory = sqlite3.Row
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error:
        conn.close()
        raise cause from None
    if version != len(MIGRATIONS):  # it would need a migration, which is a write
        conn.close()
        raise cause
    return conn


def migrate(conn: sqlite3.Connection) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise RuntimeError(f"library schema version {version} is newer than this app knows ({len(MIGRATIONS)}): "
                           "update the app")
    for number in range(version, len(MIGRATIONS)):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _split(MIGRATIONS[number]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def _split(script: str) -> list[str]:
    """executescript() would commit on its own; run the statements one by one inside our transaction."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    return statements


class Database:
    """One connection shared by the threads of a process, serialised by a lock; writes in transactions."""

    def __init__(self, path: Path):
        self.path = path
        self.read_only: str | None = None  # why the library could only be opened for reading
        try:
            self.conn = connect(path)
        except sqlite3.OperationalError as exc:
            self.conn = connect_read_only(path, exc)
            self.read_only = str(exc)
        self.lock = threading.RLock()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        if self.read_only is not None:
            raise sqlite3.OperationalError(f"the library can only be read ({self.read_only}: is its disk full?); "
                                           "nothing was changed")
        with self.lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        with self.lock:
            return self.conn.execute(sql, params).fetchall()

    def close(self) -> None:
        with self.lock:
            self.conn.close()
