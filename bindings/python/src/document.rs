//! A document as Python passes it — `bytes`, `bytearray`, `str`, or a `dict` or `list` of JSON
//! values — as the bytes the crate reads.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyString, PyTuple};

use crate::json_writer;

/// The bytes of a document: borrowed from an immutable `bytes` object, or written here.
pub enum Document<'py> {
    /// A `bytes` object (also what a `str` encodes to): read in place.
    Shared(Bound<'py, PyBytes>),
    /// A copy (`bytearray`, which may change) or a `dict`'s JSON text.
    Owned(Vec<u8>),
}

impl Document<'_> {
    /// The bytes to read.
    pub fn bytes(&self) -> &[u8] {
        match self {
            Self::Shared(bytes) => bytes.as_bytes(),
            Self::Owned(bytes) => bytes,
        }
    }
}

/// Reads `document`:
/// - `bytes` as they are (no copy), `bytearray` copied;
/// - `str` as its UTF-8 encoding (`surrogatepass`: a lone surrogate gives invalid UTF-8, which
///   the crate refuses as `json.syntax`);
/// - a `dict`, `list` or `tuple` as its JSON text ([`json_writer`]).
///
/// Anything else is a `TypeError`.
pub fn read<'py>(document: &Bound<'py, PyAny>) -> PyResult<Document<'py>> {
    if let Ok(bytes) = document.cast::<PyBytes>() {
        Ok(Document::Shared(bytes.clone()))
    } else if let Ok(s) = document.cast::<PyString>() {
        Ok(Document::Shared(json_writer::utf8(s)?))
    } else if let Ok(array) = document.cast::<PyByteArray>() {
        Ok(Document::Owned(array.to_vec()))
    } else if document.cast::<PyDict>().is_ok()
        || document.cast::<PyList>().is_ok()
        || document.cast::<PyTuple>().is_ok()
    {
        Ok(Document::Owned(json_writer::write(document)?))
    } else {
        Err(PyTypeError::new_err(format!(
            "a document is bytes, str, or a dict or list of JSON values, not {}",
            document.get_type().name()?
        )))
    }
}

/// Reads raw bytes (a webhook's secret or body, signed as received): `bytes` or `bytearray`.
pub fn raw<'py>(value: &Bound<'py, PyAny>, what: &str) -> PyResult<Document<'py>> {
    if let Ok(bytes) = value.cast::<PyBytes>() {
        Ok(Document::Shared(bytes.clone()))
    } else if let Ok(array) = value.cast::<PyByteArray>() {
        Ok(Document::Owned(array.to_vec()))
    } else {
        Err(PyTypeError::new_err(format!(
            "{what} must be bytes, not {}",
            value.get_type().name()?
        )))
    }
}
