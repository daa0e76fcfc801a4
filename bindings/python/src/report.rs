//! `Report` and `Issue`: the crate's validation report, turned into Python objects only for
//! what is read (`valid` alone builds nothing).

use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use crate::core;
use crate::errors::check;
use crate::pyvalue::loads;

/// A validation report: every problem at once.
///
/// ``valid`` is true when there is no error (warnings allowed). ``errors`` and ``warnings``
/// list :class:`Issue` objects in the field order of the wire format. ``to_dict()`` is the
/// command line's ``validate --format json`` output. ``str(report)`` is the crate's one-line
/// summary, in English.
#[pyclass(module = "datapass_psc", frozen, eq)]
#[derive(PartialEq)]
pub struct Report {
    inner: core::Report,
}

impl Report {
    /// Wraps the crate's report.
    pub fn new(inner: core::Report) -> Self {
        Self { inner }
    }
}

/// `issues` as a Python list of `Issue`.
pub fn issue_list(
    py: Python<'_>,
    issues: impl ExactSizeIterator<Item = core::Issue>,
) -> PyResult<Bound<'_, PyList>> {
    let list = PyList::empty(py);
    for inner in issues {
        list.append(Issue { inner })?;
    }
    Ok(list)
}

#[pymethods]
impl Report {
    /// Whether the report holds no error (warnings allowed).
    #[getter]
    fn valid(&self) -> bool {
        self.inner.is_valid()
    }

    /// The errors, in the field order of the wire format.
    #[getter]
    fn errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        issue_list(py, self.inner.errors())
    }

    /// The warnings, in the field order of the wire format.
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        issue_list(py, self.inner.warnings())
    }

    /// ``{"valid", "errors", "warnings"}``, as ``validate --format json`` prints it.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        loads(py, &check(py, self.inner.to_json())?)
    }

    fn __str__(&self) -> String {
        self.inner.summary()
    }

    fn __repr__(&self) -> String {
        format!(
            "Report(valid={}, errors={}, warnings={})",
            if self.inner.is_valid() {
                "True"
            } else {
                "False"
            },
            self.inner.error_count(),
            self.inner.warning_count()
        )
    }
}

/// One problem: a stable ``code``, the JSON Pointer ``path`` of the field (``""`` for the
/// whole document), ``message_fr`` and ``message_en`` (which never quote a value), ``params``
/// (data for writing one's own message) and ``origin``: whose rule it is (``datapass``,
/// ``psc_form``, ``strict`` or ``format``).
#[pyclass(module = "datapass_psc", frozen, eq)]
#[derive(PartialEq)]
pub struct Issue {
    inner: core::Issue,
}

#[pymethods]
impl Issue {
    /// The stable code (``siret.checksum``).
    #[getter]
    fn code(&self) -> &'static str {
        self.inner.code()
    }

    /// The JSON Pointer of the field (``/organization/siret``); ``""`` for the document.
    #[getter]
    fn path(&self) -> &str {
        self.inner.path()
    }

    /// The message in French.
    #[getter]
    fn message_fr(&self) -> &str {
        self.inner.message_fr()
    }

    /// The message in English.
    #[getter]
    fn message_en(&self) -> &str {
        self.inner.message_en()
    }

    /// Data for writing one's own message (``{"max": 100, "found": 101}``).
    #[getter]
    fn params<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        loads(py, &check(py, self.inner.params())?)
    }

    /// Whose rule it is: ``datapass``, ``psc_form``, ``strict`` or ``format``.
    #[getter]
    fn origin(&self) -> &'static str {
        self.inner.origin()
    }

    /// The issue as the crate writes it in JSON.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        loads(py, &check(py, self.inner.to_json())?)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Issue(code={}, path={}, origin={})",
            PyString::new(py, self.inner.code()).repr()?,
            PyString::new(py, self.inner.path()).repr()?,
            PyString::new(py, self.inner.origin()).repr()?,
        ))
    }
}
