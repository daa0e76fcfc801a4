//! DataPass's list answers and its detailed habilitation: `GET /demandes` ([`DemandeList`]),
//! `GET /demandes/{id}/events` ([`EventList`]) and `GET /habilitations/{id}`
//! ([`DetailedHabilitation`]).

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer};

use super::data::Data;
use super::demande::{
    Demande, DemandeEvent, DemandeWire, EventWire, TYPE, check_form, data_key, not_person_warnings,
};
use super::placeholder::placeholder_warnings;
use super::wire::{Id, OrganizationWire};
use crate::json::format::{Format, UnknownKeys};
use crate::json::{Readable, Segment};
use crate::lifecycle::{HabilitationNumber, HabilitationState, RequestNumber};
use crate::options::Options;
use crate::report::Issue;
use crate::request::OrganizationDraft;
use crate::request::draft::RequestDraft;

/// The answer of `GET /demandes`: a bare array of demandes, newest first, each read as
/// [`Demande`] reads one (its warnings at its path in the list, `/0/data/…`).
///
/// ```
/// use datapass_psc::datapass::DemandeList;
/// let list = DemandeList::from_json_slice(b"[]")?;
/// assert!(list.demandes().is_empty());
/// # Ok::<(), datapass_psc::ValidationReport>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemandeList {
    demandes: Vec<Demande>,
}

impl DemandeList {
    crate::json::readers! {
        /// Reads the answer of `GET /demandes`.
        ///
        /// # Errors
        /// A report with one issue, as [`Demande::from_json_slice`] gives it, at the path of the
        /// demande in the list; `json.invalid_type` when the document is not an array.
    }

    /// The demandes, in DataPass's order.
    #[must_use]
    pub fn demandes(&self) -> &[Demande] {
        &self.demandes
    }

    /// The demandes, in DataPass's order.
    #[must_use]
    pub fn into_demandes(self) -> Vec<Demande> {
        self.demandes
    }
}

/// The answer of `GET /demandes/{id}/events`: the history of a demande, newest first, with
/// DataPass's adjacent updates merged, kept in DataPass's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventList {
    events: Vec<DemandeEvent>,
}

impl EventList {
    crate::json::readers! {
        /// Reads the answer of `GET /demandes/{id}/events`.
        ///
        /// # Errors
        /// A report with one issue: `json.*` for a structural problem (an event without `name`),
        /// `datapass.invalid` for a date that is not one.
    }

    /// The events, in DataPass's order (newest first).
    #[must_use]
    pub fn events(&self) -> &[DemandeEvent] {
        &self.events
    }
}

/// The answer of `GET /habilitations/{id}`: one habilitation, with the number of the demande it
/// belongs to (`request_id`) and its organisation.
///
/// Its snapshot of the data reads as a draft ([`DetailedHabilitation::to_draft`]), its
/// organisation's SIRET included; DataPass's `revoked` flag is not read: the state is
/// authoritative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailedHabilitation {
    number: HabilitationNumber,
    state: HabilitationState,
    created_at: Option<DateTime<Utc>>,
    request_number: RequestNumber,
    content: RequestDraft,
    warnings: Vec<Issue>,
}

impl DetailedHabilitation {
    crate::json::readers! {
        /// Reads the answer of `GET /habilitations/{id}`.
        ///
        /// # Errors
        /// A report with one issue: `json.*` for a structural problem (no `id`, `state` or
        /// `request_id`), `datapass.invalid` for a value that does not fit,
        /// `datapass.other_form` for a habilitation of another form.
    }

    /// The habilitation number (`H118386`).
    #[must_use]
    pub fn number(&self) -> HabilitationNumber {
        self.number
    }

    /// Active, obsolete or revoked.
    #[must_use]
    pub fn state(&self) -> HabilitationState {
        self.state
    }

    /// The approval date.
    #[must_use]
    pub fn created_at(&self) -> Option<DateTime<Utc>> {
        self.created_at
    }

    /// The number of the demande (`D60501`): the number to give Pro Santé Connect onboarding,
    /// never the habilitation number.
    #[must_use]
    pub fn request_number(&self) -> RequestNumber {
        self.request_number
    }

    /// The snapshot of the data taken at approval, as a draft.
    #[must_use]
    pub fn to_draft(&self) -> RequestDraft {
        self.content.clone()
    }

    /// The warnings of the reading: unknown `data` keys, placeholders, contacts that are not
    /// persons.
    #[must_use]
    pub fn warnings(&self) -> &[Issue] {
        &self.warnings
    }
}

/// The JSON of `GET /habilitations/{id}`, as read.
#[derive(Deserialize, JsonSchema)]
#[schemars(
    rename = "DataPassDetailedHabilitation",
    description = "A DataPass habilitation of API Pro Santé Connect, as GET /habilitations/{id} answers it. Only the keys the crate reads are described; others are allowed."
)]
pub(crate) struct DetailedHabilitationWire {
    /// The habilitation number, without its H.
    id: Id<HabilitationNumber>,
    /// active, obsolete or revoked.
    state: HabilitationState,
    /// The demande's number, without its D.
    request_id: Id<RequestNumber>,
    #[serde(default)]
    #[schemars(schema_with = "crate::lifecycle::optional_time_schema")]
    created_at: Option<DateTime<Utc>>,
    /// `api_pro_sante_connect`.
    #[serde(default)]
    definition_id: Option<String>,
    /// `AuthorizationRequest::APIProSanteConnect`.
    #[serde(default)]
    authorization_request_class: Option<String>,
    /// The snapshot of the data at approval.
    #[serde(default)]
    data: Data,
    /// The organisation.
    #[serde(default)]
    organisation: Option<OrganizationWire>,
}

/// `data` of a list element is business data; everything else is the third party's envelope.
fn list_keys(path: &[Segment<'_>]) -> UnknownKeys {
    if data_key(path, 1) {
        UnknownKeys::Warn
    } else {
        UnknownKeys::Ignore
    }
}

fn habilitation_keys(path: &[Segment<'_>]) -> UnknownKeys {
    match path {
        [Segment::Key(data), _] if data == "data" => UnknownKeys::Warn,
        _ => UnknownKeys::Ignore,
    }
}

/// A list: a third party's format, at most 1 MiB by default.
static LIST_FORMAT: Format = Format::datapass(list_keys);

static HABILITATION_FORMAT: Format = Format::datapass(habilitation_keys);

impl Readable for DemandeList {
    type Wire = Vec<DemandeWire>;

    const FORMAT: &'static Format = &LIST_FORMAT;

    fn read_wire<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<DemandeWire>, D::Error> {
        Vec::deserialize(deserializer)
    }

    fn finish(wire: Vec<DemandeWire>, _: &Options) -> Result<Self, Issue> {
        let demandes = wire
            .into_iter()
            .enumerate()
            .map(|(i, demande)| demande.into_demande(&format!("/{i}")))
            .collect::<Result<_, _>>()?;
        Ok(Self { demandes })
    }

    /// The reader's warnings (unknown `data` keys) go to the demande whose path they start with.
    fn with_warnings(mut self, warnings: Vec<Issue>) -> Self {
        for (i, demande) in self.demandes.iter_mut().enumerate().rev() {
            let prefix = format!("/{i}/");
            let mut own: Vec<Issue> = warnings
                .iter()
                .filter(|w| w.path.starts_with(&prefix))
                .cloned()
                .collect();
            own.append(&mut demande.warnings);
            demande.warnings = own;
        }
        self
    }
}

impl Readable for EventList {
    type Wire = Vec<EventWire>;

    const FORMAT: &'static Format = &LIST_FORMAT;

    fn read_wire<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<EventWire>, D::Error> {
        Vec::deserialize(deserializer)
    }

    fn finish(wire: Vec<EventWire>, _: &Options) -> Result<Self, Issue> {
        Ok(Self {
            events: wire.into_iter().map(EventWire::into_event).collect(),
        })
    }

    fn with_warnings(self, _: Vec<Issue>) -> Self {
        // An event has no business data: the reader ignores unknown keys there.
        self
    }
}

impl Readable for DetailedHabilitation {
    type Wire = DetailedHabilitationWire;

    const FORMAT: &'static Format = &HABILITATION_FORMAT;

    fn read_wire<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<DetailedHabilitationWire, D::Error> {
        DetailedHabilitationWire::deserialize(deserializer)
    }

    fn finish(wire: DetailedHabilitationWire, _: &Options) -> Result<Self, Issue> {
        check_form(
            "",
            &[
                (
                    "definition_id",
                    wire.definition_id.as_deref(),
                    super::demande::DEFINITION_ID,
                ),
                (
                    "authorization_request_class",
                    wire.authorization_request_class.as_deref(),
                    TYPE,
                ),
            ],
        )?;
        let mut warnings = not_person_warnings(&wire.data, "/data");
        warnings.extend(placeholder_warnings(&wire.data.placeholders));
        let mut content = wire.data.draft;
        if let Some(siret) = wire.organisation.and_then(|o| o.siret) {
            content.organization = Some(OrganizationDraft { siret: Some(siret) });
        }
        Ok(Self {
            number: wire.id.0,
            state: wire.state,
            created_at: wire.created_at,
            request_number: wire.request_id.0,
            content,
            warnings,
        })
    }

    fn with_warnings(mut self, mut warnings: Vec<Issue>) -> Self {
        warnings.append(&mut self.warnings);
        self.warnings = warnings;
        self
    }
}
