"""The SQLite state: schema, WAL, durability across SIGKILL, concurrent writers."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import textwrap
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from runtime.errors import UserError
from runtime.store import SCHEMA_VERSION, Store, new_id

from .helpers import ROOT


def test_database_lives_under_jsengine_home_in_wal_mode(home: Path) -> None:
    with Store() as store:
        assert store.path == home / "jsengine.db"
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.schema_version() == SCHEMA_VERSION


def test_default_home_is_dot_jsengine_in_current_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JSENGINE_HOME", raising=False)
    monkeypatch.chdir(tmp_path)
    Store().close()
    assert (tmp_path / ".jsengine" / "jsengine.db").is_file()


def test_reopening_keeps_data_and_does_not_migrate_twice(home: Path) -> None:
    with Store() as store:
        iid = store.add_integration(script="x", file=None, events=["a"], states=["complete"],
                                    environments=["*"], excluded_environments=[]).id
    with Store() as store:
        assert store.get_integration(iid).script == "x"
        assert store.db.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == 1


def test_newer_schema_is_refused_with_a_clear_message(home: Path) -> None:
    Store().close()
    db = sqlite3.connect(home / "jsengine.db")
    db.execute("INSERT INTO schema_version VALUES (99)")
    db.commit()
    db.close()
    with pytest.raises(UserError, match="schema version 99"):
        Store()


def test_ids_look_like_platform_ids() -> None:
    ids = {new_id() for _ in range(200)}
    assert len(ids) == 200
    assert all(re.fullmatch(r"[a-z0-9]{13}", i) for i in ids)


def test_storage_set_is_durable_when_the_process_is_killed(home: Path) -> None:
    code = textwrap.dedent(f"""
        import os, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        from runtime.store import Store
        s = Store()
        s.storage_set("ns", "count", "41")
        s.storage_set("ns", "count", "42")
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    proc = subprocess.run([sys.executable, "-c", code], check=False, env=dict(os.environ, JSENGINE_HOME=str(home)))
    assert proc.returncode == -signal.SIGKILL
    with Store() as store:
        assert store.storage_get("ns", "count") == "42"


def _hammer(args: tuple[str, int]) -> int:
    home, worker = args
    os.environ["JSENGINE_HOME"] = home
    with Store() as store:
        for i in range(50):
            store.storage_set("shared", f"w{worker}-{i}", str(i))
            store.log_start(integration_id=None, source="test", activity={"type": "t"})
    return worker


def test_concurrent_processes_do_not_corrupt_or_lose_writes(home: Path) -> None:
    Store().close()
    with ProcessPoolExecutor(4) as pool:
        list(pool.map(_hammer, [(str(home), w) for w in range(4)]))
    with Store() as store:
        assert len(store.storage_items("shared")) == 200
        assert len(store.log_entries()) == 200
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_storage_namespaces_are_separate(home: Path) -> None:
    with Store() as store:
        store.storage_set("a", "k", "1")
        store.storage_set("b", "k", "2")
        store.storage_remove("a", "missing")
        assert store.storage_get("a", "k") == "1"
        store.storage_clear("a")
        assert store.storage_get("a", "k") is None
        assert store.storage_get("b", "k") == "2"
