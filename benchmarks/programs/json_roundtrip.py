"""json_roundtrip: dumps (compact and indented), loads, walk. argv[1] is the number of records."""

import json
import math
import sys

count = int(sys.argv[1]) if len(sys.argv) > 1 else 1500
TAGS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta"]


def make_record(i):
    return {
        "id": i,
        "name": f"item-{i}",
        "active": i % 3 != 0,
        "score": i + 0.25,
        "tags": [tag for k, tag in enumerate(TAGS) if (i + k) % 3 == 0],
        "owner": {"name": f"user{i % 17}", "email": f"user{i % 17}@example.com", "quota": None},
        "history": [i % 5, (i * 7) % 11, (i * 13) % 19],
        "note": 'says "hi"\n\ttabbed' if i % 10 == 0 else "",
    }


def walk(value):
    if isinstance(value, list):
        return len(value) + sum(walk(v) for v in value)
    if value is None:
        return 1
    if isinstance(value, bool):
        return 3 if value else 2
    if isinstance(value, dict):
        return sum(len(key) + walk(v) for key, v in value.items())
    if isinstance(value, str):
        return len(value)
    return math.floor(value) % 1000


records = [make_record(i) for i in range(count)]
compact = json.dumps({"version": 1, "records": records}, separators=(",", ":"), ensure_ascii=False)
parsed = json.loads(compact)
pretty = json.dumps(parsed["records"][:200], indent=2, ensure_ascii=False)
again = json.loads(pretty)
total = walk(parsed) + walk(again)
print(f"json_roundtrip {count} {len(compact)} {len(pretty)} {total} {parsed['records'][count - 1]['name']}")
