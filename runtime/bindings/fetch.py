"""`fetch(url, {method, headers, body})`: synchronous HTTP on `requests`, behind the network policy.

Returns a Response-like object whose `ok`, `status`, `statusText`, `headers.get()`, `text()` and
`json()` are synchronous; `body.text()`/`body.json()` are offered too. Every connection (each
redirect hop included) is checked against :class:`runtime.netpolicy.NetworkPolicy` after DNS
resolution and made to the vetted address. Timeouts, response size and the number of fetches per run
are bounded by :class:`runtime.sandbox.Limits`.
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from runtime import __version__
from runtime.jsvalues import arg, primitive_to_string, type_name
from runtime.netpolicy import FetchBlocked, NetworkPolicy
from runtime.sandbox import HostError, HostFn, Limits, is_undefined

MAX_REDIRECTS = 10
USER_AGENT = f"jsengine-activity-script/{__version__}"


def _session(policy: NetworkPolicy) -> Any:
    """A requests Session whose every connection goes through the policy."""
    import requests
    from requests.adapters import HTTPAdapter
    from urllib3.connection import HTTPConnection, HTTPSConnection
    from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
    from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError
    from urllib3.util import connection

    def new_conn(conn: Any) -> socket.socket:
        try:
            targets = policy.resolve(conn._dns_host, conn.port)
        except socket.gaierror as exc:
            raise NameResolutionError(conn.host, conn, exc) from exc
        last: OSError | None = None
        for _family, sockaddr in targets:
            try:
                return connection.create_connection(
                    (sockaddr[0], conn.port), conn.timeout, source_address=conn.source_address,
                    socket_options=conn.socket_options,
                )
            except TimeoutError as exc:
                raise ConnectTimeoutError(
                    conn, f"Connection to {conn.host} timed out. (connect timeout={conn.timeout})"
                ) from exc
            except OSError as exc:
                last = exc
        raise NewConnectionError(conn, f"Failed to establish a new connection: {last}")

    class GuardedHTTPConnection(HTTPConnection):
        def _new_conn(self) -> socket.socket:
            return new_conn(self)

    class GuardedHTTPSConnection(HTTPSConnection):
        def _new_conn(self) -> socket.socket:
            return new_conn(self)

    class GuardedHTTPPool(HTTPConnectionPool):
        ConnectionCls = GuardedHTTPConnection

    class GuardedHTTPSPool(HTTPSConnectionPool):
        ConnectionCls = GuardedHTTPSConnection

    class GuardedAdapter(HTTPAdapter):
        def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
            super().init_poolmanager(*args, **kwargs)
            self.poolmanager.pool_classes_by_scheme = {"http": GuardedHTTPPool, "https": GuardedHTTPSPool}
            self.poolmanager.key_fn_by_scheme = dict(self.poolmanager.key_fn_by_scheme)

        def proxy_manager_for(self, *args: Any, **kwargs: Any) -> Any:
            raise FetchBlocked("proxies are not used by fetch")

    session = requests.Session()
    session.trust_env = False  # no proxies or .netrc from the environment
    session.max_redirects = MAX_REDIRECTS
    adapter = GuardedAdapter(max_retries=0)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def _headers_of(value: Any) -> dict[str, str]:
    if value is None or is_undefined(value):
        return {}
    pairs: list[tuple[Any, Any]]
    if isinstance(value, dict):
        pairs = list(value.items())
    elif isinstance(value, list) and all(isinstance(p, list) and len(p) == 2 for p in value):
        pairs = [(p[0], p[1]) for p in value]
    else:
        raise HostError("TypeError", f"fetch: headers must be an object of name: value, got {type_name(value)}")
    out: dict[str, str] = {}
    for name, raw in pairs:
        text = primitive_to_string(raw)
        if not isinstance(name, str) or text is None:
            raise HostError("TypeError", f"fetch: the value of header {name!r} must be a string")
        out[name] = text
    return out


def _charset(content_type: str | None) -> str:
    if content_type:
        for part in content_type.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                candidate = value.strip("\"' ")
                try:
                    "".encode(candidate)
                    return candidate
                except LookupError:
                    break
    return "utf-8"


def make_response(status: int, reason: str, url: str, redirected: bool, headers: list[tuple[str, str]],
                  body: bytes) -> dict[str, Any]:
    """The JS Response object (plain data and HostFns) for a completed request."""
    content_type = next((v for k, v in headers if k.lower() == "content-type"), None)
    text_value = body.decode(_charset(content_type), "replace")

    def get(*args: Any) -> str | None:
        name = primitive_to_string(arg(args, 0))
        if name is None:
            return None
        values = [v for k, v in headers if k.lower() == name.lower()]
        return ", ".join(values) if values else None

    def has(*args: Any) -> bool:
        return get(*args) is not None

    def entries(*args: Any) -> list[list[str]]:
        merged: dict[str, list[str]] = {}
        for k, v in headers:
            merged.setdefault(k.lower(), []).append(v)
        return [[k, ", ".join(v)] for k, v in sorted(merged.items())]

    def text(*args: Any) -> str:
        return text_value

    def parse_json(*args: Any) -> Any:
        def refuse(token: str) -> Any:
            raise ValueError(f"unexpected token {token}")

        try:
            return json.loads(text_value, parse_constant=refuse)
        except json.JSONDecodeError as exc:
            where = "end of input" if exc.pos >= len(text_value) else f"position {exc.pos}"
            raise HostError("SyntaxError", f"response.json(): the body is not valid JSON ({exc.msg} at {where})") \
                from None
        except (ValueError, RecursionError) as exc:
            raise HostError("SyntaxError", f"response.json(): the body is not valid JSON ({exc})") from None

    body_methods = {"text": HostFn(text, "text", 0), "json": HostFn(parse_json, "json", 0)}
    return {
        "ok": 200 <= status < 300,
        "status": status,
        "statusText": reason,
        "url": url,
        "redirected": redirected,
        "type": "basic",
        "headers": {
            "get": HostFn(get, "get", 1),
            "has": HostFn(has, "has", 1),
            "entries": HostFn(entries, "entries", 0),
        },
        **body_methods,
        "body": dict(body_methods),
    }


class Fetcher:
    """The `fetch` of one run: counts requests, records them for the log, enforces limits."""

    def __init__(self, policy: NetworkPolicy, limits: Limits, deadline: Callable[[], float]) -> None:
        self.policy = policy
        self.limits = limits
        self.deadline = deadline
        self.records: list[dict[str, Any]] = []

    def binding(self) -> HostFn:
        """The `fetch` global."""
        return HostFn(self.fetch, "fetch", 2)

    def fetch(self, *args: Any) -> dict[str, Any]:
        """fetch(url, options): the request, synchronously."""
        url = arg(args, 0)
        if not isinstance(url, str):
            raise HostError("TypeError", f"fetch: the URL must be a string, got {type_name(url)}")
        options = arg(args, 1)
        if options is None or is_undefined(options):
            options = {}
        if not isinstance(options, dict):
            raise HostError("TypeError", "fetch: the second argument must be an options object")
        method_raw = options.get("method", "GET")
        method = "GET" if method_raw is None or is_undefined(method_raw) else primitive_to_string(method_raw)
        if not method or not method.isalpha():
            raise HostError("TypeError", f"fetch: invalid method {method_raw!r}")
        method = method.upper()
        headers = _headers_of(options.get("headers"))
        body_raw = options.get("body")
        body: bytes | None = None
        if body_raw is not None and not is_undefined(body_raw):
            text = primitive_to_string(body_raw)
            if text is None:
                raise HostError(
                    "TypeError",
                    f"fetch: the body must be a string, got {type_name(body_raw)}; use JSON.stringify(data)",
                )
            body = text.encode("utf-8", "surrogatepass")
            if not any(k.lower() == "content-type" for k in headers):
                headers["Content-Type"] = "text/plain;charset=UTF-8"
        if method in ("GET", "HEAD") and body is not None:
            raise HostError("TypeError", f"fetch: a {method} request cannot have a body")
        redirect = options.get("redirect", "follow")
        follow = redirect != "manual"

        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise HostError("TypeError", f"fetch: invalid URL {url!r} (only http:// and https:// URLs)")
        if len(self.records) >= self.limits.fetches:
            raise HostError("Error", f"fetch: limit of {self.limits.fetches} requests per run reached")
        remaining = self.deadline() - time.monotonic()
        if remaining <= 0:
            raise HostError("Error", "fetch: no time left in this run's time budget")
        timeout = max(0.05, min(self.limits.fetch_timeout, remaining))

        record: dict[str, Any] = {"method": method, "url": url, "status": None, "bytes": 0}
        self.records.append(record)
        started = time.monotonic()
        try:
            response = self._send(method, url, headers, body, timeout, follow, started, record)
        except HostError as exc:
            record["error"] = str(getattr(exc, "message", exc))
            raise
        finally:
            record["duration_ms"] = round((time.monotonic() - started) * 1000, 1)
        return response

    def _send(self, method: str, url: str, headers: dict[str, str], body: bytes | None, timeout: float,
              follow: bool, started: float, record: dict[str, Any]) -> dict[str, Any]:
        import requests

        headers.setdefault("User-Agent", USER_AGENT)
        limit = self.limits.response_bytes
        try:
            with _session(self.policy) as session:
                resp = session.request(method, url, headers=headers, data=body, timeout=(timeout, timeout),
                                       allow_redirects=follow, stream=True)
                with resp:
                    declared = resp.headers.get("Content-Length", "")
                    if declared.isdigit() and int(declared) > limit:
                        raise HostError("RangeError", self._too_big(url))
                    chunks, size = [], 0
                    for chunk in resp.raw.stream(65536, decode_content=True):
                        size += len(chunk)
                        if size > limit:
                            raise HostError("RangeError", self._too_big(url))
                        if time.monotonic() - started > timeout:
                            raise HostError("TypeError", f"fetch: timed out after {timeout:g} s: {url}")
                        chunks.append(chunk)
                    data = b"".join(chunks)
                    header_list = list(resp.raw.headers.items())
                    record.update(status=resp.status_code, bytes=len(data))
                    if resp.url != url:
                        record["final_url"] = resp.url
                    return make_response(resp.status_code, resp.reason or "", resp.url, bool(resp.history),
                                         header_list, data)
        except HostError:
            raise
        except FetchBlocked as exc:
            raise HostError("TypeError", f"fetch: {exc}") from None
        except requests.exceptions.TooManyRedirects:
            raise HostError("TypeError", f"fetch: more than {MAX_REDIRECTS} redirects: {url}") from None
        except (requests.exceptions.Timeout, TimeoutError):
            raise HostError("TypeError", f"fetch: timed out after {timeout:g} s: {url}") from None
        except requests.exceptions.InvalidSchema as exc:
            raise HostError("TypeError", f"fetch: unsupported redirect or URL ({exc}): {url}") from None
        except (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema, ValueError) as exc:
            raise HostError("TypeError", f"fetch: invalid URL {url!r}: {exc}") from None
        except requests.exceptions.ConnectionError as exc:
            blocked = _find_cause(exc, FetchBlocked)
            if blocked is not None:
                raise HostError("TypeError", f"fetch: {blocked}") from None
            raise HostError("TypeError", f"fetch: could not connect to {url}: {_reason(exc)}") from None
        except (requests.exceptions.RequestException, OSError) as exc:
            raise HostError("TypeError", f"fetch: request to {url} failed: {_reason(exc)}") from None

    def _too_big(self, url: str) -> str:
        return f"fetch: the response from {url} is larger than the limit of {self.limits.response_bytes // 2**20} MB"


def _find_cause(exc: BaseException, kind: type[BaseException]) -> BaseException | None:
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        cur = todo.pop()
        if cur is None or id(cur) in seen:
            continue
        seen.add(id(cur))
        if isinstance(cur, kind):
            return cur
        todo.extend([cur.__cause__, cur.__context__, *[a for a in cur.args if isinstance(a, BaseException)]])
        todo.append(getattr(cur, "reason", None))
    return None


def _reason(exc: BaseException) -> str:
    """The innermost readable reason of a requests/urllib3 error."""
    inner: BaseException = exc
    for _ in range(6):
        nxt = getattr(inner, "reason", None)
        if isinstance(nxt, BaseException):
            inner = nxt
            continue
        if inner.args and isinstance(inner.args[0], BaseException):
            inner = inner.args[0]
            continue
        break
    text = str(inner)
    if "Failed to establish a new connection:" in text:
        text = text.split("Failed to establish a new connection:", 1)[1].strip()
    if text.startswith("[Errno"):
        text = text.split("]", 1)[1].strip()
    return text or type(inner).__name__
