//! The flat `data` object of a DataPass PSC demande: read into the crate's sections, and written
//! from a request, through the one key table.

use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::keys::{KEYS, Target, key_of, target};
use super::placeholder::is_placeholder;
use crate::request::ContactRole;
use crate::request::draft::RequestDraft;

/// The business data of a DataPass demande, as read: the request fields it carries, and what
/// the crate notes while reading it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Data {
    /// The project, the legal basis (nature and URL), the scopes and three contacts.
    pub draft: RequestDraft,
    /// `<role>_type` values other than `person`, with the role.
    pub not_persons: Vec<(ContactRole, String)>,
    /// The `<role>_type` keys present, whatever their value.
    pub type_keys: Vec<&'static str>,
    /// The fields that held one of DataPass's placeholders (« Non renseigné »), read as absent.
    pub placeholders: Vec<Target>,
    /// The form's fields whose key is present, `null` included.
    pub seen: Vec<Target>,
    /// `current_build_step`.
    pub build_step: Option<String>,
    /// The keys the crate does not map, in document order.
    pub unmapped: Vec<String>,
}

impl<'de> Deserialize<'de> for Data {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(DataVisitor)
    }
}

/// Reads the flat keys: each known key into its field; an unknown key is left to the reader's
/// policy (a warning with its path), never dropped silently.
struct DataVisitor;

impl<'de> Visitor<'de> for DataVisitor {
    type Value = Data;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the data of a DataPass demande")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Data, A::Error> {
        let mut data = Data::default();
        while let Some(key) = map.next_key::<String>()? {
            let Some(target) = target(&key) else {
                map.next_value::<IgnoredAny>()?;
                data.unmapped.push(key);
                continue;
            };
            match target {
                Target::Scopes => data.draft.scopes = map.next_value::<ScopesValue>()?.0,
                Target::ContactType(role) => {
                    data.type_keys.push(key_of(target));
                    let kind: Option<String> = map.next_value()?;
                    if let Some(kind) =
                        kind.filter(|k| !k.trim().is_empty() && k.trim() != "person")
                    {
                        data.not_persons.push((role, kind));
                    }
                }
                Target::BuildStep => data.build_step = map.next_value()?,
                _ => {
                    let value: Option<String> = map.next_value()?;
                    if value.as_deref().is_some_and(is_placeholder) {
                        data.placeholders.push(target);
                        target.set(&mut data.draft, None);
                    } else {
                        target.set(&mut data.draft, value);
                    }
                }
            }
            data.seen.push(target);
        }
        Ok(data)
    }
}

/// `scopes` as DataPass sends it: a JSON array in webhooks, a JSON-encoded string in REST
/// responses (its `data` is an hstore), or `null`. Both spellings give the same list.
struct ScopesValue(Option<Vec<String>>);

impl<'de> Deserialize<'de> for ScopesValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ScopesVisitor;
        impl<'de> Visitor<'de> for ScopesVisitor {
            type Value = ScopesValue;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array of scopes, or that array encoded as a string")
            }
            fn visit_unit<E: de::Error>(self) -> Result<ScopesValue, E> {
                Ok(ScopesValue(None))
            }
            fn visit_none<E: de::Error>(self) -> Result<ScopesValue, E> {
                Ok(ScopesValue(None))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ScopesValue, E> {
                if v.trim().is_empty() {
                    return Ok(ScopesValue(None));
                }
                // The message of a refusal never quotes the value.
                serde_json::from_str::<Vec<String>>(v)
                    .map(|scopes| ScopesValue(Some(scopes)))
                    .map_err(|_| E::custom("scopes: not an array of strings"))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ScopesValue, A::Error> {
                let mut scopes = Vec::new();
                while let Some(scope) = seq.next_element::<String>()? {
                    scopes.push(scope);
                }
                Ok(ScopesValue(Some(scopes)))
            }
        }
        deserializer.deserialize_any(ScopesVisitor)
    }
}

/// Writes the `data` of a request: every key of the PSC form the request fills, in the order
/// of the key table; contacts' types and the build step are left out (DataPass's API refuses
/// the former). The legal-basis keys are always written, `null` when the request has no value,
/// so that DataPass's form defaults (a Légifrance URL) never fill what the request leaves empty.
pub(crate) struct DataOut<'a>(pub &'a RequestDraft);

impl Serialize for DataOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let draft = self.0;
        let mut map = serializer.serialize_map(None)?;
        for (key, target) in KEYS {
            match target {
                Target::Scopes => {
                    if let Some(scopes) = &draft.scopes {
                        map.serialize_entry(key, scopes)?;
                    }
                }
                Target::ContactType(_) | Target::BuildStep => {}
                Target::LegalNature | Target::LegalUrl => {
                    map.serialize_entry(key, &get(draft, target))?;
                }
                other => {
                    if let Some(value) = get(draft, other) {
                        map.serialize_entry(key, value)?;
                    }
                }
            }
        }
        map.end()
    }
}

/// The text value of `target` in a draft.
pub(crate) fn get(draft: &RequestDraft, target: Target) -> Option<&str> {
    let project = draft.project.as_ref();
    let legal = draft.legal_basis.as_ref();
    match target {
        Target::ProjectName => project.and_then(|p| p.name.as_deref()),
        Target::Description => project.and_then(|p| p.description.as_deref()),
        Target::LegalNature => legal.and_then(|l| l.nature.as_deref()),
        Target::LegalUrl => legal.and_then(|l| l.url.as_deref()),
        Target::Contact(role, part) => draft
            .contacts
            .as_ref()
            .and_then(|c| c.get(role))
            .and_then(|c| part.get(c)),
        Target::Scopes | Target::ContactType(_) | Target::BuildStep => None,
    }
}

impl JsonSchema for Data {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DataPassData".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let mut properties = serde_json::Map::new();
        for (key, target) in KEYS {
            let schema = match target {
                Target::Scopes => serde_json::json!({
                    "description": "The scopes (idnat, donnees_sectorielles): an array, or the \
                                    array encoded as a string as DataPass's REST API sends it.",
                    "anyOf": [
                        {"type": "array", "items": {"type": "string"}},
                        {"type": "string"},
                        {"type": "null"},
                    ],
                }),
                _ => serde_json::json!({"type": ["string", "null"]}),
            };
            properties.insert((*key).to_owned(), schema);
        }
        json_schema!({
            "type": "object",
            "description": "The flat data of a DataPass API Pro Santé Connect demande. Every value \
                            is a string or null (DataPass stores them in an hstore); other keys \
                            are read as warnings.",
            "properties": properties,
        })
    }
}
