"""DataPass: every fixture imports as its manifest says; error bodies, lists, checks; export;
webhook signatures (RFC 4231's HMAC-SHA256 vectors) and webhook in one call."""

from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path
from typing import Any

import pytest

import datapass_psc as d
from conftest import DATAPASS, EMITTED, sample, sample_dict

MANIFEST: list[dict[str, Any]] = json.loads((EMITTED / "manifest.json").read_text(encoding="utf-8"))


def imported_one(path: Path) -> d.Imported:
    result = d.import_datapass(path.read_bytes())
    assert isinstance(result, d.Imported)
    return result


def manifest_facts(facts: dict[str, Any]) -> dict[str, Any]:
    """The facts the manifest names, as it names them (habilitations without their dates,
    events by name)."""
    keys = ("request_number", "state", "reopening", "event", "ping", "current_build_step")
    out = {key: facts[key] for key in keys if key in facts}
    if "habilitations" in facts:
        out["habilitations"] = [{"number": h["number"], "state": h["state"]} for h in facts["habilitations"]]
    if "events" in facts:
        out["events"] = [e["name"] for e in facts["events"]]
    # The manifest's key order does not matter: compare as dicts.
    return out


def test_the_manifest_lists_every_emitted_document() -> None:
    listed = {entry["file"] for entry in MANIFEST}
    on_disk = {p.name for p in EMITTED.glob("*.json")} - {"manifest.json"}
    assert listed == on_disk and len(listed) >= 40


@pytest.mark.parametrize("entry", MANIFEST, ids=lambda e: str(e["file"]))
def test_every_emitted_document_imports_as_its_manifest_says(entry: dict[str, Any]) -> None:
    result = d.import_datapass((EMITTED / entry["file"]).read_bytes())
    items = result if isinstance(result, list) else [result]
    source = "v2_demandes" if isinstance(result, list) else result.source
    assert source == entry["source"]
    assert int(not all(i.report.valid for i in items)) == entry["exit"]
    if isinstance(result, list):
        expected = entry["facts"]["demandes"]
        assert [manifest_facts(i.facts) for i in items] == expected
        return
    assert manifest_facts(result.facts) == entry["facts"]
    expect = entry["expect"]
    errors = result.report.errors
    wanted = expect.get("datapass_errors", [])
    assert [(i.code, i.path) for i in errors] == [(e["code"], e["path"]) for e in wanted]
    for issue, e in zip(errors, wanted):
        assert issue.origin == "datapass"
        for key, value in e.get("params", {}).items():
            assert issue.params[key] == value
    warnings = result.report.warnings
    for path in expect.get("placeholders", []):
        assert any(w.code == "datapass.placeholder" and w.path == path for w in warnings)
        assert any(i.code == "required" and i.path == path for i in result.to_complete)
    for path in expect.get("defaults_filled", []):
        assert any(w.code == "datapass.default" and w.path == path for w in warnings)
    if result.request is not None:
        assert "non renseigné" not in json.dumps(result.request, ensure_ascii=False).lower()


def test_a_proconnect_webhook_imports_without_error() -> None:
    imported = imported_one(EMITTED / "webhook-approve-89560-proconnect.json")
    assert imported.source == "v2_webhook"
    assert imported.report.valid
    assert [(w.code, w.origin) for w in imported.report.warnings] == [("phone.extension", "strict")]
    absent = [(i.path, i.origin) for i in imported.to_complete if i.path.startswith("/contacts/applicant/")]
    assert absent == [("/contacts/applicant/job_title", "psc_form"), ("/contacts/applicant/phone", "psc_form")]
    assert imported.facts["request_number"] == "D89560" and imported.facts["event"] == "approve"
    assert imported.request is not None and imported.request["organization"]["siret"]
    assert repr(imported) == "Imported(source='v2_webhook', valid=True)"
    data = imported.to_dict()
    assert list(data) == ["source", "request", "report", "to_complete", "datapass"]
    assert data["datapass"] == imported.facts and data["report"] == imported.report.to_dict()


def test_both_spellings_of_scopes_give_the_same_draft() -> None:
    array = imported_one(DATAPASS / "get-demande-60501-scopes-array.json")
    string = imported_one(DATAPASS / "get-demande-60501-scopes-string.json")
    assert array.request == string.request and array.request is not None
    assert array == string


def test_the_ping_is_returned_with_its_fact() -> None:
    ping = imported_one(DATAPASS / "webhook-ping.json")
    assert ping.facts["ping"] is True and ping.request is None and ping.report.valid


def test_an_error_body_is_returned_with_its_issues_as_errors() -> None:
    imported = imported_one(DATAPASS / "api-error-422.json")
    assert imported.source == "v2_errors"
    assert not imported.report.valid
    assert all(i.origin == "datapass" for i in imported.report.errors)


def test_the_list_of_demandes_gives_a_list() -> None:
    result = d.import_datapass((EMITTED / "get-demandes-list.json").read_bytes())
    assert isinstance(result, list) and len(result) >= 2
    assert all(isinstance(i, d.Imported) and i.source == "v2_demande" for i in result)
    assert d.import_datapass((EMITTED / "get-demandes-empty.json").read_bytes()) == []


def test_check_validates_the_imported_request() -> None:
    body = (DATAPASS / "webhook-approve-60501.json").read_bytes()
    assert imported_one(DATAPASS / "webhook-approve-60501.json").report.valid
    checked = d.import_datapass(body, check="datapass")
    assert isinstance(checked, d.Imported) and not checked.report.valid
    assert any(i.path == "/terms_accepted" for i in checked.report.errors)


def test_source_names_the_kind_of_document() -> None:
    body = (DATAPASS / "get-demande-60501-scopes-array.json").read_bytes()
    given = d.import_datapass(body, source="v2_demande")
    assert isinstance(given, d.Imported) and given == d.import_datapass(body)
    with pytest.raises(ValueError, match="v2_demande"):
        d.import_datapass(body, source="v3")
    with pytest.raises(d.ValidationError) as raised:
        d.import_datapass(body, source="v2_errors")
    assert not raised.value.report.valid


def test_a_document_that_is_none_of_datapass_is_a_validation_error() -> None:
    with pytest.raises(d.ValidationError) as raised:
        d.import_datapass({"hello": "world"})
    assert raised.value.report.errors[0].code == "datapass.unknown_document"


def test_export_writes_datapass_bodies() -> None:
    post = d.export_datapass(sample())
    demande = post["demande"]
    assert demande["form_uid"] == "api-pro-sante-connect"
    assert demande["organization"] == {"siret": "13002526500013"}
    assert demande["data"]["contact_technique_phone_number"] == "+33612345678"
    patch = d.export_datapass(sample_dict(), patch=True)
    assert set(patch) == {"demande"} and "form_uid" not in patch["demande"]
    # What the crate writes, it reads back as the same request.
    back = d.import_datapass(post)
    assert isinstance(back, d.Imported) and back.source == "v2_post" and back.report.valid
    with pytest.raises(d.ValidationError):
        d.export_datapass({"scopes": ["idnat"]})


RFC_4231 = [
    (b"\x0b" * 20, b"Hi There", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
    (b"Jefe", b"what do ya want for nothing?", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
    (b"\xaa" * 20, b"\xdd" * 50, "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
    (bytes(range(1, 26)), b"\xcd" * 50, "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
    (b"\xaa" * 131, b"Test Using Larger Than Block-Size Key - Hash Key First", "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
    (
        b"\xaa" * 131,
        b"This is a test using a larger than block-size key and a larger than block-size data. "
        b"The key needs to be hashed before being used by the HMAC algorithm.",
        "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
    ),
]


@pytest.mark.parametrize(("key", "data", "digest"), RFC_4231)
def test_rfc_4231_vectors(key: bytes, data: bytes, digest: str) -> None:
    assert hmac.new(key, data, hashlib.sha256).hexdigest() == digest
    d.verify_signature(key, data, f"sha256={digest}")  # returns None, raises nothing
    d.verify_signature(bytearray(key), bytearray(data), f"  sha256={digest.upper()} ")
    with pytest.raises(d.SignatureError) as raised:
        d.verify_signature(key, data + b" ", f"sha256={digest}")
    assert raised.value.code == "webhook.signature_mismatch"


def test_rfc_4231_truncated_vector_is_refused_by_its_length() -> None:
    with pytest.raises(d.SignatureError) as raised:
        d.verify_signature(b"\x0c" * 20, b"Test With Truncation", "sha256=a3b6167473100ee06e0c796c2955552b")
    assert raised.value.code == "webhook.signature_length"
    assert raised.value.params == {"expected": 64, "found": 32}


@pytest.mark.parametrize(
    ("header", "code"),
    [
        ("", "webhook.signature_missing"),
        ("sha1=" + "0" * 40, "webhook.signature_algorithm"),
        ("sha256=" + "z" * 64, "webhook.signature_hex"),
        ("sha256=" + "0" * 63, "webhook.signature_length"),
        ("sha256=" + "0" * 64, "webhook.signature_mismatch"),
    ],
)
def test_the_five_signature_codes(header: str, code: str) -> None:
    with pytest.raises(d.SignatureError) as raised:
        d.verify_signature(b"secret", b"{}", header)
    error = raised.value
    assert isinstance(error, ValueError) and isinstance(error, d.DatapassPscError)
    assert error.code == code and str(error) == error.message_en and error.message_fr


def test_webhook_verifies_then_imports() -> None:
    body = (DATAPASS / "webhook-approve-60501.json").read_bytes()
    header = "sha256=40114195ba323266359957f9c56e86e35b732b3fba84a1dddacc7adb88fe4ba7"
    imported = d.webhook(b"whsec_test", body, header)
    assert imported == d.import_datapass(body)
    assert (imported.facts["event"], imported.facts["state"]) == ("approve", "validated")
    with pytest.raises(d.SignatureError):
        d.webhook(b"another secret", body, header)
    ping = (DATAPASS / "webhook-ping.json").read_bytes()
    signed = "sha256=" + hmac.new(b"s", ping, hashlib.sha256).hexdigest()
    assert d.webhook(b"s", ping, signed).facts["ping"] is True
    with pytest.raises(TypeError):
        d.verify_signature("secret", body, header)  # type: ignore[arg-type]
