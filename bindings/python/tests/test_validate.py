"""validate, validate_step, parse_request: the sample requests, their committed reports, the
two rule sets, the three kinds of document, the wizard's steps."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import datapass_psc as d
from conftest import REQUESTS, sample, sample_dict

REPORTED = sorted(REQUESTS.glob("*.report.json"))


def compact(value: Any) -> bytes:
    """A value's JSON as the package writes a dict: compact, UTF-8."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8", "surrogatepass"
    )


def test_the_sample_request_is_valid_in_every_form() -> None:
    text = sample().decode("utf-8")
    for document in (sample(), bytearray(sample()), text, sample_dict()):
        report = d.validate(document)
        assert report.valid
        assert report.errors == [] and report.warnings == []
        assert report.to_dict() == {"valid": True, "errors": [], "warnings": []}


def test_there_is_a_committed_report_for_every_invalid_sample() -> None:
    assert len(REPORTED) >= 4
    for report in REPORTED:
        assert report.with_name(report.name.replace(".report.json", ".json")).is_file()


@pytest.mark.parametrize("expected", REPORTED, ids=lambda p: p.name)
def test_an_invalid_sample_gives_its_committed_report(expected: Path) -> None:
    request = expected.with_name(expected.name.replace(".report.json", ".json"))
    report = d.validate(request.read_bytes())
    committed = json.loads(expected.read_text(encoding="utf-8"))
    assert not report.valid
    assert report.to_dict() == committed
    # The objects say the same as the dict, issue by issue.
    for issue, wanted in zip(report.errors + report.warnings, committed["errors"] + committed["warnings"]):
        assert issue.to_dict() == wanted
        assert (issue.code, issue.path, issue.origin) == (wanted["code"], wanted["path"], wanted["origin"])
        assert (issue.message_fr, issue.message_en) == (wanted["message_fr"], wanted["message_en"])
        assert issue.params == wanted["params"]


def test_the_readme_issue_shape() -> None:
    report = d.validate(
        b'{"organization": {"siret": "732 829 320 00075"},'
        b' "contacts": {"technical_contact": {"email": "Jean <jean@exemple.fr>"}}}'
    )
    first = report.errors[0]
    assert (first.code, first.path, first.origin) == ("siret.checksum", "/organization/siret", "datapass")
    assert first.message_fr.startswith("Le numéro SIRET de l'organisation n'est pas valide")
    assert any(
        i.path == "/contacts/technical_contact/email" and i.code == "email.invalid" for i in report.errors
    )
    assert isinstance(first.params, dict)


def test_datapass_rules_make_the_crates_own_checks_warnings() -> None:
    request = sample_dict()
    request["contacts"]["data_protection_officer"]["phone"] = "04 72 61 77 77 poste 4521"
    assert not d.validate(request).valid
    report = d.validate(request, rules="datapass")
    assert report.valid
    assert [(w.code, w.origin) for w in report.warnings] == [("phone.extension", "strict")]
    assert report.warnings[0].path == "/contacts/data_protection_officer/phone"


def test_an_unknown_rule_set_is_a_value_error_naming_the_accepted_ones() -> None:
    with pytest.raises(ValueError, match="strict or datapass"):
        d.validate(sample(), rules="lenient")


@pytest.mark.parametrize(
    "document",
    [
        {"scopes": ["idnat", "rpps"], "personal_data": {"retention_months": 48}},
        {"organization": {"siret": "1234"}, "unknown": [1, 2.5, None, True, "é\n\"\\\u0001"]},
        {"project": {"name": float("nan"), "description": float("-inf")}},
        {"project": {"name": "\ud800"}},
        {1: "int key", 2.5: "float key", True: "bool key", None: "none key"},
        [{"a": (1, 2)}, [], {}],
        {"personal_data": {"retention_months": 10**30}},
    ],
    ids=["values", "escapes", "nan", "surrogate", "non-str-keys", "list", "big-int"],
)
def test_a_dict_is_read_exactly_as_its_json(document: Any) -> None:
    for rules in ("strict", "datapass"):
        assert d.validate(document, rules=rules).to_dict() == d.validate(compact(document), rules=rules).to_dict()


def test_a_str_is_read_as_its_utf8_bytes() -> None:
    text = '{"project": {"name": "  Héliotrope  "}, "scopes": ["idnat"]}'
    assert d.validate(text).to_dict() == d.validate(text.encode()).to_dict()


def test_the_wizard_validates_one_step_at_a_time() -> None:
    legal_only = {"legal_basis": {"nature": "Arrêté du 24 mars 2021", "url": "https://www.legifrance.gouv.fr/x"}}
    assert d.validate_step(legal_only, "legal").valid
    basic = d.validate_step(legal_only, "basic_infos")
    assert not basic.valid
    assert {i.path for i in basic.errors} == {"/project/name", "/project/description"}
    for step in ("basic_infos", "legal", "scopes", "personal_data", "contacts", "finish"):
        assert d.validate_step(sample(), step).valid
    assert d.validate_step(legal_only, "finish").to_dict() == d.validate(legal_only).to_dict()


def test_a_step_under_datapass_rules_and_an_unknown_step() -> None:
    request = sample_dict()
    request["contacts"]["technical_contact"]["phone"] = "06 12 34 56 78 poste 12"
    assert not d.validate_step(request, "contacts").valid
    assert d.validate_step(request, "contacts", rules="datapass").valid
    with pytest.raises(ValueError, match="basic_infos"):
        d.validate_step(request, "summary")


def test_parse_request_gives_the_canonical_form() -> None:
    request = d.parse_request(sample())
    assert request["organization"]["siret"] == "13002526500013"
    assert request["contacts"]["technical_contact"]["phone"] == "+33612345678"
    assert request["contacts"]["applicant"]["email"] == "ines.moreau@hospiconnect.example"
    assert request["scopes"] == ["donnees_sectorielles", "idnat"]
    # Canonical form round-trips.
    assert d.parse_request(request) == request
    assert list(request) == [
        "organization", "project", "legal_basis", "scopes", "personal_data", "contacts",
        "terms_accepted", "dpo_informed",
    ]


def test_parse_request_raises_a_validation_error_with_the_report() -> None:
    with pytest.raises(d.ValidationError) as raised:
        d.parse_request((REQUESTS / "invalid-siret-and-contacts.json").read_bytes())
    error = raised.value
    assert isinstance(error, ValueError) and isinstance(error, d.DatapassPscError)
    committed = json.loads((REQUESTS / "invalid-siret-and-contacts.report.json").read_text(encoding="utf-8"))
    assert error.report.to_dict() == committed
    assert str(error) == str(error.report)
    assert str(error).startswith(f"{len(committed['errors'])} error(s); ")


def test_report_and_issue_are_values() -> None:
    broken = (REQUESTS / "invalid-empty.json").read_bytes()
    first, second = d.validate(broken), d.validate(broken)
    assert first == second and first != d.validate(sample())
    assert first.errors == second.errors
    assert first.errors[0] != first.errors[1]
    assert repr(first) == f"Report(valid=False, errors={len(first.errors)}, warnings=0)"
    assert repr(first.errors[0]) == "Issue(code='required', path='/organization/siret', origin='datapass')"
    # What the caller gets is the caller's: changing it changes nothing in the report.
    first.to_dict()["errors"].clear()
    first.errors.clear()
    first.errors[0].params["x"] = 1
    assert len(first.errors) == len(second.errors) and first.errors[0].params == {}
    with pytest.raises(TypeError):
        hash(first.errors[0])
    with pytest.raises(AttributeError):
        first.valid = True  # type: ignore[misc]
