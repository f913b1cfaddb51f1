"""Fixtures of the runtime tests: a private JSENGINE_HOME, the CLI, loopback HTTP servers."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from runtime import cli

from .helpers import Result, activity


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Parse caches go to a temporary folder, not the user's ~/.cache."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("JSENGINE_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh JSENGINE_HOME, and the current directory set to tmp_path."""
    h = tmp_path / "home"
    monkeypatch.setenv("JSENGINE_HOME", str(h))
    monkeypatch.delenv("JSENGINE_FETCH_ALLOW", raising=False)
    monkeypatch.chdir(tmp_path)
    return h


@pytest.fixture
def run_cli(home: Path, capsys: pytest.CaptureFixture[str]) -> Any:
    """Call runtime.cli.main in-process: run_cli("integration:add", "--file", "x.js")."""

    def call(*argv: str) -> Result:
        capsys.readouterr()
        code = cli.main(list(argv))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return call


@pytest.fixture
def write(tmp_path: Path) -> Any:
    """write("name.js", "source") -> path (str)."""

    def w(name: str, text: str) -> str:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return str(path)

    return w


@pytest.fixture
def payload(tmp_path: Path) -> Any:
    """payload(type=..., state=..., envs=[...]) -> path of a JSON file."""
    counter = {"n": 0}

    def make(type: str = "environment.push", state: str = "complete", envs: list[str] | None = None,
             **extra: Any) -> str:
        counter["n"] += 1
        path = tmp_path / f"payload{counter['n']}.json"
        path.write_text(json.dumps(activity(type, state, envs, **extra)), encoding="utf-8")
        return str(path)

    return make


@dataclass
class Recorder:
    """A loopback HTTP server recording requests; `responses` maps path -> (status, headers, body)."""

    url: str
    port: int
    requests: list[dict[str, Any]] = field(default_factory=list)
    responses: dict[str, tuple[int, dict[str, str], bytes]] = field(default_factory=dict)


@pytest.fixture
def http_server() -> Iterator[Recorder]:
    """A loopback server the tests start themselves (fetch is pointed only at it)."""
    recorder = Recorder(url="", port=0)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            return

        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            recorder.requests.append({"method": self.command, "path": self.path,
                                      "headers": {k.lower(): v for k, v in self.headers.items()},
                                      "body": body.decode("utf-8", "replace")})
            status, headers, data = recorder.responses.get(
                self.path.split("?")[0], (200, {"Content-Type": "application/json"}, b'{"ok": true}'))
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            if "Content-Length" not in headers:
                self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _handle

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    recorder.port = server.server_address[1]
    recorder.url = f"http://127.0.0.1:{recorder.port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield recorder
    finally:
        server.shutdown()
        server.server_close()
