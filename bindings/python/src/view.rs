//! [`View`]: a result read from the crate's JSON (`json.loads` of its text), whose attributes
//! are that JSON's members and whose `to_dict()` is a copy of it.

use chrono::{DateTime, Utc};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList};

use crate::pyvalue::loads;

static DEEPCOPY: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// A JSON object of the crate's output, kept as the dict `json.loads` gives (keys in the
/// crate's order), private to the object that holds it.
pub struct View {
    dict: Py<PyDict>,
}

impl View {
    /// The view of the JSON object `text`.
    pub fn parse(py: Python<'_>, text: &str) -> PyResult<Self> {
        Self::of(&loads(py, text)?)
    }

    /// The view of a dict of the crate's output (taken as it is: the caller gives up its own).
    pub fn of(value: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(Self {
            dict: value.cast::<PyDict>()?.clone().unbind(),
        })
    }

    /// Member `key`.
    pub fn get<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyAny>> {
        self.dict
            .bind(py)
            .get_item(key)?
            .ok_or_else(|| PyValueError::new_err(format!("the crate's output has no {key:?}")))
    }

    /// Member `key`, a string.
    pub fn str(&self, py: Python<'_>, key: &str) -> PyResult<String> {
        self.get(py, key)?.extract()
    }

    /// Member `key`, a string or `null` (or absent).
    pub fn opt_str(&self, py: Python<'_>, key: &str) -> PyResult<Option<String>> {
        match self.dict.bind(py).get_item(key)? {
            Some(value) => value.extract(),
            None => Ok(None),
        }
    }

    /// Member `key`, a time (RFC 3339) as an aware `datetime` in UTC.
    pub fn time(&self, py: Python<'_>, key: &str) -> PyResult<DateTime<Utc>> {
        let text = self.str(py, key)?;
        DateTime::parse_from_rfc3339(&text)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|e| PyValueError::new_err(format!("{key}: {e}")))
    }

    /// Member `key`, a list of objects, each as a view.
    pub fn views(&self, py: Python<'_>, key: &str) -> PyResult<Vec<View>> {
        let list = self.get(py, key)?;
        list.cast::<PyList>()?
            .iter()
            .map(|item| View::of(&item))
            .collect()
    }

    /// A deep copy of the dict: what `to_dict()` returns, so that the caller may change it.
    pub fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        DEEPCOPY
            .import(py, "copy", "deepcopy")?
            .call1((self.dict.bind(py),))
    }

    /// Whether two views hold equal dicts.
    pub fn eq(&self, py: Python<'_>, other: &View) -> PyResult<bool> {
        self.dict.bind(py).eq(other.dict.bind(py))
    }
}
