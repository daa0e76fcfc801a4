"""Shared paths and the command-line tool the tests compare the package with."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any, Callable, Optional

import pytest

ROOT = Path(__file__).resolve().parents[3]
REQUESTS = ROOT / "examples" / "requests"
LIFECYCLE = ROOT / "examples" / "lifecycle"
DATAPASS = ROOT / "tests" / "fixtures" / "datapass"
EMITTED = DATAPASS / "emitted"
SAMPLE = REQUESTS / "hospiconnect.json"

Cli = Callable[..., tuple[int, Any]]


def sample() -> bytes:
    """The sample request's bytes."""
    return SAMPLE.read_bytes()


def sample_dict() -> dict[str, Any]:
    """The sample request, read by ``json``."""
    value: dict[str, Any] = json.loads(SAMPLE.read_text(encoding="utf-8"))
    return value


def _find_cli() -> Optional[str]:
    explicit = os.environ.get("DATAPASS_PSC_CLI")
    if explicit:
        return explicit
    targets = [ROOT / "target"]
    if os.environ.get("CARGO_TARGET_DIR"):
        targets.insert(0, Path(os.environ["CARGO_TARGET_DIR"]))
    for target in targets:
        for profile in ("debug", "release"):
            candidate = target / profile / "datapass-psc"
            if candidate.is_file():
                return str(candidate)
    return shutil.which("datapass-psc")


@pytest.fixture(scope="session")
def cli() -> Cli:
    """Runs the crate's command-line tool (feature ``cli``) with ``--format json`` and returns
    its exit code and its JSON output. ``DATAPASS_PSC_CLI`` names it; otherwise it is looked for
    in ``target/``. Without it the comparisons are skipped, except in CI (``CI`` set), where
    they fail."""
    path = _find_cli()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("the datapass-psc command-line tool is needed in CI (DATAPASS_PSC_CLI)")
        pytest.skip("build the command-line tool: cargo build --features cli")

    def run(*args: str) -> tuple[int, Any]:
        done = subprocess.run(
            [path, *args, "--format", "json"], capture_output=True, check=False, cwd=ROOT
        )
        return done.returncode, json.loads(done.stdout)

    return run
