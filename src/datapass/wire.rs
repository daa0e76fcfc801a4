//! Parts shared by DataPass's JSON shapes: ids, the applicant, the organisation.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use super::keys::{Part, Target};
use super::placeholder::is_placeholder;
use crate::request::{ContactDraft, ContactRole};

/// A DataPass id (`60501`) read as a request or habilitation number: DataPass writes an
/// integer; a string (`"60501"`, `"D60501"`) is accepted too.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Id<T>(pub T);

impl<'de, T: TryFrom<u64> + FromStr> Deserialize<'de> for Id<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IdVisitor<T>(PhantomData<T>);
        impl<T: TryFrom<u64> + FromStr> Visitor<'_> for IdVisitor<T> {
            type Value = Id<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a DataPass id")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Id<T>, E> {
                T::try_from(v)
                    .map(Id)
                    .map_err(|_| E::custom("not a DataPass id"))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Id<T>, E> {
                u64::try_from(v)
                    .map_err(|_| E::custom("not a DataPass id"))
                    .and_then(|v| self.visit_u64(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Id<T>, E> {
                v.parse()
                    .map(Id)
                    .map_err(|_| E::custom("not a DataPass id"))
            }
        }
        deserializer.deserialize_any(IdVisitor(PhantomData))
    }
}

impl<T> JsonSchema for Id<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DataPassId".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "anyOf": [{"type": "integer"}, {"type": "string"}],
            "description": "A DataPass id (60501); a string with or without its D or H prefix is \
                            accepted too.",
        })
    }
}

/// The applicant as DataPass sends it (the account that files the request). Keys the crate does
/// not use (`id`, `uid`) are ignored; `job_title` is in webhooks and `POST` bodies, not in `GET`
/// responses.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub(crate) struct ApplicantWire {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
}

impl ApplicantWire {
    /// The applicant as a contact of the crate's request; a placeholder (« Non renseigné ») is
    /// read as absent and its field noted in `placeholders`.
    pub(crate) fn into_contact(self, placeholders: &mut Vec<Target>) -> ContactDraft {
        let mut contact = ContactDraft::default();
        for (part, value) in [
            (Part::GivenName, self.given_name),
            (Part::FamilyName, self.family_name),
            (Part::JobTitle, self.job_title),
            (Part::Email, self.email),
            (Part::Phone, self.phone_number),
        ] {
            if value.as_deref().is_some_and(is_placeholder) {
                placeholders.push(Target::Contact(ContactRole::Applicant, part));
            } else {
                *part.slot(&mut contact) = value;
            }
        }
        contact
    }

    /// The applicant of the crate's request, as DataPass's `POST` body writes it.
    pub(crate) fn from_contact(contact: &ContactDraft) -> Self {
        Self {
            email: contact.email.clone(),
            given_name: contact.given_name.clone(),
            family_name: contact.family_name.clone(),
            job_title: contact.job_title.clone(),
            phone_number: contact.phone.clone(),
        }
    }
}

/// The organisation as DataPass sends it: the crate reads its SIRET (`id`, `name` and
/// `insee_payload` are ignored).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub(crate) struct OrganizationWire {
    #[serde(default)]
    pub siret: Option<String>,
}
