//! The collector every section validates into.

use std::str::FromStr;

use crate::diagnostic::Diagnostic;
use crate::report::{Issue, Pointer, ValidationReport};

/// How a field is named in messages: French (with its article) and English.
#[derive(Debug, Clone)]
pub(crate) struct Subject {
    pub fr: String,
    pub en: String,
}

impl Subject {
    pub(crate) fn new(fr: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            fr: fr.into(),
            en: en.into(),
        }
    }
}

/// Collects the issues of one validation pass, in the order the sections are checked (the
/// field order of the wire format).
#[derive(Debug, Default)]
pub(crate) struct Checker {
    pub report: ValidationReport,
    /// Loading a stored snapshot: phones already in E.164 are trusted even if today's metadata
    /// no longer knows their range (see [`PhoneNumber::from_stored`]).
    ///
    /// [`PhoneNumber::from_stored`]: crate::PhoneNumber
    pub trust_stored_phones: bool,
}

impl Checker {
    pub(crate) fn error(&mut self, issue: Issue) {
        self.report.push_error(issue);
    }

    pub(crate) fn warning(&mut self, issue: Issue) {
        self.report.push_warning(issue);
    }

    pub(crate) fn required(&mut self, path: &Pointer, subject: &Subject) {
        self.error(Issue::required(path, &subject.fr, &subject.en));
    }

    pub(crate) fn diagnostic(&mut self, path: &Pointer, error: &dyn Diagnostic, subject: &Subject) {
        self.error(Issue::from_diagnostic(
            path,
            error,
            &subject.fr,
            &subject.en,
        ));
    }

    /// Parses a required value: absent, `null` or blank gives `required`; otherwise the type's
    /// own parser decides.
    pub(crate) fn parse<T>(
        &mut self,
        raw: Option<&str>,
        path: &Pointer,
        subject: &Subject,
    ) -> Option<T>
    where
        T: FromStr,
        T::Err: Diagnostic,
    {
        match raw {
            Some(raw) if !raw.trim().is_empty() => match raw.parse::<T>() {
                Ok(value) => Some(value),
                Err(e) => {
                    self.diagnostic(path, &e, subject);
                    None
                }
            },
            _ => {
                self.required(path, subject);
                None
            }
        }
    }

    /// Parses an optional value: absent, `null` or blank is `None` without an issue.
    pub(crate) fn parse_optional<T>(
        &mut self,
        raw: Option<&str>,
        path: &Pointer,
        subject: &Subject,
    ) -> Result<Option<T>, ()>
    where
        T: FromStr,
        T::Err: Diagnostic,
    {
        match raw {
            Some(raw) if !raw.trim().is_empty() => match raw.parse::<T>() {
                Ok(value) => Ok(Some(value)),
                Err(e) => {
                    self.diagnostic(path, &e, subject);
                    Err(())
                }
            },
            _ => Ok(None),
        }
    }

    pub(crate) fn is_clean_since(&self, errors_before: usize) -> bool {
        self.report.errors().len() == errors_before
    }

    pub(crate) fn error_count(&self) -> usize {
        self.report.errors().len()
    }
}
