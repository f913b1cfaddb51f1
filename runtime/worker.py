"""One run in its own process, for the webhook server: `python -m runtime.worker < job.json`.

The job names the integration, the log entry (already created, state pending), the activity, the
project, the budgets and the fetch allow list. The worker runs the script in a fresh engine and closes
the log entry itself; it saves the output as it goes, so a run the server has to kill keeps what it
printed. Exit status 0 means the run was recorded (whatever its result).
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict
from typing import Any

from runtime.netpolicy import NetworkPolicy
from runtime.sandbox import Limits
from runtime.store import Store


def job_for(integration_id: str, log_id: str, activity: dict[str, Any], project: dict[str, Any] | None,
            limits: Limits, allow_hosts: list[str]) -> dict[str, Any]:
    """The JSON job a worker reads."""
    return {"integration_id": integration_id, "log_id": log_id, "activity": activity, "project": project,
            "limits": asdict(limits), "allow_hosts": allow_hosts}


def run_job(job: dict[str, Any]) -> int:
    """Run the job's integration once; returns the process exit code."""
    from runtime.runner import run_integration

    limits = Limits(**job["limits"])
    policy = NetworkPolicy(job.get("allow_hosts") or [])
    with Store() as store:
        integration = store.find_integration(job["integration_id"])
        log_id = job["log_id"]
        if integration is None:
            store.log_finish(log_id, result="failure", output="", error="the integration was deleted before it ran",
                             started_at=None, completed_at=_now(), duration_ms=0.0, usage={}, fetches=[])
            return 0
        lines: list[str] = []
        last_save = [time.monotonic()]

        def echo(level: str, text: str) -> None:
            lines.append(text)
            if time.monotonic() - last_save[0] > 0.5:
                last_save[0] = time.monotonic()
                store.log_output(log_id, "\n".join(lines))

        run_integration(store, integration, job["activity"], project=job.get("project"), limits=limits,
                        policy=policy, source="serve", echo=echo, log_id=log_id)
    return 0


def _now() -> str:
    from runtime.store import now_iso

    return now_iso()


def main() -> int:
    """Read a job on standard input and run it."""
    try:
        job = json.loads(sys.stdin.read())
    except ValueError as exc:
        sys.stderr.write(f"worker: bad job: {exc}\n")
        return 2
    return run_job(job)


if __name__ == "__main__":
    sys.exit(main())
