"""The runtime's CLI verbs, dispatched by `jsengine VERB ...` (entry-point group `jsengine.commands`).

`main(argv)` takes the verb as argv[0] and returns the exit code. Every error is a one-line message on
standard error with a non-zero code, never a traceback (set JSENGINE_DEBUG=1 to see one).
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from runtime import display, filters
from runtime.errors import UserError
from runtime.netpolicy import NetworkPolicy
from runtime.sandbox import Limits
from runtime.store import Integration, LogEntry, Store

Handler = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """argparse that reports errors as `error: ...` with exit code 2 (raised, never sys.exit'ed)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UserError(f"{message}\nusage: {self.format_usage().removeprefix('usage: ').strip()}", 2)


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


# -- shared options ------------------------------------------------------------------------------

def _compat(p: argparse.ArgumentParser) -> None:
    """Options of the platform CLI that mean nothing locally, accepted so copied commands work."""
    p.add_argument("-y", "--yes", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("-W", "--no-wait", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--wait", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("-p", "--project", dest="platform_project", help=argparse.SUPPRESS)
    p.add_argument("--no-interaction", action="store_true", help=argparse.SUPPRESS)


def _filter_args(p: argparse.ArgumentParser, defaults: bool) -> None:
    def note(default: str) -> str:
        return f" (default: {default})" if defaults else ""

    p.add_argument("--events", action="append", metavar="TYPES",
                   help="activity types, comma-separated; globs like environment.* work" + note("environment.push"))
    p.add_argument("--states", action="append", metavar="STATES",
                   help="activity states: pending, in_progress, complete, cancelled, scheduled" + note("complete"))
    p.add_argument("--environments", action="append", metavar="NAMES",
                   help="environment names, comma-separated, * for all" + note("*"))
    p.add_argument("--excluded-environments", action="append", metavar="NAMES",
                   help="environment names on which the script never runs" + note("none"))


def _format_arg(p: argparse.ArgumentParser, choices: tuple[str, ...] = display.FORMATS, default: str = "table") -> None:
    p.add_argument("--format", choices=choices, default=default, help=f"output format (default: {default})")
    p.add_argument("--no-header", action="store_true", help="omit the table header")


def _limit_args(p: argparse.ArgumentParser) -> None:
    d = Limits()
    p.add_argument("--steps", type=int, help=f"step budget per run (default {d.steps:,})")
    p.add_argument("--memory", help=f"memory budget per run, e.g. 256MB (default {d.memory // 2**20} MB)")
    p.add_argument("--timeout", type=float, help=f"wall-clock budget per run in seconds (default {d.time:g})")
    p.add_argument("--max-fetches", type=int, help=f"fetch calls per run (default {d.fetches})")
    p.add_argument("--allow-host", action="append", default=[], metavar="HOST[:PORT]",
                   help="let fetch reach this loopback/private host (also JSENGINE_FETCH_ALLOW)")


def _parse_size(text: str) -> int:
    units = {"": 1, "K": 2**10, "M": 2**20, "G": 2**30}
    t = text.strip().upper().removesuffix("B").removesuffix("I")
    unit = t[-1] if t and t[-1] in "KMG" else ""
    number = t[:-1] if unit else t
    try:
        value = float(number) * units[unit]
    except ValueError:
        raise UserError(f"not a size: {text!r} (try 256MB or 1G)") from None
    if value <= 0:
        raise UserError(f"the size must be positive: {text!r}")
    return int(value)


def _limits(args: argparse.Namespace) -> Limits:
    limits = Limits()
    if args.steps is not None:
        if args.steps <= 0:
            raise UserError("--steps must be positive")
        limits.steps = args.steps
    if args.memory is not None:
        limits.memory = _parse_size(args.memory)
    if args.timeout is not None:
        if args.timeout <= 0:
            raise UserError("--timeout must be positive")
        limits.time = args.timeout
    if args.max_fetches is not None:
        if args.max_fetches < 0:
            raise UserError("--max-fetches cannot be negative")
        limits.fetches = args.max_fetches
    return limits


def _policy(args: argparse.Namespace) -> NetworkPolicy:
    return NetworkPolicy.from_env(args.allow_host)


def _read_script(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"script file not found: {path}") from None
    except IsADirectoryError:
        raise UserError(f"{path} is a directory, not a script file") from None
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise UserError(f"{path} is not UTF-8 text") from None


def _warn_syntax(source: str, filename: str) -> None:
    """Warn (do not refuse) when a script being installed does not parse."""
    from runtime.sandbox import ScriptFailure, compile_script, engine_available

    if not engine_available():
        return
    try:
        compile_script(source, filename)
    except ScriptFailure as exc:
        _err(f"warning: the script does not compile; its runs will fail until it is fixed:\n{exc}")


def _echo(level: str, text: str) -> None:
    stream = sys.stderr if level in ("warn", "error", "trace") else sys.stdout
    stream.write(text + "\n")
    stream.flush()


# -- integrations --------------------------------------------------------------------------------

def _summary(i: Integration) -> str:
    text = f"{Path(i.file).name if i.file else 'script'}: {filters.describe(i)}"
    return text if i.enabled else text + " [disabled]"


def _filters_from(args: argparse.Namespace) -> dict[str, list[str]]:
    changes: dict[str, list[str]] = {}
    for name in ("events", "states", "environments", "excluded_environments"):
        value = filters.split_list(getattr(args, name))
        if value is not None:
            changes[name] = value
    filters.check_filters(changes.get("events"), changes.get("states"), changes.get("environments"))
    return changes


def cmd_add(args: argparse.Namespace) -> int:
    """integration:add --type script --file F [filters]: prints the new id."""
    if args.type != "script":
        raise UserError(f"integration type {args.type!r} is not supported locally: only 'script' integrations run here")
    if not args.file:
        raise UserError("--file is required: the JavaScript file of the activity script")
    script = _read_script(args.file)
    chosen = _filters_from(args)
    with Store() as store:
        integration = store.add_integration(
            script=script, file=str(Path(args.file).resolve()),
            events=chosen.get("events", filters.DEFAULT_EVENTS),
            states=chosen.get("states", filters.DEFAULT_STATES),
            environments=chosen.get("environments", filters.DEFAULT_ENVIRONMENTS),
            excluded_environments=chosen.get("excluded_environments", []),
            enabled=not args.disabled,
        )
    _out(integration.id)
    _err(f"Created script integration {integration.id} ({filters.describe(integration)})")
    _warn_syntax(script, args.file)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    """integrations: table ID | Type | Summary."""
    with Store() as store:
        items = store.list_integrations()
    if not items and args.format == "table":
        _err("No integrations. Add one with: jsengine integration:add --type script --file SCRIPT.js")
        return 0
    _out(display.table(["ID", "Type", "Summary"], [[i.id, i.type, _summary(i)] for i in items],
                       args.format, not args.no_header))
    return 0


def _integration_props(store: Store, i: Integration) -> list[tuple[str, Any]]:
    variables = store.list_variables(i.id)
    names = ", ".join(v.name + (" (sensitive)" if v.sensitive else "") for v in variables) or "-"
    keys, _ = store.storage_size(i.id)
    return [
        ("id", i.id), ("type", i.type), ("enabled", "true" if i.enabled else "false"),
        ("events", ", ".join(i.events)), ("states", ", ".join(i.states)),
        ("environments", ", ".join(i.environments)),
        ("excluded_environments", ", ".join(i.excluded_environments) or "-"),
        ("file", i.file or "-"), ("created_at", i.created_at), ("updated_at", i.updated_at),
        ("variables", names), ("storage_keys", keys), ("script", i.script.rstrip("\n")),
    ]


def cmd_get(args: argparse.Namespace) -> int:
    """integration:get ID: every property (or one, with --property)."""
    with Store() as store:
        integration = store.get_integration(args.id)
        props = _integration_props(store, integration)
    if args.property:
        found = dict(props)
        if args.property not in found:
            raise UserError(f"unknown property {args.property!r}; properties: {', '.join(found)}")
        _out(str(found[args.property]))
        return 0
    if args.format == "json":
        data = {k: v for k, v in props}
        for key in ("events", "states", "environments", "excluded_environments"):
            data[key] = getattr(integration, key)
        data["enabled"] = integration.enabled
        _out(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    _out(display.table(["Property", "Value"], props, args.format, not args.no_header))
    return 0


def cmd_update(args: argparse.Namespace) -> int:
    """integration:update [--file F] [filters] ID: changes only what it names."""
    changes: dict[str, Any] = dict(_filters_from(args))
    if args.file:
        changes["script"] = _read_script(args.file)
        changes["file"] = str(Path(args.file).resolve())
    if args.enable:
        changes["enabled"] = True
    if args.disable:
        changes["enabled"] = False
    if not changes:
        raise UserError("nothing to update: give --file, --events, --states, --environments, "
                        "--excluded-environments, --enable or --disable")
    with Store() as store:
        integration = store.update_integration(args.id, **changes)
    _out(f"Updated integration {integration.id} ({filters.describe(integration)}"
         f"{'' if integration.enabled else '; disabled'})")
    if "script" in changes:
        _warn_syntax(changes["script"], args.file)
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    """integration:delete ID...: removes integrations, their variables and storage."""
    with Store() as store:
        for iid in args.ids:
            store.get_integration(iid)
        for iid in args.ids:
            store.delete_integration(iid)
            _out(f"Deleted integration {iid}")
    return 0


# -- the activity log ----------------------------------------------------------------------------

def _entry_row(e: LogEntry) -> list[Any]:
    first = e.error.split("\n", 1)[0] if e.error else (e.output.split("\n", 1)[0] if e.output else "")
    return [e.id, e.integration_id or "-", e.activity_type or "-", e.state, e.result or "-",
            e.started_at or e.created_at, display.duration(e.duration_ms), first[:60]]


def cmd_activities(args: argparse.Namespace) -> int:
    """integration:activities [ID]: one entry per run, with its output."""
    if args.limit is not None and args.limit <= 0:
        raise UserError("--limit must be positive")
    with Store() as store:
        unknown = args.id is not None and store.find_integration(args.id) is None
        if unknown and not store.log_entries(args.id, 1):
            raise UserError(f"integration not found: {args.id} (see `jsengine integrations`)")
        entries = store.log_entries(args.id, args.limit)
    if args.format == "json":
        _out(json.dumps([e.as_dict() for e in entries], indent=2, ensure_ascii=False))
        return 0
    if not entries:
        _err("No activity recorded yet." if args.id is None else f"No activity recorded for {args.id} yet.")
        return 0
    if args.format == "log":
        _out("\n\n".join(display.entry_block(e) for e in entries))
        return 0
    headers = ["ID", "Integration", "Type", "State", "Result", "Started", "Duration", "First line"]
    _out(display.table(headers, [_entry_row(e) for e in entries], args.format, not args.no_header))
    return 0


def cmd_activity_get(args: argparse.Namespace) -> int:
    """integration:activity:get RUN_ID (alias activity:get): one run in full."""
    with Store() as store:
        entry = store.find_log_entry(args.id)
    if entry is None:
        raise UserError(f"activity log entry not found: {args.id} (see `jsengine integration:activities`)")
    if args.format == "json":
        _out(json.dumps(entry.as_dict(), indent=2, ensure_ascii=False))
    else:
        _out(display.entry_block(entry, full=True))
    return 0


# -- variables -----------------------------------------------------------------------------------

def _truthy(text: str | None) -> bool:
    if text is None:
        return False
    lowered = text.lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise UserError(f"--sensitive takes true or false, not {text!r}")


def _var_name_value(args: argparse.Namespace, need_value: bool) -> tuple[str, str | None]:
    name = args.name_opt or args.name
    value = args.value_opt if args.value_opt is not None else args.value
    if not name:
        raise UserError("the variable name is required (--name NAME)")
    if not (name.replace("_", "a").replace("-", "a").replace(".", "a").replace(":", "a").isalnum()):
        raise UserError(f"invalid variable name {name!r}: use letters, digits, _ - . :")
    if value == "-":
        value = sys.stdin.read().rstrip("\n")
    if need_value and value is None:
        raise UserError("the variable value is required (--value VALUE, or --value - to read standard input)")
    return name, value


def cmd_var_set(args: argparse.Namespace) -> int:
    """integration:variable:create / :update ID --name N --value V [--sensitive true]."""
    creating = args.verb.endswith(":create")
    name, value = _var_name_value(args, need_value=creating)
    with Store() as store:
        store.get_integration(args.id)
        existing = store.find_variable(args.id, name)
        if creating and existing is not None:
            raise UserError(f"variable {name!r} already exists on {args.id}; "
                            f"change it with: jsengine integration:variable:update {args.id} --name {name} --value ...")
        if not creating and existing is None:
            raise UserError(f"variable {name!r} not found on {args.id} (see jsengine integration:variable:list {args.id})")
        sensitive = _truthy(args.sensitive) if args.sensitive is not None else bool(existing and existing.sensitive)
        new_value = value if value is not None else existing.value  # type: ignore[union-attr]
        store.set_variable(args.id, name, new_value, sensitive)
    what = "Created" if creating else "Updated"
    _out(f"{what} variable {name} on integration {args.id}{' (sensitive)' if sensitive else ''}")
    return 0


def cmd_var_list(args: argparse.Namespace) -> int:
    """integration:variable:list ID: names and values, sensitive values hidden."""
    with Store() as store:
        store.get_integration(args.id)
        variables = store.list_variables(args.id)
    rows = [[v.name, "******" if v.sensitive else v.value, "true" if v.sensitive else "false"] for v in variables]
    if not rows and args.format == "table":
        _err(f"No variables on {args.id}. Add one with: jsengine integration:variable:create {args.id} "
             "--name NAME --value VALUE [--sensitive true]")
        return 0
    _out(display.table(["Name", "Value", "Sensitive"], rows, args.format, not args.no_header))
    return 0


def cmd_var_get(args: argparse.Namespace) -> int:
    """integration:variable:get ID NAME: the value, unless it is sensitive."""
    with Store() as store:
        store.get_integration(args.id)
        var = store.find_variable(args.id, args.name)
    if var is None:
        raise UserError(f"variable {args.name!r} not found on {args.id}")
    if var.sensitive:
        raise UserError(f"variable {args.name!r} is sensitive: its value is never printed")
    _out(var.value)
    return 0


def cmd_var_delete(args: argparse.Namespace) -> int:
    """integration:variable:delete ID NAME."""
    with Store() as store:
        store.get_integration(args.id)
        if not store.delete_variable(args.id, args.name):
            raise UserError(f"variable {args.name!r} not found on {args.id}")
    _out(f"Deleted variable {args.name} from integration {args.id}")
    return 0


# -- storage -------------------------------------------------------------------------------------

def cmd_storage_list(args: argparse.Namespace) -> int:
    """integration:storage:list ID: what the script stored."""
    with Store() as store:
        store.get_integration(args.id)
        items = store.storage_items(args.id)
    if args.format == "json":
        _out(json.dumps(dict(items), indent=2, ensure_ascii=False))
        return 0
    rows = [[k, v if len(v) <= 80 or args.format != "table" else v[:77] + "..."] for k, v in items]
    if not rows and args.format == "table":
        _err(f"Storage of {args.id} is empty.")
        return 0
    _out(display.table(["Key", "Value"], rows, args.format, not args.no_header))
    return 0


def cmd_storage_get(args: argparse.Namespace) -> int:
    """integration:storage:get ID KEY: the stored string (exit 1 when unset)."""
    with Store() as store:
        store.get_integration(args.id)
        value = store.storage_get(args.id, args.key)
    if value is None:
        raise UserError(f"no value stored under {args.key!r} for {args.id}")
    _out(value)
    return 0


def cmd_storage_clear(args: argparse.Namespace) -> int:
    """integration:storage:clear ID: forget everything the script stored."""
    with Store() as store:
        store.get_integration(args.id)
        store.storage_clear(args.id)
    _out(f"Cleared the storage of integration {args.id}")
    return 0


# -- running -------------------------------------------------------------------------------------

def cmd_trigger(args: argparse.Namespace) -> int:
    """activity:trigger PAYLOAD...: run every matching integration for each activity."""
    from runtime.runner import load_activities, load_project, matching, run_integration

    limits, policy = _limits(args), _policy(args)
    project = load_project(args.project)
    activities = [a for path in args.payloads for a in load_activities(path)]
    failures = runs = 0
    with Store() as store:
        for activity in activities:
            label = f"{activity.get('type')} ({activity.get('state', 'no state')}) " \
                    f"on {', '.join(map(str, activity.get('environments') or [])) or 'no environment'}"
            targets = matching(store, activity)
            if args.integration:
                targets = [i for i in targets if i.id in args.integration]
            if not targets:
                _err(f"No enabled script integration matches activity {label}.")
                continue
            for integration in targets:
                runs += 1
                if not args.quiet:
                    _err(f"--- {integration.id} ({_summary(integration).split(':', 1)[0]}): {label}")
                log_id, result = run_integration(
                    store, integration, activity, project=project, limits=limits, policy=policy,
                    source="trigger", echo=None if args.quiet else _echo,
                )
                if result.ok:
                    if not args.quiet:
                        _err(f"--- {integration.id}: success in {display.duration(result.duration_ms)} (run {log_id})")
                else:
                    failures += 1
                    _err(result.error or "failed")
                    _err(f"--- {integration.id}: failure in {display.duration(result.duration_ms)} (run {log_id})")
    return 1 if failures else 0


def cmd_run(args: argparse.Namespace) -> int:
    """activity:run SCRIPT [--payload P]: run a file once, without installing it."""
    from runtime.runner import (
        check_activity,
        default_activity,
        execute,
        load_activities,
        load_project,
        project_for,
    )

    source = _read_script(args.script)
    limits, policy = _limits(args), _policy(args)
    if args.payload:
        activities = load_activities(args.payload)
        if len(activities) != 1:
            raise UserError(f"{args.payload} holds {len(activities)} activities; activity:run takes one")
        activity = activities[0]
    else:
        activity = check_activity(default_activity(), "default payload")
    project = project_for(activity, load_project(args.project))
    variables: dict[str, str] = {}
    with Store() as store:
        namespace = "file:" + str(Path(args.script).resolve())
        if args.integration:
            store.get_integration(args.integration)
            namespace = args.integration
            variables = {v.name: v.value for v in store.list_variables(args.integration)}
        for item in args.var:
            name, sep, value = item.partition("=")
            if not sep or not name:
                raise UserError(f"--var takes NAME=VALUE, not {item!r}")
            variables[name] = value
        result = execute(source, args.script, activity=activity, project=project, variables=variables,
                         store=store, namespace=namespace, limits=limits, policy=policy, echo=_echo)
    if not result.ok:
        _err(result.error or "failed")
        return 1
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """serve: the webhook server."""
    from runtime.server import ServerConfig, serve

    if args.workers < 1:
        raise UserError("--workers must be at least 1")
    if args.queue < 1:
        raise UserError("--queue must be at least 1")
    from runtime.runner import load_project

    secret = args.secret if args.secret is not None else os.environ.get("JSENGINE_WEBHOOK_SECRET") or None
    config = ServerConfig(
        host=args.host, port=args.port, workers=args.workers, queue=args.queue,
        max_body=_parse_size(args.max_body), secret=secret, project=load_project(args.project),
        limits=_limits(args), allow_hosts=list(args.allow_host),
    )
    _policy(args)  # validate the allow list before starting
    return serve(config)


# -- the verbs -----------------------------------------------------------------------------------

def _build(verb: str) -> tuple[argparse.ArgumentParser, Handler]:
    p = _Parser(prog=f"jsengine {verb}")
    if verb == "integration:add":
        p.description = "Install an activity script as an integration and print its id."
        p.add_argument("--type", default="script", help="integration type (only 'script' runs locally)")
        p.add_argument("--file", help="the JavaScript file of the script")
        _filter_args(p, defaults=True)
        p.add_argument("--disabled", action="store_true", help="add it disabled (it will not run)")
        _compat(p)
        return p, cmd_add
    if verb in ("integrations", "integration:list"):
        p.description = "List the integrations (ID | Type | Summary)."
        _format_arg(p)
        _compat(p)
        return p, cmd_list
    if verb == "integration:get":
        p.description = "Show one integration."
        p.add_argument("id")
        p.add_argument("-P", "--property", help="print only this property")
        _format_arg(p)
        _compat(p)
        return p, cmd_get
    if verb == "integration:update":
        p.description = "Change an integration's script or filters; only what is named changes."
        p.add_argument("id")
        p.add_argument("--file", help="replace the script with this file")
        _filter_args(p, defaults=False)
        group = p.add_mutually_exclusive_group()
        group.add_argument("--enable", action="store_true", help="enable the integration")
        group.add_argument("--disable", action="store_true", help="disable the integration (it will not run)")
        p.add_argument("--type", help=argparse.SUPPRESS)
        _compat(p)
        return p, cmd_update
    if verb == "integration:delete":
        p.description = "Delete integrations with their variables and storage (their log entries stay)."
        p.add_argument("ids", nargs="+", metavar="ID")
        _compat(p)
        return p, cmd_delete
    if verb == "integration:activities":
        p.description = "The activity log: one entry per run, with its output, outcome and budget use."
        p.add_argument("id", nargs="?", help="only this integration's runs")
        p.add_argument("--limit", type=int, help="only the N most recent runs")
        _format_arg(p, ("log", *display.FORMATS), default="log")
        _compat(p)
        return p, cmd_activities
    if verb in ("integration:activity:get", "activity:get"):
        p.description = "Show one run of the activity log in full."
        p.add_argument("id", metavar="RUN_ID")
        p.add_argument("--format", choices=("log", "json"), default="log")
        _compat(p)
        return p, cmd_activity_get
    if verb in ("integration:variable:create", "integration:variable:update"):
        p.description = "Set an integration variable; scripts read it as variables.NAME."
        p.add_argument("id", metavar="INTEGRATION_ID")
        p.add_argument("name", nargs="?")
        p.add_argument("value", nargs="?")
        p.add_argument("--name", dest="name_opt")
        p.add_argument("--value", dest="value_opt", help="the value (- reads standard input)")
        p.add_argument("--sensitive", nargs="?", const="true", metavar="true|false",
                       help="never print the value back")
        _compat(p)
        p.set_defaults(verb=verb)
        return p, cmd_var_set
    if verb in ("integration:variable:list", "integration:variables"):
        p.description = "List an integration's variables (sensitive values hidden)."
        p.add_argument("id", metavar="INTEGRATION_ID")
        _format_arg(p)
        _compat(p)
        return p, cmd_var_list
    if verb == "integration:variable:get":
        p.description = "Print a variable's value (refused for sensitive variables)."
        p.add_argument("id", metavar="INTEGRATION_ID")
        p.add_argument("name")
        _compat(p)
        return p, cmd_var_get
    if verb == "integration:variable:delete":
        p.description = "Delete an integration variable."
        p.add_argument("id", metavar="INTEGRATION_ID")
        p.add_argument("name")
        _compat(p)
        return p, cmd_var_delete
    if verb in ("integration:storage:list", "integration:storage"):
        p.description = "Show what an integration's script stored with require('storage')."
        p.add_argument("id", metavar="INTEGRATION_ID")
        _format_arg(p)
        _compat(p)
        return p, cmd_storage_list
    if verb == "integration:storage:get":
        p.description = "Print one stored value."
        p.add_argument("id", metavar="INTEGRATION_ID")
        p.add_argument("key")
        _compat(p)
        return p, cmd_storage_get
    if verb == "integration:storage:clear":
        p.description = "Forget everything an integration's script stored."
        p.add_argument("id", metavar="INTEGRATION_ID")
        _compat(p)
        return p, cmd_storage_clear
    if verb == "activity:trigger":
        p.description = "Run every enabled script integration whose filters match the activity payload(s)."
        p.add_argument("payloads", nargs="+", metavar="PAYLOAD.json", help="activity JSON (- for standard input)")
        p.add_argument("--project", help="JSON file for the `project` global (default: from the payload)")
        p.add_argument("--integration", action="append", metavar="ID", help="only these integrations")
        p.add_argument("-q", "--quiet", action="store_true", help="print only failures")
        _limit_args(p)
        return p, cmd_trigger
    if verb == "activity:run":
        p.description = "Run a script file once against a payload, without installing it."
        p.add_argument("script", metavar="SCRIPT.js")
        p.add_argument("--payload", help="activity JSON (default: a successful push to main)")
        p.add_argument("--project", help="JSON file for the `project` global (default: from the payload)")
        p.add_argument("--var", action="append", default=[], metavar="NAME=VALUE", help="a variable for the script")
        p.add_argument("--integration", metavar="ID", help="use this integration's variables and storage")
        _limit_args(p)
        return p, cmd_run
    if verb == "serve":
        p.description = "Accept POSTed activity payloads and run the matching integrations."
        p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
        p.add_argument("--port", type=int, default=8080, help="port (default 8080; 0 picks a free one)")
        p.add_argument("--workers", type=int, default=2, help="scripts run at once (default 2)")
        p.add_argument("--queue", type=int, default=100, help="runs waiting at most; beyond, 503 (default 100)")
        p.add_argument("--max-body", default="5MB", help="largest accepted payload (default 5MB)")
        p.add_argument("--secret", help="shared secret the sender must prove (also JSENGINE_WEBHOOK_SECRET)")
        p.add_argument("--project", help="JSON file for the `project` global (default: from each payload)")
        _limit_args(p)
        return p, cmd_serve
    raise KeyError(verb)


VERBS = (
    "integration:add", "integrations", "integration:list", "integration:get", "integration:update",
    "integration:delete", "integration:activities", "integration:activity:get", "activity:get",
    "integration:variable:create", "integration:variable:update", "integration:variable:list",
    "integration:variables", "integration:variable:get", "integration:variable:delete",
    "integration:storage:list", "integration:storage", "integration:storage:get", "integration:storage:clear",
    "activity:trigger", "activity:run", "serve",
)


def _usage() -> str:
    lines = ["usage: jsengine VERB [options]   (jsengine VERB --help for a verb's options)", "", "verbs:"]
    for verb in VERBS:
        parser, _ = _build(verb)
        lines.append(f"  {verb:30} {parser.description or ''}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run one verb; argv[0] is the verb. Returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help", "help", "list"):
        _out(_usage())
        return 0 if argv else 2
    verb, rest = argv[0], argv[1:]
    try:
        if verb not in VERBS:
            close = difflib.get_close_matches(verb, VERBS, n=3)
            hint = f"; did you mean {' or '.join(close)}?" if close else "; see jsengine --help"
            raise UserError(f"unknown verb {verb!r}{hint}", 2)
        parser, handler = _build(verb)
        try:
            args = parser.parse_args(rest)
        except SystemExit as exc:  # --help
            return int(exc.code or 0) if not isinstance(exc.code, str) else 2
        return handler(args)
    except UserError as exc:
        _err(f"error: {exc.message}")
        return exc.exit_code
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return 1
    except Exception as exc:  # noqa: BLE001 - no traceback reaches a user
        if os.environ.get("JSENGINE_DEBUG"):
            traceback.print_exc()
        _err(f"error: internal error in {verb}: {type(exc).__name__}: {exc} (set JSENGINE_DEBUG=1 for details)")
        return 1
