//! [`RequestDraft`]: what a form or an API sends, every field optional and unchecked.

use schemars::JsonSchema;
use serde::Serialize;

use super::contacts::ContactsDraft;
use super::legal_basis::LegalBasisDraft;
use super::personal_data::PersonalDataDraft;
use super::project::{OrganizationDraft, ProjectDraft};

/// A request as a form or an API sends it: every field optional, every value raw.
///
/// A draft always loads, whatever its values (a malformed SIRET, a blank name, `1300` months):
/// only malformed JSON, a wrong JSON type or an unknown key are refused when parsing. Checking
/// the values is [`RequestDraft::validate`]'s job, which reports every problem at once.
///
/// Serialized with the wire format's keys; absent values are left out.
///
/// ```
/// use datapass_psc::RequestDraft;
/// let draft = RequestDraft::from_json_slice(r#"{"organization": {"siret": "1234"}}"#.as_bytes())?;
/// let report = draft.validate().unwrap_err();
/// assert_eq!(report.errors()[0].path, "/organization/siret");
/// assert_eq!(report.errors()[0].code, "siret.length");
/// # Ok::<(), datapass_psc::ValidationReport>(())
/// ```
///
/// `Debug` shows no value as a person typed it: names as their initial, emails and phones
/// masked, free text as its length, and a SIRET, URL, scope or media type only when valid.
#[derive(Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    description = "A request draft as a form or an API sends it: every field optional, values unchecked. Only the structure is constrained (types, known keys)."
)]
pub struct RequestDraft {
    /// The organisation filing the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<OrganizationDraft>,
    /// The project (« Mon projet »).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<ProjectDraft>,
    /// The legal basis (« Le cadre juridique »).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_basis: Option<LegalBasisDraft>,
    /// The data scopes (« Les données »): `idnat`, `donnees_sectorielles`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<String>>,
    /// The processing of personal data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personal_data: Option<PersonalDataDraft>,
    /// The four contacts (« Les personnes impliquées »).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contacts: Option<ContactsDraft>,
    /// « J’ai pris connaissance des conditions générales d’utilisation et je les valide. »
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms_accepted: Option<bool>,
    /// « Je confirme que le délégué à la protection des données de mon organisation est informé
    /// de ma demande. »
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpo_informed: Option<bool>,
}

impl RequestDraft {
    crate::json::readers! {
        /// Reads a draft from JSON bytes (text: `text.as_bytes()`). A leading byte-order mark
        /// is accepted.
        ///
        /// Values are not checked (that is [`RequestDraft::validate`]'s job): a draft whose
        /// SIRET is `"abc"` loads.
        ///
        /// # Errors
        /// A report with one structural issue, the first in document order: `json.syntax` (not
        /// JSON, or not UTF-8), `json.duplicate_key`, `json.unknown_field` (a key the format does
        /// not have, at that key's path), `json.invalid_type` (`"12"` or `12.5` where an integer
        /// is expected, a string or an array where an object is expected), `json.too_large`
        /// (over 1 MiB), `json.too_deep`, `json.encoding` (UTF-16 or UTF-32).
    }
}
