//! The module's functions. Each reads its arguments, calls [`core`] — without the GIL when it
//! reads a document, so that threads of a Python server validate in parallel — and wraps the
//! result.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::core::{self, Import};
use crate::document;
use crate::errors::check;
use crate::imported::Imported;
use crate::pyvalue::loads;
use crate::report::Report;
use crate::results::{Decision, Record};

/// Validates a request (``bytes``, ``str``, or a ``dict`` read as its JSON) with the rule set
/// ``rules``: ``"strict"`` (every rule of the crate, DataPass's included) or ``"datapass"``
/// (only DataPass's rules are errors; the others are warnings). Every problem at once.
#[pyfunction]
#[pyo3(
    signature = (document, *, rules = "strict".to_owned()),
    text_signature = "(document, *, rules='strict')"
)]
pub fn validate(py: Python<'_>, document: &Bound<'_, PyAny>, rules: String) -> PyResult<Report> {
    let document = document::read(document)?;
    let bytes = document.bytes();
    let report = py.detach(|| core::validate(bytes, &rules));
    Ok(Report::new(check(py, report)?))
}

/// Validates one step of DataPass's wizard (``basic_infos``, ``legal``, ``scopes``,
/// ``personal_data``, ``contacts``, ``finish``) without complaining about the others.
#[pyfunction]
#[pyo3(
    signature = (document, step, *, rules = "strict".to_owned()),
    text_signature = "(document, step, *, rules='strict')"
)]
pub fn validate_step(
    py: Python<'_>,
    document: &Bound<'_, PyAny>,
    step: String,
    rules: String,
) -> PyResult<Report> {
    let document = document::read(document)?;
    let bytes = document.bytes();
    let report = py.detach(|| core::validate_step(bytes, &step, &rules));
    Ok(Report::new(check(py, report)?))
}

/// The valid request in canonical form (texts trimmed, SIRET as 14 digits, emails in
/// lowercase, phones in E.164, scopes sorted, every key present); raises ``ValidationError``
/// with the report when the request is not valid (strict rules).
#[pyfunction]
pub fn parse_request<'py>(
    py: Python<'py>,
    document: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let document = document::read(document)?;
    let bytes = document.bytes();
    let request = py.detach(|| core::parse_request(bytes));
    loads(py, &check(py, request)?)
}

/// The body of DataPass's ``POST /demandes`` for a valid request (``patch=True``: of
/// ``PATCH /demandes/{id}``), with only the keys DataPass permits; raises ``ValidationError``
/// when the request is not valid.
#[pyfunction]
#[pyo3(signature = (request, *, patch = false))]
pub fn export_datapass<'py>(
    py: Python<'py>,
    request: &Bound<'py, PyAny>,
    patch: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let document = document::read(request)?;
    let bytes = document.bytes();
    let body = py.detach(|| core::export_datapass(bytes, patch));
    loads(py, &check(py, body)?)
}

/// Replays an event log (``{"request_number", "request"?, "events"}``) into a record; raises
/// ``TransitionError`` at the first refused event, ``ValidationError`` for an unreadable log.
#[pyfunction]
pub fn replay(py: Python<'_>, event_log: &Bound<'_, PyAny>) -> PyResult<Record> {
    let document = document::read(event_log)?;
    let bytes = document.bytes();
    let record = py.detach(|| core::replay(bytes));
    Record::parse(py, &check(py, record)?)
}

/// Reads a DataPass document — a demande, the list of demandes (giving a list), a history, a
/// habilitation, a webhook body or its ping, an error body, a ``POST`` or ``PATCH`` body, a v1
/// enrollment or webhook — recognised by its shape or of the kind ``source``
/// (``"v2_demande"``…); ``check`` (``"strict"`` or ``"datapass"``) also validates the request
/// it holds, missing values included. Raises ``ValidationError`` for a document it cannot read.
#[pyfunction]
#[pyo3(signature = (document, *, source = None, check = None))]
pub fn import_datapass<'py>(
    py: Python<'py>,
    document: &Bound<'py, PyAny>,
    source: Option<String>,
    check: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let document = document::read(document)?;
    let bytes = document.bytes();
    let import = py.detach(|| core::import_datapass(bytes, source.as_deref(), check.as_deref()));
    imported(py, crate::errors::check(py, import)?)
}

fn imported(py: Python<'_>, import: Import) -> PyResult<Bound<'_, PyAny>> {
    Ok(match import {
        Import::One(one) => Bound::new(py, Imported::new(one))?.into_any(),
        Import::List(list) => {
            let items = PyList::empty(py);
            for one in list {
                items.append(Imported::new(one))?;
            }
            items.into_any()
        }
    })
}

/// Checks a DataPass webhook call: ``header`` is its ``X-Hub-Signature-256``, ``body`` the raw
/// bytes received. Returns ``None``; raises ``SignatureError`` when the signature is refused.
#[pyfunction]
pub fn verify_signature(
    py: Python<'_>,
    secret: &Bound<'_, PyAny>,
    body: &Bound<'_, PyAny>,
    header: String,
) -> PyResult<()> {
    let secret = document::raw(secret, "secret")?;
    let body = document::raw(body, "body")?;
    let (secret, body) = (secret.bytes(), body.bytes());
    let verified = py.detach(|| core::verify_signature(secret, body, &header));
    check(py, verified)
}

/// Verifies a DataPass v2 webhook call's signature, then imports its body (``source`` is
/// ``v2_webhook``): the event or the ping, with DataPass's facts.
#[pyfunction]
pub fn webhook(
    py: Python<'_>,
    secret: &Bound<'_, PyAny>,
    body: &Bound<'_, PyAny>,
    header: String,
) -> PyResult<Imported> {
    let secret = document::raw(secret, "secret")?;
    let body = document::raw(body, "body")?;
    let (secret, body) = (secret.bytes(), body.bytes());
    let imported = py.detach(|| core::webhook(secret, body, &header));
    Ok(Imported::new(check(py, imported)?))
}

/// Decides eligibility from the « Qui êtes-vous ? » answers: ``requester`` is ``individual``,
/// ``company``, ``public_administration`` or ``software_editor``; for a company or an editor,
/// each condition is ``True``, ``False`` or ``None`` (not answered).
#[pyfunction]
#[pyo3(signature = (requester, *, french = None, web_solution = None, health_professionals = None))]
pub fn eligibility(
    py: Python<'_>,
    requester: String,
    french: Option<bool>,
    web_solution: Option<bool>,
    health_professionals: Option<bool>,
) -> PyResult<Decision> {
    let decision = core::eligibility(&requester, french, web_solution, health_professionals);
    Decision::parse(py, &check(py, decision)?)
}

/// Every JSON Schema the crate exports (draft 2020-12), by file name
/// (``request.schema.json``…), the complete request first.
#[pyfunction]
pub fn schemas(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let dict = PyDict::new(py);
    for (name, schema) in check(py, core::schemas())? {
        dict.set_item(name, loads(py, &schema)?)?;
    }
    Ok(dict)
}

/// A valid request draft drawn by the crate's proptest strategy from ``seed`` (the same seed
/// gives the same draft), as a person types it. For ``datapass_psc.testing``.
#[pyfunction]
pub fn _generate_request(py: Python<'_>, seed: u64) -> PyResult<Bound<'_, PyAny>> {
    loads(py, &check(py, core::generate_request(seed))?)
}

/// Panics inside the crate's guard, so that the tests can check that a panic reaches Python as
/// ``DatapassPscError``, never as a ``BaseException``.
#[pyfunction]
pub fn _panic_for_tests(py: Python<'_>) -> PyResult<()> {
    check(
        py,
        core::guard(|| -> Result<(), core::Failure> {
            #[allow(clippy::panic)]
            {
                panic!("a panic raised on purpose by _panic_for_tests")
            }
        }),
    )
}
