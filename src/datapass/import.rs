//! [`import`]: any DataPass document the crate reads, recognised by its shape, as a draft of the
//! crate with DataPass's facts about it.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use super::demande::Demande;
use super::new_demande::NewDemande;
use super::v1::Enrollment;
use super::webhook::Webhook;
use crate::codes::Code;
use crate::diagnostic::Params;
use crate::json::format::{Format, FormatName, UnknownKeys};
use crate::json::{self, Document, ReadOptions, Segment};
use crate::lifecycle::{HabilitationNumber, HabilitationState, RequestNumber, RequestState};
use crate::report::{Issue, ValidationReport};
use crate::request::draft::RequestDraft;
use crate::vocabulary::vocabulary;

vocabulary! {
    /// The DataPass documents [`import`] reads.
    pub enum Source: "DataPass document" {
        labels {
            /// The document in French (« demande DataPass v2 »).
            pub fn label_fr;
        }
        variants {
            /// A v2 demande, as `GET /demandes/{id}` answers it.
            V2Demande = "v2_demande" { label_fr: "demande DataPass v2" },
            /// The body of a v2 `POST /demandes`.
            V2Post = "v2_post" { label_fr: "corps de POST /demandes DataPass v2" },
            /// The body of a v2 webhook call.
            V2Webhook = "v2_webhook" { label_fr: "webhook DataPass v2" },
            /// A v1 enrollment.
            V1Enrollment = "v1_enrollment" { label_fr: "demande DataPass v1" },
            /// The body of a v1 webhook call.
            V1Webhook = "v1_webhook" { label_fr: "webhook DataPass v1" },
        }
    }
}

/// A DataPass document imported: the request as a draft of the crate, and what DataPass says of
/// it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    source: Source,
    draft: RequestDraft,
    facts: Option<Facts>,
    warnings: Vec<Issue>,
}

/// What DataPass says of an imported request: its number, state and habilitations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Facts {
    /// The request number (`D60501`), the number to give Pro Santé Connect onboarding.
    pub request_number: RequestNumber,
    /// The state.
    pub state: RequestState,
    /// Whether a validated request is being changed.
    pub reopening: bool,
    /// The habilitations, as DataPass lists them.
    pub habilitations: Vec<FactHabilitation>,
    /// The event of a webhook call (`approve`), as DataPass names it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
}

/// A habilitation as DataPass lists it, without its snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct FactHabilitation {
    /// Its number (`H118386`).
    pub number: HabilitationNumber,
    /// Active, obsolete or revoked.
    pub state: HabilitationState,
    /// DataPass's `revoked` flag.
    pub revoked: bool,
    /// The approval date.
    pub created_at: Option<DateTime<Utc>>,
}

impl Imported {
    /// Which document it was.
    #[must_use]
    pub fn source(&self) -> Source {
        self.source
    }

    /// The request as a draft of the crate.
    #[must_use]
    pub fn draft(&self) -> &RequestDraft {
        &self.draft
    }

    /// DataPass's facts: number, state, habilitations (`None` for a `POST` body, which has
    /// none yet).
    #[must_use]
    pub fn facts(&self) -> Option<&Facts> {
        self.facts.as_ref()
    }

    /// The warnings of the reading.
    #[must_use]
    pub fn warnings(&self) -> &[Issue] {
        &self.warnings
    }

    /// The validation report of the draft, with the reading's warnings: it lists, as errors,
    /// what DataPass does not carry for PSC.
    #[must_use]
    pub fn report(&self) -> ValidationReport {
        let mut report = self.draft.report();
        for warning in &self.warnings {
            report.push_warning(warning.clone());
        }
        report
    }

    /// Whether an issue is about a field DataPass does not carry in this document, so that it
    /// says what is missing, not what is wrong: for v2 documents, the personal data, the
    /// legal-basis documents and the checkboxes (and, from `GET`, the applicant's job title);
    /// for a v1 enrollment, the legal-basis documents; for a v1 webhook, whose `pass` holds the
    /// project, the scopes, the SIRET and the team only, the legal basis, the personal data and
    /// the checkboxes.
    #[must_use]
    pub fn is_not_carried(&self, issue: &Issue) -> bool {
        let path = issue.path.as_str();
        let under = |prefix: &str| {
            path == prefix
                || path
                    .strip_prefix(prefix)
                    .is_some_and(|rest| rest.starts_with('/'))
        };
        // Documents are never imported, so a legal basis without URL may have one on DataPass.
        let documents =
            under("/legal_basis/documents") || issue.code == Code::LegalBasisReferenceMissing;
        let personal_data_and_boxes =
            under("/personal_data") || under("/terms_accepted") || under("/dpo_informed");
        match self.source {
            Source::V1Enrollment => documents,
            // A v1 webhook's `pass` holds the project, the scopes, the SIRET and the team only.
            Source::V1Webhook => under("/legal_basis") || personal_data_and_boxes,
            Source::V2Demande | Source::V2Post | Source::V2Webhook => {
                documents
                    || personal_data_and_boxes
                    || (self.source == Source::V2Demande
                        && under("/contacts/applicant/job_title")
                        && issue.code == Code::Required)
            }
        }
    }

    /// Whether everything DataPass carries is valid: the report has no error except about what
    /// DataPass does not carry.
    #[must_use]
    pub fn carried_fields_are_valid(&self) -> bool {
        // The reading's warnings are never errors: the draft's own report suffices.
        self.draft
            .report()
            .errors()
            .iter()
            .all(|issue| self.is_not_carried(issue))
    }
}

/// Reads a DataPass document: `source`, or the one its shape says (`{"demande": …}` is a `POST`
/// body, `{"event"…}` or `{"test": true…}` a v2 webhook, `{"data": {"pass": …}}` a v1 webhook,
/// `target_api` or `team_members` a v1 enrollment, `id` and `state` a v2 demande).
///
/// ```
/// use datapass_psc::datapass::{Source, import};
/// let body = std::fs::read("tests/fixtures/datapass/get-demande-60501-scopes-array.json")?;
/// let imported = import(&body, None)?;
/// assert_eq!(imported.source(), Source::V2Demande);
/// assert!(imported.carried_fields_are_valid());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// A report with one issue: `datapass.unknown_document` when the shape is none of these, or
/// what the document's reader refuses.
pub fn import(bytes: &[u8], source: Option<Source>) -> Result<Imported, ValidationReport> {
    import_with(bytes, source, &ReadOptions::default())
}

/// Reads a DataPass document with the given limits; see [`import`].
///
/// # Errors
/// As [`import`].
pub fn import_with(
    bytes: &[u8],
    source: Option<Source>,
    options: &ReadOptions,
) -> Result<Imported, ValidationReport> {
    let source = match source {
        Some(source) => source,
        None => detect(bytes, options)?,
    };
    Ok(match source {
        Source::V2Demande => {
            let demande = Demande::from_json_slice_with(bytes, options)?;
            from_demande(source, &demande, None)
        }
        Source::V2Webhook => match Webhook::from_json_slice_with(bytes, options)? {
            Webhook::Event(event) => {
                let mut imported = from_demande(source, event.demande(), Some(event.event()));
                imported.warnings = event.warnings().to_vec();
                imported
            }
            Webhook::Ping { .. } => {
                return Err(ValidationReport::single(unknown_document(
                    "Ce webhook DataPass est un test (ping) : il ne porte aucune demande",
                    "This DataPass webhook is a test ping: it carries no demande",
                )));
            }
        },
        Source::V2Post => {
            let body = NewDemande::from_json_slice_with(bytes, options)?;
            Imported {
                source,
                draft: body.to_draft(),
                facts: None,
                warnings: body.warnings().to_vec(),
            }
        }
        Source::V1Enrollment | Source::V1Webhook => {
            let enrollment = if source == Source::V1Enrollment {
                Enrollment::from_json_slice_with(bytes, options)?
            } else {
                Enrollment::from_webhook_json_slice_with(bytes, options)?
            };
            Imported {
                source,
                draft: enrollment.to_draft(),
                facts: Some(Facts {
                    request_number: enrollment.number(),
                    state: enrollment.state(),
                    reopening: false,
                    habilitations: Vec::new(),
                    event: None,
                }),
                warnings: enrollment.warnings().to_vec(),
            }
        }
    })
}

fn from_demande(source: Source, demande: &Demande, event: Option<&str>) -> Imported {
    Imported {
        source,
        draft: demande.to_draft(),
        facts: Some(Facts {
            request_number: demande.number(),
            state: demande.state(),
            reopening: demande.is_reopening(),
            habilitations: demande
                .habilitations()
                .iter()
                .map(|h| FactHabilitation {
                    number: h.number,
                    state: h.state,
                    revoked: h.revoked,
                    created_at: h.created_at,
                })
                .collect(),
            event: event.map(str::to_owned),
        }),
        warnings: demande.warnings().to_vec(),
    }
}

fn unknown_document(fr: &str, en: &str) -> Issue {
    Issue::new(Code::DataPassUnknownDocument, "", fr, en, Params::new())
}

/// The top-level keys of a document, and those of its `data` object.
#[derive(Default)]
struct Shape {
    keys: Vec<String>,
    data_keys: Vec<String>,
}

impl Shape {
    fn has(&self, key: &str) -> bool {
        self.keys.iter().any(|k| k == key)
    }
}

/// Recognises a document by its keys.
fn detect(bytes: &[u8], options: &ReadOptions) -> Result<Source, ValidationReport> {
    let shape = json::read::<Shape>(bytes, options)
        .map_err(ValidationReport::single)?
        .value;
    let data_has = |key: &str| shape.data_keys.iter().any(|k| k == key);
    Ok(if shape.has("demande") {
        Source::V2Post
    } else if shape.has("data") && data_has("pass") {
        Source::V1Webhook
    } else if shape.has("event") || shape.has("test") {
        Source::V2Webhook
    } else if shape.has("target_api") || shape.has("team_members") {
        Source::V1Enrollment
    } else if shape.has("id") && shape.has("state") {
        Source::V2Demande
    } else {
        return Err(ValidationReport::single(unknown_document(
            "Ce document JSON n'est aucun des documents DataPass que la crate lit (demande v2, \
             corps de POST, webhook v2, demande v1, webhook v1)",
            "This JSON document is none of the DataPass documents the crate reads (v2 demande, \
             POST body, v2 webhook, v1 enrollment, v1 webhook)",
        )));
    })
}

impl<'de> Deserialize<'de> for Shape {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ShapeVisitor;
        impl<'de> Visitor<'de> for ShapeVisitor {
            type Value = Shape;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shape, A::Error> {
                let mut shape = Shape::default();
                while let Some(key) = map.next_key::<String>()? {
                    if key == "data" {
                        shape.data_keys = map.next_value::<Keys>()?.0;
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                    shape.keys.push(key);
                }
                Ok(shape)
            }
        }
        deserializer.deserialize_map(ShapeVisitor)
    }
}

/// The keys of an object (nothing for another value).
struct Keys(Vec<String>);

impl<'de> Deserialize<'de> for Keys {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeysVisitor;
        impl<'de> Visitor<'de> for KeysVisitor {
            type Value = Keys;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Keys, A::Error> {
                let mut keys = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    map.next_value::<IgnoredAny>()?;
                    keys.push(key);
                }
                Ok(Keys(keys))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Keys, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Keys(Vec::new()))
            }
            fn visit_str<E>(self, _: &str) -> Result<Keys, E> {
                Ok(Keys(Vec::new()))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Keys, E> {
                Ok(Keys(Vec::new()))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Keys, E> {
                Ok(Keys(Vec::new()))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Keys, E> {
                Ok(Keys(Vec::new()))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Keys, E> {
                Ok(Keys(Vec::new()))
            }
            fn visit_unit<E>(self) -> Result<Keys, E> {
                Ok(Keys(Vec::new()))
            }
        }
        deserializer.deserialize_any(KeysVisitor)
    }
}

fn ignore_unknown(_: &[Segment<'_>]) -> UnknownKeys {
    UnknownKeys::Ignore
}

static SHAPE_FORMAT: Format = Format {
    name: FormatName::DataPass,
    max_bytes: ReadOptions::DEFAULT_MAX_BYTES,
    unknown_keys: ignore_unknown,
};

impl Document for Shape {
    type Wire = Self;

    const FORMAT: &'static Format = &SHAPE_FORMAT;

    fn read_wire<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Self::deserialize(deserializer)
    }

    fn finish(wire: Self, _: &ReadOptions) -> Result<Self, Issue> {
        Ok(wire)
    }
}
