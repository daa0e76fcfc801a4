//! [`Demande`]: a DataPass v2 demande as DataPass sends it (`GET /demandes/{id}`, or inside a
//! webhook), read into a typed mirror and the crate's draft.

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer};

use super::data::Data;
use super::finding::Finding;
use super::keys::{Target, key_of};
use super::placeholder::placeholder_warnings;
use super::wire::{ApplicantWire, Id, OrganizationWire};
use crate::json::format::{Format, UnknownKeys};
use crate::json::{Readable, Segment};
use crate::lifecycle::{
    EventName, HabilitationNumber, HabilitationState, RequestNumber, RequestState,
};
use crate::options::Options;
use crate::report::Issue;
use crate::request::draft::RequestDraft;
use crate::request::{ContactRole, ContactsDraft, OrganizationDraft};

/// DataPass's identifiers of the PSC form, checked when a document names its form.
pub(crate) const FORM_UID: &str = "api-pro-sante-connect";
pub(crate) const DEFINITION_ID: &str = "api_pro_sante_connect";
pub(crate) const TYPE: &str = "AuthorizationRequest::APIProSanteConnect";

/// A DataPass v2 demande: what `GET /demandes/{id}` answers, and what a webhook carries.
///
/// The typed mirror of the facts the crate uses — number, state, reopening, dates,
/// habilitations, history — and the request itself as a [`RequestDraft`]
/// ([`Demande::to_draft`]): the flat `data` keys into their sections, the `applicant` object into
/// `contacts.applicant`, the organisation's SIRET into `organization.siret`. What DataPass does
/// not carry for PSC (recipients, retention, legal-basis documents, the two checkboxes; the
/// applicant's job title in `GET` responses) is left out, so that validating the draft reports
/// it as missing: nothing is invented.
///
/// Read as a third party's format: `form_uid` and `definition_id` are checked (another form is
/// `datapass.other_form`); keys the crate does not use outside `data` are ignored (`public_id`,
/// `type`, `service_provider`, `organisation.id`, `organisation.name`,
/// `organisation.insee_payload`, `applicant.id`, `applicant.uid`, `events[].id`, a habilitation's
/// `slug`, `authorization_request_class` and `request_id`…; DataPass may add more), an unknown
/// key inside `data` is a warning at its path ([`Demande::warnings`]), and so is a contact
/// DataPass marks as an organisation (`datapass.not_person`).
///
/// ```
/// use datapass_psc::datapass::Demande;
/// use datapass_psc::lifecycle::RequestState;
/// let body = std::fs::read("tests/fixtures/datapass/get-demande-60501-scopes-string.json")?;
/// let demande = Demande::from_json_slice(&body)?;
/// assert_eq!(demande.psc_connection_reference().to_string(), "D60501");
/// assert_eq!(demande.state(), RequestState::Submitted);
/// assert!(demande.is_reopening());
/// let draft = demande.to_draft();
/// assert_eq!(draft.scopes, Some(vec!["donnees_sectorielles".into(), "idnat".into()]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Demande {
    number: RequestNumber,
    state: RequestState,
    reopening: bool,
    created_at: Option<DateTime<Utc>>,
    last_submitted_at: Option<DateTime<Utc>>,
    last_validated_at: Option<DateTime<Utc>>,
    reopened_at: Option<DateTime<Utc>>,
    content: RequestDraft,
    habilitations: Vec<DemandeHabilitation>,
    events: Vec<DemandeEvent>,
    pub(super) warnings: Vec<Issue>,
}

/// A habilitation of a [`Demande`]: its number, state and approval date, and the snapshot of
/// the request's data taken at approval (a draft: DataPass's snapshot does not carry the
/// personal-data block).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DemandeHabilitation {
    /// The habilitation number (`H118386`).
    pub number: HabilitationNumber,
    /// Active, obsolete or revoked.
    pub state: HabilitationState,
    /// DataPass's `revoked` flag. The state is authoritative: a revocation done in DataPass v2
    /// sets the state to `revoked` and leaves this flag `false`; only DataPass's migration from
    /// v1 set it.
    pub revoked: bool,
    /// The approval date.
    pub created_at: Option<DateTime<Utc>>,
    /// The snapshot of the data, as a draft.
    pub content: RequestDraft,
}

/// An event of a [`Demande`]'s history, named as DataPass names it (`create_by_api`,
/// `transfer`… are kept as they are).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DemandeEvent {
    /// DataPass's name of the event.
    pub name: String,
    /// When it happened.
    pub created_at: Option<DateTime<Utc>>,
}

impl DemandeEvent {
    /// The crate's event of the same name, when the crate has one (`submit`, `approve`…, and
    /// v1's `validate`, the crate's `approve`); `None` for DataPass's own (`create`,
    /// `create_by_api`, `update_by_api`, `transfer`…).
    #[must_use]
    pub fn event_name(&self) -> Option<EventName> {
        match self.name.as_str() {
            "validate" => Some(EventName::Approve),
            name => EventName::from_wire(name),
        }
    }
}

impl Demande {
    crate::json::readers! {
        /// Reads a demande as `GET /demandes/{id}` answers it (`organisation`, `habilitations`) or
        /// as a webhook carries it (`organization`, `authorizations`).
        ///
        /// # Errors
        /// A report with one issue: `json.*` for a structural problem (a wrong type, a duplicate
        /// key, a missing `id` or `state`), `datapass.invalid` for a value that does not fit (an id,
        /// a state, a date, scopes that are not an array of strings), `datapass.other_form` for a
        /// demande of another form.
    }

    /// The request number (`D60501`).
    #[must_use]
    pub fn number(&self) -> RequestNumber {
        self.number
    }

    /// The number to give Pro Santé Connect onboarding: the **request** number, as
    /// [`RequestRecord::psc_connection_reference`](crate::lifecycle::RequestRecord::psc_connection_reference).
    #[must_use]
    pub fn psc_connection_reference(&self) -> RequestNumber {
        self.number
    }

    /// The state.
    #[must_use]
    pub fn state(&self) -> RequestState {
        self.state
    }

    /// Whether a validated request is being changed: DataPass's `reopening` where the document
    /// has it (`GET /demandes/{id}`). A webhook does not send it, so it is inferred as DataPass
    /// computes it for this single-stage form (`reopening?` in
    /// `etalab/data_pass:app/models/authorization_request.rb`): the request was validated once
    /// (`last_validated_at` is set) and is draft, submitted or changes requested again.
    #[must_use]
    pub fn is_reopening(&self) -> bool {
        self.reopening
    }

    /// When the demande was created.
    #[must_use]
    pub fn created_at(&self) -> Option<DateTime<Utc>> {
        self.created_at
    }

    /// The last submission.
    #[must_use]
    pub fn last_submitted_at(&self) -> Option<DateTime<Utc>> {
        self.last_submitted_at
    }

    /// The last approval.
    #[must_use]
    pub fn last_validated_at(&self) -> Option<DateTime<Utc>> {
        self.last_validated_at
    }

    /// The last reopening.
    #[must_use]
    pub fn reopened_at(&self) -> Option<DateTime<Utc>> {
        self.reopened_at
    }

    /// The habilitations, as DataPass lists them.
    #[must_use]
    pub fn habilitations(&self) -> &[DemandeHabilitation] {
        &self.habilitations
    }

    /// The history embedded in the demande, as DataPass lists it: in database order, oldest
    /// first (only `GET /demandes/{id}/events` is newest first).
    #[must_use]
    pub fn events(&self) -> &[DemandeEvent] {
        &self.events
    }

    /// The request as a draft of the crate: what DataPass carries, nothing invented.
    #[must_use]
    pub fn to_draft(&self) -> RequestDraft {
        self.content.clone()
    }

    /// The warnings of the reading: unknown `data` keys (`json.unknown_field`) and contacts
    /// marked as organisations (`datapass.not_person`), each at its path.
    #[must_use]
    pub fn warnings(&self) -> &[Issue] {
        &self.warnings
    }
}

/// The JSON of a demande as the crate reads it; unknown keys outside `data` are ignored.
#[derive(Deserialize, JsonSchema)]
#[schemars(
    rename = "DataPassDemande",
    description = "A DataPass v2 demande for API Pro Santé Connect, as GET /demandes/{id} answers it or a webhook carries it. Only the keys the crate reads are described; others are allowed."
)]
pub(crate) struct DemandeWire {
    /// The request number, without its D.
    id: Id<RequestNumber>,
    /// draft, submitted, changes_requested, validated, refused, archived or revoked.
    state: RequestState,
    /// True while a reopened request is in progress (absent from webhooks).
    #[serde(default)]
    reopening: Option<bool>,
    /// `api-pro-sante-connect`.
    #[serde(default)]
    form_uid: Option<String>,
    /// `api_pro_sante_connect`.
    #[serde(default)]
    definition_id: Option<String>,
    /// `AuthorizationRequest::APIProSanteConnect` (deprecated).
    #[serde(default, rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    #[schemars(schema_with = "crate::lifecycle::optional_time_schema")]
    created_at: Option<DateTime<Utc>>,
    #[serde(default)]
    #[schemars(schema_with = "crate::lifecycle::optional_time_schema")]
    last_submitted_at: Option<DateTime<Utc>>,
    #[serde(default)]
    #[schemars(schema_with = "crate::lifecycle::optional_time_schema")]
    last_validated_at: Option<DateTime<Utc>>,
    #[serde(default)]
    #[schemars(schema_with = "crate::lifecycle::optional_time_schema")]
    reopened_at: Option<DateTime<Utc>>,
    /// The flat data.
    #[serde(default)]
    data: Data,
    /// The habilitations (`GET`).
    #[serde(default)]
    habilitations: Option<Vec<HabilitationWire>>,
    /// The habilitations (webhooks).
    #[serde(default)]
    authorizations: Option<Vec<HabilitationWire>>,
    /// The organisation (`GET`).
    #[serde(default)]
    organisation: Option<OrganizationWire>,
    /// The organisation (webhooks).
    #[serde(default)]
    organization: Option<OrganizationWire>,
    /// The signed-in user who filed the request.
    #[serde(default)]
    applicant: Option<ApplicantWire>,
    /// The history, in database order.
    #[serde(default)]
    events: Vec<EventWire>,
}

/// A habilitation as DataPass sends it.
#[derive(Deserialize, JsonSchema)]
#[schemars(rename = "DataPassHabilitation")]
struct HabilitationWire {
    /// The habilitation number, without its H.
    id: Id<HabilitationNumber>,
    /// active, obsolete or revoked.
    state: HabilitationState,
    #[serde(default)]
    revoked: bool,
    #[serde(default)]
    #[schemars(schema_with = "crate::lifecycle::optional_time_schema")]
    created_at: Option<DateTime<Utc>>,
    /// The snapshot of the data at approval.
    #[serde(default)]
    data: Data,
}

/// An event of the history as DataPass sends it.
#[derive(Deserialize, JsonSchema)]
#[schemars(rename = "DataPassEvent")]
pub(crate) struct EventWire {
    /// DataPass's name of the event.
    name: String,
    #[serde(default)]
    #[schemars(schema_with = "crate::lifecycle::optional_time_schema")]
    created_at: Option<DateTime<Utc>>,
}

impl EventWire {
    /// The event of the crate's mirror.
    pub(crate) fn into_event(self) -> DemandeEvent {
        DemandeEvent {
            name: self.name,
            created_at: self.created_at,
        }
    }
}

/// Where business data sits in a demande: an unknown key there is a warning; anywhere else,
/// ignored. `at` is the path of the demande in its document.
pub(crate) fn data_key(path: &[Segment<'_>], at: usize) -> bool {
    let Some(rest) = path.get(at..) else {
        return false;
    };
    match rest {
        [Segment::Key(data), _] => data == "data",
        [Segment::Key(list), Segment::Index(_), Segment::Key(data), _] => {
            (list == "habilitations" || list == "authorizations") && data == "data"
        }
        _ => false,
    }
}

fn demande_keys(path: &[Segment<'_>]) -> UnknownKeys {
    if data_key(path, 0) {
        UnknownKeys::Warn
    } else {
        UnknownKeys::Ignore
    }
}

/// A demande: a third party's format, at most 1 MiB by default.
static DEMANDE_FORMAT: Format = Format::datapass(demande_keys);

impl Readable for Demande {
    type Wire = DemandeWire;

    const FORMAT: &'static Format = &DEMANDE_FORMAT;

    fn read_wire<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DemandeWire, D::Error> {
        DemandeWire::deserialize(deserializer)
    }

    fn finish(wire: DemandeWire, _: &Options) -> Result<Self, Issue> {
        wire.into_demande("")
    }
    /// The reader's warnings (unknown `data` keys) come first: they are found first.
    fn with_warnings(mut self, mut warnings: Vec<Issue>) -> Self {
        warnings.append(&mut self.warnings);
        self.warnings = warnings;
        self
    }
}

/// Whether a request DataPass does not say is reopening is: validated once and back in draft,
/// submitted or changes requested (DataPass's `reopening?` for a single-stage form).
pub(crate) fn inferred_reopening(
    state: RequestState,
    last_validated_at: Option<DateTime<Utc>>,
) -> bool {
    last_validated_at.is_some()
        && matches!(
            state,
            RequestState::Draft | RequestState::Submitted | RequestState::ChangesRequested
        )
}

/// The warnings of the contacts DataPass marks as something other than a person.
pub(crate) fn not_person_warnings(data: &Data, data_path: &str) -> Vec<Issue> {
    data.not_persons
        .iter()
        .map(|(role, kind)| {
            let key = key_of(Target::ContactType(*role));
            Issue::from_error(
                format!("{data_path}/{key}"),
                &Finding::NotPerson { role: *role, kind },
            )
        })
        .collect()
}

/// Checks that a document names the PSC form, when it names one.
pub(crate) fn check_form(
    at: &str,
    names: &[(&str, Option<&str>, &'static str)],
) -> Result<(), Issue> {
    for &(key, found, expected) in names {
        if let Some(found) = found
            && found != expected
        {
            return Err(Issue::from_error(
                format!("{at}/{key}"),
                &Finding::OtherForm { found, expected },
            ));
        }
    }
    Ok(())
}

impl DemandeWire {
    /// The demande, its paths under `at` (the demande's path in its document).
    pub(crate) fn into_demande(self, at: &str) -> Result<Demande, Issue> {
        check_form(
            at,
            &[
                ("form_uid", self.form_uid.as_deref(), FORM_UID),
                (
                    "definition_id",
                    self.definition_id.as_deref(),
                    DEFINITION_ID,
                ),
                ("type", self.kind.as_deref(), TYPE),
            ],
        )?;
        let mut warnings = not_person_warnings(&self.data, &format!("{at}/data"));
        let mut placeholders = self.data.placeholders;
        let (list, habilitations) = match (self.habilitations, self.authorizations) {
            (Some(h), _) => ("habilitations", h),
            (None, Some(a)) => ("authorizations", a),
            (None, None) => ("habilitations", Vec::new()),
        };
        let habilitations = habilitations
            .into_iter()
            .enumerate()
            .map(|(i, h)| {
                warnings.extend(not_person_warnings(
                    &h.data,
                    &format!("{at}/{list}/{i}/data"),
                ));
                DemandeHabilitation {
                    number: h.id.0,
                    state: h.state,
                    revoked: h.revoked,
                    created_at: h.created_at,
                    content: h.data.draft,
                }
            })
            .collect();
        let mut content = self.data.draft;
        let organization = self.organisation.or(self.organization);
        if let Some(siret) = organization.and_then(|o| o.siret) {
            content.organization = Some(OrganizationDraft { siret: Some(siret) });
        }
        if let Some(applicant) = self.applicant {
            *content
                .contacts
                .get_or_insert_with(ContactsDraft::default)
                .slot(ContactRole::Applicant) = Some(applicant.into_contact(&mut placeholders));
        }
        warnings.extend(placeholder_warnings(&placeholders));
        Ok(Demande {
            number: self.id.0,
            state: self.state,
            reopening: self
                .reopening
                .unwrap_or_else(|| inferred_reopening(self.state, self.last_validated_at)),
            created_at: self.created_at,
            last_submitted_at: self.last_submitted_at,
            last_validated_at: self.last_validated_at,
            reopened_at: self.reopened_at,
            content,
            habilitations,
            events: self.events.into_iter().map(EventWire::into_event).collect(),
            warnings,
        })
    }
}
