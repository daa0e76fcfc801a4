//! The JSON form of an [`Event`]: `{"event": "approve", "at", "actor", …its keys}`, written
//! with the event name first, read in any key order with unknown keys refused at their path.
//!
//! Two tables say everything about it, and the writer, the reader and the schema read them: the
//! keys an event object may have ([`Key`], one row per key) and the keys of each event
//! ([`shape`], one row per event).

use std::fmt;

use chrono::{DateTime, Utc};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use super::event::{Event, EventKind, EventName};
use super::numbers::HabilitationNumber;
use super::state::Actor;
use crate::json::format::Format;
use crate::json::{self, Nested, Readable};
use crate::options::Options;
use crate::report::Issue;
use crate::request::draft::RequestDraft;

/// Whether an event object gives a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Presence {
    /// Every event has it and gives it.
    Always,
    /// An event that has it must give it.
    Required,
    /// An event that has it may leave it out (or give `null`).
    Optional,
}

/// Defines [`Key`] from one row per key: its variant, its name and its [`Presence`].
macro_rules! keys {
    ($($(#[$doc:meta])* $key:ident = $name:literal, $presence:ident;)*) => {
        /// A key of an event object.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        enum Key {
            $($(#[$doc])* $key,)*
        }

        impl Key {
            /// Every key, in the order an event's keys are written.
            const ALL: &'static [Self] = &[$(Self::$key),*];

            /// Every key's name, for serde's unknown-field error.
            const NAMES: &'static [&'static str] = &[$($name),*];

            /// The key as written.
            const fn name(self) -> &'static str {
                match self {
                    $(Self::$key => $name,)*
                }
            }

            /// Whether an event that has the key gives it.
            const fn presence(self) -> Presence {
                match self {
                    $(Self::$key => Presence::$presence,)*
                }
            }
        }
    };
}

keys! {
    /// The event's name ([`EventName`]).
    Event = "event", Always;
    /// When it happened.
    At = "at", Always;
    /// Who triggered it.
    Actor = "actor", Always;
    /// The new content of an `update`.
    Request = "request", Required;
    /// The habilitation created or revoked.
    HabilitationNumber = "habilitation_number", Required;
    /// Why (required by some transitions, checked when the event is applied).
    Reason = "reason", Optional;
    /// The approval message.
    Message = "message", Optional;
}

/// What one event is made of, besides the keys every event has.
struct Shape {
    /// Its keys besides `event`, `at` and `actor`.
    keys: &'static [Key],
    /// Its description in the schema.
    description: &'static str,
}

/// The keys of each event: one row per event.
const fn shape(name: EventName) -> Shape {
    const fn row(keys: &'static [Key], description: &'static str) -> Shape {
        Shape { keys, description }
    }
    match name {
        EventName::Submit => row(&[], "The applicant submits the request."),
        EventName::Update => row(
            &[Key::Request],
            "The applicant replaces the request's data.",
        ),
        EventName::RequestChanges => row(
            &[Key::Reason],
            "An instructor requests changes (reason required).",
        ),
        EventName::Approve => row(
            &[Key::HabilitationNumber, Key::Message],
            "An instructor approves: a new habilitation with this number.",
        ),
        EventName::Refuse => row(&[Key::Reason], "An instructor refuses (reason required)."),
        EventName::Archive => row(&[], "Anyone archives the request."),
        EventName::Reopen => row(&[], "The applicant reopens the validated request."),
        EventName::CancelReopening => row(
            &[Key::Reason],
            "The applicant or an instructor cancels the reopening (reason required from an \
             instructor).",
        ),
        EventName::Revoke => row(
            &[Key::Reason],
            "An instructor revokes the request (reason required).",
        ),
        EventName::RevokeHabilitation => row(
            &[Key::HabilitationNumber, Key::Reason],
            "An instructor revokes one habilitation (reason required).",
        ),
    }
}

impl Key {
    /// Whether the event `name` has this key.
    fn is_of(self, name: EventName) -> bool {
        self.presence() == Presence::Always || shape(name).keys.contains(&self)
    }

    /// The key's schema in an event `name`.
    fn schema(self, name: EventName, generator: &mut SchemaGenerator) -> Schema {
        match self {
            Self::Event => json_schema!({"type": "string", "const": name.as_str()}),
            Self::At => super::time_schema(generator),
            Self::Actor => generator.subschema_for::<Actor>(),
            Self::Request => generator.subschema_for::<RequestDraft>(),
            Self::HabilitationNumber => generator.subschema_for::<HabilitationNumber>(),
            Self::Reason | Self::Message => generator.subschema_for::<Option<String>>(),
        }
    }
}

/// What an event gives for the keys besides `event`, `at` and `actor` (`None`: it does not have
/// the key, or leaves it out).
#[derive(Default)]
struct Given<'a> {
    request: Option<&'a RequestDraft>,
    habilitation_number: Option<HabilitationNumber>,
    reason: Option<&'a str>,
    message: Option<&'a str>,
}

impl<'a> Given<'a> {
    fn of(kind: &'a EventKind) -> Self {
        use EventKind as K;
        let reason = kind.reason();
        match kind {
            K::Submit
            | K::Archive
            | K::Reopen
            | K::RequestChanges { .. }
            | K::Refuse { .. }
            | K::CancelReopening { .. }
            | K::Revoke { .. } => Self {
                reason,
                ..Self::default()
            },
            K::Update { request } => Self {
                request: Some(request),
                ..Self::default()
            },
            K::Approve {
                habilitation_number,
                message,
            } => Self {
                habilitation_number: Some(*habilitation_number),
                message: message.as_deref(),
                ..Self::default()
            },
            K::RevokeHabilitation {
                habilitation_number,
                ..
            } => Self {
                habilitation_number: Some(*habilitation_number),
                reason,
                ..Self::default()
            },
        }
    }
}

impl Serialize for Event {
    /// Writes the keys the event gives, in the order of the key table: `event` first.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        fn entry<M: SerializeMap, T: Serialize + ?Sized>(
            map: &mut M,
            key: Key,
            value: Option<&T>,
        ) -> Result<(), M::Error> {
            value.map_or(Ok(()), |value| map.serialize_entry(key.name(), value))
        }
        let given = Given::of(&self.kind);
        let mut map = serializer.serialize_map(None)?;
        for &key in Key::ALL {
            match key {
                Key::Event => entry(&mut map, key, Some(&self.name())),
                Key::At => entry(&mut map, key, Some(&self.at)),
                Key::Actor => entry(&mut map, key, Some(&self.actor)),
                Key::Request => entry(&mut map, key, given.request),
                Key::HabilitationNumber => entry(&mut map, key, given.habilitation_number.as_ref()),
                Key::Reason => entry(&mut map, key, given.reason),
                Key::Message => entry(&mut map, key, given.message),
            }?;
        }
        map.end()
    }
}

impl JsonSchema for Event {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Event".into()
    }

    /// One object per event, with its keys from the tables.
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let one_of: Vec<Value> = EventName::ALL
            .into_iter()
            .map(|name| {
                let mut properties = Map::new();
                let mut required = Vec::new();
                for &key in Key::ALL.iter().filter(|key| key.is_of(name)) {
                    let schema = key.schema(name, generator);
                    properties.insert(key.name().to_owned(), schema.to_value());
                    if key.presence() != Presence::Optional {
                        required.push(key.name());
                    }
                }
                serde_json::json!({
                    "type": "object",
                    "description": shape(name).description,
                    "properties": properties,
                    "required": required,
                    "additionalProperties": false,
                })
            })
            .collect();
        json_schema!({
            "description": format!(
                "A request event: `at` (RFC 3339), `actor` ({}) and `event` ({}) with that \
                 event's fields; unknown keys are rejected. A missing or blank required reason is \
                 refused when the event is applied (transition.reason_required), not by this \
                 schema.",
                Actor::WIRE.join(", "),
                EventName::WIRE.join(", "),
            ),
            "oneOf": one_of,
        })
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an event key")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key, E> {
                Key::ALL
                    .iter()
                    .find(|key| key.name() == v)
                    .copied()
                    .ok_or_else(|| E::unknown_field(v, Key::NAMES))
            }
        }
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

/// Reads an event's keys in any order. A key the event does not have is refused as soon as both
/// it and the event name have been read, so the problem reported is the first in document order.
/// The reader refuses a duplicate key before this visitor sees it.
struct EventVisitor;

impl<'de> Visitor<'de> for EventVisitor {
    type Value = Event;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an event object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Event, A::Error> {
        let unknown = |key: Key| de::Error::unknown_field(key.name(), Key::NAMES);
        let mut name: Option<EventName> = None;
        let mut at: Option<DateTime<Utc>> = None;
        let mut actor: Option<Actor> = None;
        let mut request: Option<RequestDraft> = None;
        let mut habilitation_number: Option<HabilitationNumber> = None;
        let mut reason: Option<String> = None;
        let mut message: Option<String> = None;
        let mut seen: Vec<Key> = Vec::with_capacity(4);
        while let Some(key) = map.next_key::<Key>()? {
            if let Some(name) = name
                && !key.is_of(name)
            {
                return Err(unknown(key));
            }
            seen.push(key);
            match key {
                Key::Event => {
                    let read: EventName = map.next_value()?;
                    if let Some(&early) = seen.iter().find(|key| !key.is_of(read)) {
                        return Err(unknown(early));
                    }
                    name = Some(read);
                }
                Key::At => at = Some(map.next_value()?),
                Key::Actor => actor = Some(map.next_value()?),
                Key::Request => {
                    let Nested(draft) = map.next_value::<Nested<RequestDraft>>()?;
                    request = Some(draft);
                }
                Key::HabilitationNumber => habilitation_number = Some(map.next_value()?),
                Key::Reason => reason = map.next_value()?,
                Key::Message => message = map.next_value()?,
            }
        }
        let missing = |key: Key| de::Error::missing_field(key.name());
        let name = name.ok_or_else(|| missing(Key::Event))?;
        let at = at.ok_or_else(|| missing(Key::At))?;
        let actor = actor.ok_or_else(|| missing(Key::Actor))?;
        let number = || habilitation_number.ok_or_else(|| missing(Key::HabilitationNumber));
        let kind = match name {
            EventName::Submit => EventKind::Submit,
            EventName::Update => EventKind::Update {
                request: Box::new(request.ok_or_else(|| missing(Key::Request))?),
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
        Ok(Event::new(at, actor, kind))
    }
}

/// An event is read as a part of an event log.
impl Readable for Event {
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
