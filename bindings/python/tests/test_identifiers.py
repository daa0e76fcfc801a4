"""Siren, Siret, Email, PhoneNumber, RetentionPeriod: the crate's vectors, canonical forms,
accessors, refusals, value semantics and masking."""

from __future__ import annotations

import copy
import pickle
from datetime import date
from typing import Any

import pytest

import datapass_psc as d


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("73282932000074", "73282932000074"),
        ("732 829 320 00074", "73282932000074"),
        ("732.829.320.00074", "73282932000074"),
        ("732\u00a0829\u00a0320\u00a000074", "73282932000074"),
        ("130 025 265 00013", "13002526500013"),
        ("356 000 000 00048", "35600000000048"),  # La Poste: digit sum a multiple of 5
    ],
)
def test_a_siret_keeps_its_canonical_form(typed: str, canonical: str) -> None:
    siret = d.Siret(typed)
    assert str(siret) == canonical
    assert siret == d.Siret(canonical) and hash(siret) == hash(d.Siret(canonical))
    assert str(siret.siren) == canonical[:9] and siret.nic == canonical[9:]
    assert isinstance(siret.siren, d.Siren)
    assert repr(siret) == f"Siret({canonical})"
    assert siret.grouped == f"{canonical[:3]} {canonical[3:6]} {canonical[6:9]} {canonical[9:]}"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("732 829 320 00075", "siret.checksum"),
        ("11122233344455", "siret.checksum"),  # DataPass accepts it: the SIREN key fails
        ("1234", "siret.length"),
        ("", "siret.empty"),
        ("7328293200007A", "siret.invalid_character"),
    ],
)
def test_a_siret_is_refused_with_the_crates_code(typed: str, code: str) -> None:
    with pytest.raises(d.InvalidValue) as raised:
        d.Siret(typed)
    error = raised.value
    assert isinstance(error, ValueError) and isinstance(error, d.DatapassPscError)
    assert error.code == code
    assert str(error) == error.message_en
    assert error.message_fr and error.message_fr != error.message_en
    assert isinstance(error.params, dict)
    assert typed == "" or typed not in error.message_fr + error.message_en
    if typed == "11122233344455":
        assert error.params == {"key": "siren"}


def test_a_siren() -> None:
    siren = d.Siren("732 829 320")
    assert (str(siren), siren.grouped, siren.is_la_poste) == ("732829320", "732 829 320", False)
    assert d.Siren("356000000").is_la_poste
    with pytest.raises(d.InvalidValue) as raised:
        d.Siren("732829321")
    assert raised.value.code == "siren.checksum"


@pytest.mark.parametrize(
    ("typed", "e164", "region", "mobile", "masked"),
    [
        ("06 12 34 56 78", "+33612345678", "FR", True, "+336******78"),
        ("01 99 00 12 34", "+33199001234", "FR", False, "+331******34"),
        ("0692 12 34 56", "+262692123456", "RE", True, "+2626******56"),
        ("+33 (0)6 12 34 56 78", "+33612345678", "FR", True, "+336******78"),
        ("+39 06 1234 5678", "+390612345678", "IT", False, "+390*******78"),
    ],
)
def test_a_phone_number_in_e164(typed: str, e164: str, region: str, mobile: bool, masked: str) -> None:
    phone = d.PhoneNumber(typed)
    assert str(phone) == e164
    assert (phone.region, phone.is_mobile, phone.masked) == (region, mobile, masked)
    assert repr(phone) == f"PhoneNumber({masked})"
    assert e164 not in repr(phone)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("06 12 34 56 78 poste 12", "phone.extension"),
        ("06 12 34 56", "phone.invalid"),
        ("abc", "phone.invalid"),
        ("", "phone.empty"),
    ],
)
def test_a_phone_number_is_refused(typed: str, code: str) -> None:
    with pytest.raises(d.InvalidValue) as raised:
        d.PhoneNumber(typed)
    assert raised.value.code == code


def test_an_email_is_lowercased_and_masked() -> None:
    email = d.Email(" Jean.Dupont@Exemple.FR ")
    assert str(email) == "jean.dupont@exemple.fr"
    assert (email.domain, email.masked) == ("exemple.fr", "j***@exemple.fr")
    assert repr(email) == "Email(j***@exemple.fr)"
    assert email == d.Email("jean.dupont@exemple.fr")
    for typed, code in [
        ("Jean <jean@exemple.fr>", "email.invalid"),
        ("a@b", "email.invalid"),
        ("  ", "email.empty"),
        ("jean..dupont@exemple.fr", "email.invalid"),
    ]:
        with pytest.raises(d.InvalidValue) as raised:
            d.Email(typed)
        assert raised.value.code == code, typed


def test_a_retention_period() -> None:
    period = d.RetentionPeriod(13)
    assert (period.months, int(period), str(period), repr(period)) == (13, 13, "13 months", "RetentionPeriod(13 months)")
    assert not period.requires_justification and d.RetentionPeriod(37).requires_justification
    assert period.deletion_date(date(2024, 1, 31)) == date(2025, 2, 28)
    assert d.RetentionPeriod(0).months == 0 and d.RetentionPeriod(1200).months == 1200
    for months in (-1, 1201, 10**30, -(10**30)):
        with pytest.raises(d.InvalidValue) as raised:
            d.RetentionPeriod(months)
        assert raised.value.code == "retention.out_of_range"
        assert raised.value.params["max"] == 1200


@pytest.mark.parametrize(
    ("cls", "value"),
    [
        (d.Siret, 73282932000074),
        (d.Siret, b"73282932000074"),
        (d.Email, None),
        (d.PhoneNumber, 612345678),
        (d.Siren, ["732829320"]),
        (d.RetentionPeriod, "12"),
        (d.RetentionPeriod, True),
        (d.RetentionPeriod, 12.0),
    ],
)
def test_a_wrong_python_type_is_a_type_error(cls: Any, value: Any) -> None:
    with pytest.raises(TypeError):
        cls(value)


def test_a_lone_surrogate_has_no_utf8_form() -> None:
    with pytest.raises(UnicodeEncodeError):
        d.Siret("7328293200007\ud800")


def test_identifiers_are_values() -> None:
    values: list[Any] = [
        d.Siret("73282932000074"),
        d.Siren("732829320"),
        d.Email("jean@exemple.fr"),
        d.PhoneNumber("0612345678"),
        d.RetentionPeriod(12),
    ]
    for value in values:
        assert pickle.loads(pickle.dumps(value)) == value
        assert copy.deepcopy(value) == value
        assert value != str(value)
        with pytest.raises(AttributeError):
            value.x = 1
    assert len({d.Siret("732 829 320 00074"), d.Siret("73282932000074")}) == 1
    assert d.Siren("732829320") != d.Siret("73282932000074")
    assert d.Siret("73282932000074").siren == d.Siren("732829320")
