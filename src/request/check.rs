//! [`Checker`]: the collector every section validates into, [`Subject`], how a field is named in
//! messages, and [`DataPassCheck`], what DataPass itself checks of a field.

use std::str::FromStr;

use super::datapass_checks::{
    DataPassRefusal, blank, email_accepted, has_markup, siret_accepted, url_accepted,
};
use crate::codes::Code;
use crate::diagnostic::{Description, Diagnostic};
use crate::report::{Issue, Path, ValidationReport};
use crate::rules::Rules;

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

/// A value a request needs is absent, `null` or blank (once HTML is stripped, for DataPass):
/// `required`, « Veuillez renseigner … ».
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a required value is missing")]
pub(crate) struct Missing;

impl Diagnostic for Missing {
    fn describe(&self) -> Description {
        Description::new(
            Code::Required,
            ("cette valeur", "this value"),
            "veuillez renseigner",
            "must be filled in",
        )
        .predicate_first_in_french()
    }
}

/// What DataPass itself checks of a field before it lets a request be submitted, on the value
/// the crate read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DataPassCheck {
    /// Nothing: the rules of the field are the Pro Santé Connect form's or the crate's.
    None,
    /// A value, once HTML tags are stripped.
    Text,
    /// A value, matching `URI::MailTo::EMAIL_REGEXP`.
    Email,
    /// A value, accepted by DataPass's SIRET validator.
    Siret,
    /// When a value is given, DataPass's URL pattern.
    Url,
}

impl DataPassCheck {
    /// Whether DataPass sees no value where it requires one, in a value that is not blank.
    fn missing(self, raw: &str) -> bool {
        match self {
            Self::Text | Self::Email => has_markup(raw) && blank(raw),
            Self::None | Self::Siret | Self::Url => false,
        }
    }

    /// Whether DataPass accepts the value given.
    fn accepts(self, raw: &str) -> bool {
        match self {
            Self::None | Self::Text => true,
            Self::Email => email_accepted(raw),
            Self::Siret => siret_accepted(raw),
            Self::Url => url_accepted(raw),
        }
    }

    /// The refusal of a value the crate accepts and DataPass does not.
    fn refusal(self) -> Option<DataPassRefusal> {
        match self {
            Self::Email => Some(DataPassRefusal::Email),
            Self::Url => Some(DataPassRefusal::Url),
            // The crate's SIRET rule implies DataPass's; texts only need a value.
            Self::None | Self::Text | Self::Siret => None,
        }
    }
}

/// Collects the issues of one validation pass, in the order the sections are checked (the
/// field order of the wire format). Each issue is an error or a warning as the rule set says;
/// a section builds its typed value only when the strict rules find no error in it.
#[derive(Debug, Default)]
pub(crate) struct Checker {
    pub report: ValidationReport,
    /// Loading a stored snapshot: phones already in E.164 are trusted even if today's metadata
    /// no longer knows their range.
    pub trust_stored_phones: bool,
    /// Which issues are errors.
    pub rules: Rules,
    /// The errors under the strict rules, whatever `rules` says.
    pub strict_errors: usize,
}

impl Checker {
    /// A checker for `rules`.
    pub(crate) fn new(rules: Rules) -> Self {
        Self {
            rules,
            ..Self::default()
        }
    }

    /// A problem: an error or a warning, as the rule set says of its origin.
    pub(crate) fn error(&mut self, issue: Issue) {
        self.strict_errors += 1;
        if self.rules.blocks(issue.origin) {
            self.report.push_error(issue);
        } else {
            self.report.push_warning(issue);
        }
    }

    /// A warning under every rule set.
    pub(crate) fn warning(&mut self, issue: Issue) {
        self.report.push_warning(issue);
    }

    /// A missing value (absent, `null` or blank): `required`.
    pub(crate) fn required(&mut self, path: &Path<'_>, subject: Subject) {
        self.diagnostic(path, &Missing, subject, false);
    }

    /// An error of the value at `path`, named by `subject`; `datapass_refuses` says that
    /// DataPass's own check refuses the value too.
    fn diagnostic(
        &mut self,
        path: &Path<'_>,
        error: &dyn Diagnostic,
        subject: Subject,
        datapass_refuses: bool,
    ) {
        let issue = Issue::with_subject(&path.to_pointer(), error, &subject.fr(), &subject.en());
        self.error(if datapass_refuses {
            issue.refused_by_datapass()
        } else {
            issue
        });
    }

    /// An error of the value at `path`, named by the error's own subject.
    pub(crate) fn error_at(&mut self, path: &Path<'_>, error: &dyn Diagnostic) {
        self.error(Issue::from_error(path.to_pointer().as_str(), error));
    }

    /// Parses a required value: absent, `null` or blank gives `required` (and so does a value
    /// DataPass sees as blank once its HTML is stripped, when DataPass requires it); otherwise
    /// the type's own parser decides, then DataPass's check.
    pub(crate) fn parse<T>(
        &mut self,
        raw: Option<&str>,
        path: &Path<'_>,
        subject: Subject,
        datapass: DataPassCheck,
    ) -> Option<T>
    where
        T: FromStr,
        T::Err: Diagnostic,
    {
        match raw {
            Some(raw) if !raw.trim().is_empty() && !datapass.missing(raw) => {
                self.parse_given(raw, path, subject, datapass)
            }
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
        datapass: DataPassCheck,
    ) -> Result<Option<T>, ()>
    where
        T: FromStr,
        T::Err: Diagnostic,
    {
        match raw {
            Some(raw) if !raw.trim().is_empty() => self
                .parse_given(raw, path, subject, datapass)
                .map(Some)
                .ok_or(()),
            _ => Ok(None),
        }
    }

    /// Parses a value that is given: the crate's parser, then DataPass's check. A value both
    /// refuse gets one issue, DataPass's.
    fn parse_given<T>(
        &mut self,
        raw: &str,
        path: &Path<'_>,
        subject: Subject,
        datapass: DataPassCheck,
    ) -> Option<T>
    where
        T: FromStr,
        T::Err: Diagnostic,
    {
        match raw.parse::<T>() {
            Ok(value) => match datapass.refusal() {
                Some(refusal) if !datapass.accepts(raw) => {
                    self.diagnostic(path, &refusal, subject, true);
                    None
                }
                _ => Some(value),
            },
            Err(e) => {
                let refuses = !datapass.accepts(raw);
                self.diagnostic(path, &e, subject, refuses);
                None
            }
        }
    }

    /// Whether the strict rules found no error since `errors_before` ([`Checker::error_count`]).
    pub(crate) fn is_clean_since(&self, errors_before: usize) -> bool {
        self.strict_errors == errors_before
    }

    /// The errors so far under the strict rules.
    pub(crate) fn error_count(&self) -> usize {
        self.strict_errors
    }
}
