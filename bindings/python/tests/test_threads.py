"""Validation releases the GIL: another Python thread runs while the crate validates."""

from __future__ import annotations

import json
import sys
import threading
import time
from typing import Any, Callable

import pytest

import datapass_psc as d
from conftest import DATAPASS, sample_dict


def slow_request() -> bytes:
    """A request of about 1 MB (35,000 recipients): a few milliseconds of validation."""
    request = sample_dict()
    request["personal_data"]["recipients"] = [f"Équipe support n°{i}" for i in range(35_000)]
    return json.dumps(request, ensure_ascii=False).encode()


def progress_while(work: Callable[[], Any]) -> int:
    """How many times this thread runs Python code while another runs `work` 10 times.

    The switch interval is set so long that a thread holding the GIL keeps it until it
    releases it itself: this thread then runs only while the other thread is inside a call
    that released the GIL.
    """
    done = threading.Event()

    def worker() -> None:
        for _ in range(10):
            work()
        done.set()

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1000.0)
    try:
        thread = threading.Thread(target=worker)
        thread.start()
        steps = 0
        while not done.is_set():
            steps += 1
            time.sleep(0)  # lets the worker take the GIL when it wants it
        thread.join()
    finally:
        sys.setswitchinterval(interval)
    return steps


@pytest.mark.parametrize(
    "name",
    ["validate", "validate_step", "parse_request", "import_datapass", "verify_signature"],
)
def test_reading_a_document_releases_the_gil(name: str) -> None:
    document = slow_request()
    calls: dict[str, Callable[[], Any]] = {
        "validate": lambda: d.validate(document),
        "validate_step": lambda: d.validate_step(document, "personal_data"),
        "parse_request": lambda: pytest.raises(d.ValidationError, d.parse_request, document),
        "import_datapass": lambda: pytest.raises(d.ValidationError, d.import_datapass, document),
        "verify_signature": lambda: pytest.raises(
            d.SignatureError, d.verify_signature, b"s", document, "sha256=" + "0" * 64
        ),
    }
    assert progress_while(calls[name]) > 100


def test_the_measure_sees_a_call_that_keeps_the_gil() -> None:
    # Control: a pure-Python workload of the same kind keeps the GIL, so the measure above
    # would fail for a call that did not release it.
    def busy() -> None:
        end = time.perf_counter() + 0.003
        while time.perf_counter() < end:
            pass

    assert progress_while(busy) < 30


def test_threads_give_the_same_reports() -> None:
    documents = [p.read_bytes() for p in sorted(DATAPASS.glob("*.json"))]
    expected = [d.validate(doc).to_dict() for doc in documents]
    found: list[list[Any]] = []

    def run() -> None:
        found.append([d.validate(doc).to_dict() for doc in documents for _ in range(20)][::20])

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert found == [expected] * 4
