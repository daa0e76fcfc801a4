//! [`ApiErrors`]: an error body of DataPass's API, read into the crate's issues.

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer};

use super::keys::target;
use crate::codes::Code;
use crate::diagnostic::Params;
use crate::json::format::{Format, FormatName, refuse_unknown};
use crate::json::{Document, ReadOptions};
use crate::report::{Issue, ValidationReport};

/// DataPass's refusals, as issues of the crate: an error body
/// (`{"errors": [{"status", "title", "detail", "source": {"pointer"}}]}`, JSON:API style) read
/// so that a back-end shows them beside the crate's own.
///
/// Each error becomes a `datapass.refused` issue whose French message is DataPass's text (its
/// `detail`, or its `title`), whose path is the crate's field for DataPass's pointer
/// (`/data/contact_technique_email` → `/contacts/technical_contact/email`, `/applicant` →
/// `/contacts/applicant`, `/organization/siret` → `/organization/siret`), and whose params keep
/// `status`, `title` and the original `pointer`. An error without `source` — DataPass sends its
/// model validation failures, « Demande invalide », that way — or with a pointer the crate has no
/// field for is a root issue (`""`).
///
/// ```
/// use datapass_psc::datapass::ApiErrors;
/// let body = r#"{"errors": [
///   {"status": "422", "title": "Demande invalide",
///    "detail": "Email du contact technique n'est pas valide",
///    "source": {"pointer": "/data/contact_technique_email"}},
///   {"status": "422", "title": "Demande invalide",
///    "detail": "Vous devez acceptez les conditions générales avant de continuer"}]}"#;
/// let errors = ApiErrors::from_json_slice(body.as_bytes())?;
/// let [email, terms] = errors.issues() else { unreachable!() };
/// assert_eq!(email.code, "datapass.refused");
/// assert_eq!(email.path, "/contacts/technical_contact/email");
/// assert_eq!(email.message_fr, "Email du contact technique n'est pas valide");
/// assert_eq!(terms.path, "");
/// # Ok::<(), datapass_psc::ValidationReport>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiErrors {
    issues: Vec<Issue>,
}

impl ApiErrors {
    crate::json::readers! {
        /// Reads an error body of DataPass's API.
        ///
        /// # Errors
        /// A report with one issue, `json.*`, when the body is not an error body (not JSON, no
        /// `errors` array, a key the JSON:API error object does not have).
    }

    /// The refusals, one issue each, in DataPass's order.
    #[must_use]
    pub fn issues(&self) -> &[Issue] {
        &self.issues
    }

    /// The refusals as a report, to merge with the crate's own.
    #[must_use]
    pub fn into_report(self) -> ValidationReport {
        let mut report = ValidationReport::new();
        for issue in self.issues {
            report.push_error(issue);
        }
        report
    }
}

/// The JSON:API error body.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    rename = "DataPassApiErrors",
    description = "An error body of DataPass's API (JSON:API): every error with its HTTP status, title, detail and, for a field, its JSON Pointer."
)]
pub(crate) struct ErrorsWire {
    errors: Vec<ErrorWire>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "DataPassApiError")]
struct ErrorWire {
    /// The HTTP status, as a string (`"422"`) or a number.
    #[serde(default)]
    status: Option<Status>,
    /// « Clé invalide », « Demande invalide »…
    #[serde(default)]
    title: Option<String>,
    /// DataPass's French text.
    #[serde(default)]
    detail: Option<String>,
    #[serde(default)]
    source: Option<SourceWire>,
    #[serde(default)]
    code: Option<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "DataPassApiErrorSource")]
struct SourceWire {
    #[serde(default)]
    pointer: Option<String>,
    #[serde(default)]
    parameter: Option<String>,
}

/// An HTTP status, written as JSON:API writes it (a string) or as a number.
#[derive(JsonSchema)]
#[schemars(with = "serde_json::Value")]
struct Status(String);

impl<'de> Deserialize<'de> for Status {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StatusVisitor;
        impl Visitor<'_> for StatusVisitor {
            type Value = Status;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an HTTP status")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Status, E> {
                Ok(Status(v.to_string()))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Status, E> {
                Ok(Status(v.to_owned()))
            }
        }
        deserializer.deserialize_any(StatusVisitor)
    }
}

/// The crate's path for a pointer of DataPass's API.
fn crate_path(pointer: &str) -> Option<String> {
    if let Some(key) = pointer.strip_prefix("/data/") {
        return target(key).and_then(super::keys::Target::path);
    }
    let rest = pointer
        .strip_prefix("/demande")
        .filter(|r| r.starts_with('/'))
        .unwrap_or(pointer);
    if rest != pointer {
        return crate_path(rest);
    }
    match rest {
        "/applicant" => Some("/contacts/applicant".to_owned()),
        "/organization" | "/organisation" => Some("/organization".to_owned()),
        "/organization/siret" | "/organisation/siret" => Some("/organization/siret".to_owned()),
        _ => rest.strip_prefix("/applicant/").map(|part| {
            let part = if part == "phone_number" {
                "phone"
            } else {
                part
            };
            format!("/contacts/applicant/{part}")
        }),
    }
}

/// An error body: the crate's format for reading it is strict (JSON:API fixes its keys).
static API_ERRORS_FORMAT: Format = Format {
    name: FormatName::DataPass,
    max_bytes: ReadOptions::DEFAULT_MAX_BYTES,
    unknown_keys: refuse_unknown,
};

impl Document for ApiErrors {
    type Wire = ErrorsWire;

    const FORMAT: &'static Format = &API_ERRORS_FORMAT;

    fn read_wire<'de, D: Deserializer<'de>>(deserializer: D) -> Result<ErrorsWire, D::Error> {
        ErrorsWire::deserialize(deserializer)
    }

    fn finish(wire: ErrorsWire, _: &ReadOptions) -> Result<Self, Issue> {
        let issues = wire
            .errors
            .into_iter()
            .map(|error| {
                let pointer = error.source.and_then(|s| s.pointer.or(s.parameter));
                let status = error.status.map(|s| s.0);
                let title = error.title.unwrap_or_default();
                let text = error
                    .detail
                    .filter(|d| !d.trim().is_empty())
                    .unwrap_or_else(|| title.clone());
                let path = pointer.as_deref().and_then(crate_path).unwrap_or_default();
                let mut params = Params::new();
                if let Some(status) = &status {
                    params.insert("status", status.clone());
                }
                params.insert("title", title);
                if let Some(pointer) = &pointer {
                    params.insert("pointer", pointer.clone());
                }
                if let Some(code) = error.code {
                    params.insert("datapass_code", code);
                }
                let status = status.map(|s| format!(" (HTTP {s})")).unwrap_or_default();
                Issue::new(
                    Code::DataPassRefused,
                    path,
                    text.clone(),
                    format!("DataPass refused this{status}: {text}"),
                    params,
                )
            })
            .collect();
        Ok(Self { issues })
    }
}
