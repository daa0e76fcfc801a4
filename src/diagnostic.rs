//! The shape every rejection of this crate shares: a stable code, French and English messages,
//! and parameters for front ends that write their own text.
//!
//! Each error type owns its code and its wording, next to the rule that produces it. A message is
//! built from a *subject* (the field, with its article: « le numéro SIRET », « l'adresse e-mail du
//! contact technique ») and a *predicate* supplied by the error (« ne respecte pas la formule de
//! Luhn »). The request module supplies field-specific subjects; used alone, an error names its
//! value generically ([`Diagnostic::subject_fr`]).

use serde_json::{Map, Value};

/// A rejection with a stable machine-readable code and user-facing messages.
///
/// Implemented by every error type of the crate that can end up in a
/// [`ValidationReport`](crate::ValidationReport).
pub trait Diagnostic: std::error::Error {
    /// Stable code, such as `siret.checksum`. Codes never change meaning between versions.
    fn code(&self) -> &'static str;

    /// The value named generically in French, with its article (« le numéro SIRET »).
    fn subject_fr(&self) -> &'static str;

    /// The value named generically in English, with its article ("the SIRET number").
    fn subject_en(&self) -> &'static str;

    /// What is wrong, in French, as the rest of a sentence whose subject is the field
    /// (« ne possède pas 14 chiffres »). Never quotes a personal value.
    fn predicate_fr(&self) -> String;

    /// What is wrong, in English, as the rest of a sentence ("does not have 14 digits").
    fn predicate_en(&self) -> String;

    /// Data a front end needs to write its own text (`{"index": 13}`), possibly empty.
    fn params(&self) -> Map<String, Value> {
        Map::new()
    }

    /// A complete French sentence naming the value generically.
    fn message_fr(&self) -> String {
        sentence(self.subject_fr(), &self.predicate_fr())
    }

    /// A complete English sentence naming the value generically.
    fn message_en(&self) -> String {
        sentence(self.subject_en(), &self.predicate_en())
    }
}

/// Joins a subject and a predicate into a sentence starting with a capital letter.
///
/// ```
/// assert_eq!(
///     datapass_psc::diagnostic::sentence("l'adresse e-mail", "n'est pas valide"),
///     "L'adresse e-mail n'est pas valide"
/// );
/// ```
#[must_use]
pub fn sentence(subject: &str, predicate: &str) -> String {
    let mut out = String::with_capacity(subject.len() + predicate.len() + 1);
    let mut chars = subject.chars();
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
        out.push_str(chars.as_str());
        out.push(' ');
    }
    out.push_str(predicate);
    out
}

/// Builds a `params` map from `(key, value)` pairs.
pub(crate) fn params<const N: usize>(pairs: [(&str, Value); N]) -> Map<String, Value> {
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}
