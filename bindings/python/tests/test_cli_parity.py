"""to_dict() equals the command line's ``--format json`` output for the same input: validate,
eligibility, lifecycle and import."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Optional

import pytest

import datapass_psc as d
from conftest import DATAPASS, LIFECYCLE, REQUESTS, Cli

REQUEST_FILES = sorted(p for p in REQUESTS.glob("*.json") if not p.name.endswith(".report.json"))
DATAPASS_FILES = sorted(DATAPASS.glob("*.json")) + sorted(
    p for p in (DATAPASS / "emitted").glob("*.json") if p.name != "manifest.json"
)


def relative(path: Path) -> str:
    return str(path.relative_to(REQUESTS.parents[1]))


@pytest.mark.parametrize("path", REQUEST_FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("rules", ["strict", "datapass"])
def test_validate(cli: Cli, path: Path, rules: str) -> None:
    exit_code, expected = cli("validate", relative(path), "--rules", rules)
    report = d.validate(path.read_bytes(), rules=rules)
    assert report.to_dict() == expected
    assert exit_code == (0 if report.valid else 1)


ANSWERS: list[Optional[bool]] = [None, True, False]


@pytest.mark.parametrize("requester", ["individual", "company", "public_administration", "software_editor"])
def test_eligibility(cli: Cli, requester: str) -> None:
    for french, web, health in itertools.product(ANSWERS, repeat=3):
        args = ["eligibility", "--requester", requester.replace("_", "-")]
        for flag, answer in (("--french", french), ("--web-solution", web), ("--health-professionals", health)):
            if answer is not None:
                args += [flag, str(answer).lower()]
        _, expected = cli(*args)
        decision = d.eligibility(requester, french=french, web_solution=web, health_professionals=health)
        assert decision.to_dict() == expected, args


def test_lifecycle(cli: Cli) -> None:
    path = LIFECYCLE / "d60501.json"
    exit_code, expected = cli("lifecycle", relative(path))
    assert exit_code == 0
    assert d.replay(path.read_bytes()).to_dict() == expected


def test_lifecycle_refusal(cli: Cli) -> None:
    path = LIFECYCLE / "archive-with-active-habilitation.json"
    exit_code, expected = cli("lifecycle", relative(path))
    assert exit_code == 1
    with pytest.raises(d.TransitionError) as raised:
        d.replay(path.read_bytes())
    assert {"error": raised.value.to_dict()} == expected


@pytest.mark.parametrize("path", DATAPASS_FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("check", [None, "strict", "datapass"])
def test_import(cli: Cli, path: Path, check: Optional[str]) -> None:
    args = ["import", relative(path)] + (["--check", check] if check else [])
    exit_code, expected = cli(*args)
    try:
        result = d.import_datapass(path.read_bytes(), check=check)
    except d.ValidationError as error:
        assert error.report.to_dict() == expected and exit_code == 1
        return
    items = result if isinstance(result, list) else [result]
    found = [i.to_dict() for i in items] if isinstance(result, list) else result.to_dict()
    assert found == expected
    assert exit_code == (0 if all(i.report.valid for i in items) else 1)
