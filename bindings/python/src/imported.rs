//! `Imported`: a DataPass document read as DataPass's truth.

use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use crate::core;
use crate::errors::check;
use crate::pyvalue::loads;
use crate::report::{Report, issue_list};

/// A DataPass document imported, as ``import --format json`` prints it: the kind of
/// document (``source``), the request it holds as a draft (``request``, ``None`` for an error
/// body, the ping, a history), its ``report`` (errors only for what DataPass itself refuses; the
/// crate's findings on what DataPass carries are warnings, each with its origin), what is
/// absent from the request (``to_complete``), and DataPass's ``facts`` (number, state,
/// reopening, habilitations, event…).
#[pyclass(module = "datapass_psc", frozen, eq)]
#[derive(PartialEq)]
pub struct Imported {
    inner: core::Imported,
}

impl Imported {
    /// Wraps the crate's import.
    pub fn new(inner: core::Imported) -> Self {
        Self { inner }
    }
}

#[pymethods]
impl Imported {
    /// The kind of document (``v2_demande``, ``v2_webhook``, ``v2_errors``…).
    #[getter]
    fn source(&self) -> &'static str {
        self.inner.source()
    }

    /// The request the document holds, as a draft (what DataPass carries, nothing invented), or
    /// ``None``.
    #[getter]
    fn request<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        check(py, self.inner.request())?
            .map(|text| loads(py, &text))
            .transpose()
    }

    /// The report: errors only for DataPass's own refusals (an error body, a body DataPass
    /// would refuse) or a failed ``check``; warnings for the crate's findings.
    #[getter]
    fn report(&self) -> Report {
        Report::new(self.inner.report())
    }

    /// What is absent from the request, as the issues a validation gives for it.
    #[getter]
    fn to_complete<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        issue_list(py, self.inner.to_complete())
    }

    /// DataPass's facts: ``request_number``, ``state``, ``reopening``, ``habilitations``,
    /// ``event``, ``ping``… each present when the document says it.
    #[getter]
    fn facts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        loads(py, &check(py, self.inner.facts())?)
    }

    /// ``{"source", "request", "report", "to_complete", "datapass"}``, as
    /// ``import --format json`` prints it.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        loads(py, &check(py, self.inner.to_json())?)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let report = self.inner.report();
        Ok(format!(
            "Imported(source={}, valid={})",
            PyString::new(py, self.inner.source()).repr()?,
            if report.is_valid() { "True" } else { "False" }
        ))
    }
}
