//! The validation report: every error and warning of a request, each with a stable code, a JSON
//! Pointer to the field, and messages in French and English.
//!
//! This module only collects issues and builds paths. The wording of each problem belongs to the
//! error type or the rule that detects it (see [`Diagnostic`]).

use std::fmt;

use schemars::JsonSchema;
use serde::Serialize;

use crate::codes::Code;
use crate::diagnostic::{Description, Diagnostic, Params};
use crate::rules::{Check, Origin};

/// One problem found in a request.
///
/// ```json
/// {"code": "phone.invalid", "path": "/contacts/technical_contact/phone",
///  "message_fr": "Le numéro de téléphone du responsable technique n'est pas valide…",
///  "message_en": "The technical contact's phone number is not valid…", "params": {},
///  "origin": "strict"}
/// ```
///
/// Its [`origin`](Issue::origin) says whose rule it is: DataPass's, the Pro Santé Connect
/// form's, the crate's own stricter check, or the document's structure. The same code may have
/// different origins at different paths (`required` is DataPass's for the technical contact's
/// phone, the form's for the applicant's); the table is [`Check::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Issue {
    /// Stable machine-readable code (`siret.checksum`); see [`Code`].
    pub code: Code,
    /// JSON Pointer (RFC 6901) to the offending field in the wire format
    /// (`/contacts/technical_contact/phone`); `""` for the whole document.
    pub path: String,
    /// The message in French, for the applicant.
    pub message_fr: String,
    /// The message in English.
    pub message_en: String,
    /// Data a front end can use to write its own message (`{"max": 100, "found": 101}`).
    pub params: Params,
    /// Whose rule it is.
    pub origin: Origin,
}

impl Issue {
    /// An issue from its parts; its origin is the one [`Check::ALL`] gives `code` at `path`.
    fn from_parts(
        code: Code,
        path: String,
        message_fr: String,
        message_en: String,
        params: Params,
    ) -> Self {
        Self {
            origin: Check::origin_of(code, &path, false),
            code,
            path,
            message_fr,
            message_en,
            params,
        }
    }

    /// The issue of an error, at `path` (a JSON Pointer), with the error's generic subject.
    ///
    /// ```
    /// use datapass_psc::{Issue, Siret};
    /// let error = "732 829 320 00075".parse::<Siret>().unwrap_err();
    /// let issue = Issue::from_error("", &error);
    /// assert_eq!(issue.code, "siret.checksum");
    /// assert!(issue.message_en.starts_with("The SIRET number is not valid"));
    /// ```
    #[must_use]
    pub fn from_error(path: impl Into<String>, error: &dyn Diagnostic) -> Self {
        Self::from_description(path, error.describe())
    }

    /// The issue of a description, at `path`, with its generic subject: every message of the
    /// crate comes from a [`Description`].
    pub(crate) fn from_description(path: impl Into<String>, d: Description) -> Self {
        let (fr, en) = (d.message_fr(), d.message_en());
        Self::from_parts(d.code, path.into(), fr, en, d.params)
    }

    /// The issue of an error, naming the field with the given French and English subjects
    /// (« le numéro SIRET de l'organisation », "the organisation's SIRET number").
    pub(crate) fn with_subject(
        path: &Pointer,
        error: &dyn Diagnostic,
        subject_fr: &str,
        subject_en: &str,
    ) -> Self {
        let d = error.describe();
        let (fr, en) = (d.sentence_fr(subject_fr), d.sentence_en(subject_en));
        Self::from_parts(d.code, path.as_str().to_owned(), fr, en, d.params)
    }

    /// DataPass's own answer, its French sentence kept as DataPass wrote it: the one kind of
    /// issue whose message is not the crate's (its origin is DataPass's).
    pub(crate) fn quoting_datapass(
        code: Code,
        path: impl Into<String>,
        sentence_fr: String,
        message_en: String,
        params: Params,
    ) -> Self {
        Self {
            origin: Origin::DataPass,
            ..Self::from_parts(code, path.into(), sentence_fr, message_en, params)
        }
    }

    /// This issue, about a value DataPass's own check refuses too: its origin is DataPass's
    /// rule for it.
    #[must_use]
    pub(crate) fn refused_by_datapass(mut self) -> Self {
        self.origin = Check::origin_of(self.code, &self.path, true);
        self
    }

    /// This issue, moved under `prefix` (a JSON Pointer): `/request` + `/scopes`.
    #[must_use]
    pub(crate) fn under(mut self, prefix: &str) -> Self {
        self.path.insert_str(0, prefix);
        self
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at {:?}: {}", self.code, self.path, self.message_en)
    }
}

/// All the problems of a request at once: errors (which block submission) and warnings (which
/// don't).
///
/// Serialized as `{"valid": bool, "errors": [...], "warnings": [...]}`, where `valid` is true when
/// there is no error.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ValidationReport {
    errors: Vec<Issue>,
    warnings: Vec<Issue>,
}

impl ValidationReport {
    /// An empty report.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether the report holds no error (warnings allowed).
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }

    /// The errors, in the field order of the wire format.
    #[must_use]
    pub fn errors(&self) -> &[Issue] {
        &self.errors
    }

    /// The warnings, in the field order of the wire format.
    #[must_use]
    pub fn warnings(&self) -> &[Issue] {
        &self.warnings
    }

    /// Adds an error.
    pub fn push_error(&mut self, issue: Issue) {
        self.errors.push(issue);
    }

    /// Adds a warning.
    pub fn push_warning(&mut self, issue: Issue) {
        self.warnings.push(issue);
    }

    /// Appends every issue of `other`.
    pub fn merge(&mut self, other: ValidationReport) {
        self.errors.extend(other.errors);
        self.warnings.extend(other.warnings);
    }

    /// This report with every path moved under `prefix` (a JSON Pointer).
    pub(crate) fn under(self, prefix: &str) -> Self {
        Self {
            errors: self.errors.into_iter().map(|i| i.under(prefix)).collect(),
            warnings: self.warnings.into_iter().map(|i| i.under(prefix)).collect(),
        }
    }

    /// The codes of the errors, in order (handy in tests and logs).
    #[must_use]
    pub fn error_codes(&self) -> Vec<Code> {
        self.errors.iter().map(|i| i.code).collect()
    }

    /// A report of these errors and warnings, in this order.
    pub(crate) fn from_parts(errors: Vec<Issue>, warnings: Vec<Issue>) -> Self {
        Self { errors, warnings }
    }

    /// A report holding one error.
    #[must_use]
    pub fn single(issue: Issue) -> Self {
        Self {
            errors: vec![issue],
            warnings: Vec::new(),
        }
    }
}

impl fmt::Display for ValidationReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.errors.is_empty() {
            write!(f, "valid request")?;
        } else {
            write!(f, "{} error(s)", self.errors.len())?;
        }
        if !self.warnings.is_empty() {
            write!(f, ", {} warning(s)", self.warnings.len())?;
        }
        for issue in &self.errors {
            write!(f, "; {issue}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationReport {}

impl Serialize for ValidationReport {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Borrowed<'a> {
            valid: bool,
            errors: &'a [Issue],
            warnings: &'a [Issue],
        }
        Borrowed {
            valid: self.is_valid(),
            errors: &self.errors,
            warnings: &self.warnings,
        }
        .serialize(serializer)
    }
}

/// A JSON Pointer not yet written: borrowed segments chained on the stack, written as a
/// [`Pointer`] only when an issue is reported, so that checking a valid request allocates no
/// path.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Path<'a> {
    /// The whole document.
    Root,
    /// A member of the object at the first path.
    Key(&'a Path<'a>, &'a str),
    /// An element of the array at the first path.
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    /// The whole document.
    pub(crate) const ROOT: Path<'static> = Path::Root;

    /// This path followed by an object key.
    pub(crate) fn key(&'a self, key: &'a str) -> Self {
        Path::Key(self, key)
    }

    /// This path followed by an array index.
    pub(crate) fn index(&'a self, index: usize) -> Self {
        Path::Index(self, index)
    }

    /// The path written as a JSON Pointer.
    pub(crate) fn to_pointer(self) -> Pointer {
        match self {
            Path::Root => Pointer::root(),
            Path::Key(parent, key) => parent.to_pointer().key(key),
            Path::Index(parent, index) => parent.to_pointer().index(index),
        }
    }
}

/// A JSON Pointer (RFC 6901) under construction: `/contacts/applicant/email`. Keys are escaped
/// as the RFC requires (`a/b~c` is written `a~1b~0c`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub(crate) struct Pointer(String);

impl Pointer {
    /// The whole document: `""`.
    #[must_use]
    pub fn root() -> Self {
        Self(String::new())
    }

    /// This pointer followed by an object key (escaped as RFC 6901 requires).
    #[must_use]
    pub fn key(&self, key: &str) -> Self {
        let mut s = String::with_capacity(self.0.len() + key.len() + 1);
        s.push_str(&self.0);
        s.push('/');
        if key.contains(['~', '/']) {
            for c in key.chars() {
                match c {
                    '~' => s.push_str("~0"),
                    '/' => s.push_str("~1"),
                    _ => s.push(c),
                }
            }
        } else {
            s.push_str(key);
        }
        Self(s)
    }

    /// This pointer followed by an array index.
    #[must_use]
    pub fn index(&self, index: usize) -> Self {
        Self(format!("{}/{index}", self.0))
    }

    /// The pointer as a string.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
