//! [`AuthorizationRequest`]: the complete, valid request, and the validation that builds it
//! from a [`RequestDraft`].

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

use super::check::Checker;
use super::checkboxes::{CheckboxError, Ticked, check_checkbox};
use super::contacts::ContactsDraft;
use super::contacts::{ContactRole, Contacts, check_contacts};
use super::document::DocumentDraft;
use super::draft::RequestDraft;
use super::legal_basis::LegalBasisDraft;
use super::legal_basis::{LegalBasis, check_legal_basis};
use super::personal_data::PersonalDataDraft;
use super::personal_data::{PersonalData, check_personal_data};
use super::project::{Organization, Project, check_organization, check_project};
use super::project::{OrganizationDraft, ProjectDraft};
use super::scopes::{Scopes, check_scopes};
use crate::codes::Code;
use crate::diagnostic::{Description, Diagnostic};
use crate::json::{self, Readable, format::Format};
use crate::options::Options;
use crate::report::{Issue, ValidationReport};
use crate::rules::Rules;

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
/// let request: AuthorizationRequest = RequestDraft::from_json_slice(json.as_bytes())?.validate()?;
/// assert_eq!(request.organization().siret.as_str(), "13002526500013");
/// assert!(request.warnings().is_empty());
/// let canonical = serde_json::to_string(&request)?;
/// let again = RequestDraft::from_json_slice(canonical.as_bytes())?.validate()?;
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
            ..Checker::new(Rules::Strict)
        });
        request.ok_or(report)
    }

    /// `deserialize_with` for a stored snapshot inside another document: read through the
    /// enclosing reader, then [`AuthorizationRequest::from_stored`].
    pub(crate) fn deserialize_stored<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        let draft: RequestDraft = json::nested(deserializer)?;
        Self::from_stored(&draft)
            .map_err(|_| serde::de::Error::custom("the stored request does not validate"))
    }
}

/// Reads a draft through the crate's reader and validates it; the error is
/// `request.invalid`, its message giving the number of problems.
impl Readable for AuthorizationRequest {
    type Wire = RequestDraft;

    const FORMAT: &'static Format = RequestDraft::FORMAT;

    fn read_wire<'de, D: Deserializer<'de>>(deserializer: D) -> Result<RequestDraft, D::Error> {
        RequestDraft::read_wire(deserializer)
    }

    fn finish(wire: RequestDraft, _: &Options) -> Result<Self, Issue> {
        wire.validate()
            .map_err(|report| Issue::from_error("", &RequestRefused(&report)))
    }
}

/// A request read through serde that does not validate, summed up by its number of errors and
/// the first one's code and path (which never quote a value).
#[derive(Debug, thiserror::Error)]
#[error("the request is not valid")]
struct RequestRefused<'a>(&'a ValidationReport);

impl Diagnostic for RequestRefused<'_> {
    fn describe(&self) -> Description {
        let n = self.0.errors().len();
        let (code, path) = self
            .0
            .errors()
            .first()
            .map(|i| (i.code.as_str(), i.path.as_str()))
            .unwrap_or_default();
        Description::new(
            Code::RequestInvalid,
            ("la demande", "the request"),
            format!("n'est pas valide ({n} erreur(s), la première : {code} à {path:?})"),
            format!("is not valid ({n} error(s), the first: {code} at {path:?})"),
        )
        .with("error_count", n)
    }
}

impl<'de> Deserialize<'de> for AuthorizationRequest {
    /// Reads a draft through the crate's reader and validates it.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        json::deserialize(deserializer)
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
    /// The strict rules apply ([`Rules::Strict`]): the typed request exists only when every
    /// rule holds, DataPass's, the Pro Santé Connect form's and the crate's own. The warnings of
    /// a valid request stay reachable through [`AuthorizationRequest::warnings`];
    /// [`RequestDraft::report`] gives errors and warnings together.
    ///
    /// # Errors
    /// A [`ValidationReport`] with one issue per failing value: `{}` gives one `required` per
    /// missing leaf, plus `scopes.empty`, `legal_basis.reference_missing`, `terms.not_accepted`
    /// and `dpo.not_informed`.
    pub fn validate(&self) -> Result<AuthorizationRequest, ValidationReport> {
        let (request, report) = self.check(Rules::Strict);
        request.ok_or(report)
    }

    /// The full report (errors and warnings) of this draft under the strict rules.
    #[must_use]
    pub fn report(&self) -> ValidationReport {
        self.check(Rules::Strict).1
    }

    /// The full report of this draft under the rule set of `options`
    /// ([`Options::with_rules`]): under [`Rules::DataPass`], the issues whose origin is the
    /// Pro Santé Connect form or the crate's strict checks are warnings, with the same code,
    /// path and messages, and the report is valid when DataPass would accept the request at
    /// submission (apart from what cannot be checked offline: whether an email address is
    /// deliverable, the attached PDFs themselves, the SIRET in the Sirene register).
    ///
    /// ```
    /// use datapass_psc::{Options, RequestDraft, Rules};
    /// let mut draft = RequestDraft::from_json_slice(&std::fs::read_to_string("examples/requests/hospiconnect.json")?.as_bytes())?;
    /// // A phone as DataPass stores it, extension included: DataPass checks its presence only.
    /// draft.contacts.as_mut().unwrap().data_protection_officer.as_mut().unwrap().phone =
    ///     Some("04 72 61 77 77 poste 4521".into());
    /// assert!(!draft.report().is_valid());
    /// let report = draft.report_with(&Options::default().with_rules(Rules::DataPass));
    /// assert!(report.is_valid());
    /// let warning = &report.warnings()[0];
    /// assert_eq!((warning.code.as_str(), warning.origin.as_str()), ("phone.extension", "strict"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn report_with(&self, options: &Options) -> ValidationReport {
        self.check(options.rules()).1
    }

    /// The report under `rules`, and the request when the strict rules find no error.
    fn check(&self, rules: Rules) -> (Option<AuthorizationRequest>, ValidationReport) {
        self.check_with(Checker::new(rules))
    }

    /// Runs every section's rules in the field order of the wire format.
    fn check_with(&self, mut c: Checker) -> (Option<AuthorizationRequest>, ValidationReport) {
        let organization = check_organization(self.organization.as_ref(), &mut c);
        let project = check_project(self.project.as_ref(), &mut c);
        let legal_basis = check_legal_basis(self.legal_basis.as_ref(), &mut c);
        let scopes = check_scopes(self.scopes.as_deref(), &mut c);
        let personal_data = check_personal_data(self.personal_data.as_ref(), &mut c);
        let contacts = check_contacts(self.contacts.as_ref(), &ContactRole::ALL, &mut c);
        let terms = check_checkbox(self.terms_accepted, CheckboxError::TermsNotAccepted, &mut c);
        let dpo = check_checkbox(self.dpo_informed, CheckboxError::DpoNotInformed, &mut c);
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
        (request.filter(|_| c.is_clean_since(0)), c.report)
    }
}

/// Parses JSON text and validates it under the strict rules: the report of
/// [`RequestDraft::from_json_slice`] for a structural problem, otherwise the full report of
/// [`RequestDraft::report`]. For bytes, [`RequestDraft::from_json_slice`] then
/// [`RequestDraft::report`].
///
/// ```
/// let report = datapass_psc::validate_json("{}");
/// assert!(!report.is_valid());
/// assert!(report.errors().iter().any(|i| i.path == "/contacts/technical_contact/phone"));
/// ```
#[must_use]
pub fn validate_json(text: &str) -> ValidationReport {
    validate_json_with(text, &Options::default())
}

/// Parses JSON text with the limits of `options` and validates it under its rule set
/// ([`RequestDraft::report_with`]).
#[must_use]
pub fn validate_json_with(text: &str, options: &Options) -> ValidationReport {
    match RequestDraft::from_json_slice_with(text.as_bytes(), options) {
        Ok(draft) => draft.report_with(options),
        Err(report) => report,
    }
}
