"""The README's Python examples run as written, with the output shown there."""

from __future__ import annotations

import doctest
import re

import pytest

from conftest import ROOT

README = ROOT / "README.md"


def examples() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```pycon\n(.*?)```", section, flags=re.S)


def test_the_python_section_has_examples() -> None:
    assert len(examples()) >= 4
    assert "pip install ./bindings/python" in README.read_text(encoding="utf-8")


def test_the_readme_examples_give_their_output(monkeypatch: pytest.MonkeyPatch) -> None:
    # One session, as a reader would type them: each block uses the names of the ones before.
    monkeypatch.chdir(ROOT)
    text = "\n".join(examples())
    test = doctest.DocTestParser().get_doctest(text, {}, "README (Python)", str(README), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted >= 20 and result.failed == 0
