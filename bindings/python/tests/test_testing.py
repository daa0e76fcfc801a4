"""datapass_psc.testing: requests drawn by the crate's own generators."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import datapass_psc as d
from datapass_psc.testing import requests


@settings(max_examples=200, deadline=None)
@given(requests())
def test_every_generated_request_is_valid(request: dict[str, Any]) -> None:
    assert d.validate(request).valid
    canonical = d.parse_request(request)
    assert d.parse_request(canonical) == canonical
    assert d.export_datapass(request)["demande"]["form_uid"] == "api-pro-sante-connect"


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=0, max_value=2**64 - 1))
def test_a_seed_gives_one_request(seed: int) -> None:
    assert d._native._generate_request(seed) == d._native._generate_request(seed)


def test_seeds_give_requests_typed_as_people_type_them() -> None:
    drafts = [d._native._generate_request(seed) for seed in range(50)]
    assert len({str(draft) for draft in drafts}) == 50
    sirets = [draft["organization"]["siret"] for draft in drafts]
    # Not only canonical forms: the strategy types SIRETs with separators, phones in many forms.
    assert any(s != str(d.Siret(s)) for s in sirets)
    phones = [draft["contacts"]["technical_contact"]["phone"] for draft in drafts]
    assert any(p != str(d.PhoneNumber(p)) for p in phones)
