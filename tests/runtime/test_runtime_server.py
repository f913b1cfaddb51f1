"""The webhook server end to end: a real `serve` process on loopback."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from runtime.server import authorized, verify_jws

from .helpers import PUSH, ROOT, activity, jsengine_cmd, needs_engine


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def jws(body: bytes, secret: str, detached: bool = True) -> str:
    head = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    payload = _b64(body)
    sig = _b64(hmac.new(secret.encode(), f"{head}.{payload}".encode(), hashlib.sha256).digest())
    return f"{head}.{'' if detached else payload}.{sig}"


def test_shared_secret_proofs() -> None:
    body = b'{"type": "environment.push"}'
    secret = "s3cret"
    good_hub = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    assert authorized({"Authorization": "Bearer s3cret"}, body, secret)
    assert authorized({"X-Hub-Signature-256": good_hub}, body, secret)
    assert authorized({"X-JWS-Signature": jws(body, secret)}, body, secret)
    assert authorized({"X-JWS-Signature": jws(body, secret, detached=False)}, body, secret)
    assert not authorized({}, body, secret)
    assert not authorized({"Authorization": "Bearer wrong"}, body, secret)
    assert not authorized({"X-Hub-Signature-256": good_hub}, body + b" ", secret)
    assert not authorized({"X-JWS-Signature": jws(body, "other")}, body, secret)
    assert not verify_jws("a.b", body, secret)
    none_alg = _b64(b'{"alg":"none"}') + ".." + _b64(b"")
    assert not verify_jws(none_alg, body, secret)


class Server:
    """A running `serve` process."""

    def __init__(self, proc: subprocess.Popen[str], url: str) -> None:
        self.proc = proc
        self.url = url

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict[str, str] | None = None, timeout: float = 60) -> tuple[int, dict[str, Any]]:
        req = urllib.request.Request(self.url + path, data=body, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                return resp.status, json.loads(resp.read() or b"{}")
        except urllib.error.HTTPError as exc:
            return exc.code, json.loads(exc.read() or b"{}")

    def post(self, data: Any, path: str = "/", **kw: Any) -> tuple[int, dict[str, Any]]:
        body = data if isinstance(data, bytes) else json.dumps(data).encode()
        return self.request("POST", path, body, {"Content-Type": "application/json", **kw.pop("headers", {})}, **kw)


@contextmanager
def serving(home: Path, *args: str) -> Iterator[Server]:
    env = dict(os.environ, JSENGINE_HOME=str(home),
               PYTHONPATH=os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]))
    proc = subprocess.Popen([sys.executable, "-m", "runtime", "serve", "--port", "0", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert "Listening on" in line, line + (proc.stderr.read() if proc.stderr else "")
        url = line.split()[2].rstrip("/")
        yield Server(proc, url)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(10)


def add(home: Path, write, source: str, *opts: str) -> str:
    result = jsengine_cmd("integration:add", "--type", "script", "--file", write("s.js", source), *opts,
                          env={"JSENGINE_HOME": str(home)})
    assert result.code == 0, result.err
    return result.out.strip()


def entries(home: Path) -> list[dict[str, Any]]:
    out = jsengine_cmd("integration:activities", "--format", "json", env={"JSENGINE_HOME": str(home)}).out
    return json.loads(out)


def test_health_and_request_checks(home, write) -> None:
    with serving(home, "--max-body", "2KB") as server:
        status, data = server.request("GET", "/health")
        assert status == 200 and data["status"] == "ok" and data["running"] == 0
        assert server.post(b"{bad json")[0] == 400
        assert server.post([1, 2])[0] == 400
        status, data = server.post({"state": "complete"})
        assert status == 400 and "type" in data["error"]
        assert server.post({"type": "environment.push", "log": "x" * 5000})[0] == 413
        status, data = server.post(activity())
        assert status == 202 and data["runs"] == []


def test_shared_secret_is_required_when_configured(home, write) -> None:
    with serving(home, "--secret", "hunter2") as server:
        body = json.dumps(activity()).encode()
        assert server.post(body)[0] == 401
        assert server.post(body, headers={"Authorization": "Bearer nope"})[0] == 401
        assert server.post(body, headers={"Authorization": "Bearer hunter2"})[0] == 202
        sig = "sha256=" + hmac.new(b"hunter2", body, hashlib.sha256).hexdigest()
        assert server.post(body, headers={"X-Hub-Signature-256": sig})[0] == 202
        assert server.post(body, headers={"X-JWS-Signature": jws(body, "hunter2")})[0] == 202
        assert server.request("GET", "/health")[0] == 200  # health needs no secret


def test_post_queues_runs_of_matching_integrations(home, write) -> None:
    push = add(home, write, "console.log('push ran')")
    add(home, write, "console.log('cron ran')", "--events", "environment.cron")
    with serving(home) as server:
        status, data = server.post(activity(), path="/?wait=1")
        assert status == 200
        assert [r["integration"] for r in data["runs"]] == [push]
    logged = entries(home)
    assert [e["integration_id"] for e in logged] == [push]
    assert logged[0]["source"] == "serve" and logged[0]["state"] == "complete"


@needs_engine
def test_runs_in_workers_record_output_and_storage(home, write) -> None:
    iid = add(home, write, """
        const storage = require('storage');
        const n = Number(storage.get('n') || 0) + 1;
        storage.set('n', n);
        console.log(`run ${n} for ${activity.type} on ${activity.environments.join(',')}`);
    """)
    payload = json.loads(Path(PUSH).read_text())
    with serving(home) as server:
        for _ in range(2):
            status, data = server.post(payload, path="/?wait=1")
            assert status == 200 and data["runs"][0]["result"] == "success", data
    outputs = [e["output"] for e in entries(home)]
    assert outputs == ["run 1 for environment.push on main", "run 2 for environment.push on main"]
    assert jsengine_cmd("integration:storage:get", iid, "n", env={"JSENGINE_HOME": str(home)}).out.strip() == "2"


@needs_engine
def test_a_hostile_script_does_not_block_the_server(home, write) -> None:
    add(home, write, "console.log('spinning'); while (true) {}")
    with serving(home, "--workers", "1", "--timeout", "2") as server:
        started = time.monotonic()
        status = server.post(activity())[0]
        assert status == 202
        assert server.request("GET", "/health", timeout=5)[0] == 200
        assert time.monotonic() - started < 5
        for _ in range(100):
            logged = entries(home)
            if logged and logged[0]["state"] == "complete":
                break
            time.sleep(0.3)
    assert logged[0]["result"] == "failure"
    assert "time" in logged[0]["error"] or "killed" in logged[0]["error"]
    assert logged[0]["output"].startswith("spinning")


@needs_engine
def test_sigterm_finishes_the_run_in_progress(home, write) -> None:
    add(home, write, """
        const start = Date.now();
        while (Date.now() - start < 1500) {}
        require('storage').set('done', 'yes');
        console.log('finished');
    """)
    with serving(home) as server:
        assert server.post(activity())[0] == 202
        for _ in range(50):
            if server.request("GET", "/health")[1]["running"]:
                break
            time.sleep(0.1)
        server.proc.send_signal(signal.SIGTERM)
        assert server.proc.wait(60) == 0
    logged = entries(home)
    assert logged[0]["result"] == "success" and logged[0]["output"] == "finished"


def test_sigterm_on_an_idle_server_exits_cleanly(home) -> None:
    with serving(home) as server:
        server.proc.send_signal(signal.SIGTERM)
        assert server.proc.wait(20) == 0


def test_busy_queue_answers_503(home, write) -> None:
    for _ in range(3):
        add(home, write, "1")
    with serving(home, "--queue", "2", "--workers", "1") as server:
        status, data = server.post(activity())
        assert status == 503 and "busy" in data["error"]


@pytest.mark.parametrize("argv", [["--workers", "0"], ["--max-body", "lots"]])
def test_bad_serve_options_fail_clearly(home, argv) -> None:
    result = jsengine_cmd("serve", "--port", "0", *argv, env={"JSENGINE_HOME": str(home)})
    assert result.code != 0 and result.err.startswith("error:")


def _dispatcher(home: Path, worker: str, **config: Any):
    from runtime.server import Dispatcher, ServerConfig
    from runtime.store import Store

    with Store(home) as store:
        iid = store.add_integration(script="1", file=None, events=["environment.push"], states=["complete"],
                                    environments=["*"], excluded_environments=[]).id
    cfg = ServerConfig(worker_cmd=[sys.executable, "-c", worker], **config)
    return Dispatcher(cfg, home), iid


def test_a_worker_past_its_budget_is_killed_and_recorded(home) -> None:
    from runtime.sandbox import Limits
    from runtime.store import Store

    dispatcher, iid = _dispatcher(home, "import time; time.sleep(60)", limits=Limits(time=0.5), grace=0.5)
    started = time.monotonic()
    [(info, future)] = dispatcher.submit(activity())
    result = future.result(timeout=30)
    dispatcher.shutdown()
    assert time.monotonic() - started < 15
    assert result["result"] == "failure" and "killed" in result["error"]
    with Store(home) as store:
        entry = store.find_log_entry(info["id"])
    assert entry.state == "complete" and entry.result == "failure" and entry.integration_id == iid


def test_a_crashing_worker_is_a_failed_run(home) -> None:
    dispatcher, _ = _dispatcher(home, "import sys; sys.stderr.write('segfault-ish'); sys.exit(3)")
    [(_info, future)] = dispatcher.submit(activity())
    result = future.result(timeout=30)
    dispatcher.shutdown()
    assert result["result"] == "failure" and "exit status 3" in result["error"] and "segfault-ish" in result["error"]
