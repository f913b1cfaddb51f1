"""regex: a regex-heavy text job over generated log lines (match with groups, search, finditer,
sub with a function and with backreferences, split on a class, named groups, multiline scan).
argv[1] is the number of log lines."""

import re
import sys

line_count = int(sys.argv[1]) if len(sys.argv) > 1 else 1500

seed = 42


def rand(n):
    global seed
    seed = (seed * 16807) % 2147483647
    return seed % n


METHODS = ["GET", "POST", "PUT", "DELETE"]
RESOURCES = ["users", "orders", "items", "carts", "reports"]
USERS = ["alice", "bob.smith", "carol", "dave_99", "eve"]
DOMAINS = ["example.com", "mail.example.org", "corp-net.io"]
STATUSES = [200, 200, 200, 201, 204, 301, 404, 500, 503]


def make_line():
    date = f"2024-{1 + rand(12):02d}-{1 + rand(28):02d}T{rand(24):02d}:{rand(60):02d}:{rand(60):02d}Z"
    host = f"host-{rand(20)}"
    method = METHODS[rand(4)]
    path = f"/api/v{1 + rand(3)}/{RESOURCES[rand(5)]}/{rand(10000)}"
    if rand(3) == 0:
        path += f"?sort={RESOURCES[rand(5)]}&page={rand(50)}"
    status = STATUSES[rand(9)]
    size = rand(100000)
    ms = rand(2000)
    user = "" if rand(4) == 0 else f" user={USERS[rand(5)]}@{DOMAINS[rand(3)]}"
    return f"{date} {host} {method} {path} {status} {size}B {ms}ms{user}"


LINE = re.compile(
    r"^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)Z (\S+) (GET|POST|PUT|DELETE) (\S+) (\d{3}) (\d+)B (\d+)ms"
    r"(?: user=([\w.]+)@([\w.-]+))?$"
)
SERVER_ERROR = re.compile(r"^5\d\d$")
QUERY = re.compile(r"[?&](\w+)=(\w+)")
EMAIL = re.compile(r"([\w.]+)@([\w.-]+)")
DATE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
CLOCK = re.compile(r"T(?P<hour>\d\d):(?P<minute>\d\d)")
PEOPLE = re.compile(r"\b(users|carts)\b", re.IGNORECASE)


def hash_string(s, h):
    for ch in s:
        h = (h * 31 + ord(ch)) % 1000000007
    return h


lines = [make_line() for _ in range(line_count)]


def analyze(lines):
    by_status = {}
    errors = bytes_ = slow = id_sum = params = segments = people = night_owls = digest = 0
    masked = []
    for line in lines:
        m = LINE.match(line)
        if m is None:
            continue
        month, method, path, status, size, ms, user = m.group(2, 8, 9, 10, 11, 12, 13)
        by_status[status] = by_status.get(status, 0) + 1
        if SERVER_ERROR.search(status):
            errors += 1
        bytes_ += int(size)
        if int(ms) > 1500 and method != "GET":
            slow += 1
        for id_ in re.findall(r"\d+", path):
            id_sum += int(id_)
        for q in QUERY.finditer(path):
            params += len(q[1]) * len(q[2])
        segments += len(re.split(r"[/?&=]+", path))
        if PEOPLE.search(path):
            people += 1
        clock = CLOCK.search(line)
        if int(clock["hour"]) < 6 and user is not None:
            night_owls += int(clock["minute"]) + int(month)
        out = EMAIL.sub(lambda e: f"{e[1][0]}***@{e[2].upper()}", line)
        out = DATE.sub(r"\3/\2/\1", out, count=1)
        out = re.sub(r"host-(\d+)", lambda h: f"h{int(h[1]) % 4}", out, count=1)
        masked.append(out)
        digest = hash_string(out, digest)

    log = "\n".join(masked)
    morning = re.compile(r"^\d\d/\d\d/2024T0\d:\d\d:\d\dZ h0 (\w+)", re.MULTILINE)
    h0 = sum(len(found[1]) for found in morning.finditer(log))
    status_list = ",".join(f"{k}:{by_status[k]}" for k in sorted(by_status))
    return (
        f"{errors} {bytes_} {slow} {id_sum} {params} {segments} {people} {night_owls} {h0} {digest} "
        f"{status_list}"
    )


print(f"regex {line_count} {analyze(lines)}")
