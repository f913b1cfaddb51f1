"""Running activity scripts: one fresh sandbox per run, with its globals, budgets and log entry."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from runtime import filters
from runtime.bindings.console import Output
from runtime.bindings.crypto import make_crypto
from runtime.bindings.encoding import make_encoding
from runtime.bindings.fetch import Fetcher
from runtime.bindings.require import make_require
from runtime.bindings.storage import make_storage
from runtime.errors import UserError
from runtime.netpolicy import NetworkPolicy
from runtime.sandbox import Limits, Sandbox, ScriptFailure
from runtime.store import Integration, Store, now_iso
from runtime.underscore import compiled_underscore, uses_underscore

Echo = Callable[[str, str], None]


@dataclass
class RunResult:
    """How one run ended."""

    ok: bool
    output: str
    error: str | None
    failure: str | None  # error, syntax, budget, engine, internal, setup
    started_at: str
    completed_at: str
    duration_ms: float
    usage: dict[str, Any] = field(default_factory=dict)
    fetches: list[dict[str, Any]] = field(default_factory=list)


def execute(
    source: str,
    filename: str,
    *,
    activity: dict[str, Any],
    project: dict[str, Any],
    variables: dict[str, str],
    store: Store,
    namespace: str,
    limits: Limits,
    policy: NetworkPolicy,
    echo: Echo | None = None,
) -> RunResult:
    """Run `source` once in a fresh sandbox with the activity-script globals."""
    out = Output(limits.output_bytes, echo)
    started_at = now_iso()
    t0 = time.monotonic()
    fetcher = Fetcher(policy, limits, lambda: t0 + limits.time)
    sandbox: Sandbox | None = None
    error: str | None = None
    failure: str | None = None
    usage: dict[str, Any] = {}
    try:
        sandbox = Sandbox(limits, out)
        if uses_underscore(source):
            sandbox.run(compiled_underscore())
        sandbox.define("activity", activity)
        sandbox.define("project", project)
        sandbox.define("variables", variables)
        sandbox.define("require", make_require({"storage": make_storage(store, namespace, limits)}))
        sandbox.define("fetch", fetcher.binding())
        sandbox.define("crypto", make_crypto())
        for name, fn in make_encoding().items():
            sandbox.define(name, fn)
        sandbox.run(source, filename=filename)
    except ScriptFailure as exc:
        error, failure = exc.message, exc.kind
        if exc.budget:
            usage["exhausted"] = exc.budget
    except UserError as exc:
        error, failure = exc.message, "setup"
    if sandbox is not None:
        usage.update(sandbox.usage())
    duration = (time.monotonic() - t0) * 1000
    usage.setdefault("time", round(duration / 1000, 3))
    usage["fetches"] = len(fetcher.records)
    return RunResult(
        ok=error is None, output=out.text(), error=error, failure=failure, started_at=started_at,
        completed_at=now_iso(), duration_ms=round(duration, 1), usage=usage, fetches=fetcher.records,
    )


def project_for(activity: dict[str, Any], project: dict[str, Any] | None) -> dict[str, Any]:
    """The `project` global: the given one, else the payload's, else just the activity's project id."""
    if project is not None:
        return project
    payload = activity.get("payload")
    if isinstance(payload, dict) and isinstance(payload.get("project"), dict):
        return payload["project"]
    pid = activity.get("project")
    return {"id": pid} if isinstance(pid, str) else {}


def run_integration(
    store: Store,
    integration: Integration,
    activity: dict[str, Any],
    *,
    project: dict[str, Any] | None,
    limits: Limits,
    policy: NetworkPolicy,
    source: str,
    echo: Echo | None = None,
    log_id: str | None = None,
) -> tuple[str, RunResult]:
    """Run one integration for one activity and record it in the activity log."""
    if log_id is None:
        log_id = store.log_start(integration_id=integration.id, source=source, activity=activity)
    else:
        store.log_running(log_id)
    variables = {v.name: v.value for v in store.list_variables(integration.id)}
    filename = integration.file or f"integration-{integration.id}.js"
    result = execute(
        integration.script, filename, activity=activity, project=project_for(activity, project),
        variables=variables, store=store, namespace=integration.id, limits=limits, policy=policy, echo=echo,
    )
    store.log_finish(
        log_id, result="success" if result.ok else "failure", output=result.output, error=result.error,
        started_at=result.started_at, completed_at=result.completed_at, duration_ms=result.duration_ms,
        usage=result.usage, fetches=result.fetches,
    )
    return log_id, result


def matching(store: Store, activity: dict[str, Any]) -> list[Integration]:
    """The enabled script integrations this activity triggers, oldest first."""
    return [i for i in store.list_integrations() if filters.matches(i, activity)]


def load_json_file(path: str, what: str) -> Any:
    """Parse a JSON file (`-` is standard input), with a clear error."""
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise UserError(f"cannot read {what} {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise UserError(f"{what} {path} is not UTF-8 text") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(f"{what} {path} is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") \
            from None


def check_activity(data: Any, where: str) -> dict[str, Any]:
    """An activity payload must be a JSON object with a string `type`."""
    if not isinstance(data, dict):
        raise UserError(f"{where}: an activity must be a JSON object, got {type(data).__name__}")
    if not isinstance(data.get("type"), str):
        raise UserError(f"{where}: the activity has no \"type\" (e.g. \"environment.push\")")
    return data


def load_activities(path: str) -> list[dict[str, Any]]:
    """The activities in a payload file: one object, or an array of them."""
    data = load_json_file(path, "payload")
    items = data if isinstance(data, list) else [data]
    return [check_activity(item, path) for item in items]


def load_project(path: str | None) -> dict[str, Any] | None:
    """The `project` global from a JSON file, if one is given."""
    if path is None:
        return None
    data = load_json_file(path, "project file")
    if not isinstance(data, dict):
        raise UserError(f"project file {path}: expected a JSON object")
    return data


def default_activity() -> dict[str, Any]:
    """The activity used by `activity:run` without --payload: a successful push to main."""
    stamp = now_iso()
    return {
        "id": "localrun00000", "type": "environment.push", "state": "complete", "result": "success",
        "project": "localproject000", "environments": ["main"],
        "parameters": {"environment": "main", "user": "local"},
        "created_at": stamp, "started_at": stamp, "completed_at": stamp, "log": "",
        "payload": {
            "user": {"id": "local", "display_name": "Local User"},
            "environment": {"id": "main", "name": "main", "type": "production", "is_main": True},
            "commits": [], "commits_count": 0,
            "deployment": {"variables": [], "routes": {}},
        },
    }
