//! The crate's refusals as Python exceptions, from the hierarchy of `datapass_psc._errors`
//! (`DatapassPscError` and its subclasses, defined in Python).

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyAny;

use crate::core::{Failure, Problem};
use crate::pyvalue::loads;
use crate::report::Report;

/// The module that defines the exceptions.
const MODULE: &str = "datapass_psc._errors";

static BASE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static INVALID_VALUE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static VALIDATION_ERROR: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static TRANSITION_ERROR: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static SIGNATURE_ERROR: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// An instance of `class` built from `args`, as the error to raise.
fn raise<'py>(
    py: Python<'py>,
    class: &PyOnceLock<Py<PyAny>>,
    name: &str,
    args: impl pyo3::call::PyCallArgs<'py>,
) -> PyErr {
    match class.import(py, MODULE, name).and_then(|c| c.call1(args)) {
        Ok(instance) => PyErr::from_value(instance),
        Err(e) => e,
    }
}

fn problem(py: Python<'_>, class: &PyOnceLock<Py<PyAny>>, name: &str, p: Problem) -> PyErr {
    match loads(py, &p.params) {
        Ok(params) => raise(
            py,
            class,
            name,
            (p.code, p.message_fr, p.message_en, params),
        ),
        Err(e) => e,
    }
}

/// The Python exception for `failure`:
/// - an argument outside its vocabulary: `ValueError` with the crate's message;
/// - an identifier refused: `InvalidValue`;
/// - a document that does not give what was asked: `ValidationError`, with its report;
/// - a refused event: `TransitionError`;
/// - a refused webhook signature: `SignatureError`;
/// - a bug (a panic caught): `DatapassPscError`, never a `BaseException`.
pub fn to_py_err(py: Python<'_>, failure: Failure) -> PyErr {
    match failure {
        Failure::Argument(message) => PyValueError::new_err(message),
        Failure::Invalid(p) => problem(py, &INVALID_VALUE, "InvalidValue", p),
        Failure::Signature(p) => problem(py, &SIGNATURE_ERROR, "SignatureError", p),
        Failure::Report(report) => match Bound::new(py, Report::new(report)) {
            Ok(report) => raise(py, &VALIDATION_ERROR, "ValidationError", (report,)),
            Err(e) => e,
        },
        Failure::Refused(json) => match loads(py, &json) {
            Ok(refusal) => raise(py, &TRANSITION_ERROR, "TransitionError", (refusal,)),
            Err(e) => e,
        },
        Failure::Bug(message) => raise(
            py,
            &BASE,
            "DatapassPscError",
            (format!(
                "internal error of datapass-psc (a bug: please report it): {message}"
            ),),
        ),
    }
}

/// `result`, its failure turned into the Python exception ([`to_py_err`]).
pub fn check<T>(py: Python<'_>, result: Result<T, Failure>) -> PyResult<T> {
    result.map_err(|failure| to_py_err(py, failure))
}
