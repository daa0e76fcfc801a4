//! [`RequestDraft`]: what a form or an API sends, every field optional and unchecked.

use schemars::JsonSchema;
use serde::Serialize;

use super::contacts::ContactRole;
use crate::report::ValidationReport;

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
/// let draft = RequestDraft::from_json(r#"{"organization": {"siret": "1234"}}"#)?;
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
    /// Reads a draft from JSON text. A leading byte-order mark is accepted.
    ///
    /// Values are not checked (that is [`RequestDraft::validate`]'s job): a draft whose SIRET is
    /// `"abc"` loads.
    ///
    /// # Errors
    /// A report with one structural issue, the first in document order: `json.syntax` (not
    /// JSON), `json.duplicate_key`, `json.unknown_field` (a key the format does not have, at that
    /// key's path), `json.invalid_type` (`"12"` or `12.5` where an integer is expected, a string
    /// or an array where an object is expected), `json.too_large` (over 1 MiB), `json.too_deep`,
    /// `json.encoding` (UTF-16 or UTF-32).
    pub fn from_json(text: &str) -> Result<Self, ValidationReport> {
        Self::from_json_slice(text.as_bytes())
    }

    crate::json::readers! {
        /// Reads a draft from JSON bytes; see [`RequestDraft::from_json`].
        ///
        /// # Errors
        /// As [`RequestDraft::from_json`]; invalid UTF-8 is `json.syntax`.
    }
}

/// The organisation: its SIRET, as typed.
#[derive(Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganizationDraft {
    /// The SIRET of the establishment filing the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub siret: Option<String>,
}

/// The project's name and description.
#[derive(Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjectDraft {
    /// « Nom du projet » (made public by DataPass).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// « Description du projet (à quoi va-t-il servir ? qui l'utilisera ?) ».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// The legal basis: its nature, and a URL or documents.
#[derive(Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LegalBasisDraft {
    /// « Précisez la nature et les références du texte vous autorisant à traiter les données ».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nature: Option<String>,
    /// « Lien vers le texte relatif au cadre juridique ».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The attached documents (PDF, under 10 MiB each, 6 at most).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documents: Option<Vec<DocumentDraft>>,
}

/// An attached document, described by its metadata (the crate never sees the file's bytes).
#[derive(Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentDraft {
    /// The file name, without any directory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
    /// The media type, such as `application/pdf`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    /// The size in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = crate::schema::unsigned)]
    pub size_bytes: Option<u64>,
}

/// The processing of personal data: recipients and retention.
#[derive(Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonalDataDraft {
    /// « Destinataires des données »: 1 to 20 entries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipients: Option<Vec<String>>,
    /// « Durée de conservation » in months; any integer loads, 0–1200 is valid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention_months: Option<i64>,
    /// Required when the retention period is above 36 months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention_justification: Option<String>,
}

/// The four contacts of a request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactsDraft {
    /// The applicant (« demandeur »), from the signed-in account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applicant: Option<ContactDraft>,
    /// The data controller (« responsable de traitement »).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_controller: Option<ContactDraft>,
    /// The data protection officer (« délégué à la protection des données »).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_protection_officer: Option<ContactDraft>,
    /// The technical contact (« responsable technique »).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technical_contact: Option<ContactDraft>,
}

/// One contact, as typed. `Debug` masks every personal value.
#[derive(Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactDraft {
    /// « Prénom ».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given_name: Option<String>,
    /// « Nom de famille ».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family_name: Option<String>,
    /// « Fonction » / « Poste occupé ».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_title: Option<String>,
    /// « Email ».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// « Téléphone ».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

impl ContactsDraft {
    /// « C'est moi » : fills `role` with the applicant's five fields. Does nothing when `role` is
    /// the applicant itself.
    ///
    /// ```
    /// use datapass_psc::request::{ContactDraft, ContactsDraft, ContactRole};
    /// let mut contacts = ContactsDraft {
    ///     applicant: Some(ContactDraft { given_name: Some("Inès".into()), ..Default::default() }),
    ///     ..Default::default()
    /// };
    /// contacts.fill_from_applicant(ContactRole::TechnicalContact);
    /// assert_eq!(contacts.technical_contact, contacts.applicant);
    /// ```
    pub fn fill_from_applicant(&mut self, role: ContactRole) {
        if role != ContactRole::Applicant {
            *self.slot(role) = self.applicant.clone();
        }
    }

    /// The contact in `role`.
    #[must_use]
    pub fn get(&self, role: ContactRole) -> Option<&ContactDraft> {
        use ContactRole as R;
        match role {
            R::Applicant => self.applicant.as_ref(),
            R::DataController => self.data_controller.as_ref(),
            R::DataProtectionOfficer => self.data_protection_officer.as_ref(),
            R::TechnicalContact => self.technical_contact.as_ref(),
        }
    }

    /// The slot of the contact in `role`.
    pub(crate) fn slot(&mut self, role: ContactRole) -> &mut Option<ContactDraft> {
        use ContactRole as R;
        match role {
            R::Applicant => &mut self.applicant,
            R::DataController => &mut self.data_controller,
            R::DataProtectionOfficer => &mut self.data_protection_officer,
            R::TechnicalContact => &mut self.technical_contact,
        }
    }
}
