"""The bindings as Python callables (what JS calls through the engine's HostFunction)."""

from __future__ import annotations

import base64
import hashlib
import hmac

import pytest

from runtime.bindings.console import Output
from runtime.bindings.crypto import make_crypto
from runtime.bindings.require import make_require
from runtime.bindings.storage import make_storage
from runtime.jsvalues import number_to_string
from runtime.sandbox import UNDEFINED, HostError, Limits
from runtime.store import Store


@pytest.fixture
def storage(home):
    store = Store()
    yield make_storage(store, "integration1", Limits())
    store.close()


def test_storage_get_returns_null_when_unset(storage) -> None:
    assert storage["get"]("missing") is None


def test_storage_round_trip_and_types_become_strings(storage) -> None:
    storage["set"]("s", "hello")
    storage["set"]("n", 42)
    storage["set"]("f", 1.5)
    storage["set"]("big", 1e21)
    storage["set"]("b", True)
    assert [storage["get"](k) for k in ("s", "n", "f", "big", "b")] == ["hello", "42", "1.5", "1e+21", "true"]


def test_storage_refuses_objects_with_a_hint_to_stringify(storage) -> None:
    for value in ({"a": 1}, [1, 2]):
        with pytest.raises(HostError) as info:
            storage["set"]("k", value)
        assert info.value.name == "TypeError"
        assert "JSON.stringify" in info.value.message
    for value in (None, UNDEFINED):
        with pytest.raises(HostError, match="cannot store"):
            storage["set"]("k", value)


def test_storage_remove_and_clear(storage) -> None:
    storage["set"]("a", "1")
    storage["set"]("b", "2")
    storage["remove"]("a")
    storage["remove"]("never-set")
    assert storage["get"]("a") is None and storage["get"]("b") == "2"
    storage["clear"]()
    assert storage["get"]("b") is None


def test_storage_is_kept_per_integration(home) -> None:
    with Store() as store:
        one, two = make_storage(store, "one", Limits()), make_storage(store, "two", Limits())
        one["set"]("k", "1")
        assert two["get"]("k") is None
    with Store() as store:
        assert make_storage(store, "one", Limits())["get"]("k") == "1"


def test_storage_limits(home) -> None:
    with Store() as store:
        small = make_storage(store, "ns", Limits(storage_value_bytes=10, storage_total_bytes=30))
        with pytest.raises(HostError, match="limit"):
            small["set"]("k", "x" * 11)
        small["set"]("a", "x" * 10)
        small["set"]("b", "x" * 10)
        small["set"]("b", "y" * 10)  # replacing does not count twice
        with pytest.raises(HostError, match="exceed"):
            small["set"]("c", "x" * 10)


def test_storage_keys_must_be_strings(storage) -> None:
    with pytest.raises(HostError, match="key must be a string"):
        storage["get"]({"a": 1})
    storage["set"](7, "seven")
    assert storage["get"]("7") == "seven"


def test_require_only_offers_storage() -> None:
    marker = {"get": None}
    require = make_require({"storage": marker})
    assert require("storage") is marker
    with pytest.raises(HostError) as info:
        require("fs")
    assert info.value.name == "Error"
    assert "'fs'" in info.value.message and '"storage"' in info.value.message


AWS_SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
AWS_KEY = "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9"


def test_hmac_aws_signing_key_chain_gives_the_documented_key() -> None:
    crypto = make_crypto()

    def h(key: str, data: str, fmt: str = "") -> str:
        return crypto["createHmac"]("sha256", key)["update"](data)["digest"](fmt)

    k_date = h("AWS4" + AWS_SECRET, "20150830")
    k_region = h(k_date, "us-east-1")
    k_service = h(k_region, "iam")
    assert h(k_service, "aws4_request", "hex") == AWS_KEY


def test_hmac_formats_and_algorithms() -> None:
    crypto = make_crypto()
    for alg in ("sha256", "sha1", "md5"):
        expected = hmac.new(b"key", "héllo".encode(), getattr(hashlib, alg)).digest()
        hasher = crypto["createHmac"](alg, "key")
        hasher["update"]("hé")
        hasher["update"]("llo")
        assert hasher["digest"]("hex") == expected.hex()
        assert crypto["createHmac"](alg, "key")["update"]("héllo")["digest"]("base64") == \
            base64.b64encode(expected).decode()
        raw = crypto["createHmac"](alg, "key")["update"]("héllo")["digest"]("")
        assert raw == expected.decode("latin-1") and len(raw) == len(expected)


def test_hmac_unknown_algorithm_or_format_throws() -> None:
    crypto = make_crypto()
    with pytest.raises(HostError, match="unsupported algorithm 'sha3'"):
        crypto["createHmac"]("sha3", "k")
    hasher = crypto["createHmac"]("sha256", "k")
    with pytest.raises(HostError, match="unknown digest format 'base32'"):
        hasher["digest"]("base32")
    assert len(hasher["digest"]("hex")) == 64
    with pytest.raises(HostError, match="already called"):
        hasher["digest"]("hex")
    with pytest.raises(HostError, match="must be a string"):
        crypto["createHmac"]("sha256", "k")["update"]({"a": 1})


def test_create_hash_and_random_uuid() -> None:
    crypto = make_crypto()
    assert crypto["createHash"]("sha256")["update"]("abc")["digest"]("hex") == hashlib.sha256(b"abc").hexdigest()
    uid = crypto["randomUUID"]()
    assert len(uid) == 36 and uid != crypto["randomUUID"]()


def test_console_output_is_collected_and_echoed_up_to_a_limit() -> None:
    seen = []
    out = Output(100, lambda level, text: seen.append((level, text)))
    out("log", "first")
    out("error", "second")
    assert out.text() == "first\nsecond"
    assert seen == [("log", "first"), ("error", "second")]
    for _ in range(20):
        out("log", "x" * 10)
    assert out.truncated and "output truncated" in out.text().splitlines()[-1]


@pytest.mark.parametrize(("value", "text"), [
    (0, "0"), (-0.0, "0"), (1.0, "1"), (1.5, "1.5"), (-2.25, "-2.25"), (1e21, "1e+21"), (1e20, "100000000000000000000"),
    (1.5e-7, "1.5e-7"), (0.000001, "0.000001"), (123456789.125, "123456789.125"), (float("nan"), "NaN"),
    (float("inf"), "Infinity"), (2**53, "9007199254740992"), (0.1 + 0.2, "0.30000000000000004"),
])
def test_number_to_string_follows_js(value, text) -> None:
    assert number_to_string(value) == text


def test_btoa_atob_for_basic_auth() -> None:
    from runtime.bindings.encoding import atob, btoa

    assert btoa("user:tok") == "dXNlcjp0b2s="
    assert atob("dXNlcjp0b2s=") == "user:tok"
    assert atob(btoa("\xe9\x00\xff")) == "\xe9\x00\xff"
    with pytest.raises(HostError, match="Latin1"):
        btoa("€")
    with pytest.raises(HostError, match="not correctly encoded"):
        atob("abcde")
