"""eligibility: the « Qui êtes-vous ? » table of the crate's module documentation."""

from __future__ import annotations

from typing import Optional

import pytest

import datapass_psc as d

CONDITIONS = ["french_organisation", "offers_web_solution", "addressed_to_health_professionals"]


@pytest.mark.parametrize(
    ("requester", "answers", "outcome", "unmet"),
    [
        ("individual", (True, True, True), "not_eligible", []),
        ("public_administration", (False, None, None), "eligible", []),
        ("company", (True, True, True), "eligible", []),
        ("software_editor", (True, False, None), "not_eligible", ["offers_web_solution"]),
        ("company", (None, True, None), "maybe_eligible", [CONDITIONS[0], CONDITIONS[2]]),
        ("company", (None, None, None), "maybe_eligible", CONDITIONS),
    ],
)
def test_the_decision_table(
    requester: str,
    answers: tuple[Optional[bool], Optional[bool], Optional[bool]],
    outcome: str,
    unmet: list[str],
) -> None:
    french, web, health = answers
    decision = d.eligibility(requester, french=french, web_solution=web, health_professionals=health)
    assert decision.requester == requester
    assert decision.outcome == outcome
    assert [c.code for c in decision.unmet_conditions] == unmet
    can_apply = outcome != "not_eligible"
    assert len(decision.needed) == (5 if can_apply else 0)
    assert (decision.needed_intro_fr is not None) == can_apply
    assert (decision.needed_intro_en is not None) == can_apply


def test_the_texts_in_french_and_english() -> None:
    decision = d.eligibility("company", web_solution=False)
    assert decision.heading_en == "Sorry, you are not eligible 🚫"
    assert decision.heading_fr.startswith("Désolé")
    assert decision.message_en.startswith("Only French software editors")
    condition = decision.unmet_conditions[0]
    assert (condition.code, condition.text_fr, condition.text_en) == (
        "offers_web_solution",
        "proposer une solution web",
        "offer a web solution",
    )
    assert repr(condition) == "Item(code='offers_web_solution')"
    assert repr(decision) == "Decision(outcome='not_eligible')"
    maybe = d.eligibility("company", french=True, web_solution=True)
    assert maybe.heading_fr == "Vous êtes peut-être éligible 🧐"


def test_a_decision_is_a_value_and_its_dict_is_a_copy() -> None:
    decision = d.eligibility("software_editor")
    assert decision == d.eligibility("software_editor")
    assert decision != d.eligibility("company")
    data = decision.to_dict()
    assert data["outcome"] == "maybe_eligible"
    assert [c["code"] for c in data["unmet_conditions"]] == CONDITIONS
    data["outcome"] = "eligible"
    data["needed"].clear()
    assert decision.to_dict()["outcome"] == "maybe_eligible" and decision.needed
    assert decision.unmet_conditions[0].to_dict() == data["unmet_conditions"][0]


def test_an_unknown_requester_or_a_wrong_answer_type() -> None:
    with pytest.raises(ValueError, match="software_editor"):
        d.eligibility("editor")
    with pytest.raises(TypeError):
        d.eligibility("company", french="yes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        d.eligibility("company", True)  # type: ignore[call-arg]
