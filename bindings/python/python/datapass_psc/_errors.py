"""The exceptions of datapass_psc: one hierarchy under :class:`DatapassPscError`.

Every refusal of the crate is a ``ValueError`` too, so that code written for the standard
library's conventions catches them.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any, Mapping

if TYPE_CHECKING:
    from ._native import Report

__all__ = [
    "DatapassPscError",
    "InvalidValue",
    "SignatureError",
    "TransitionError",
    "ValidationError",
]


class DatapassPscError(Exception):
    """The base of every exception of datapass_psc.

    Raised as such only for a bug of the package (a panic of the Rust code, caught before it
    reaches Python): please report it.
    """


class _Coded(DatapassPscError, ValueError):
    """A refusal with the crate's code, messages and parameters."""

    code: str
    message_fr: str
    message_en: str
    params: dict[str, Any]

    def __init__(
        self, code: str, message_fr: str, message_en: str, params: dict[str, Any]
    ) -> None:
        super().__init__(message_en)
        self.code = code
        self.message_fr = message_fr
        self.message_en = message_en
        self.params = params


class InvalidValue(_Coded):
    """An identifier the crate refuses (``Siret("732 829 320 00075")``).

    ``code`` is stable (``siret.checksum``), ``message_fr`` and ``message_en`` never quote
    the value, ``params`` holds data for writing one's own message (``{"index": 13}``).
    ``str(error)`` is the English message.
    """


class SignatureError(_Coded):
    """A webhook signature refused, before its body is read.

    ``code`` is one of ``webhook.signature_missing``, ``webhook.signature_algorithm``,
    ``webhook.signature_hex``, ``webhook.signature_length``, ``webhook.signature_mismatch``;
    ``message_fr``, ``message_en`` and ``params`` as for :class:`InvalidValue`.
    """


class ValidationError(DatapassPscError, ValueError):
    """A document that does not give what was asked: unreadable, or not a valid request.

    ``report`` holds every problem, as :func:`datapass_psc.validate` gives them.
    ``str(error)`` is the crate's summary, in English.
    """

    report: Report

    def __init__(self, report: Report) -> None:
        super().__init__(str(report))
        self.report = report


class TransitionError(DatapassPscError, ValueError):
    """An event of an event log refused while replaying it.

    ``code`` says why (``transition.not_allowed``…), ``index`` is the 0-based index of the
    refused event in the log's ``events``, ``state`` the request's state then and ``event`` the
    refused event. ``to_dict()`` is the command line's ``lifecycle --format json`` refusal
    (under its ``"error"`` key).
    """

    code: str
    index: int
    state: str
    event: str
    message_fr: str
    message_en: str
    params: dict[str, Any]

    def __init__(self, refusal: Mapping[str, Any]) -> None:
        self._refusal = dict(refusal)
        super().__init__(str(self._refusal.get("message_en", "")))
        self.code = str(self._refusal.get("code", ""))
        self.index = int(self._refusal.get("index", 0))
        self.state = str(self._refusal.get("state", ""))
        self.event = str(self._refusal.get("event", ""))
        self.message_fr = str(self._refusal.get("message_fr", ""))
        self.message_en = str(self._refusal.get("message_en", ""))
        self.params = dict(self._refusal.get("params", {}))

    def to_dict(self) -> dict[str, Any]:
        """The refusal as the crate writes it in JSON (a copy)."""
        return copy.deepcopy(self._refusal)


# Shown and pickled as the package's own names (`datapass_psc.ValidationError`).
for _class in (DatapassPscError, InvalidValue, SignatureError, ValidationError, TransitionError):
    _class.__module__ = "datapass_psc"
