"""Which integrations an activity triggers."""

from __future__ import annotations

import pytest

from runtime import filters
from runtime.errors import UserError
from runtime.store import Integration


def make(events: list[str] | None = None, states: list[str] | None = None, envs: list[str] | None = None,
         excluded: list[str] | None = None, enabled: bool = True) -> Integration:
    return Integration(id="x" * 13, type="script", enabled=enabled, events=events or filters.DEFAULT_EVENTS,
                       states=states or filters.DEFAULT_STATES, environments=envs or filters.DEFAULT_ENVIRONMENTS,
                       excluded_environments=excluded or [], script="", file=None, created_at="", updated_at="")


def act(type: str = "environment.push", state: str = "complete", envs: list[str] | None = None) -> dict:
    return {"type": type, "state": state, "environments": ["main"] if envs is None else envs}


def test_defaults_run_only_after_a_completed_push() -> None:
    i = make()
    assert filters.matches(i, act())
    assert not filters.matches(i, act(type="environment.cron"))
    assert not filters.matches(i, act(state="in_progress"))
    assert not filters.matches(i, act(state="pending"))


def test_events_and_states_lists_and_globs() -> None:
    i = make(events=["environment.push", "environment.redeploy"], states=["complete", "in_progress"])
    assert filters.matches(i, act(type="environment.redeploy", state="in_progress"))
    assert not filters.matches(i, act(type="environment.branch"))
    assert filters.matches(make(events=["environment.*"]), act(type="environment.cron"))
    assert filters.matches(make(events=["*"]), act(type="project.variable.create", envs=[]))


def test_environments_match_the_payload_list() -> None:
    i = make(envs=["main", "staging"])
    assert filters.matches(i, act(envs=["staging"]))
    assert filters.matches(i, act(envs=["feature", "main"]))
    assert not filters.matches(i, act(envs=["feature"]))
    assert not filters.matches(i, act(envs=[]))


def test_excluded_environments_are_removed_before_matching() -> None:
    i = make(excluded=["main"])
    assert not filters.matches(i, act(envs=["main"]))
    assert filters.matches(i, act(envs=["staging"]))
    assert filters.matches(i, act(envs=["main", "staging"]))
    both = make(envs=["main", "dev"], excluded=["main"])
    assert not filters.matches(both, act(envs=["main"]))
    assert filters.matches(both, act(envs=["main", "dev"]))


def test_all_environments_includes_project_level_activities() -> None:
    assert filters.matches(make(events=["project.*"]), act(type="project.modify.title", envs=[]))


def test_disabled_or_non_script_integrations_never_match() -> None:
    assert not filters.matches(make(enabled=False), act())
    other = make()
    other.type = "webhook"
    assert not filters.matches(other, act())


def test_malformed_activity_fields_do_not_match() -> None:
    # a string is not a list: treated as "no environment", which only "*" accepts
    assert filters.matches(make(), {"type": "environment.push", "state": "complete", "environments": "main"})
    assert not filters.matches(make(envs=["main"]), {"type": "environment.push", "state": "complete",
                                                     "environments": "main"})
    assert not filters.matches(make(), {"type": 3, "state": "complete"})
    assert not filters.matches(make(), {"type": "environment.push"})


def test_split_list_accepts_commas_and_repeats() -> None:
    assert filters.split_list(["a,b", "c", "a", " d , "]) == ["a", "b", "c", "d"]
    assert filters.split_list(None) is None
    assert filters.split_list([""]) == []


def test_filters_that_can_never_match_are_refused() -> None:
    with pytest.raises(UserError, match="--events"):
        filters.check_filters([], None, None)
    with pytest.raises(UserError, match="unknown state 'done'"):
        filters.check_filters(None, ["done"], None)
    with pytest.raises(UserError, match="--environments"):
        filters.check_filters(None, None, [])
    filters.check_filters(["*"], ["pending", "scheduled", "cancelled"], ["*"])
