"""replay: event logs folded into records; refused events; unreadable logs."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

import pytest

import datapass_psc as d
from conftest import LIFECYCLE, sample_dict


def at(day: int, hour: int = 9) -> str:
    return f"2024-04-{day:02}T{hour:02}:00:00Z"


def log(*events: dict[str, Any]) -> dict[str, Any]:
    return {"request_number": "D60501", "request": sample_dict(), "events": list(events)}


def test_the_example_log_replays_into_its_record() -> None:
    record = d.replay((LIFECYCLE / "d60501.json").read_bytes())
    assert (record.request_number, record.psc_connection_reference) == ("D60501", "D60501")
    assert (record.state, record.state_fr, record.reopening) == ("validated", "Validée", False)
    assert [(h.number, h.state) for h in record.habilitations] == [("H60501", "obsolete"), ("H118386", "active")]
    active = record.habilitations[1]
    assert active.created_at == datetime(2024, 6, 19, 9, 0, tzinfo=timezone.utc)
    assert active.title_fr == "Habilitation H118386 du 19/06/2024"
    assert [e.event for e in record.history] == ["submit", "approve", "reopen", "update", "submit", "approve"]
    approve = record.history[1]
    assert (approve.actor, approve.habilitation_number) == ("instructor", "H60501")
    assert approve.at == datetime(2024, 4, 30, 12, 20, 5, tzinfo=timezone.utc)
    assert approve.summary_fr.startswith("L'instructeur a approuvé la demande.")
    assert approve.summary_en.startswith("The instructor approved the request.")
    assert record.history[0].reason is None and record.history[0].message is None
    assert repr(record) == "Record(request_number='D60501', state='validated')"
    assert repr(active) == "Habilitation(number='H118386', state='active')"
    assert repr(approve) == "HistoryEntry(event='approve', actor='instructor')"


def test_a_log_in_every_form_gives_the_same_record() -> None:
    events = log(
        {"at": at(15), "actor": "applicant", "event": "submit"},
        {"at": at(30), "actor": "instructor", "event": "request_changes", "reason": " Précisez le cadre "},
    )
    record = d.replay(events)
    assert record == d.replay(json.dumps(events)) == d.replay(json.dumps(events).encode())
    assert record.state == "changes_requested"
    assert record.history[1].reason == "Précisez le cadre"
    assert record.habilitations == []
    data = record.to_dict()
    data["history"].clear()
    assert len(record.to_dict()["history"]) == 2


def test_a_refused_event_raises_a_transition_error() -> None:
    with pytest.raises(d.TransitionError) as raised:
        d.replay((LIFECYCLE / "archive-with-active-habilitation.json").read_bytes())
    error = raised.value
    assert isinstance(error, ValueError) and isinstance(error, d.DatapassPscError)
    assert (error.code, error.index, error.state, error.event) == ("transition.not_allowed", 2, "validated", "archive")
    assert str(error) == error.message_en and "event #3 of the log" in error.message_en
    assert error.params["index"] == 2
    assert error.to_dict() == {
        "code": error.code,
        "index": 2,
        "state": "validated",
        "event": "archive",
        "message_fr": error.message_fr,
        "message_en": error.message_en,
        "params": error.params,
    }


@pytest.mark.parametrize(
    ("events", "code", "index"),
    [
        ([{"at": at(15), "actor": "applicant", "event": "submit"}, {"at": at(14), "actor": "instructor", "event": "approve", "habilitation_number": "H1"}], "transition.time_went_backwards", 1),
        ([{"at": at(15), "actor": "instructor", "event": "submit"}], "transition.forbidden_actor", 0),
        ([{"at": at(15), "actor": "applicant", "event": "submit"}, {"at": at(16), "actor": "instructor", "event": "refuse"}], "transition.reason_required", 1),
    ],
)
def test_each_refusal_has_its_code_and_index(events: list[dict[str, Any]], code: str, index: int) -> None:
    with pytest.raises(d.TransitionError) as raised:
        d.replay(log(*events))
    assert (raised.value.code, raised.value.index) == (code, index)


def test_an_unreadable_log_raises_a_validation_error() -> None:
    with pytest.raises(d.ValidationError) as raised:
        d.replay({"request_number": "D60501", "events": [{"at": "yesterday", "actor": "applicant", "event": "submit"}]})
    issue = raised.value.report.errors[0]
    assert (issue.code, issue.path) == ("event_log.invalid", "/events/0/at")
    with pytest.raises(d.ValidationError) as raised:
        d.replay(b"{\"request_number\": ")
    assert raised.value.report.errors[0].code == "json.syntax"
