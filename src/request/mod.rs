//! The authorization request: the draft a form sends, its validation, and the complete,
//! typed [`AuthorizationRequest`].
//!
//! One section of the form per file: [`project`] (organisation and project),
//! [`legal_basis`], [`scopes`],
//! [`personal_data`], [`contacts`]. Each owns its typed value
//! and its rules; this module runs them in the field order of the wire format.

mod check;
pub mod contacts;
pub mod draft;
pub(crate) mod json;
pub mod legal_basis;
pub mod personal_data;
pub mod project;
pub mod scopes;

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};
use validator::ValidationErrors;

use crate::diagnostic::Diagnostic;
use crate::report::{Issue, Pointer, ValidationReport};
use check::Checker;

pub use contacts::{Contact, ContactRole, Contacts};
pub use draft::{
    ContactDraft, ContactsDraft, DocumentDraft, LegalBasisDraft, OrganizationDraft,
    PersonalDataDraft, ProjectDraft, RequestDraft,
};
pub use legal_basis::{
    Document, DocumentError, LegalBasis, LegalBasisUrl, LegalBasisUrlError, PSC_LEGAL_NATURE,
    PSC_LEGAL_URL,
};
pub use personal_data::{PersonalData, TooManyRecipients};
pub use project::{Organization, Project};
pub use scopes::{Scope, Scopes, UnknownScope};

/// A complete, valid authorization request to API Pro Santé Connect.
///
/// The only way to get one is [`RequestDraft::validate`] (or deserializing, which validates the
/// same way), so every value holds: the SIRET's keys are right, the contacts are complete,
/// the legal basis has a URL or a document, both boxes are ticked.
///
/// Serialized in canonical form: compact, every key of the wire format present (`null` for an
/// absent URL or justification, `[]` for no documents), texts trimmed, the SIRET as 14 digits,
/// emails in lowercase, phones in E.164, scopes sorted. A valid request round-trips byte for
/// byte through parse → validate → serialize.
///
/// ```
/// use datapass_psc::{AuthorizationRequest, RequestDraft};
/// let json = std::fs::read_to_string("examples/requests/hospiconnect.json")?;
/// let request: AuthorizationRequest = RequestDraft::from_json(&json)?.validate()?;
/// assert_eq!(request.organization().siret.as_str(), "13002526500013");
/// assert!(request.warnings().is_empty());
/// let canonical = serde_json::to_string(&request)?;
/// let again = RequestDraft::from_json(&canonical)?.validate()?;
/// assert_eq!(serde_json::to_string(&again)?, canonical);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    rename = "AuthorizationRequest",
    description = "A complete authorization request (demande d'habilitation) to API Pro Santé Connect, as datapass-psc accepts it. The crate writes it back in canonical form: every key present, texts trimmed, SIRET as 14 digits, emails in lowercase, phones in E.164, scopes sorted. The schema cannot check Luhn keys, phone metadata or text lengths after trimming: validate with the crate."
)]
pub struct AuthorizationRequest {
    organization: Organization,
    project: Project,
    legal_basis: LegalBasis,
    scopes: Scopes,
    personal_data: PersonalData,
    contacts: Contacts,
    terms_accepted: Ticked,
    dpo_informed: Ticked,
}

/// A checkbox that must be ticked: always `true`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Ticked;

impl Serialize for Ticked {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bool(true)
    }
}

impl JsonSchema for Ticked {
    fn schema_name() -> Cow<'static, str> {
        "Ticked".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": "boolean", "const": true})
    }
}

impl AuthorizationRequest {
    /// The organisation (its SIRET).
    #[must_use]
    pub fn organization(&self) -> &Organization {
        &self.organization
    }

    /// The project.
    #[must_use]
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// The legal basis.
    #[must_use]
    pub fn legal_basis(&self) -> &LegalBasis {
        &self.legal_basis
    }

    /// The scopes.
    #[must_use]
    pub fn scopes(&self) -> &Scopes {
        &self.scopes
    }

    /// The processing of personal data.
    #[must_use]
    pub fn personal_data(&self) -> &PersonalData {
        &self.personal_data
    }

    /// The four contacts.
    #[must_use]
    pub fn contacts(&self) -> &Contacts {
        &self.contacts
    }

    /// The warnings of this valid request (`retention.above_usual` above 36 months).
    #[must_use]
    pub fn warnings(&self) -> Vec<Issue> {
        self.personal_data.warnings()
    }

    /// This request as a draft, with its canonical values: validating it gives this request back.
    #[must_use]
    pub fn to_draft(&self) -> RequestDraft {
        let documents = self
            .legal_basis
            .documents()
            .iter()
            .map(|d| DocumentDraft {
                file_name: Some(d.file_name().to_owned()),
                media_type: Some(d.media_type().to_owned()),
                size_bytes: Some(d.size_bytes()),
            })
            .collect();
        let contacts = &self.contacts;
        RequestDraft {
            organization: Some(OrganizationDraft {
                siret: Some(self.organization.siret.to_string()),
            }),
            project: Some(ProjectDraft {
                name: Some(self.project.name.to_string()),
                description: Some(self.project.description.to_string()),
            }),
            legal_basis: Some(LegalBasisDraft {
                nature: Some(self.legal_basis.nature().to_string()),
                url: self.legal_basis.url().map(ToString::to_string),
                documents: Some(documents),
            }),
            scopes: Some(self.scopes.iter().map(|s| s.as_str().to_owned()).collect()),
            personal_data: Some(PersonalDataDraft {
                recipients: Some(
                    self.personal_data
                        .recipients()
                        .iter()
                        .map(ToString::to_string)
                        .collect(),
                ),
                retention_months: Some(i64::from(self.personal_data.retention().months())),
                retention_justification: self
                    .personal_data
                    .retention_justification()
                    .map(ToString::to_string),
            }),
            contacts: Some(ContactsDraft {
                applicant: Some(contacts.applicant.to_draft()),
                data_controller: Some(contacts.data_controller.to_draft()),
                data_protection_officer: Some(contacts.data_protection_officer.to_draft()),
                technical_contact: Some(contacts.technical_contact.to_draft()),
            }),
            terms_accepted: Some(true),
            dpo_informed: Some(true),
        }
    }
}

impl AuthorizationRequest {
    /// Rebuilds a request stored earlier in canonical form (a habilitation snapshot).
    ///
    /// Every rule is checked as in [`RequestDraft::validate`], except that a phone number
    /// already written in E.164 is trusted even when today's phone metadata no longer
    /// recognises its range: a stored record must keep loading after a metadata update.
    ///
    /// # Errors
    /// The validation report, as [`RequestDraft::validate`].
    pub fn from_stored(draft: &RequestDraft) -> Result<Self, ValidationReport> {
        let (request, report) = draft.check_with(Checker {
            trust_stored_phones: true,
            ..Checker::default()
        });
        request.filter(|_| report.is_valid()).ok_or(report)
    }

    /// Deserializes a stored request through [`AuthorizationRequest::from_stored`].
    pub(crate) fn deserialize_stored<'de, D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        let draft = RequestDraft::deserialize(deserializer)?;
        Self::from_stored(&draft).map_err(serde::de::Error::custom)
    }
}

impl<'de> Deserialize<'de> for AuthorizationRequest {
    /// Deserializes a draft and validates it; the error lists every problem.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let draft = RequestDraft::deserialize(deserializer)?;
        draft.validate().map_err(serde::de::Error::custom)
    }
}

impl fmt::Display for WizardStep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A step of DataPass's form wizard, validated on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum WizardStep {
    /// « Mon projet »: project name and description.
    BasicInfos,
    /// « Le cadre juridique »: the legal basis.
    Legal,
    /// « Les données »: the scopes.
    Scopes,
    /// « Le traitement des données personnelles »: recipients and retention.
    PersonalData,
    /// « Les personnes impliquées »: data controller, DPO and technical contact (the applicant
    /// comes from the sign-in and is checked at submission).
    Contacts,
    /// « La synthèse »: everything, including the SIRET, the applicant and both checkboxes.
    Finish,
}

impl WizardStep {
    /// The steps in order.
    pub const ALL: [Self; 6] = [
        Self::BasicInfos,
        Self::Legal,
        Self::Scopes,
        Self::PersonalData,
        Self::Contacts,
        Self::Finish,
    ];

    /// DataPass's key for the step (`basic_infos`).
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            Self::BasicInfos => "basic_infos",
            Self::Legal => "legal",
            Self::Scopes => "scopes",
            Self::PersonalData => "personal_data",
            Self::Contacts => "contacts",
            Self::Finish => "finish",
        }
    }

    /// DataPass's French title (« Mon projet »).
    #[must_use]
    pub const fn title_fr(self) -> &'static str {
        match self {
            Self::BasicInfos => "Mon projet",
            Self::Legal => "Le cadre juridique",
            Self::Scopes => "Les données",
            Self::PersonalData => "Le traitement des données personnelles",
            Self::Contacts => "Les personnes impliquées",
            Self::Finish => "La synthèse",
        }
    }
}

/// The terms of service and DPO checkboxes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CheckboxError {
    /// `terms_accepted` is absent or false.
    #[error("terms of service not accepted")]
    TermsNotAccepted,
    /// `dpo_informed` is absent or false.
    #[error("data protection officer not informed")]
    DpoNotInformed,
}

impl Diagnostic for CheckboxError {
    fn code(&self) -> &'static str {
        match self {
            Self::TermsNotAccepted => "terms.not_accepted",
            Self::DpoNotInformed => "dpo.not_informed",
        }
    }
    fn subject_fr(&self) -> &'static str {
        "vous"
    }
    fn subject_en(&self) -> &'static str {
        "you"
    }
    fn predicate_fr(&self) -> String {
        match self {
            Self::TermsNotAccepted => {
                "devez valider les conditions générales d’utilisation avant de continuer".to_owned()
            }
            Self::DpoNotInformed => "devez confirmer avoir informé le délégué à la protection des \
                                     données de votre organisation avant de continuer"
                .to_owned(),
        }
    }
    fn predicate_en(&self) -> String {
        match self {
            Self::TermsNotAccepted => {
                "must accept the terms of service before continuing".to_owned()
            }
            Self::DpoNotInformed => {
                "must confirm that your organisation's data protection officer \
                                     is informed before continuing"
                    .to_owned()
            }
        }
    }
}

fn check_checkbox(
    value: Option<bool>,
    key: &str,
    error: CheckboxError,
    c: &mut Checker,
) -> Option<Ticked> {
    if value == Some(true) {
        Some(Ticked)
    } else {
        c.error(Issue::from_diagnostic(
            &Pointer::root().key(key),
            &error,
            error.subject_fr(),
            error.subject_en(),
        ));
        None
    }
}

impl RequestDraft {
    /// An empty draft pre-filled as DataPass creates a PSC request: the usual legal basis
    /// (« Arrêté du 24 mars 2021 » and its Légifrance URL).
    #[must_use]
    pub fn pro_sante_connect() -> Self {
        Self {
            legal_basis: Some(LegalBasis::pro_sante_connect_draft()),
            ..Self::default()
        }
    }

    /// Checks every rule and returns the complete request, or a report of every problem at once.
    ///
    /// The warnings of a valid request stay reachable through
    /// [`AuthorizationRequest::warnings`]; [`RequestDraft::report`] gives errors and warnings
    /// together.
    ///
    /// # Errors
    /// A [`ValidationReport`] with one issue per failing value: `{}` gives one `required` per
    /// missing leaf, plus `scopes.empty`, `legal_basis.reference_missing`, `terms.not_accepted`
    /// and `dpo.not_informed`.
    pub fn validate(&self) -> Result<AuthorizationRequest, ValidationReport> {
        let (request, report) = self.check();
        request.ok_or(report)
    }

    /// The full report (errors and warnings) of this draft.
    #[must_use]
    pub fn report(&self) -> ValidationReport {
        self.check().1
    }

    /// Validates once and returns both the complete request (`Some` exactly when the report has
    /// no error) and the full report, warnings included.
    #[must_use]
    pub fn validate_and_report(&self) -> (Option<AuthorizationRequest>, ValidationReport) {
        self.check()
    }

    /// Validates one wizard step on its own, without complaining about the other steps.
    ///
    /// ```
    /// use datapass_psc::{RequestDraft, request::WizardStep};
    /// let draft = RequestDraft::pro_sante_connect();
    /// assert!(draft.validate_step(WizardStep::Legal).is_valid());
    /// assert!(!draft.validate_step(WizardStep::BasicInfos).is_valid());
    /// ```
    #[must_use]
    pub fn validate_step(&self, step: WizardStep) -> ValidationReport {
        let mut c = Checker::default();
        match step {
            WizardStep::BasicInfos => {
                project::check_project(self.project.as_ref(), &mut c);
            }
            WizardStep::Legal => {
                legal_basis::check_legal_basis(self.legal_basis.as_ref(), &mut c);
            }
            WizardStep::Scopes => {
                scopes::check_scopes(self.scopes.as_deref(), &mut c);
            }
            WizardStep::PersonalData => {
                personal_data::check_personal_data(self.personal_data.as_ref(), &mut c);
            }
            WizardStep::Contacts => {
                contacts::check_contacts(
                    self.contacts.as_ref(),
                    &[
                        ContactRole::DataController,
                        ContactRole::DataProtectionOfficer,
                        ContactRole::TechnicalContact,
                    ],
                    &mut c,
                );
            }
            WizardStep::Finish => return self.report(),
        }
        c.report
    }

    fn check(&self) -> (Option<AuthorizationRequest>, ValidationReport) {
        let (request, report) = self.check_with(Checker::default());
        (request.filter(|_| report.is_valid()), report)
    }

    fn check_with(&self, mut c: Checker) -> (Option<AuthorizationRequest>, ValidationReport) {
        let organization = project::check_organization(self.organization.as_ref(), &mut c);
        let project = project::check_project(self.project.as_ref(), &mut c);
        let legal_basis = legal_basis::check_legal_basis(self.legal_basis.as_ref(), &mut c);
        let scopes = scopes::check_scopes(self.scopes.as_deref(), &mut c);
        let personal_data = personal_data::check_personal_data(self.personal_data.as_ref(), &mut c);
        let contacts = contacts::check_contacts(self.contacts.as_ref(), &ContactRole::ALL, &mut c);
        let terms = check_checkbox(
            self.terms_accepted,
            "terms_accepted",
            CheckboxError::TermsNotAccepted,
            &mut c,
        );
        let dpo = check_checkbox(
            self.dpo_informed,
            "dpo_informed",
            CheckboxError::DpoNotInformed,
            &mut c,
        );
        let request = (|| {
            Some(AuthorizationRequest {
                organization: organization?,
                project: project?,
                legal_basis: legal_basis?,
                scopes: scopes?,
                personal_data: personal_data?,
                contacts: contacts?,
                terms_accepted: terms?,
                dpo_informed: dpo?,
            })
        })();
        (request, c.report)
    }
}

/// Turns `validator`'s errors (collection sizes) into issues: `map` names the crate's error for a
/// field and the size found.
fn validator_issues<E: Diagnostic>(
    result: Result<(), ValidationErrors>,
    base: &Pointer,
    c: &mut Checker,
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
                c.error(Issue::from_diagnostic(
                    &base.key(&field),
                    &e,
                    e.subject_fr(),
                    e.subject_en(),
                ));
            }
        }
    }
}
