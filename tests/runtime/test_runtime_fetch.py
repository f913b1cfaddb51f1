"""fetch and its network policy, against loopback servers the tests start themselves."""

from __future__ import annotations

import ipaddress
import json
import socket
import threading
import time

import pytest

from runtime.bindings.fetch import Fetcher
from runtime.errors import UserError
from runtime.netpolicy import FetchBlocked, NetworkPolicy, classify, parse_entry
from runtime.sandbox import HostError, Limits


def fetcher(allow: list[str] | None = None, **limits) -> Fetcher:
    return Fetcher(NetworkPolicy(allow or []), Limits(**limits), lambda: time.monotonic() + 60)


def allowed(server) -> Fetcher:
    return fetcher([f"127.0.0.1:{server.port}"])


@pytest.mark.parametrize(("address", "reason"), [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("10.1.2.3", "private"), ("192.168.0.1", "private"),
    ("172.16.5.4", "private"), ("169.254.169.254", "cloud metadata"), ("169.254.1.1", "link-local"),
    ("fe80::1", "link-local"), ("fd00:ec2::254", "cloud metadata"), ("100.100.100.200", "cloud metadata"),
    ("::ffff:127.0.0.1", "loopback"), ("0.0.0.0", "unspecified"), ("100.64.0.1", "non-public"),
    ("8.8.8.8", None), ("2606:4700:4700::1111", None),
])
def test_internal_addresses_are_classified(address, reason) -> None:
    assert classify(ipaddress.ip_address(address)) == reason


def test_allow_entries() -> None:
    assert parse_entry("localhost").allows("LOCALHOST", 80, None)
    entry = parse_entry("127.0.0.1:8080")
    assert entry.allows("127.0.0.1", 8080, ipaddress.ip_address("127.0.0.1"))
    assert not entry.allows("127.0.0.1", 8081, ipaddress.ip_address("127.0.0.1"))
    assert entry.allows("localhost", 8080, ipaddress.ip_address("127.0.0.1"))  # matches the resolved address
    assert parse_entry("10.0.0.0/8").allows("db", 5432, ipaddress.ip_address("10.2.3.4"))
    assert parse_entry("[::1]:9000").allows("::1", 9000, ipaddress.ip_address("::1"))
    assert parse_entry("*").allows("x", 1, ipaddress.ip_address("10.0.0.1"))
    for bad in ("host:notaport", "host:0", "[::1", ":80"):
        with pytest.raises(UserError):
            parse_entry(bad)


def test_policy_from_environment(monkeypatch) -> None:
    policy = NetworkPolicy.from_env(["a:1"], environ={"JSENGINE_FETCH_ALLOW": "127.0.0.1:5000, b"})
    policy.check("127.0.0.1", 5000, "127.0.0.1")
    with pytest.raises(FetchBlocked, match="loopback"):
        policy.check("127.0.0.1", 5001, "127.0.0.1")
    with pytest.raises(FetchBlocked, match="--allow-host"):
        NetworkPolicy().check("localhost", 80, "127.0.0.1")


def test_loopback_is_refused_by_default_and_nothing_is_sent(http_server) -> None:
    f = fetcher()
    with pytest.raises(HostError) as info:
        f.fetch(f"{http_server.url}/hook")
    assert info.value.name == "TypeError"
    assert "refused" in info.value.message and "loopback" in info.value.message
    assert http_server.requests == []
    assert f.records[0]["error"]


def test_localhost_name_is_checked_after_dns_resolution(http_server) -> None:
    with pytest.raises(HostError, match="loopback"):
        fetcher().fetch(f"http://localhost:{http_server.port}/")
    assert http_server.requests == []


def test_post_json_and_read_the_response(http_server) -> None:
    http_server.responses["/api"] = (201, {"Content-Type": "application/json", "X-Id": "7"}, b'{"id": 7, "ok": true}')
    f = allowed(http_server)
    resp = f.fetch(f"{http_server.url}/api", {"method": "post", "headers": {"Content-Type": "application/json",
                                                                               "Authorization": "Bearer t"},
                                              "body": json.dumps({"text": "déployé"})})
    assert resp["ok"] is True and resp["status"] == 201 and resp["statusText"] == "Created"
    assert resp["json"]() == {"id": 7, "ok": True}
    assert resp["body"]["json"]() == {"id": 7, "ok": True}
    assert resp["text"]() == '{"id": 7, "ok": true}' == resp["body"]["text"]()
    assert resp["headers"]["get"]("x-id") == "7" and resp["headers"]["get"]("nope") is None
    sent = http_server.requests[0]
    assert sent["method"] == "POST" and sent["path"] == "/api"
    assert json.loads(sent["body"]) == {"text": "déployé"}
    assert sent["headers"]["authorization"] == "Bearer t"
    assert f.records == [{"method": "POST", "url": f"{http_server.url}/api", "status": 201, "bytes": 21,
                          "duration_ms": f.records[0]["duration_ms"]}]


def test_error_statuses_are_responses_not_exceptions(http_server) -> None:
    http_server.responses["/missing"] = (404, {"Content-Type": "text/plain"}, b"no such thing")
    resp = allowed(http_server).fetch(f"{http_server.url}/missing")
    assert resp["ok"] is False and resp["status"] == 404 and resp["body"]["text"]() == "no such thing"
    with pytest.raises(HostError) as info:
        resp["json"]()
    assert info.value.name == "SyntaxError"


def test_redirects_are_followed_and_each_hop_is_checked(http_server) -> None:
    http_server.responses["/old"] = (302, {"Location": "/new"}, b"")
    http_server.responses["/new"] = (200, {}, b"here")
    resp = allowed(http_server).fetch(f"{http_server.url}/old")
    assert resp["text"]() == "here" and resp["redirected"] is True and resp["url"].endswith("/new")
    # a redirect from an allowed server to a refused address is stopped at that hop
    http_server.responses["/escape"] = (302, {"Location": "http://127.0.0.2:9/secret"}, b"")
    with pytest.raises(HostError, match="refused to connect to 127.0.0.2"):
        allowed(http_server).fetch(f"{http_server.url}/escape")


def test_redirect_loops_stop(http_server) -> None:
    http_server.responses["/loop"] = (302, {"Location": "/loop"}, b"")
    with pytest.raises(HostError, match="redirects"):
        allowed(http_server).fetch(f"{http_server.url}/loop")


def test_response_size_limit(http_server) -> None:
    http_server.responses["/big"] = (200, {}, b"x" * 5000)
    with pytest.raises(HostError, match="larger than the limit"):
        fetcher([f"127.0.0.1:{http_server.port}"], response_bytes=1000).fetch(f"{http_server.url}/big")


def test_fetch_count_limit(http_server) -> None:
    f = fetcher([f"127.0.0.1:{http_server.port}"], fetches=2)
    f.fetch(http_server.url)
    f.fetch(http_server.url)
    with pytest.raises(HostError, match="limit of 2 requests"):
        f.fetch(http_server.url)


def test_timeout() -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = listener.getsockname()[1]
    accepted = []
    threading.Thread(target=lambda: accepted.append(listener.accept()), daemon=True).start()
    try:
        started = time.monotonic()
        with pytest.raises(HostError, match="timed out"):
            fetcher([f"127.0.0.1:{port}"], fetch_timeout=0.5).fetch(f"http://127.0.0.1:{port}/slow")
        assert time.monotonic() - started < 5
    finally:
        listener.close()


def test_connection_refused_is_a_clear_error() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(HostError, match="could not connect"):
        fetcher([f"127.0.0.1:{port}"]).fetch(f"http://127.0.0.1:{port}/")


@pytest.mark.parametrize(("args", "message"), [
    ((42,), "URL must be a string"),
    (("ftp://example.com/x",), "only http"),
    (("not a url",), "only http"),
    (("http://127.0.0.1/", {"body": {"a": 1}, "method": "POST"}), "JSON.stringify"),
    (("http://127.0.0.1/", {"method": "GET", "body": "x"}), "cannot have a body"),
    (("http://127.0.0.1/", {"headers": 5}), "headers must be"),
])
def test_bad_arguments_throw_type_errors(args, message) -> None:
    with pytest.raises(HostError) as info:
        fetcher().fetch(*args)
    assert info.value.name == "TypeError" and message in info.value.message


def test_no_time_left_refuses_to_fetch(http_server) -> None:
    f = Fetcher(NetworkPolicy([f"127.0.0.1:{http_server.port}"]), Limits(), lambda: time.monotonic() - 1)
    with pytest.raises(HostError, match="no time left"):
        f.fetch(http_server.url)
