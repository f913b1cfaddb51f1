"""`jsengine serve`: a webhook endpoint that runs the matching integrations for POSTed activities.

- POST any path (except /health) with an activity JSON body: the matching integrations are queued and
  the answer is 202 with their run ids (`?wait=1` waits for the runs and answers 200 with outcomes).
- GET /health: 200 with the numbers of running and queued runs.
- Each run is a separate worker process (`runtime.worker`) with the run's budgets; at most `workers`
  run at once and at most `queue` wait (503 beyond). A worker still alive after its wall-clock budget
  plus a grace period is killed and its run recorded as failed. A hostile script therefore holds at most
  one worker slot for a bounded time and cannot reach the server's memory or threads.
- Request bodies over `max_body` get 413; with a shared secret, a request must prove it (401 otherwise):
  `Authorization: Bearer SECRET`, `X-Hub-Signature-256: sha256=HMAC_SHA256(SECRET, body)`, or
  `X-JWS-Signature`: an HS256 JWS (compact, payload attached or detached) of the body.
- SIGTERM or SIGINT: stop accepting, finish the accepted runs, exit 0. A second signal kills them.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from runtime.errors import UserError
from runtime.runner import check_activity, matching
from runtime.sandbox import Limits
from runtime.store import Store, home_dir, now_iso
from runtime.worker import job_for

GRACE_S = 10.0
READ_TIMEOUT_S = 30.0


@dataclass
class ServerConfig:
    """Settings of `jsengine serve`."""

    host: str = "127.0.0.1"
    port: int = 8080
    workers: int = 2
    queue: int = 100
    max_body: int = 5 * 2**20
    secret: str | None = None
    project: dict[str, Any] | None = None
    limits: Limits = field(default_factory=Limits)
    allow_hosts: list[str] = field(default_factory=list)
    grace: float = GRACE_S
    worker_cmd: list[str] = field(default_factory=lambda: [sys.executable, "-m", "runtime.worker"])


class Busy(Exception):
    """The queue is full."""


def _b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def verify_jws(token: str, body: bytes, secret: str) -> bool:
    """An HS256 compact JWS over `body` (payload attached or detached), signed with `secret`."""
    parts = token.strip().split(".")
    if len(parts) != 3:
        return False
    head_b64, payload_b64, sig_b64 = parts
    try:
        header = json.loads(_b64url_decode(head_b64))
        signature = _b64url_decode(sig_b64)
        if payload_b64 and _b64url_decode(payload_b64) != body:
            return False
    except (ValueError, TypeError):
        return False
    if not isinstance(header, dict) or header.get("alg") != "HS256":
        return False
    signing_input = f"{head_b64}.{payload_b64 or _b64url(body)}".encode("ascii")
    expected = hmac.new(secret.encode("utf-8"), signing_input, hashlib.sha256).digest()
    return hmac.compare_digest(expected, signature)


def authorized(headers: Any, body: bytes, secret: str) -> bool:
    """True when the request proves it knows the shared secret (see the module docstring)."""
    auth = headers.get("Authorization") or ""
    if auth.startswith("Bearer ") and hmac.compare_digest(auth[7:].strip().encode(), secret.encode()):
        return True
    hub = headers.get("X-Hub-Signature-256") or ""
    if hub.startswith("sha256="):
        expected = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
        if hmac.compare_digest(expected.encode(), hub[7:].strip().lower().encode()):
            return True
    jws = headers.get("X-JWS-Signature")
    return bool(jws) and verify_jws(jws, body, secret)


class Dispatcher:
    """The bounded pool of worker processes and the queue in front of it."""

    def __init__(self, config: ServerConfig, home: Path) -> None:
        self.config = config
        self.home = home
        self.pool = ThreadPoolExecutor(max_workers=config.workers, thread_name_prefix="run")
        self.lock = threading.Lock()
        self.waiting = 0
        self.running: dict[str, subprocess.Popen[bytes]] = {}
        self.closed = False
        self.force = False

    def stats(self) -> dict[str, int]:
        """Running and queued runs."""
        with self.lock:
            return {"running": len(self.running), "queued": self.waiting, "workers": self.config.workers}

    def submit(self, activity: dict[str, Any]) -> list[tuple[dict[str, str], Future[dict[str, Any]]]]:
        """Queue a run per matching integration; raises Busy when the queue is full."""
        with Store(self.home) as store:
            targets = matching(store, activity)
            with self.lock:
                if self.closed:
                    raise Busy("the server is shutting down")
                if self.waiting + len(targets) > self.config.queue:
                    raise Busy(f"{self.waiting} runs are waiting (limit {self.config.queue})")
                self.waiting += len(targets)
            runs = []
            for integration in targets:
                log_id = store.log_start(integration_id=integration.id, source="serve", activity=activity,
                                         state="pending")
                info = {"id": log_id, "integration": integration.id}
                runs.append((info, self.pool.submit(self._run, integration.id, log_id, activity)))
        return runs

    def _run(self, integration_id: str, log_id: str, activity: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            self.waiting -= 1
        cfg = self.config
        if self.force:
            with Store(self.home) as store:
                store.log_finish(log_id, result="failure", output="", error="cancelled: the server was stopped",
                                 started_at=None, completed_at=now_iso(), duration_ms=0.0, usage={}, fetches=[])
            return {"id": log_id, "integration": integration_id, "result": "failure",
                    "error": "cancelled: the server was stopped", "duration_ms": 0.0}
        job = job_for(integration_id, log_id, activity, cfg.project, cfg.limits, cfg.allow_hosts)
        root = str(Path(__file__).resolve().parent.parent)
        env = dict(os.environ, JSENGINE_HOME=str(self.home.resolve()),
                   PYTHONPATH=os.pathsep.join([root, *filter(None, [os.environ.get("PYTHONPATH")])]))
        started = time.monotonic()
        proc = subprocess.Popen(cfg.worker_cmd, stdin=subprocess.PIPE,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                                start_new_session=True)
        with self.lock:
            self.running[log_id] = proc
        killed = None
        try:
            data = json.dumps(job).encode("utf-8")
            try:
                _, err = proc.communicate(data, timeout=cfg.limits.time + cfg.grace)
            except subprocess.TimeoutExpired:
                proc.kill()
                _, err = proc.communicate()
                killed = f"killed: the run exceeded its wall-clock budget of {cfg.limits.time:g} s"
            if self.force and killed is None and proc.returncode and proc.returncode < 0:
                killed = "killed: the server was stopped before the run finished"
        finally:
            with self.lock:
                self.running.pop(log_id, None)
        with Store(self.home) as store:
            entry = store.find_log_entry(log_id)
            if entry is not None and entry.state != "complete":
                reason = killed or (f"the worker process ended unexpectedly (exit status {proc.returncode})"
                                    + (f": {err.decode('utf-8', 'replace').strip()[-500:]}" if err else ""))
                store.log_finish(log_id, result="failure", output=entry.output, error=reason,
                                 started_at=None, completed_at=now_iso(),
                                 duration_ms=round((time.monotonic() - started) * 1000, 1),
                                 usage={"time": round(time.monotonic() - started, 3)}, fetches=[])
                entry = store.find_log_entry(log_id)
        result = {"id": log_id, "integration": integration_id, "result": entry.result if entry else "failure",
                  "error": entry.error if entry else "lost", "duration_ms": entry.duration_ms if entry else None}
        _log(f"run {log_id} ({integration_id}): {result['result']}"
             + (f" in {result['duration_ms']:.0f} ms" if result["duration_ms"] is not None else "")
             + (f" - {result['error'].splitlines()[0]}" if result["error"] else ""))
        return result

    def shutdown(self) -> None:
        """Refuse new runs and wait for the accepted ones."""
        with self.lock:
            self.closed = True
        self.pool.shutdown(wait=True)

    def kill_all(self) -> None:
        """Kill running workers (second signal)."""
        self.force = True
        with self.lock:
            procs = list(self.running.values())
        for proc in procs:
            try:
                proc.kill()
            except OSError:
                pass


def _log(text: str) -> None:
    sys.stderr.write(f"[{now_iso()[:19]}] {text}\n")
    sys.stderr.flush()


def make_handler(config: ServerConfig, dispatcher: Dispatcher) -> type[BaseHTTPRequestHandler]:
    """The request handler class bound to this server's configuration."""

    class Handler(BaseHTTPRequestHandler):
        server_version = "jsengine-serve"
        timeout = READ_TIMEOUT_S
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            return

        def _reply(self, status: int, data: dict[str, Any]) -> None:
            body = (json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            if status == 503:
                self.send_header("Retry-After", "5")
            if status in (411, 413, 400, 401):
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            if urlsplit(self.path).path.rstrip("/") == "/health":
                self._reply(200, {"status": "ok", **dispatcher.stats()})
            else:
                self._reply(404, {"error": "POST activity payloads here; GET /health for status"})

        def do_POST(self) -> None:
            try:
                self._post()
            except Exception as exc:  # noqa: BLE001 - one line in the server log, a 500 to the sender
                _log(f"error while handling a POST: {type(exc).__name__}: {exc}")
                try:
                    self._reply(500, {"error": "internal error; see the server log"})
                except OSError:
                    pass

        def _post(self) -> None:
            url = urlsplit(self.path)
            if url.path.rstrip("/") == "/health":
                self._reply(405, {"error": "use GET /health"})
                return
            length_text = self.headers.get("Content-Length")
            if length_text is None or not length_text.strip().isdigit():
                self._reply(411, {"error": "a Content-Length header is required"})
                return
            length = int(length_text)
            if length > config.max_body:
                self._reply(413, {"error": f"payload too large: {length} bytes, limit {config.max_body}"})
                return
            try:
                body = self.rfile.read(length)
            except (TimeoutError, OSError):
                self.close_connection = True
                return
            if config.secret and not authorized(self.headers, body, config.secret):
                _log(f"refused a request from {self.client_address[0]}: bad or missing signature")
                self._reply(401, {"error": "missing or invalid signature for the shared secret"})
                return
            try:
                activity = check_activity(json.loads(body), "payload")
            except ValueError as exc:
                self._reply(400, {"error": f"the body is not valid JSON: {exc}"})
                return
            except UserError as exc:
                self._reply(400, {"error": exc.message})
                return
            try:
                runs = dispatcher.submit(activity)
            except Busy as exc:
                self._reply(503, {"error": f"busy: {exc}"})
                return
            _log(f"activity {activity.get('id', '-')} {activity['type']} ({activity.get('state', '-')}): "
                 f"{len(runs)} run(s) queued")
            info = {"activity": activity.get("id"), "type": activity["type"], "runs": [r for r, _ in runs]}
            wait = parse_qs(url.query).get("wait", ["0"])[-1].lower() in ("1", "true", "yes")
            if not wait:
                self._reply(202, info)
                return
            info["runs"] = [future.result() for _, future in runs]
            self._reply(200, info)

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        exc = sys.exc_info()[1]
        _log(f"error while serving {client_address[0]}: {type(exc).__name__}: {exc}")


def serve(config: ServerConfig, ready: threading.Event | None = None) -> int:
    """Run the server until SIGTERM/SIGINT; returns the exit code."""
    home = home_dir()
    Store(home).close()  # create/migrate the database before accepting anything
    dispatcher = Dispatcher(config, home)
    try:
        httpd = _Server((config.host, config.port), make_handler(config, dispatcher))
    except OSError as exc:
        raise UserError(f"cannot listen on {config.host}:{config.port}: {exc.strerror or exc}") from None
    host, port = httpd.server_address[:2]
    shown = f"[{host}]" if ":" in str(host) else host
    signals = {"count": 0}

    def stop(signum: int, frame: Any) -> None:
        signals["count"] += 1
        if signals["count"] == 1:
            _log(f"{signal.Signals(signum).name}: finishing accepted runs, then stopping "
                 "(send it again to kill them)")
            threading.Thread(target=httpd.shutdown, daemon=True).start()
        else:
            dispatcher.kill_all()

    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGINT)}
    if not config.secret and host not in ("127.0.0.1", "::1", "localhost"):
        _log("warning: listening beyond loopback without --secret: anyone who can reach this port can run "
             "your scripts")
    sys.stdout.write(f"Listening on http://{shown}:{port}/ (health: /health)\n")
    sys.stdout.flush()
    if ready is not None:
        ready.set()
    try:
        httpd.serve_forever(poll_interval=0.2)
    finally:
        httpd.server_close()
        dispatcher.shutdown()
        for s, handler in previous.items():
            signal.signal(s, handler)
    _log("stopped")
    return 0
