"""The integration verbs, as a user types them (no engine needed)."""

from __future__ import annotations

import json
import re

import pytest

from .helpers import jsengine_cmd

ID = re.compile(r"^[a-z0-9]{13}$")


def add(run_cli, write, *opts: str, name: str = "s.js", source: str = "console.log('hi');\n") -> str:
    result = run_cli("integration:add", "--type", "script", "--file", write(name, source), *opts)
    assert result.code == 0, result.err
    iid = result.out.strip()
    assert ID.match(iid), result.out
    return iid


def test_add_prints_only_the_new_id_and_lists_it(run_cli, write) -> None:
    iid = add(run_cli, write)
    listing = run_cli("integrations")
    assert listing.code == 0
    assert re.search(r"\|\s*ID\s*\|\s*Type\s*\|\s*Summary\s*\|", listing.out)
    assert iid in listing.out and "script" in listing.out
    assert "environment.push" in listing.out and "complete" in listing.out


def test_a_second_add_makes_a_second_integration(run_cli, write) -> None:
    first, second = add(run_cli, write), add(run_cli, write)
    assert first != second
    out = run_cli("integrations", "--format", "csv", "--no-header").out.splitlines()
    assert [line.split(",")[0] for line in out] == [first, second]


def test_add_with_filters_and_get_shows_them(run_cli, write) -> None:
    iid = add(run_cli, write, "--events=environment.push,environment.cron", "--states", "complete",
              "--states", "in_progress", "--environments=main,staging", "--excluded-environments", "staging")
    got = json.loads(run_cli("integration:get", iid, "--format", "json").out)
    assert got["events"] == ["environment.push", "environment.cron"]
    assert got["states"] == ["complete", "in_progress"]
    assert got["environments"] == ["main", "staging"]
    assert got["excluded_environments"] == ["staging"]
    assert got["script"] == "console.log('hi');"
    assert run_cli("integration:get", iid, "-P", "events").out.strip() == "environment.push, environment.cron"


def test_add_defaults(run_cli, write) -> None:
    iid = add(run_cli, write)
    got = json.loads(run_cli("integration:get", iid, "--format", "json").out)
    assert (got["events"], got["states"], got["environments"], got["excluded_environments"]) == (
        ["environment.push"], ["complete"], ["*"], [])
    assert got["enabled"] is True


def test_update_changes_only_what_it_names(run_cli, write) -> None:
    iid = add(run_cli, write, "--events", "environment.cron", "--environments", "main")
    assert run_cli("integration:update", "--states", "pending,complete", iid).code == 0
    got = json.loads(run_cli("integration:get", iid, "--format", "json").out)
    assert got["states"] == ["pending", "complete"]
    assert got["events"] == ["environment.cron"] and got["environments"] == ["main"]
    new_file = write("new.js", "console.log('v2');")
    assert run_cli("integration:update", "--file", new_file, iid).code == 0
    got = json.loads(run_cli("integration:get", iid, "--format", "json").out)
    assert got["script"] == "console.log('v2');" and got["states"] == ["pending", "complete"]


def test_update_without_changes_or_unknown_id_fails_clearly(run_cli, write) -> None:
    iid = add(run_cli, write)
    nothing = run_cli("integration:update", iid)
    assert nothing.code != 0 and "nothing to update" in nothing.err
    missing = run_cli("integration:update", "--events", "x", "zzzzzzzzzzzzz")
    assert missing.code != 0 and "not found" in missing.err


def test_delete_removes_it(run_cli, write) -> None:
    iid = add(run_cli, write)
    keep = add(run_cli, write)
    assert run_cli("integration:delete", iid).code == 0
    assert iid not in run_cli("integrations").out
    assert keep in run_cli("integrations").out
    again = run_cli("integration:delete", iid)
    assert again.code != 0 and "not found" in again.err


def test_disable_and_enable(run_cli, write) -> None:
    iid = add(run_cli, write)
    run_cli("integration:update", "--disable", iid)
    assert "[disabled]" in run_cli("integrations").out
    run_cli("integration:update", "--enable", iid)
    assert "[disabled]" not in run_cli("integrations").out


def test_bad_input_gives_a_message_and_nonzero_exit(run_cli, write) -> None:
    cases = [
        ("integration:add", "--file", "missing.js"),
        ("integration:add", "--type", "webhook", "--file", write("a.js", "")),
        ("integration:add", "--file", write("b.js", ""), "--states", "done"),
        ("integration:add", "--file", write("c.js", ""), "--events", ""),
        ("integration:get",),
        ("integration:get", "nosuchid00000"),
        ("no:such:verb",),
        ("integration:activity:get", "nosuchid00000"),
    ]
    for argv in cases:
        result = run_cli(*argv)
        assert result.code != 0, argv
        assert result.err.startswith("error: "), (argv, result.err)
        assert "Traceback" not in result.err


def test_platform_cli_compat_flags_are_accepted(run_cli, write) -> None:
    iid = add(run_cli, write, "--yes", "--no-wait")
    assert run_cli("integration:delete", "-y", iid).code == 0


def test_variables_sensitive_values_are_never_printed(run_cli, write) -> None:
    iid = add(run_cli, write)
    created = run_cli("integration:variable:create", iid, "--name", "TOKEN", "--value", "s3cr3t-value",
                      "--sensitive", "true")
    assert created.code == 0 and "s3cr3t-value" not in created.out + created.err
    assert run_cli("integration:variable:create", iid, "CHANNEL", "#deploys").code == 0
    listing = run_cli("integration:variable:list", iid)
    assert "CHANNEL" in listing.out and "#deploys" in listing.out
    assert "TOKEN" in listing.out and "s3cr3t-value" not in listing.out
    for argv in (("integration:get", iid), ("integration:get", iid, "--format", "json"),
                 ("integration:variable:list", iid, "--format", "json"), ("integration:variable:get", iid, "TOKEN")):
        result = run_cli(*argv)
        assert "s3cr3t-value" not in result.out + result.err, argv
    assert run_cli("integration:variable:get", iid, "CHANNEL").out.strip() == "#deploys"


def test_variable_create_update_delete(run_cli, write) -> None:
    iid = add(run_cli, write)
    assert run_cli("integration:variable:create", iid, "--name", "A", "--value", "1").code == 0
    dup = run_cli("integration:variable:create", iid, "--name", "A", "--value", "2")
    assert dup.code != 0 and "already exists" in dup.err
    assert run_cli("integration:variable:update", iid, "--name", "A", "--value", "2").code == 0
    assert run_cli("integration:variable:get", iid, "A").out.strip() == "2"
    assert run_cli("integration:variable:delete", iid, "A").code == 0
    assert "A" not in run_cli("integration:variable:list", iid, "--format", "csv", "--no-header").out
    assert run_cli("integration:variable:delete", iid, "A").code != 0


def test_activities_empty_log_and_unknown_integration(run_cli, write) -> None:
    iid = add(run_cli, write)
    empty = run_cli("integration:activities")
    assert empty.code == 0 and "No activity" in empty.err
    assert run_cli("integration:activities", iid).code == 0
    assert run_cli("integration:activities", "nosuchid00000").code != 0


def test_trigger_with_no_matching_integration_says_so(run_cli, write, payload) -> None:
    add(run_cli, write, "--events", "environment.cron")
    result = run_cli("activity:trigger", payload())
    assert result.code == 0
    assert "No enabled script integration matches" in result.err


def test_trigger_rejects_bad_payloads(run_cli, write) -> None:
    for text, message in (("{not json", "not valid JSON"), ("[1]", "must be a JSON object"),
                          ('{"state": "complete"}', 'no "type"')):
        result = run_cli("activity:trigger", write("p.json", text))
        assert result.code != 0 and message in result.err
    assert "cannot read" in run_cli("activity:trigger", "nope.json").err


def test_help_lists_the_verbs(run_cli) -> None:
    result = run_cli("--help")
    assert result.code == 0
    for verb in ("integration:add", "integration:activities", "activity:trigger", "activity:run", "serve"):
        assert verb in result.out
    assert run_cli("integration:add", "--help").code == 0


def test_python_m_runtime_works_as_a_command(home, write) -> None:
    script = write("x.js", "console.log(1)")
    added = jsengine_cmd("integration:add", "--type", "script", "--file", script,
                         env={"JSENGINE_HOME": str(home)})
    assert added.code == 0 and ID.match(added.out.strip())
    listed = jsengine_cmd("integrations", env={"JSENGINE_HOME": str(home)})
    assert added.out.strip() in listed.out


def test_every_verb_is_registered_as_a_jsengine_command() -> None:
    import tomllib

    from runtime.cli import VERBS

    from .helpers import ROOT

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    group = project.get("entry-points", {}).get("jsengine.commands")
    if group is None:
        pytest.skip("pyproject.toml has no [project.entry-points.\"jsengine.commands\"] yet")
    assert {v: "runtime.cli:main" for v in VERBS} == {k: v for k, v in group.items() if v == "runtime.cli:main"}
