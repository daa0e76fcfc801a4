//! `Decision`, `Record` and their parts: results read from the crate's JSON, as the command
//! line prints it (`eligibility --format json`, `lifecycle --format json`), whose attributes are
//! its members and whose `to_dict()` is a copy of it.

use chrono::{DateTime, Utc};
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::view::View;

/// `__eq__` (same class and equal JSON) and `to_dict()` for a class holding a `view`.
macro_rules! view_methods {
    ($name:ident, { $($methods:tt)* }) => {
        #[pymethods]
        impl $name {
            $($methods)*

            /// The JSON object the crate writes for it (a copy, which the caller may change).
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                self.view.to_dict(py)
            }

            fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
                match other.cast::<$name>() {
                    Ok(other) => Ok(self
                        .view
                        .eq(py, &other.get().view)?
                        .into_pyobject(py)?
                        .to_owned()
                        .into_any()
                        .unbind()),
                    Err(_) => Ok(py.NotImplemented()),
                }
            }
        }
    };
}

/// `repr(text)`, as Python writes a string.
fn repr(py: Python<'_>, text: &str) -> PyResult<String> {
    Ok(PyString::new(py, text).repr()?.to_cow()?.into_owned())
}

/// The eligibility decision (« Qui êtes-vous ? »): the outcome (``eligible``,
/// ``maybe_eligible``, ``not_eligible``), the conditions to look at, the texts in French and
/// English, and what the form will ask for.
#[pyclass(module = "datapass_psc", frozen)]
pub struct Decision {
    view: View,
}

impl Decision {
    /// The decision of the crate's JSON `text`.
    pub fn parse(py: Python<'_>, text: &str) -> PyResult<Self> {
        Ok(Self {
            view: View::parse(py, text)?,
        })
    }
}

view_methods!(Decision, {
    /// Who asked (``company``…).
    #[getter]
    fn requester(&self, py: Python<'_>) -> PyResult<String> {
        self.view.str(py, "requester")
    }

    /// ``eligible``, ``maybe_eligible`` or ``not_eligible``.
    #[getter]
    fn outcome(&self, py: Python<'_>) -> PyResult<String> {
        self.view.str(py, "outcome")
    }

    /// The conditions answered false (``not_eligible``) or left unanswered (``maybe_eligible``).
    #[getter]
    fn unmet_conditions(&self, py: Python<'_>) -> PyResult<Vec<Item>> {
        items(py, &self.view, "unmet_conditions")
    }

    /// What the form will ask for (empty when the requester cannot apply).
    #[getter]
    fn needed(&self, py: Python<'_>) -> PyResult<Vec<Item>> {
        items(py, &self.view, "needed")
    }

    /// The outcome's heading in French (« Vous êtes éligible 🎉 »…).
    #[getter]
    fn heading_fr(&self, py: Python<'_>) -> PyResult<String> {
        self.view.str(py, "heading_fr")
    }

    /// The outcome's heading in English.
    #[getter]
    fn heading_en(&self, py: Python<'_>) -> PyResult<String> {
        self.view.str(py, "heading_en")
    }

    /// The text for the requester kind, in French (as api.gouv.fr publishes it).
    #[getter]
    fn message_fr(&self, py: Python<'_>) -> PyResult<String> {
        self.view.str(py, "message_fr")
    }

    /// The text for the requester kind, in English.
    #[getter]
    fn message_en(&self, py: Python<'_>) -> PyResult<String> {
        self.view.str(py, "message_en")
    }

    /// « Pour remplir votre demande, vous aurez besoin : », or ``None`` when nothing is needed.
    #[getter]
    fn needed_intro_fr(&self, py: Python<'_>) -> PyResult<Option<String>> {
        self.view.opt_str(py, "needed_intro_fr")
    }

    /// The same in English, or ``None``.
    #[getter]
    fn needed_intro_en(&self, py: Python<'_>) -> PyResult<Option<String>> {
        self.view.opt_str(py, "needed_intro_en")
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Decision(outcome={})",
            repr(py, &self.view.str(py, "outcome")?)?
        ))
    }
});

fn items(py: Python<'_>, view: &View, key: &str) -> PyResult<Vec<Item>> {
    Ok(view
        .views(py, key)?
        .into_iter()
        .map(|view| Item { view })
        .collect())
}

/// A condition or a needed item of a decision: its stable ``code`` and its texts.
#[pyclass(module = "datapass_psc", frozen)]
pub struct Item {
    view: View,
}

view_methods!(Item, {
    /// The stable code (``offers_web_solution``).
    #[getter]
    fn code(&self, py: Python<'_>) -> PyResult<String> {
        self.view.str(py, "code")
    }

    /// The text in French.
    #[getter]
    fn text_fr(&self, py: Python<'_>) -> PyResult<String> {
        self.view.str(py, "text_fr")
    }

    /// The text in English.
    #[getter]
    fn text_en(&self, py: Python<'_>) -> PyResult<String> {
        self.view.str(py, "text_en")
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Item(code={})",
            repr(py, &self.view.str(py, "code")?)?
        ))
    }
});

/// A request's record, replayed from its event log: where it stands, its habilitations and
/// its history. Holds no personal data (neither the request nor the snapshots).
#[pyclass(module = "datapass_psc", frozen)]
pub struct Record {
    view: View,
}

impl Record {
    /// The record of the crate's JSON `text` (a record's summary).
    pub fn parse(py: Python<'_>, text: &str) -> PyResult<Self> {
        Ok(Self {
            view: View::parse(py, text)?,
        })
    }
}

view_methods!(Record, {
    /// The request number (``"D60501"``).
    #[getter]
    fn request_number(&self, py: Python<'_>) -> PyResult<String> {
        self.view.str(py, "request_number")
    }

    /// The number to give Pro Santé Connect onboarding: the request number, never a
    /// habilitation number.
    #[getter]
    fn psc_connection_reference(&self, py: Python<'_>) -> PyResult<String> {
        self.view.str(py, "psc_connection_reference")
    }

    /// The request's state (``draft``, ``submitted``, ``changes_requested``, ``validated``,
    /// ``refused``, ``revoked``, ``archived``).
    #[getter]
    fn state(&self, py: Python<'_>) -> PyResult<String> {
        self.view.str(py, "state")
    }

    /// The state's French label (« Validée »).
    #[getter]
    fn state_fr(&self, py: Python<'_>) -> PyResult<String> {
        self.view.str(py, "state_fr")
    }

    /// Whether the validated request is being changed (« Mise à jour »).
    #[getter]
    fn reopening(&self, py: Python<'_>) -> PyResult<bool> {
        self.view.get(py, "reopening")?.extract()
    }

    /// The habilitations, oldest first.
    #[getter]
    fn habilitations(&self, py: Python<'_>) -> PyResult<Vec<Habilitation>> {
        Ok(self
            .view
            .views(py, "habilitations")?
            .into_iter()
            .map(|view| Habilitation { view })
            .collect())
    }

    /// The accepted events, oldest first.
    #[getter]
    fn history(&self, py: Python<'_>) -> PyResult<Vec<HistoryEntry>> {
        Ok(self
            .view
            .views(py, "history")?
            .into_iter()
            .map(|view| HistoryEntry { view })
            .collect())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Record(request_number={}, state={})",
            repr(py, &self.view.str(py, "request_number")?)?,
            repr(py, &self.view.str(py, "state")?)?
        ))
    }
});

/// A habilitation of a record, without its snapshot.
#[pyclass(module = "datapass_psc", frozen)]
pub struct Habilitation {
    view: View,
}

view_methods!(Habilitation, {
    /// Its number (``"H118386"``).
    #[getter]
    fn number(&self, py: Python<'_>) -> PyResult<String> {
        self.view.str(py, "number")
    }

    /// ``active``, ``obsolete`` or ``revoked``.
    #[getter]
    fn state(&self, py: Python<'_>) -> PyResult<String> {
        self.view.str(py, "state")
    }

    /// The approval time (aware, UTC).
    #[getter]
    fn created_at(&self, py: Python<'_>) -> PyResult<DateTime<Utc>> {
        self.view.time(py, "created_at")
    }

    /// « Habilitation H118386 du 19/06/2024 ».
    #[getter]
    fn title_fr(&self, py: Python<'_>) -> PyResult<String> {
        self.view.str(py, "title_fr")
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Habilitation(number={}, state={})",
            repr(py, &self.view.str(py, "number")?)?,
            repr(py, &self.view.str(py, "state")?)?
        ))
    }
});

/// An accepted event of a record's history, with DataPass's French summary and its English
/// translation.
#[pyclass(module = "datapass_psc", frozen)]
pub struct HistoryEntry {
    view: View,
}

view_methods!(HistoryEntry, {
    /// The event, as DataPass names it (``submit``, ``approve``…).
    #[getter]
    fn event(&self, py: Python<'_>) -> PyResult<String> {
        self.view.str(py, "event")
    }

    /// Who triggered it (``applicant``, ``instructor``, ``system``…).
    #[getter]
    fn actor(&self, py: Python<'_>) -> PyResult<String> {
        self.view.str(py, "actor")
    }

    /// When (aware, UTC).
    #[getter]
    fn at(&self, py: Python<'_>) -> PyResult<DateTime<Utc>> {
        self.view.time(py, "at")
    }

    /// The reason given, if any.
    #[getter]
    fn reason(&self, py: Python<'_>) -> PyResult<Option<String>> {
        self.view.opt_str(py, "reason")
    }

    /// The approval message, if any.
    #[getter]
    fn message(&self, py: Python<'_>) -> PyResult<Option<String>> {
        self.view.opt_str(py, "message")
    }

    /// The habilitation concerned (created, reopened or revoked), if any.
    #[getter]
    fn habilitation_number(&self, py: Python<'_>) -> PyResult<Option<String>> {
        self.view.opt_str(py, "habilitation_number")
    }

    /// DataPass's French summary (« L'instructeur a approuvé la demande. »).
    #[getter]
    fn summary_fr(&self, py: Python<'_>) -> PyResult<String> {
        self.view.str(py, "summary_fr")
    }

    /// The same in English ("The instructor approved the request.").
    #[getter]
    fn summary_en(&self, py: Python<'_>) -> PyResult<String> {
        self.view.str(py, "summary_en")
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "HistoryEntry(event={}, actor={})",
            repr(py, &self.view.str(py, "event")?)?,
            repr(py, &self.view.str(py, "actor")?)?
        ))
    }
});
