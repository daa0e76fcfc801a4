//! The JSON form of an [`Event`]: `{"event": "approve", "at", "actor", …its fields}`, written
//! with the event name first, read in any key order with unknown keys refused at their path.

use std::fmt;

use chrono::{DateTime, Utc};
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use super::event::{Event, EventKind, EventName};
use super::numbers::HabilitationNumber;
use super::state::Actor;
use crate::json::format::Format;
use crate::json::{self, Document, Nested};
use crate::options::Options;
use crate::report::Issue;
use crate::request::draft::RequestDraft;

#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(tag = "event", rename_all = "snake_case", deny_unknown_fields)]
#[schemars(rename = "Event")]
#[allow(clippy::large_enum_variant)]
pub(super) enum EventWire {
    /// The applicant submits the request.
    Submit {
        #[schemars(schema_with = "super::time_schema")]
        at: DateTime<Utc>,
        actor: Actor,
    },
    /// The applicant replaces the request's data.
    Update {
        #[schemars(schema_with = "super::time_schema")]
        at: DateTime<Utc>,
        actor: Actor,
        request: Box<RequestDraft>,
    },
    /// An instructor requests changes (reason required).
    RequestChanges {
        #[schemars(schema_with = "super::time_schema")]
        at: DateTime<Utc>,
        actor: Actor,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// An instructor approves: a new habilitation with this number.
    Approve {
        #[schemars(schema_with = "super::time_schema")]
        at: DateTime<Utc>,
        actor: Actor,
        habilitation_number: HabilitationNumber,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        message: Option<String>,
    },
    /// An instructor refuses (reason required).
    Refuse {
        #[schemars(schema_with = "super::time_schema")]
        at: DateTime<Utc>,
        actor: Actor,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// Anyone archives the request.
    Archive {
        #[schemars(schema_with = "super::time_schema")]
        at: DateTime<Utc>,
        actor: Actor,
    },
    /// The applicant reopens the validated request.
    Reopen {
        #[schemars(schema_with = "super::time_schema")]
        at: DateTime<Utc>,
        actor: Actor,
    },
    /// The applicant or an instructor cancels the reopening (reason required from an
    /// instructor).
    CancelReopening {
        #[schemars(schema_with = "super::time_schema")]
        at: DateTime<Utc>,
        actor: Actor,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// An instructor revokes the request (reason required).
    Revoke {
        #[schemars(schema_with = "super::time_schema")]
        at: DateTime<Utc>,
        actor: Actor,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// An instructor revokes one habilitation (reason required).
    RevokeHabilitation {
        #[schemars(schema_with = "super::time_schema")]
        at: DateTime<Utc>,
        actor: Actor,
        habilitation_number: HabilitationNumber,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
}

impl From<Event> for EventWire {
    fn from(event: Event) -> Self {
        use EventKind as K;
        let Event { at, actor, kind } = event;
        match kind {
            K::Submit => Self::Submit { at, actor },
            K::Update { request } => Self::Update { at, actor, request },
            K::RequestChanges { reason } => Self::RequestChanges { at, actor, reason },
            K::Approve {
                habilitation_number,
                message,
            } => Self::Approve {
                at,
                actor,
                habilitation_number,
                message,
            },
            K::Refuse { reason } => Self::Refuse { at, actor, reason },
            K::Archive => Self::Archive { at, actor },
            K::Reopen => Self::Reopen { at, actor },
            K::CancelReopening { reason } => Self::CancelReopening { at, actor, reason },
            K::Revoke { reason } => Self::Revoke { at, actor, reason },
            K::RevokeHabilitation {
                habilitation_number,
                reason,
            } => Self::RevokeHabilitation {
                at,
                actor,
                habilitation_number,
                reason,
            },
        }
    }
}

const DESCRIPTION: &str = "A request event: `at` (RFC 3339), `actor` (applicant, instructor, \
    system) and `event` (submit, update, request_changes, approve, refuse, archive, reopen, \
    cancel_reopening, revoke, revoke_habilitation) with that event's fields; unknown keys are \
    rejected. A missing or blank required reason is refused when the event is applied \
    (transition.reason_required), not by this schema.";

impl JsonSchema for Event {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Event".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut schema = EventWire::json_schema(generator);
        schema.insert("description".to_owned(), DESCRIPTION.into());
        schema
    }
}

/// A key of an event object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    At,
    Actor,
    Event,
    Request,
    Reason,
    Message,
    HabilitationNumber,
}

impl Field {
    const ALL: [Self; 7] = [
        Self::At,
        Self::Actor,
        Self::Event,
        Self::Request,
        Self::Reason,
        Self::Message,
        Self::HabilitationNumber,
    ];

    const fn key(self) -> &'static str {
        match self {
            Self::At => "at",
            Self::Actor => "actor",
            Self::Event => "event",
            Self::Request => "request",
            Self::Reason => "reason",
            Self::Message => "message",
            Self::HabilitationNumber => "habilitation_number",
        }
    }

    /// The keys an event may have besides `at`, `actor` and `event`.
    const fn extra(name: EventName) -> &'static [Self] {
        match name {
            EventName::Submit | EventName::Archive | EventName::Reopen => &[],
            EventName::Update => &[Self::Request],
            EventName::RequestChanges
            | EventName::Refuse
            | EventName::CancelReopening
            | EventName::Revoke => &[Self::Reason],
            EventName::Approve => &[Self::HabilitationNumber, Self::Message],
            EventName::RevokeHabilitation => &[Self::HabilitationNumber, Self::Reason],
        }
    }

    fn allowed(self, name: EventName) -> bool {
        matches!(self, Self::At | Self::Actor | Self::Event) || Self::extra(name).contains(&self)
    }
}

/// Every key of an event object, for serde's unknown-field error.
const KEYS: &[&str] = &[
    "at",
    "actor",
    "event",
    "request",
    "reason",
    "message",
    "habilitation_number",
];

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldVisitor;
        impl Visitor<'_> for FieldVisitor {
            type Value = Field;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an event key")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Field, E> {
                Field::ALL
                    .into_iter()
                    .find(|field| field.key() == v)
                    .ok_or_else(|| E::unknown_field(v, KEYS))
            }
        }
        deserializer.deserialize_identifier(FieldVisitor)
    }
}

/// Reads an event's keys in any order. A key the event does not have is refused as soon as both
/// it and the event name have been read, so the problem reported is the first in document order.
struct EventVisitor;

impl<'de> Visitor<'de> for EventVisitor {
    type Value = Event;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an event object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Event, A::Error> {
        let mut at: Option<DateTime<Utc>> = None;
        let mut actor: Option<Actor> = None;
        let mut name: Option<EventName> = None;
        let mut request: Option<RequestDraft> = None;
        let mut reason: Option<String> = None;
        let mut message: Option<String> = None;
        let mut number: Option<HabilitationNumber> = None;
        let mut seen: Vec<Field> = Vec::with_capacity(4);
        while let Some(field) = map.next_key::<Field>()? {
            if seen.contains(&field) {
                return Err(de::Error::duplicate_field(field.key()));
            }
            if let Some(name) = name
                && !field.allowed(name)
            {
                return Err(de::Error::unknown_field(field.key(), KEYS));
            }
            seen.push(field);
            match field {
                Field::At => at = Some(map.next_value()?),
                Field::Actor => actor = Some(map.next_value()?),
                Field::Event => {
                    let read: EventName = map.next_value()?;
                    if let Some(early) = seen.iter().find(|f| !f.allowed(read)) {
                        return Err(de::Error::unknown_field(early.key(), KEYS));
                    }
                    name = Some(read);
                }
                Field::Request => {
                    let Nested(draft) = map.next_value::<Nested<RequestDraft>>()?;
                    request = Some(draft);
                }
                Field::Reason => reason = map.next_value()?,
                Field::Message => message = map.next_value()?,
                Field::HabilitationNumber => number = Some(map.next_value()?),
            }
        }
        let name = name.ok_or_else(|| de::Error::missing_field("event"))?;
        let at = at.ok_or_else(|| de::Error::missing_field("at"))?;
        let actor = actor.ok_or_else(|| de::Error::missing_field("actor"))?;
        let number = || number.ok_or_else(|| de::Error::missing_field("habilitation_number"));
        let kind = match name {
            EventName::Submit => EventKind::Submit,
            EventName::Update => EventKind::Update {
                request: Box::new(request.ok_or_else(|| de::Error::missing_field("request"))?),
            },
            EventName::RequestChanges => EventKind::RequestChanges { reason },
            EventName::Approve => EventKind::Approve {
                habilitation_number: number()?,
                message,
            },
            EventName::Refuse => EventKind::Refuse { reason },
            EventName::Archive => EventKind::Archive,
            EventName::Reopen => EventKind::Reopen,
            EventName::CancelReopening => EventKind::CancelReopening { reason },
            EventName::Revoke => EventKind::Revoke { reason },
            EventName::RevokeHabilitation => EventKind::RevokeHabilitation {
                habilitation_number: number()?,
                reason,
            },
        };
        Ok(Event { at, actor, kind })
    }
}

/// An event is read as a part of an event log.
impl Document for Event {
    type Wire = Self;

    const FORMAT: &'static Format = &Format::EVENT_LOG;

    fn read_wire<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(EventVisitor)
    }

    fn finish(wire: Self, _: &Options) -> Result<Self, Issue> {
        Ok(wire)
    }
}

impl<'de> Deserialize<'de> for Event {
    /// Reads an event object (never serde's positional array), its keys in any order, through
    /// the crate's reader: a key the event does not have, a duplicate key, a missing one or a
    /// wrong type is refused with its code and path, without quoting the document.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        json::deserialize(deserializer)
    }
}
