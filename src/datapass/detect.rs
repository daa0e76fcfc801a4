//! Recognising a DataPass document by its shape, reading only its keys.

use std::fmt;

use serde::de::{IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::finding::Finding;
use super::source::Source;
use crate::json::format::{Format, UnknownKeys};
use crate::json::{self, Readable, Segment};
use crate::lifecycle::HabilitationState;
use crate::options::Options;
use crate::report::{Issue, ValidationReport};

/// The shape of a document: its top-level keys (those of its first element, for an array), the
/// keys of its `data` and `demande` objects, and its `state` when it is a string.
#[derive(Default)]
struct Shape {
    array: bool,
    empty: bool,
    keys: Vec<String>,
    data_keys: Vec<String>,
    demande_keys: Vec<String>,
    state: Option<String>,
}

impl Shape {
    fn has(&self, key: &str) -> bool {
        self.keys.iter().any(|k| k == key)
    }
}

/// Recognises a document by its keys; see [`import`](super::import()).
pub(crate) fn detect(bytes: &[u8], options: &Options) -> Result<Source, ValidationReport> {
    let shape = json::read::<Shape>(bytes, options)
        .map_err(ValidationReport::single)?
        .value;
    let data_has = |key: &str| shape.data_keys.iter().any(|k| k == key);
    let demande_has = |key: &str| shape.demande_keys.iter().any(|k| k == key);
    let source = if shape.array {
        if shape.empty || (shape.has("id") && shape.has("state")) {
            Some(Source::V2Demandes)
        } else if shape.has("name") && shape.has("created_at") {
            Some(Source::V2Events)
        } else {
            None
        }
    } else if shape.has("errors") {
        Some(Source::V2Errors)
    } else if shape.has("demande") {
        Some(
            if ["form_uid", "type", "organization", "applicant"]
                .iter()
                .any(|k| demande_has(k))
            {
                Source::V2Post
            } else {
                Source::V2Patch
            },
        )
    } else if shape.has("data") && data_has("pass") {
        Some(Source::V1Webhook)
    } else if shape.has("event") || shape.has("test") {
        Some(Source::V2Webhook)
    } else if shape.has("target_api") || shape.has("team_members") {
        Some(Source::V1Enrollment)
    } else if shape.has("request_id")
        && shape
            .state
            .as_deref()
            .is_some_and(|s| HabilitationState::from_wire(s).is_some())
    {
        Some(Source::V2Habilitation)
    } else if shape.has("id") && shape.has("state") {
        Some(Source::V2Demande)
    } else {
        None
    };
    source.ok_or_else(|| ValidationReport::single(Issue::from_error("", &Finding::UnknownDocument)))
}

impl<'de> Deserialize<'de> for Shape {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ShapeVisitor;
        impl<'de> Visitor<'de> for ShapeVisitor {
            type Value = Shape;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object or array")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shape, A::Error> {
                let mut shape = Shape::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "data" => shape.data_keys = map.next_value::<Keys>()?.keys,
                        "demande" => shape.demande_keys = map.next_value::<Keys>()?.keys,
                        "state" => shape.state = map.next_value::<Keys>()?.string,
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                    shape.keys.push(key);
                }
                Ok(shape)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Shape, A::Error> {
                let first = seq.next_element::<Keys>()?;
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Shape {
                    array: true,
                    empty: first.is_none(),
                    keys: first.map(|k| k.keys).unwrap_or_default(),
                    ..Shape::default()
                })
            }
        }
        deserializer.deserialize_any(ShapeVisitor)
    }
}

/// The keys of an object, or the value of a string; nothing for another value.
#[derive(Default)]
struct Keys {
    keys: Vec<String>,
    string: Option<String>,
}

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
                Ok(Keys { keys, string: None })
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Keys, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Keys::default())
            }
            fn visit_str<E>(self, v: &str) -> Result<Keys, E> {
                Ok(Keys {
                    keys: Vec::new(),
                    string: Some(v.to_owned()),
                })
            }
            fn visit_bool<E>(self, _: bool) -> Result<Keys, E> {
                Ok(Keys::default())
            }
            fn visit_i64<E>(self, _: i64) -> Result<Keys, E> {
                Ok(Keys::default())
            }
            fn visit_u64<E>(self, _: u64) -> Result<Keys, E> {
                Ok(Keys::default())
            }
            fn visit_f64<E>(self, _: f64) -> Result<Keys, E> {
                Ok(Keys::default())
            }
            fn visit_unit<E>(self) -> Result<Keys, E> {
                Ok(Keys::default())
            }
        }
        deserializer.deserialize_any(KeysVisitor)
    }
}

fn ignore_unknown(_: &[Segment<'_>]) -> UnknownKeys {
    UnknownKeys::Ignore
}

static SHAPE_FORMAT: Format = Format::datapass(ignore_unknown);

impl Readable for Shape {
    type Wire = Self;

    const FORMAT: &'static Format = &SHAPE_FORMAT;

    fn read_wire<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Self::deserialize(deserializer)
    }

    fn finish(wire: Self, _: &Options) -> Result<Self, Issue> {
        Ok(wire)
    }
}
