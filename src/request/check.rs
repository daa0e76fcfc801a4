//! [`Checker`]: the collector every section validates into, and [`Subject`], how a field is
//! named in messages.

use std::str::FromStr;

use validator::ValidationErrors;

use crate::codes::Code;
use crate::diagnostic::{Diagnostic, Params, sentence};
use crate::report::{Issue, Path, ValidationReport};

/// How a field is named in messages, with its article: French and English, each written in two
/// parts joined as they are (« le prénom » + « du demandeur »), so that nothing is allocated
/// unless a message is written.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Subject {
    fr: [&'static str; 2],
    en: [&'static str; 2],
}

impl Subject {
    /// A subject in one part.
    pub(crate) const fn new(fr: &'static str, en: &'static str) -> Self {
        Self {
            fr: [fr, ""],
            en: [en, ""],
        }
    }

    /// A subject in two parts, joined as they are.
    pub(crate) const fn joined(fr: [&'static str; 2], en: [&'static str; 2]) -> Self {
        Self { fr, en }
    }

    fn fr(&self) -> String {
        self.fr.concat()
    }

    fn en(&self) -> String {
        self.en.concat()
    }
}

/// Collects the issues of one validation pass, in the order the sections are checked (the
/// field order of the wire format).
#[derive(Debug, Default)]
pub(crate) struct Checker {
    pub report: ValidationReport,
    /// Loading a stored snapshot: phones already in E.164 are trusted even if today's metadata
    /// no longer knows their range.
    pub trust_stored_phones: bool,
}

impl Checker {
    pub(crate) fn error(&mut self, issue: Issue) {
        self.report.push_error(issue);
    }

    pub(crate) fn warning(&mut self, issue: Issue) {
        self.report.push_warning(issue);
    }

    /// A missing value (absent, `null` or blank): `required`.
    pub(crate) fn required(&mut self, path: &Path<'_>, subject: Subject) {
        self.error(Issue::new(
            Code::Required,
            path.to_pointer().as_str(),
            format!("Veuillez renseigner {}", subject.fr()),
            sentence(&subject.en(), "must be filled in"),
            Params::new(),
        ));
    }

    /// An error of the value at `path`, named by `subject`.
    pub(crate) fn diagnostic(&mut self, path: &Path<'_>, error: &dyn Diagnostic, subject: Subject) {
        self.error(Issue::with_subject(
            &path.to_pointer(),
            error,
            &subject.fr(),
            &subject.en(),
        ));
    }

    /// An error of the value at `path`, named by the error's own subject.
    pub(crate) fn error_at(&mut self, path: &Path<'_>, error: &dyn Diagnostic) {
        self.error(Issue::from_error(path.to_pointer().as_str(), error));
    }

    /// Parses a required value: absent, `null` or blank gives `required`; otherwise the type's
    /// own parser decides.
    pub(crate) fn parse<T>(
        &mut self,
        raw: Option<&str>,
        path: &Path<'_>,
        subject: Subject,
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
        path: &Path<'_>,
        subject: Subject,
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

    /// Turns `validator`'s errors (collection sizes) into issues under `base`: `map` names the
    /// crate's error for a field and the size found.
    pub(crate) fn validator_issues<E: Diagnostic>(
        &mut self,
        result: Result<(), ValidationErrors>,
        base: &Path<'_>,
        map: impl Fn(&str, usize) -> Option<E>,
    ) {
        let Err(errors) = result else { return };
        let mut fields: Vec<_> = errors.field_errors().into_iter().collect();
        fields.sort_by(|a, b| a.0.cmp(&b.0));
        for (field, list) in fields {
            for error in list {
                let found = error
                    .params
                    .get("value")
                    .and_then(serde_json::Value::as_array)
                    .map_or(0, Vec::len);
                if let Some(e) = map(&field, found) {
                    self.error_at(&base.key(&field), &e);
                }
            }
        }
    }

    pub(crate) fn is_clean_since(&self, errors_before: usize) -> bool {
        self.report.errors().len() == errors_before
    }

    pub(crate) fn error_count(&self) -> usize {
        self.report.errors().len()
    }
}
