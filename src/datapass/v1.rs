//! [`Enrollment`]: a legacy DataPass v1 enrollment for API Pro Santé Connect (`GET
//! /api/enrollments/:id`, or the `pass` of a v1 webhook), imported into the crate's draft.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer};

use super::demande::{DemandeEvent, check_form};
use super::finding::Finding;
use super::wire::Id;
use crate::json::format::{Format, UnknownKeys};
use crate::json::{self, Readable, Segment};
use crate::lifecycle::{RequestNumber, RequestState};
use crate::options::Options;
use crate::report::{Issue, ValidationReport};
use crate::request::draft::RequestDraft;
use crate::request::{
    ContactDraft, ContactRole, ContactsDraft, LegalBasisDraft, OrganizationDraft,
    PersonalDataDraft, ProjectDraft,
};

/// A DataPass v1 enrollment for API Pro Santé Connect (`target_api: api_pro_sante_connect`),
/// the legacy platform's request, imported into the crate's draft with its number and state.
///
/// The mapping follows DataPass's own v1 → v2 migration, plus what v2 dropped and the crate
/// keeps: `intitule`, `description` → the project; `fondement_juridique_title`, `_url` → the
/// legal basis; `scopes` (an object whose keys are the scopes asked, each `true`; a `false`
/// is read as not asked) → the scopes;
/// `data_recipients` → the recipients, `data_retention_period` → the retention,
/// `data_retention_comment` → its justification; `team_members` of type `demandeur`,
/// `responsable_traitement`, `delegue_protection_donnees`, `responsable_technique` → the four
/// contacts (`job` → the job title); `cgu_approved`, `dpo_is_informed` → the two checkboxes;
/// `siret` → the organisation; `id` → the request number; `status` → the state.
///
/// v1 holds the recipients in one free-text string and the crate in a list: the string is cut
/// at line breaks and semicolons, each part trimmed, blank parts dropped, the order kept. A
/// comma does not separate (« Professionnels de santé (médecins, infirmiers) » is one
/// recipient). Legal-basis documents are not imported: v1 describes them by an upload URL, not
/// by the metadata the crate checks. Other keys are ignored (`nom_raison_sociale`,
/// `organization_id`, `documents`, `previous_enrollment_id`, `copied_from_enrollment_id`,
/// `reopening`, `can_reopen`, `acl`, `date_mise_en_production`, `volumetrie_approximative`,
/// `demarche`…).
///
/// ```
/// use datapass_psc::datapass::Enrollment;
/// let body = std::fs::read("tests/fixtures/datapass/v1-enrollment.json")?;
/// let enrollment = Enrollment::from_json_slice(&body)?;
/// let draft = enrollment.to_draft();
/// assert_eq!(draft.personal_data.unwrap().recipients.unwrap().len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enrollment {
    number: RequestNumber,
    state: RequestState,
    reopening: bool,
    content: RequestDraft,
    events: Vec<DemandeEvent>,
    warnings: Vec<Issue>,
}

impl Enrollment {
    crate::json::readers! {
        /// Reads a v1 enrollment.
        ///
        /// # Errors
        /// A report with one issue: `json.*` for a structural problem, `datapass.invalid` for a
        /// value that does not fit, `datapass.other_form` for an enrollment of another API.
    }

    /// Reads the enrollment of a v1 webhook call, `{"event", "fired_at", "model_type",
    /// "data": {"pass": enrollment}}`.
    ///
    /// # Errors
    /// As [`Enrollment::from_json_slice`].
    pub fn from_webhook_json_slice(bytes: &[u8]) -> Result<Self, ValidationReport> {
        Self::from_webhook_json_slice_with(bytes, &Options::default())
    }

    /// Reads the enrollment of a v1 webhook call with the given limits.
    ///
    /// # Errors
    /// As [`Enrollment::from_json_slice`].
    pub fn from_webhook_json_slice_with(
        bytes: &[u8],
        options: &Options,
    ) -> Result<Self, ValidationReport> {
        json::read::<V1Webhook>(bytes, options)
            .map(|read| read.value.0)
            .map_err(ValidationReport::single)
    }

    /// The request number: the enrollment id, which the v1 → v2 migration kept.
    #[must_use]
    pub fn number(&self) -> RequestNumber {
        self.number
    }

    /// The state (`status`).
    #[must_use]
    pub fn state(&self) -> RequestState {
        self.state
    }

    /// Whether a validated enrollment is being changed (v1's `reopening`).
    #[must_use]
    pub fn is_reopening(&self) -> bool {
        self.reopening
    }

    /// The history, as v1 lists it (v1 names the approval `validate`).
    #[must_use]
    pub fn events(&self) -> &[DemandeEvent] {
        &self.events
    }

    /// The request as a draft of the crate.
    #[must_use]
    pub fn to_draft(&self) -> RequestDraft {
        self.content.clone()
    }

    /// The warnings of the import: team members of a role the crate does not read.
    #[must_use]
    pub fn warnings(&self) -> &[Issue] {
        &self.warnings
    }
}

/// The JSON of a v1 enrollment, as read.
#[derive(Deserialize, JsonSchema)]
#[schemars(
    rename = "DataPassV1Enrollment",
    description = "A DataPass v1 enrollment for API Pro Santé Connect. Only the keys the crate reads are described; others are allowed."
)]
pub(crate) struct EnrollmentWire {
    id: Id<RequestNumber>,
    /// `api_pro_sante_connect`.
    #[serde(default)]
    target_api: Option<String>,
    /// The state, as in v2.
    status: RequestState,
    #[serde(default)]
    siret: Option<String>,
    #[serde(default)]
    intitule: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    fondement_juridique_title: Option<String>,
    #[serde(default)]
    fondement_juridique_url: Option<String>,
    /// The recipients, in one string.
    #[serde(default)]
    data_recipients: Option<String>,
    #[serde(default)]
    data_retention_period: Option<i64>,
    #[serde(default)]
    data_retention_comment: Option<String>,
    /// An object of the scopes asked: `{"idnat": true}` (v1 writes `true` values only).
    #[serde(default)]
    scopes: Option<BTreeMap<String, Option<bool>>>,
    #[serde(default)]
    team_members: Vec<TeamMemberWire>,
    #[serde(default)]
    cgu_approved: Option<bool>,
    #[serde(default)]
    dpo_is_informed: Option<bool>,
    #[serde(default)]
    events: Vec<V1EventWire>,
    /// Whether a validated enrollment is being changed.
    #[serde(default)]
    reopening: Option<bool>,
}

/// A team member of a v1 enrollment.
#[derive(Deserialize, JsonSchema)]
#[schemars(rename = "DataPassV1TeamMember")]
struct TeamMemberWire {
    /// `demandeur`, `responsable_traitement`, `delegue_protection_donnees`,
    /// `responsable_technique`.
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    given_name: Option<String>,
    #[serde(default)]
    family_name: Option<String>,
    #[serde(default)]
    phone_number: Option<String>,
    /// The job title.
    #[serde(default)]
    job: Option<String>,
}

/// An event of a v1 enrollment.
#[derive(Deserialize, JsonSchema)]
#[schemars(rename = "DataPassV1Event")]
struct V1EventWire {
    name: String,
    #[serde(default)]
    #[schemars(schema_with = "crate::lifecycle::optional_time_schema")]
    created_at: Option<DateTime<Utc>>,
}

/// The crate's role of a v1 team member type.
fn role(kind: &str) -> Option<ContactRole> {
    Some(match kind {
        "demandeur" => ContactRole::Applicant,
        "responsable_traitement" => ContactRole::DataController,
        "delegue_protection_donnees" => ContactRole::DataProtectionOfficer,
        "responsable_technique" => ContactRole::TechnicalContact,
        _ => return None,
    })
}

/// The recipients of v1's free-text string: cut at line breaks and semicolons, trimmed, blank
/// parts dropped.
pub(crate) fn recipients(text: &str) -> Vec<String> {
    text.split(['\n', '\r', ';'])
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_owned)
        .collect()
}

impl EnrollmentWire {
    /// The enrollment, its paths under `at`.
    fn into_enrollment(self, at: &str) -> Result<Enrollment, Issue> {
        check_form(
            at,
            &[(
                "target_api",
                self.target_api.as_deref(),
                "api_pro_sante_connect",
            )],
        )?;
        let mut warnings = Vec::new();
        let mut contacts = ContactsDraft::default();
        for (i, member) in self.team_members.into_iter().enumerate() {
            let Some(role) = role(&member.kind) else {
                warnings.push(Issue::from_error(
                    format!("{at}/team_members/{i}/type"),
                    &Finding::UnknownTeamRole { kind: &member.kind },
                ));
                continue;
            };
            *contacts.slot(role) = Some(ContactDraft {
                given_name: member.given_name,
                family_name: member.family_name,
                job_title: member.job,
                email: member.email,
                phone: member.phone_number,
            });
        }
        let scopes = self.scopes.map(|scopes| {
            scopes
                .into_iter()
                .filter(|(_, on)| *on == Some(true))
                .map(|(scope, _)| scope)
                .collect()
        });
        let content = RequestDraft {
            organization: self
                .siret
                .map(|siret| OrganizationDraft { siret: Some(siret) }),
            project: Some(ProjectDraft {
                name: self.intitule,
                description: self.description,
            }),
            legal_basis: Some(LegalBasisDraft {
                nature: self.fondement_juridique_title,
                url: self.fondement_juridique_url,
                documents: None,
            }),
            scopes,
            personal_data: Some(PersonalDataDraft {
                recipients: self.data_recipients.as_deref().map(recipients),
                retention_months: self.data_retention_period,
                retention_justification: self.data_retention_comment,
            }),
            contacts: Some(contacts),
            terms_accepted: self.cgu_approved,
            dpo_informed: self.dpo_is_informed,
        };
        Ok(Enrollment {
            number: self.id.0,
            state: self.status,
            reopening: self.reopening.unwrap_or(false),
            content,
            events: self
                .events
                .into_iter()
                .map(|e| DemandeEvent {
                    name: e.name,
                    created_at: e.created_at,
                })
                .collect(),
            warnings,
        })
    }
}

/// v1 documents: every key the crate does not read is ignored.
fn ignore_unknown(_: &[Segment<'_>]) -> UnknownKeys {
    UnknownKeys::Ignore
}

static V1_FORMAT: Format = Format::datapass(ignore_unknown);

impl Readable for Enrollment {
    type Wire = EnrollmentWire;

    const FORMAT: &'static Format = &V1_FORMAT;

    fn read_wire<'de, D: Deserializer<'de>>(deserializer: D) -> Result<EnrollmentWire, D::Error> {
        EnrollmentWire::deserialize(deserializer)
    }

    fn finish(wire: EnrollmentWire, _: &Options) -> Result<Self, Issue> {
        wire.into_enrollment("")
    }
}

/// The enrollment of a v1 webhook call.
struct V1Webhook(Enrollment);

/// The JSON of a v1 webhook call: `{"event", "fired_at", "model_type", "data": {"pass": …}}`.
#[derive(Deserialize, JsonSchema)]
#[schemars(
    rename = "DataPassV1Webhook",
    description = "The body of a DataPass v1 webhook call: the enrollment is data.pass."
)]
pub(crate) struct V1WebhookWire {
    /// `enrollment/api_pro_sante_connect`.
    #[serde(default)]
    model_type: Option<String>,
    data: V1WebhookData,
}

#[derive(Deserialize, JsonSchema)]
#[schemars(rename = "DataPassV1WebhookData")]
struct V1WebhookData {
    pass: EnrollmentWire,
}

impl Readable for V1Webhook {
    type Wire = V1WebhookWire;

    const FORMAT: &'static Format = &V1_FORMAT;

    fn read_wire<'de, D: Deserializer<'de>>(deserializer: D) -> Result<V1WebhookWire, D::Error> {
        V1WebhookWire::deserialize(deserializer)
    }

    fn finish(wire: V1WebhookWire, _: &Options) -> Result<Self, Issue> {
        check_form(
            "",
            &[(
                "model_type",
                wire.model_type.as_deref(),
                "enrollment/api_pro_sante_connect",
            )],
        )?;
        wire.data.pass.into_enrollment("/data/pass").map(V1Webhook)
    }
}
