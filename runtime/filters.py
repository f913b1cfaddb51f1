"""Which integrations an activity triggers: the platform's filter rules.

An integration runs for an activity when it is an enabled script integration, the activity's `type`
matches one of its events, its `state` one of its states, and its environments match: the activity's
`environments` list minus the excluded ones must meet the included ones. With the default (`*`, all
environments) an activity that names no environment (a project-level one) matches too. Each pattern is
a name or a shell-style glob (`*`, `environment.*`).
"""

from __future__ import annotations

from collections.abc import Iterable
from fnmatch import fnmatchcase
from typing import Any

from runtime.errors import UserError
from runtime.store import Integration

DEFAULT_EVENTS = ["environment.push"]
DEFAULT_STATES = ["complete"]
DEFAULT_ENVIRONMENTS = ["*"]
STATES = ("pending", "in_progress", "complete", "cancelled", "scheduled")


def split_list(values: Iterable[str] | None) -> list[str] | None:
    """Options given as `a,b` and/or repeated, as one list without blanks or duplicates."""
    if values is None:
        return None
    out: list[str] = []
    for value in values:
        for item in value.split(","):
            item = item.strip()
            if item and item not in out:
                out.append(item)
    return out


def check_filters(
    events: list[str] | None,
    states: list[str] | None,
    environments: list[str] | None,
) -> None:
    """Refuse filters that could never match anything."""
    if events is not None and not events:
        raise UserError("--events needs at least one activity type (e.g. environment.push, or * for all)")
    if states is not None:
        if not states:
            raise UserError(f"--states needs at least one state: {', '.join(STATES)} (or *)")
        for state in states:
            if state not in STATES and not any(ch in state for ch in "*?["):
                raise UserError(f"unknown state {state!r}; states are: {', '.join(STATES)}")
    if environments is not None and not environments:
        raise UserError("--environments needs at least one environment name (or * for all)")


def _any_match(value: str, patterns: list[str]) -> bool:
    return any(fnmatchcase(value, p) for p in patterns)


def activity_environments(activity: dict[str, Any]) -> list[str]:
    """The activity's `environments` list (strings only)."""
    envs = activity.get("environments")
    if not isinstance(envs, list):
        return []
    return [e for e in envs if isinstance(e, str)]


def environments_match(integration: Integration, activity: dict[str, Any]) -> bool:
    """True when the activity's environments, minus the excluded ones, meet the included ones."""
    envs = activity_environments(activity)
    candidates = [e for e in envs if not _any_match(e, integration.excluded_environments)]
    everything = "*" in integration.environments
    if not envs:
        return everything
    return any(everything or _any_match(e, integration.environments) for e in candidates)


def matches(integration: Integration, activity: dict[str, Any]) -> bool:
    """True when the activity triggers this integration."""
    if not integration.enabled or integration.type != "script":
        return False
    atype = activity.get("type")
    state = activity.get("state")
    if not isinstance(atype, str) or not _any_match(atype, integration.events):
        return False
    if not isinstance(state, str) or not _any_match(state, integration.states):
        return False
    return environments_match(integration, activity)


def describe(integration: Integration) -> str:
    """A one-line summary of the filters, for tables."""
    parts = [
        f"events: {', '.join(integration.events)}",
        f"states: {', '.join(integration.states)}",
        f"environments: {', '.join(integration.environments)}",
    ]
    if integration.excluded_environments:
        parts.append(f"excluded: {', '.join(integration.excluded_environments)}")
    return "; ".join(parts)
