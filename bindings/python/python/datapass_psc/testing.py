"""Hypothesis strategies of valid requests, drawn from the crate's own generators.

Requires the extra ``testing`` (``pip install "datapass-psc[testing]"``). Hypothesis draws a
seed; the crate's proptest strategy ``datapass_psc::strategies::request_draft()`` builds the
request from it, deterministically, so a Python back end property-tests its form handling with
the same requests a Rust one gets from the crate's ``proptest`` feature::

    from hypothesis import given
    from datapass_psc.testing import requests

    @given(requests())
    def test_my_form_accepts_valid_requests(request: dict) -> None:
        assert my_form_handler(request).ok

Shrinking works on the seed, not on the request's structure: a failing example is reported
as the request of the smallest failing seed Hypothesis finds.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from ._native import _generate_request

__all__ = ["requests"]

_SEEDS = st.integers(min_value=0, max_value=2**64 - 1)


def requests() -> st.SearchStrategy[dict[str, Any]]:
    """Valid request drafts, as people type them (spaced SIRETs, phones in every common format,
    uppercase emails, untrimmed text), as ``dict``: ``validate(request).valid`` is true for
    every one, and ``parse_request(request)`` gives its canonical form."""
    return _SEEDS.map(_generate_request)
