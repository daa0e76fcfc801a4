"""Hostile inputs: each gives a report or an ordinary exception (TypeError, ValueError), never a
panic (a BaseException), a crash or a stack overflow."""

from __future__ import annotations

import json
from typing import Any, Callable

import pytest

import datapass_psc as d
from conftest import DATAPASS, sample, sample_dict


def codes(report: d.Report) -> list[str]:
    return [i.code for i in report.errors]


# Every function that reads a document, as a callable that gives a report: the report itself,
# or the report of the ValidationError it raises.
def _report_of(call: Callable[[Any], Any]) -> Callable[[Any], d.Report]:
    def run(document: Any) -> d.Report:
        try:
            result = call(document)
        except d.ValidationError as error:
            return error.report
        if isinstance(result, d.Report):
            return result
        pytest.fail(f"a report was expected, not {result!r}")

    return run


READERS = {
    "validate": _report_of(d.validate),
    "validate_datapass": _report_of(lambda doc: d.validate(doc, rules="datapass")),
    "validate_step": _report_of(lambda doc: d.validate_step(doc, "contacts")),
    "parse_request": _report_of(d.parse_request),
    "export_datapass": _report_of(d.export_datapass),
    "replay": _report_of(d.replay),
    "import_datapass": _report_of(d.import_datapass),
}


@pytest.mark.parametrize("reader", list(READERS))
@pytest.mark.parametrize(
    ("document", "code"),
    [
        (b"\xff\xfe{\x00}\x00", "json.encoding"),
        (b'"\xc3\x28"', "json.syntax"),
        ('"\ud800"', "json.syntax"),
        (b"[" * 200_000 + b"]" * 200_000, None),
        (b'{"a":' * 100_000 + b"1" + b"}" * 100_000, None),
        (b'{"request_number": "D1", "request": {"scopes": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}", None),
        (b"{" + b" " * (20 * 1024 * 1024) + b"}", "json.too_large"),
        ('"' + "x" * (20 * 1024 * 1024) + '"', "json.too_large"),
        ([float("nan")], None),
        (b"", "json.syntax"),
        (b"{", "json.syntax"),
    ],
    ids=["utf16", "invalid-utf8", "surrogate-str", "deep-array", "deep-object", "deep-inside", "huge-bytes", "huge-str", "nan", "empty", "truncated"],
)
def test_a_hostile_document_gives_a_report(reader: str, document: Any, code: Any) -> None:
    report = READERS[reader](document)
    assert not report.valid and len(report.errors) == 1
    if code is not None:
        assert codes(report) == [code]
    else:
        assert codes(report)[0].split(".")[0] in {"json", "datapass", "event_log"}


def nested_list(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


def nested_dict(depth: int) -> dict[str, Any]:
    root: dict[str, Any] = {}
    current = root
    for _ in range(depth):
        current["a"] = {}
        current = current["a"]
    return root


@pytest.mark.parametrize("depth", [65, 200_000])
def test_a_deeply_nested_dict_or_list_reads_as_its_json(depth: int) -> None:
    as_text = [
        (nested_list(depth), "[" * depth + "[]" + "]" * depth),
        (nested_dict(depth), '{"a":' * depth + "{}" + "}" * depth),
        ({"scopes": nested_list(depth)}, '{"scopes":' + "[" * depth + "[]" + "]" * depth + "}"),
    ]
    for value, text in as_text:
        for reader in READERS.values():
            report = reader(value)
            assert not report.valid and len(report.errors) == 1
            assert report.to_dict() == reader(text).to_dict()
    assert codes(d.validate({"scopes": nested_list(depth)})) == ["json.invalid_type"]
    # DataPass's documents read the keys they ignore too, depth counted.
    with pytest.raises(d.ValidationError) as raised:
        d.import_datapass({"errors": [], "x": nested_list(depth)})
    assert codes(raised.value.report) == ["json.too_deep"]
    assert raised.value.report.errors[0].path == "/x" + "/0" * 63


def test_nan_and_infinity_are_written_as_json_dumps_writes_them() -> None:
    for value in (float("nan"), float("inf"), float("-inf")):
        report = d.validate({"personal_data": {"retention_months": value}})
        assert codes(report) == ["json.syntax"]


def test_a_huge_string_in_a_dict_is_too_large() -> None:
    report = d.validate({"project": {"name": "é" * (16 * 1024 * 1024)}})
    assert codes(report) == ["json.too_large"]
    assert report.errors[0].params["found"] > 32 * 1024 * 1024


def test_a_cyclic_dict_or_list_is_refused_as_json_dumps_refuses_it() -> None:
    cyclic: dict[str, Any] = {"organization": {}}
    cyclic["organization"]["siret"] = cyclic
    looped: list[Any] = []
    looped.append(looped)
    for value in (cyclic, looped, {"scopes": looped}):
        for call in (d.validate, d.parse_request, d.replay, d.import_datapass):
            with pytest.raises(ValueError, match="Circular reference detected"):
                call(value)
    # Shared, not cyclic: written at each place, as json.dumps does.
    request = sample_dict()
    contact = request["contacts"]["technical_contact"]
    request["contacts"] = {role: contact for role in request["contacts"]}
    assert d.validate(request).valid
    assert d.parse_request(request)["contacts"]["applicant"] == d.parse_request(json.dumps(request))["contacts"]["data_controller"]


@pytest.mark.parametrize(
    "document",
    [None, 12, 1.5, True, object(), {"scopes": {"idnat"}}, {"scopes": [b"idnat"]}, {("a",): 1}, memoryview(b"{}")],
    ids=["none", "int", "float", "bool", "object", "set", "bytes-in-dict", "tuple-key", "memoryview"],
)
def test_a_wrong_python_type_is_a_type_error(document: Any) -> None:
    for call in (d.validate, d.parse_request, d.export_datapass, d.replay, d.import_datapass):
        with pytest.raises(TypeError):
            call(document)


def test_wrong_argument_types_are_type_errors() -> None:
    with pytest.raises(TypeError):
        d.validate(sample(), rules=None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        d.validate(sample(), "strict")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        d.validate_step(sample(), 3)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        d.verify_signature(b"s", "body", "sha256=")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        d.webhook(b"s", (DATAPASS / "webhook-ping.json").read_bytes(), None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        d.import_datapass(sample(), source=1)  # type: ignore[arg-type]


def test_hostile_signature_headers_and_huge_bodies() -> None:
    body = b"x" * (32 * 1024 * 1024)
    for header in ("sha256=" + "é" * 64, "sha256=" + "0" * 1_000_000, "\ud800", "sha256=\x00"):
        with pytest.raises((d.SignatureError, UnicodeEncodeError)):
            d.verify_signature(b"secret", body, header)
    with pytest.raises(d.SignatureError):
        d.webhook(b"", body, "sha256=" + "0" * 64)


def test_a_panic_reaches_python_as_an_ordinary_exception() -> None:
    with pytest.raises(d.DatapassPscError, match="a bug: please report it") as raised:
        d._native._panic_for_tests()
    assert type(raised.value) is d.DatapassPscError
    assert isinstance(raised.value, Exception)
