"""schemas(): the crate's JSON Schemas, as committed in schemas/, usable by jsonschema."""

from __future__ import annotations

import json

import jsonschema

import datapass_psc as d
from conftest import REQUESTS, ROOT, sample_dict


def test_the_schemas_are_the_committed_files() -> None:
    schemas = d.schemas()
    committed = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (ROOT / "schemas").glob("*.json")}
    assert schemas == committed
    assert next(iter(schemas)) == "request.schema.json"
    assert all(s["$schema"] == "https://json-schema.org/draft/2020-12/schema" for s in schemas.values())


def test_the_sample_and_its_report_validate_against_their_schemas() -> None:
    schemas = d.schemas()
    jsonschema.Draft202012Validator.check_schema(schemas["request.schema.json"])
    jsonschema.validate(sample_dict(), schemas["request.schema.json"])
    for path in REQUESTS.glob("*.report.json"):
        jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schemas["validation-report.schema.json"])
    jsonschema.validate(d.eligibility("company").to_dict(), schemas["eligibility-decision.schema.json"])


def test_schemas_returns_a_fresh_dict() -> None:
    first = d.schemas()
    first.clear()
    assert len(d.schemas()) >= 16
