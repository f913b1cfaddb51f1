"""State of the runtime in one SQLite file under JSENGINE_HOME.

Integrations, their variables, per-integration storage and the activity log. The database runs in WAL
mode with autocommit: every write is its own transaction, committed before the call returns, so a
process killed with SIGKILL loses nothing it had written. Concurrent runs wait on each other through a
busy timeout instead of failing. The schema is versioned in `schema_version`.
"""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

from runtime.errors import UserError

SCHEMA_VERSION = 1
DB_NAME = "jsengine.db"
BUSY_TIMEOUT_S = 30.0
ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
ID_LENGTH = 13

_SCHEMA_V1 = """
CREATE TABLE IF NOT EXISTS integrations (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1,
    events TEXT NOT NULL,
    states TEXT NOT NULL,
    environments TEXT NOT NULL,
    excluded_environments TEXT NOT NULL,
    script TEXT NOT NULL,
    file TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS variables (
    integration_id TEXT NOT NULL REFERENCES integrations(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    sensitive INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (integration_id, name)
);
CREATE TABLE IF NOT EXISTS storage (
    namespace TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (namespace, key)
);
CREATE TABLE IF NOT EXISTS activity_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    integration_id TEXT,
    source TEXT NOT NULL,
    activity_id TEXT,
    activity_type TEXT,
    activity_state TEXT,
    environments TEXT NOT NULL DEFAULT '[]',
    state TEXT NOT NULL,
    result TEXT,
    error TEXT,
    output TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    started_at TEXT,
    completed_at TEXT,
    duration_ms REAL,
    usage TEXT NOT NULL DEFAULT '{}',
    fetches TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS activity_log_integration ON activity_log(integration_id, seq);
"""


def now_iso() -> str:
    """The current UTC time as the platform writes it (ISO 8601, microseconds, +00:00)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def new_id() -> str:
    """A fresh id shaped like the platform's: 13 lowercase letters and digits."""
    return "".join(secrets.choice(ID_ALPHABET) for _ in range(ID_LENGTH))


def home_dir() -> Path:
    """JSENGINE_HOME, or `.jsengine/` in the current directory."""
    return Path(os.environ.get("JSENGINE_HOME") or ".jsengine")


@dataclass
class Integration:
    """A script integration and its filters (lists of patterns; `*` matches everything)."""

    id: str
    type: str
    enabled: bool
    events: list[str]
    states: list[str]
    environments: list[str]
    excluded_environments: list[str]
    script: str
    file: str | None
    created_at: str
    updated_at: str


@dataclass
class Variable:
    """An integration variable; `sensitive` ones are never printed back."""

    integration_id: str
    name: str
    value: str
    sensitive: bool
    created_at: str
    updated_at: str


@dataclass
class LogEntry:
    """One run of one script: what it printed, how it ended, what it used."""

    id: str
    integration_id: str | None
    source: str
    activity_id: str | None
    activity_type: str | None
    activity_state: str | None
    environments: list[str]
    state: str
    result: str | None
    error: str | None
    output: str
    created_at: str
    started_at: str | None
    completed_at: str | None
    duration_ms: float | None
    usage: dict[str, Any] = field(default_factory=dict)
    fetches: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The entry as plain JSON-able data."""
        return dict(self.__dict__)


class Store:
    """The runtime's database. One instance per thread (SQLite connections are not shared)."""

    def __init__(self, home: Path | str | None = None) -> None:
        self.home = Path(home) if home is not None else home_dir()
        try:
            self.home.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(f"cannot create JSENGINE_HOME {self.home}: {exc.strerror or exc}") from None
        self.path = self.home / DB_NAME
        try:
            self.db = sqlite3.connect(
                str(self.path), timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
            )
            self.db.row_factory = sqlite3.Row
            self.db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise UserError(f"cannot open the runtime database {self.path}: {exc}") from None

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction taken up front (BEGIN IMMEDIATE), committed on success."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def _migrate(self) -> None:
        try:  # the common case, up to date: no write lock needed
            row = self.db.execute("SELECT MAX(version) FROM schema_version").fetchone()
            if row[0] == SCHEMA_VERSION:
                return
        except sqlite3.OperationalError:
            pass  # no schema_version table yet
        with self.transaction() as db:
            db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = db.execute("SELECT MAX(version) FROM schema_version").fetchone()
            version = row[0] or 0
            if version > SCHEMA_VERSION:
                raise UserError(
                    f"the database {self.path} has schema version {version}, newer than this jsengine "
                    f"understands ({SCHEMA_VERSION}); upgrade jsengine or use another JSENGINE_HOME"
                )
            if version < 1:
                for statement in _SCHEMA_V1.split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))

    def schema_version(self) -> int:
        """The schema version recorded in the database."""
        return int(self.db.execute("SELECT MAX(version) FROM schema_version").fetchone()[0])

    # -- integrations ------------------------------------------------------------------------------

    def add_integration(
        self,
        *,
        script: str,
        file: str | None,
        events: list[str],
        states: list[str],
        environments: list[str],
        excluded_environments: list[str],
        type: str = "script",
        enabled: bool = True,
    ) -> Integration:
        """Create an integration with a fresh id."""
        stamp = now_iso()
        with self.transaction() as db:
            while True:
                iid = new_id()
                if db.execute("SELECT 1 FROM integrations WHERE id = ?", (iid,)).fetchone() is None:
                    break
            db.execute(
                "INSERT INTO integrations (id, type, enabled, events, states, environments,"
                " excluded_environments, script, file, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (iid, type, int(enabled), json.dumps(events), json.dumps(states), json.dumps(environments),
                 json.dumps(excluded_environments), script, file, stamp, stamp),
            )
        return self.get_integration(iid)

    def _integration(self, row: sqlite3.Row) -> Integration:
        return Integration(
            id=row["id"], type=row["type"], enabled=bool(row["enabled"]), events=json.loads(row["events"]),
            states=json.loads(row["states"]), environments=json.loads(row["environments"]),
            excluded_environments=json.loads(row["excluded_environments"]), script=row["script"],
            file=row["file"], created_at=row["created_at"], updated_at=row["updated_at"],
        )

    def find_integration(self, iid: str) -> Integration | None:
        """The integration with that id, or None."""
        row = self.db.execute("SELECT * FROM integrations WHERE id = ?", (iid,)).fetchone()
        return self._integration(row) if row else None

    def get_integration(self, iid: str) -> Integration:
        """The integration with that id; a UserError when there is none."""
        found = self.find_integration(iid)
        if found is None:
            raise UserError(f"integration not found: {iid} (see `jsengine integrations`)")
        return found

    def list_integrations(self) -> list[Integration]:
        """All integrations, oldest first."""
        rows = self.db.execute("SELECT * FROM integrations ORDER BY created_at, rowid").fetchall()
        return [self._integration(r) for r in rows]

    def update_integration(self, iid: str, **changes: Any) -> Integration:
        """Change only the named fields of an integration."""
        allowed = {"enabled", "events", "states", "environments", "excluded_environments", "script", "file"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"unknown integration fields: {sorted(unknown)}")
        self.get_integration(iid)
        if not changes:
            return self.get_integration(iid)
        columns, values = [], []
        for name, value in changes.items():
            columns.append(f"{name} = ?")
            if isinstance(value, list):
                value = json.dumps(value)
            elif isinstance(value, bool):
                value = int(value)
            values.append(value)
        columns.append("updated_at = ?")
        values.append(now_iso())
        with self.transaction() as db:
            db.execute(f"UPDATE integrations SET {', '.join(columns)} WHERE id = ?", (*values, iid))
        return self.get_integration(iid)

    def delete_integration(self, iid: str) -> None:
        """Delete an integration with its variables and storage (its log entries stay)."""
        self.get_integration(iid)
        with self.transaction() as db:
            db.execute("DELETE FROM variables WHERE integration_id = ?", (iid,))
            db.execute("DELETE FROM storage WHERE namespace = ?", (iid,))
            db.execute("DELETE FROM integrations WHERE id = ?", (iid,))

    # -- variables ---------------------------------------------------------------------------------

    def _variable(self, row: sqlite3.Row) -> Variable:
        return Variable(
            integration_id=row["integration_id"], name=row["name"], value=row["value"],
            sensitive=bool(row["sensitive"]), created_at=row["created_at"], updated_at=row["updated_at"],
        )

    def list_variables(self, iid: str) -> list[Variable]:
        """The integration's variables, by name."""
        rows = self.db.execute(
            "SELECT * FROM variables WHERE integration_id = ? ORDER BY name", (iid,)
        ).fetchall()
        return [self._variable(r) for r in rows]

    def find_variable(self, iid: str, name: str) -> Variable | None:
        """One variable, or None."""
        row = self.db.execute(
            "SELECT * FROM variables WHERE integration_id = ? AND name = ?", (iid, name)
        ).fetchone()
        return self._variable(row) if row else None

    def set_variable(self, iid: str, name: str, value: str, sensitive: bool) -> None:
        """Create or replace a variable."""
        stamp = now_iso()
        self.db.execute(
            "INSERT INTO variables (integration_id, name, value, sensitive, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (integration_id, name) DO UPDATE SET"
            " value = excluded.value, sensitive = excluded.sensitive, updated_at = excluded.updated_at",
            (iid, name, value, int(sensitive), stamp, stamp),
        )

    def delete_variable(self, iid: str, name: str) -> bool:
        """Delete a variable; False when it did not exist."""
        cur = self.db.execute("DELETE FROM variables WHERE integration_id = ? AND name = ?", (iid, name))
        return cur.rowcount > 0

    # -- storage -----------------------------------------------------------------------------------

    def storage_get(self, namespace: str, key: str) -> str | None:
        """The stored string, or None."""
        row = self.db.execute(
            "SELECT value FROM storage WHERE namespace = ? AND key = ?", (namespace, key)
        ).fetchone()
        return row[0] if row else None

    def storage_set(self, namespace: str, key: str, value: str) -> None:
        """Store a string; committed before returning."""
        self.db.execute(
            "INSERT INTO storage (namespace, key, value, updated_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value,"
            " updated_at = excluded.updated_at",
            (namespace, key, value, now_iso()),
        )

    def storage_remove(self, namespace: str, key: str) -> None:
        """Remove a key (no-op when missing)."""
        self.db.execute("DELETE FROM storage WHERE namespace = ? AND key = ?", (namespace, key))

    def storage_clear(self, namespace: str) -> None:
        """Remove every key of a namespace."""
        self.db.execute("DELETE FROM storage WHERE namespace = ?", (namespace,))

    def storage_items(self, namespace: str) -> list[tuple[str, str]]:
        """All (key, value) pairs of a namespace, by key."""
        rows = self.db.execute(
            "SELECT key, value FROM storage WHERE namespace = ? ORDER BY key", (namespace,)
        ).fetchall()
        return [(r[0], r[1]) for r in rows]

    def storage_size(self, namespace: str) -> tuple[int, int]:
        """(number of keys, total characters of keys and values) in a namespace."""
        row = self.db.execute(
            "SELECT COUNT(*), COALESCE(SUM(LENGTH(key) + LENGTH(value)), 0) FROM storage WHERE namespace = ?",
            (namespace,),
        ).fetchone()
        return int(row[0]), int(row[1])

    # -- activity log ------------------------------------------------------------------------------

    def log_start(
        self,
        *,
        integration_id: str | None,
        source: str,
        activity: dict[str, Any],
        state: str = "in_progress",
    ) -> str:
        """Open a log entry for a run (state in_progress, or pending when queued); returns its id."""
        stamp = now_iso()
        envs = activity.get("environments")
        with self.transaction() as db:
            while True:
                lid = new_id()
                if db.execute("SELECT 1 FROM activity_log WHERE id = ?", (lid,)).fetchone() is None:
                    break
            db.execute(
                "INSERT INTO activity_log (id, integration_id, source, activity_id, activity_type,"
                " activity_state, environments, state, created_at, started_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (lid, integration_id, source, _text(activity.get("id")), _text(activity.get("type")),
                 _text(activity.get("state")), json.dumps(envs if isinstance(envs, list) else []),
                 state, stamp, stamp if state == "in_progress" else None),
            )
        return lid

    def log_running(self, lid: str) -> None:
        """Mark a queued entry as started."""
        self.db.execute(
            "UPDATE activity_log SET state = 'in_progress', started_at = ? WHERE id = ?", (now_iso(), lid)
        )

    def log_output(self, lid: str, output: str) -> None:
        """Save the output so far of a run still in progress."""
        self.db.execute("UPDATE activity_log SET output = ? WHERE id = ?", (output, lid))

    def log_finish(
        self,
        lid: str,
        *,
        result: str,
        output: str,
        error: str | None,
        started_at: str | None,
        completed_at: str,
        duration_ms: float | None,
        usage: dict[str, Any],
        fetches: list[dict[str, Any]],
        state: str = "complete",
    ) -> None:
        """Close a log entry with the run's outcome."""
        self.db.execute(
            "UPDATE activity_log SET state = ?, result = ?, output = ?, error = ?,"
            " started_at = COALESCE(?, started_at), completed_at = ?, duration_ms = ?, usage = ?,"
            " fetches = ? WHERE id = ?",
            (state, result, output, error, started_at, completed_at, duration_ms, json.dumps(usage),
             json.dumps(fetches), lid),
        )

    def _entry(self, row: sqlite3.Row) -> LogEntry:
        return LogEntry(
            id=row["id"], integration_id=row["integration_id"], source=row["source"],
            activity_id=row["activity_id"], activity_type=row["activity_type"],
            activity_state=row["activity_state"], environments=json.loads(row["environments"]),
            state=row["state"], result=row["result"], error=row["error"], output=row["output"],
            created_at=row["created_at"], started_at=row["started_at"], completed_at=row["completed_at"],
            duration_ms=row["duration_ms"], usage=json.loads(row["usage"]), fetches=json.loads(row["fetches"]),
        )

    def log_entries(self, integration_id: str | None = None, limit: int | None = None) -> list[LogEntry]:
        """Log entries, oldest first; with `limit`, only the most recent ones."""
        sql = "SELECT * FROM activity_log"
        args: list[Any] = []
        if integration_id is not None:
            sql += " WHERE integration_id = ?"
            args.append(integration_id)
        sql += " ORDER BY seq DESC"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        rows = self.db.execute(sql, args).fetchall()
        return [self._entry(r) for r in reversed(rows)]

    def find_log_entry(self, lid: str) -> LogEntry | None:
        """One log entry, or None."""
        row = self.db.execute("SELECT * FROM activity_log WHERE id = ?", (lid,)).fetchone()
        return self._entry(row) if row else None


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
