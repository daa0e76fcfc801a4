"""datapass_psc: authorization requests (« demandes d'habilitation ») to API Pro Santé Connect,
filed on DataPass, checked by the datapass-psc Rust crate.

- :func:`validate` and :func:`validate_step` give a :class:`Report` of every problem at once;
  :func:`parse_request` gives the valid request in canonical form.
- :class:`Siren`, :class:`Siret`, :class:`Email`, :class:`PhoneNumber` and
  :class:`RetentionPeriod` are the validated identifiers.
- :func:`eligibility` answers « Qui êtes-vous ? »; :func:`replay` folds an event log into a
  :class:`Record`.
- :func:`import_datapass`, :func:`export_datapass`, :func:`verify_signature` and
  :func:`webhook` talk to DataPass; :func:`schemas` gives the JSON Schemas.

Every rule is the crate's: this package only converts. Exceptions derive from
:class:`DatapassPscError`. ``datapass_psc.testing`` (extra ``testing``) has a Hypothesis strategy
of valid requests.
"""

from importlib.metadata import PackageNotFoundError, version

from ._errors import (
    DatapassPscError,
    InvalidValue,
    SignatureError,
    TransitionError,
    ValidationError,
)
from ._native import (
    Decision,
    Email,
    Habilitation,
    HistoryEntry,
    Imported,
    Issue,
    Item,
    PhoneNumber,
    Record,
    Report,
    RetentionPeriod,
    Siren,
    Siret,
    eligibility,
    export_datapass,
    import_datapass,
    parse_request,
    replay,
    schemas,
    validate,
    validate_step,
    verify_signature,
    webhook,
)

try:
    __version__ = version("datapass-psc")
except PackageNotFoundError:  # pragma: no cover - run from a source tree
    __version__ = "unknown"

__all__ = [
    "DatapassPscError",
    "Decision",
    "Email",
    "Habilitation",
    "HistoryEntry",
    "Imported",
    "InvalidValue",
    "Issue",
    "Item",
    "PhoneNumber",
    "Record",
    "Report",
    "RetentionPeriod",
    "SignatureError",
    "Siren",
    "Siret",
    "TransitionError",
    "ValidationError",
    "eligibility",
    "export_datapass",
    "import_datapass",
    "parse_request",
    "replay",
    "schemas",
    "validate",
    "validate_step",
    "verify_signature",
    "webhook",
]
