//! Reading a [`ValidationReport`] and its [`Issue`]s back (a command line's `--format json`
//! output, a stored result), through the crate's reader, and their JSON Schema.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

use crate::codes::Code;
use crate::diagnostic::{Description, Diagnostic, Params};
use crate::json::format::Format;
use crate::json::{self, Readable};
use crate::options::Options;
use crate::report::{Issue, ValidationReport};
use crate::rules::Origin;

impl ValidationReport {
    crate::json::readers! {
        /// Reads a report back from JSON (the command line's `--format json` output, a stored
        /// result), with the crate's reader.
        ///
        /// ```
        /// use datapass_psc::{RequestDraft, ValidationReport};
        /// let report = RequestDraft::default().validate().unwrap_err();
        /// let json = serde_json::to_vec(&report)?;
        /// assert_eq!(ValidationReport::from_json_slice(&json)?, report);
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        ///
        /// # Errors
        /// A report with one issue: `json.*` for a structural problem, `report.invalid` for an
        /// unknown code or origin, or `valid` disagreeing with `errors`.
    }
}

/// The serialized form of a report.
#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename = "ValidationReport")]
pub(crate) struct ReportRepr {
    /// True when there is no error (warnings allowed).
    valid: bool,
    /// The errors, in the field order of the wire format.
    #[serde(deserialize_with = "json::nested_vec")]
    errors: Vec<Issue>,
    /// The warnings.
    #[serde(deserialize_with = "json::nested_vec")]
    warnings: Vec<Issue>,
}

/// The structure of an [`Issue`], read by serde's derived code inside the crate's reader
/// (`remote`: the compiler checks that it has the issue's fields).
#[derive(Deserialize)]
#[serde(remote = "Issue", deny_unknown_fields)]
struct IssueWire {
    code: Code,
    path: String,
    message_fr: String,
    message_en: String,
    params: Params,
    origin: Origin,
}

/// A report whose `valid` disagrees with its errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("`valid` disagrees with `errors`")]
struct ValidMismatch;

impl Diagnostic for ValidMismatch {
    fn describe(&self) -> Description {
        Description::new(
            Code::ReportInvalid,
            ("« valid »", "`valid`"),
            "doit valoir true exactement quand « errors » est vide",
            "must be true exactly when `errors` is empty",
        )
    }
}

impl Readable for Issue {
    type Wire = Self;

    const FORMAT: &'static Format = &Format::REPORT;

    fn read_wire<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        IssueWire::deserialize(deserializer)
    }

    fn finish(wire: Self, _: &Options) -> Result<Self, Issue> {
        Ok(wire)
    }
}

impl<'de> Deserialize<'de> for Issue {
    /// Reads through the crate's reader: a structural problem or an unknown code is refused
    /// with its code and path, without quoting the document.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        json::deserialize(deserializer)
    }
}

impl Readable for ValidationReport {
    type Wire = ReportRepr;

    const FORMAT: &'static Format = &Format::REPORT;

    fn read_wire<'de, D: Deserializer<'de>>(deserializer: D) -> Result<ReportRepr, D::Error> {
        ReportRepr::deserialize(deserializer)
    }

    fn finish(repr: ReportRepr, _: &Options) -> Result<Self, Issue> {
        if repr.valid != repr.errors.is_empty() {
            return Err(Issue::from_error("/valid", &ValidMismatch));
        }
        Ok(Self::from_parts(repr.errors, repr.warnings))
    }
}

impl<'de> Deserialize<'de> for ValidationReport {
    /// Reads a report through the crate's reader; `valid` must agree with `errors`
    /// (`report.invalid` otherwise).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        json::deserialize(deserializer)
    }
}

impl JsonSchema for ValidationReport {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ValidationReport".into()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        "datapass_psc::ValidationReport".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        ReportRepr::json_schema(generator)
    }
}
