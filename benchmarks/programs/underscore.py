"""underscore: the payload-processing activity script, with Python's own tools (itertools,
collections, html, string formatting) in place of Underscore. argv[1] is the number of activities."""

import html
import json
import sys
from collections import Counter

count = int(sys.argv[1]) if len(sys.argv) > 1 else 600

seed = 7


def rand(n):
    global seed
    seed = (seed * 16807) % 2147483647
    return seed % n


TYPES = [
    "environment.push",
    "environment.redeploy",
    "environment.branch",
    "environment.merge",
    "environment.backup",
    "environment.variable.create",
]
ENVS = ["main", "staging", "feature-login", "feature-search", "hotfix-12"]
RESULTS = ["success", "success", "success", "failure"]
AUTHORS = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Margaret Hamilton", "Ken Thompson"]
WORDS = ["fix", "add", "<refactor>", "cache", "&", "login", "search", "tests", "deps", "docs"]


def iso(t):
    """Seconds after 2024-05-01T00:00:00Z as an ISO timestamp."""
    day = 1 + t // 86400
    rest = t % 86400
    return f"2024-05-{day:02d}T{rest // 3600:02d}:{rest % 3600 // 60:02d}:{rest % 60:02d}Z"


def make_commit():
    sha = format(1000000000 + rand(1000000000), "x")
    message = " ".join([WORDS[rand(len(WORDS))] for _ in range(2 + rand(4))])
    return {"sha": sha, "message": message, "author": {"name": AUTHORS[rand(len(AUTHORS))]}}


def make_activity(i):
    created = i * 1800 + rand(900)
    duration = 5 + rand(600)
    commits = [make_commit() for _ in range(rand(4))]
    type_ = TYPES[rand(len(TYPES))]
    result = RESULTS[rand(len(RESULTS))]
    env = ENVS[rand(len(ENVS))]
    user = AUTHORS[rand(len(AUTHORS))]
    return {
        "id": f"act-{i}",
        "type": type_,
        "state": "complete",
        "result": result,
        "environments": [env],
        "created_at": iso(created),
        "completed_at": iso(created + duration),
        "duration": duration,
        "payload": {"user": {"display_name": user}, "commits": commits},
    }


def hash_string(s, h):
    for ch in s:
        h = (h * 31 + ord(ch)) % 1000000007
    return h


activities = [make_activity(i) for i in range(count)]
succeeded = [a for a in activities if a["result"] == "success"]
by_env = {}
for a in activities:
    by_env.setdefault(a["environments"][0], []).append(a)
summary = []
for env in sorted(by_env):
    runs = by_env[env]
    commits = [c for a in runs for c in a["payload"]["commits"]]
    summary.append(
        {
            "env": env,
            "runs": len(runs),
            "failures": sum(1 for a in runs if a["result"] != "success"),
            "total": sum(a["duration"] for a in runs),
            "commits": len(commits),
            "authors": sorted(dict.fromkeys(c["author"]["name"] for c in commits)),
            "slowest": max(runs, key=lambda a: a["duration"])["id"],
            "lastWords": [c["message"] for c in commits][-2:],
        }
    )
types = Counter(a["type"] for a in activities)
recent = [a["id"] for a in sorted(succeeded, key=lambda a: a["completed_at"])[-10:]]
pusher_counts = Counter(
    a["payload"]["user"]["display_name"] for a in activities if a["type"] == "environment.push"
)
pushers = [f"{name}={n}" for name, n in sorted(pusher_counts.items(), key=lambda pair: -pair[1])[:3]]
by_id = {a["id"]: a for a in activities}
quick = [a for a in activities if a["duration"] < 300]
slow = [a for a in activities if a["duration"] >= 300]


def render(s):
    return (
        f"{s['env']}: {s['runs']} runs, {s['failures']} failed, {s['total']}s, {s['commits']} commits by "
        f"{', '.join(s['authors'])}; slowest {s['slowest']}; last: {html.escape(' / '.join(s['lastWords']))}"
    )


report = "\n".join(render(s) for s in summary)

digest = hash_string(report, 0)
digest = hash_string(json.dumps(summary, separators=(",", ":"), ensure_ascii=False), digest)
digest = hash_string(",".join(f"{k}:{v}" for k, v in types.items()), digest)
print(
    f"underscore {count} {len(succeeded)} {len(quick)}/{len(slow)} {by_id[f'act-{count - 1}']['duration']} "
    f"{len(recent)} {','.join(pushers)} {digest}"
)
