"""Helpers of the runtime tests: paths, the engine check, running the CLI in a subprocess, payloads."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from runtime.sandbox import engine_available

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
# the platform's example payloads (copies of ../shared/platform/ shipped with the examples)
PAYLOADS = EXAMPLES / "activity-scripts" / "payloads"
PUSH = str(PAYLOADS / "push.json")
CRON = str(PAYLOADS / "cron.json")
PROJECT = str(EXAMPLES / "activity-scripts" / "project.json")


def _engine_works() -> bool:
    if not engine_available():
        return False
    try:
        import jsengine

        return jsengine.run("1 + 1") == 2
    except Exception:  # noqa: BLE001 - half-built engine
        return False


ENGINE = _engine_works()
needs_engine = pytest.mark.skipif(not ENGINE, reason="the engine (jsengine.run) is not available yet")


@dataclass
class Result:
    """What a CLI call returned and printed."""

    code: int
    out: str
    err: str


def jsengine_cmd(*argv: str, env: dict[str, str] | None = None, timeout: float = 120,
                 input: str | None = None) -> Result:
    """Run `python -m runtime ...` in a subprocess (what a user's `jsengine VERB` does)."""
    full_env = dict(os.environ)
    full_env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])
    full_env.update(env or {})
    proc = subprocess.run([sys.executable, "-m", "runtime", *argv], check=False, capture_output=True, text=True,
                          env=full_env, timeout=timeout, input=input)
    return Result(proc.returncode, proc.stdout, proc.stderr)


def activity(type: str = "environment.push", state: str = "complete", envs: list[str] | None = None,
             **extra: Any) -> dict[str, Any]:
    """A minimal activity payload."""
    data = {"id": "act" + type.replace(".", "")[:10], "type": type, "state": state, "result": "success",
            "project": "abcdefgh1234567", "environments": ["main"] if envs is None else envs, "payload": {}}
    data.update(extra)
    return data
