//! The crate's reports, issues and imported documents, behind wrappers: the binding reads them
//! without naming the crate, and turns them into Python objects only when asked.

use super::{Failure, to_json};

/// A validation report of the crate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report(pub(super) datapass_psc::ValidationReport);

impl Report {
    /// Whether it holds no error.
    pub fn is_valid(&self) -> bool {
        self.0.is_valid()
    }

    /// How many errors it holds.
    pub fn error_count(&self) -> usize {
        self.0.errors().len()
    }

    /// How many warnings it holds.
    pub fn warning_count(&self) -> usize {
        self.0.warnings().len()
    }

    /// The errors, in wire order.
    pub fn errors(&self) -> impl ExactSizeIterator<Item = Issue> + '_ {
        self.0.errors().iter().cloned().map(Issue)
    }

    /// The warnings, in wire order.
    pub fn warnings(&self) -> impl ExactSizeIterator<Item = Issue> + '_ {
        self.0.warnings().iter().cloned().map(Issue)
    }

    /// `{"valid", "errors", "warnings"}`, as `validate --format json` prints it.
    pub fn to_json(&self) -> Result<String, Failure> {
        to_json(&self.0)
    }

    /// The crate's one-line summary (`2 error(s); siret.checksum at "/organization/siret": …`).
    pub fn summary(&self) -> String {
        self.0.to_string()
    }
}

/// One issue of a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue(datapass_psc::Issue);

impl Issue {
    /// The code (`siret.checksum`).
    pub fn code(&self) -> &'static str {
        self.0.code.as_str()
    }

    /// The JSON Pointer of the field.
    pub fn path(&self) -> &str {
        &self.0.path
    }

    /// The French message.
    pub fn message_fr(&self) -> &str {
        &self.0.message_fr
    }

    /// The English message.
    pub fn message_en(&self) -> &str {
        &self.0.message_en
    }

    /// Whose rule it is (`datapass`, `psc_form`, `strict`, `format`).
    pub fn origin(&self) -> &'static str {
        self.0.origin.as_str()
    }

    /// The parameters, as a JSON object.
    pub fn params(&self) -> Result<String, Failure> {
        to_json(&self.0.params)
    }

    /// The issue as the crate writes it in JSON.
    pub fn to_json(&self) -> Result<String, Failure> {
        to_json(&self.0)
    }
}

/// A DataPass document imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported(pub(super) datapass_psc::datapass::Imported);

impl Imported {
    /// The kind of document (`v2_demande`).
    pub fn source(&self) -> &'static str {
        self.0.source().as_str()
    }

    /// The request it holds, as a draft in JSON.
    pub fn request(&self) -> Result<Option<String>, Failure> {
        self.0.request().map(to_json).transpose()
    }

    /// Its report.
    pub fn report(&self) -> Report {
        Report(self.0.report().clone())
    }

    /// What is absent from the request.
    pub fn to_complete(&self) -> impl ExactSizeIterator<Item = Issue> + '_ {
        self.0.to_complete().iter().cloned().map(Issue)
    }

    /// DataPass's facts, as `import --format json` writes them under `datapass`.
    pub fn facts(&self) -> Result<String, Failure> {
        to_json(self.0.facts())
    }

    /// `{"source", "request", "report", "to_complete", "datapass"}`, as
    /// `import --format json` prints it.
    pub fn to_json(&self) -> Result<String, Failure> {
        to_json(&self.0)
    }
}
