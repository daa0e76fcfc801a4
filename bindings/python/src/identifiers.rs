//! `Siren`, `Siret`, `Email`, `PhoneNumber`, `RetentionPeriod`: the crate's identifiers as
//! Python value types. `str(x)` is the canonical form; `==` and `hash` go by it; `repr` is the
//! crate's `Debug`, which masks personal data.

use chrono::NaiveDate;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyInt, PyString, PyTuple, PyType};

use crate::core;
use crate::errors::check;

/// The text of an identifier's constructor argument: a `str`, else a `TypeError`. A lone
/// surrogate has no UTF-8 form: Python's `UnicodeEncodeError` (a `ValueError`).
fn text(value: &Bound<'_, PyAny>, class: &str) -> PyResult<String> {
    match value.cast::<PyString>() {
        Ok(s) => Ok(s.to_cow()?.into_owned()),
        Err(_) => Err(PyTypeError::new_err(format!(
            "{class}() takes a str, not {}",
            value.get_type().name()?
        ))),
    }
}

/// `(type(self), (argument,))`: what `pickle` and `copy` need.
fn reduce<'py>(
    slf: &Bound<'py, PyAny>,
    argument: impl IntoPyObject<'py>,
) -> PyResult<Bound<'py, PyTuple>> {
    let class: Bound<'py, PyType> = slf.get_type();
    (class, (argument,)).into_pyobject(slf.py())
}

/// The shared methods of the string identifiers.
macro_rules! string_identifier {
    ($name:ident, $class:literal, { $($methods:tt)* }) => {
        #[pymethods]
        impl $name {
            $($methods)*

            #[new]
            fn new(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<Self> {
                let input = text(value, $class)?;
                let inner = check(py, py.detach(|| core::$name::parse(&input)))?;
                Ok(Self { inner })
            }

            fn __str__(&self) -> &str {
                self.inner.as_str()
            }

            fn __repr__(&self) -> String {
                self.inner.debug()
            }

            fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
                let canonical = slf.get().inner.as_str().to_owned();
                reduce(slf.as_any(), canonical)
            }
        }
    };
}

/// A SIREN: 9 digits whose Luhn key holds. ``Siren("732 829 320")``; ``str()`` gives
/// ``"732829320"``.
#[pyclass(module = "datapass_psc", frozen, eq, hash)]
#[derive(PartialEq, Eq, Hash)]
pub struct Siren {
    inner: core::Siren,
}
string_identifier!(Siren, "Siren", {
    /// Grouped by three digits (``"732 829 320"``).
    #[getter]
    fn grouped(&self) -> String {
        self.inner.grouped()
    }

    /// Whether it is La Poste's SIREN (356 000 000), whose SIRETs follow INSEE's digit-sum rule.
    #[getter]
    fn is_la_poste(&self) -> bool {
        self.inner.is_la_poste()
    }
});

/// A SIRET: 14 digits, both Luhn keys (or La Poste's rule). Spaces and dots between digits are
/// accepted: ``str(Siret("732 829 320 00074"))`` is ``"73282932000074"``.
#[pyclass(module = "datapass_psc", frozen, eq, hash)]
#[derive(PartialEq, Eq, Hash)]
pub struct Siret {
    inner: core::Siret,
}
string_identifier!(Siret, "Siret", {
    /// The SIREN: the first 9 digits.
    #[getter]
    fn siren(&self) -> Siren {
        Siren {
            inner: self.inner.siren(),
        }
    }

    /// The NIC: the last 5 digits.
    #[getter]
    fn nic(&self) -> &str {
        self.inner.nic()
    }

    /// Grouped as ``"732 829 320 00074"``.
    #[getter]
    fn grouped(&self) -> String {
        self.inner.grouped()
    }
});

/// An email address, strict, in lowercase: ``str(Email(" Jean.Dupont@Exemple.FR "))`` is
/// ``"jean.dupont@exemple.fr"``. ``repr`` masks it (``Email(j***@exemple.fr)``).
#[pyclass(module = "datapass_psc", frozen, eq, hash)]
#[derive(PartialEq, Eq, Hash)]
pub struct Email {
    inner: core::Email,
}
string_identifier!(Email, "Email", {
    /// The part after the last ``@``.
    #[getter]
    fn domain(&self) -> &str {
        self.inner.domain()
    }

    /// The masked form ``repr`` shows (``"j***@exemple.fr"``).
    #[getter]
    fn masked(&self) -> String {
        self.inner.masked()
    }
});

/// A phone number, in E.164 (libphonenumber's metadata; overseas departments by their prefix;
/// no extension): ``str(PhoneNumber("0692 12 34 56"))`` is ``"+262692123456"``. ``repr``
/// masks it (``PhoneNumber(+2626******56)``).
#[pyclass(module = "datapass_psc", frozen, eq, hash)]
#[derive(PartialEq, Eq, Hash)]
pub struct PhoneNumber {
    inner: core::PhoneNumber,
}
string_identifier!(PhoneNumber, "PhoneNumber", {
    /// The ISO 3166 code of the number's region (``"FR"``, ``"RE"``), ``None`` for a
    /// non-geographic number.
    #[getter]
    fn region(&self) -> Option<&'static str> {
        self.inner.region()
    }

    /// Whether the metadata classifies the number as mobile.
    #[getter]
    fn is_mobile(&self) -> bool {
        self.inner.is_mobile()
    }

    /// The masked form ``repr`` shows (``"+336******78"``).
    #[getter]
    fn masked(&self) -> String {
        self.inner.masked()
    }
});

/// How long personal data is kept, in whole months, 0 to 1200: ``RetentionPeriod(12)``.
/// ``str()`` is ``"12 months"``, ``int()`` the number of months.
#[pyclass(module = "datapass_psc", frozen, eq, hash)]
#[derive(PartialEq, Eq, Hash)]
pub struct RetentionPeriod {
    inner: core::RetentionPeriod,
}

#[pymethods]
impl RetentionPeriod {
    #[new]
    fn new(py: Python<'_>, months: &Bound<'_, PyAny>) -> PyResult<Self> {
        let months = match months.cast::<PyInt>() {
            Ok(int) if months.cast::<PyBool>().is_err() => int,
            _ => {
                return Err(PyTypeError::new_err(format!(
                    "RetentionPeriod() takes an int, not {}",
                    months.get_type().name()?
                )));
            }
        };
        // Beyond 64 bits, the number saturates, as the crate's JSON reader does.
        let months = match months.extract::<i64>() {
            Ok(m) => m,
            Err(_) if months.lt(0)? => i64::MIN,
            Err(_) => i64::MAX,
        };
        let inner = check(py, core::RetentionPeriod::new(months))?;
        Ok(Self { inner })
    }

    /// The number of months.
    #[getter]
    fn months(&self) -> u16 {
        self.inner.months()
    }

    /// Whether the period exceeds the usual 36 months, so that a justification is required.
    #[getter]
    fn requires_justification(&self) -> bool {
        self.inner.requires_justification()
    }

    /// The date data collected on ``collected_on`` must be deleted: that date plus the period
    /// in calendar months, clamped to the end of the month.
    fn deletion_date(&self, py: Python<'_>, collected_on: NaiveDate) -> PyResult<NaiveDate> {
        check(py, self.inner.deletion_date(collected_on))
    }

    fn __int__(&self) -> u16 {
        self.inner.months()
    }

    fn __str__(&self) -> String {
        self.inner.display()
    }

    fn __repr__(&self) -> String {
        self.inner.debug()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let months = slf.get().inner.months();
        reduce(slf.as_any(), months)
    }
}
