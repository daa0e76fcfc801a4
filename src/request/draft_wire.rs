//! How a [`RequestDraft`] and its sections are read: serde's derived code over mirrors of the
//! public structs (`#[serde(remote)]`, so the compiler checks that a mirror has exactly its
//! struct's fields), run inside the crate's reader. The public `Deserialize` impls of the draft
//! and of each section go through that reader: a type error, an unknown key or a duplicate key
//! is reported with its code and path, never with the value.

use serde::{Deserialize, Deserializer};

use super::contacts::{ContactDraft, ContactsDraft};
use super::document::DocumentDraft;
use super::draft::RequestDraft;
use super::legal_basis::LegalBasisDraft;
use super::personal_data::PersonalDataDraft;
use super::project::{OrganizationDraft, ProjectDraft};
use crate::json::format::Format;
use crate::json::{self, Nested, Readable};
use crate::options::Options;
use crate::report::Issue;

/// A draft section inside another, read with the enclosing reader.
fn section<'de, D: Deserializer<'de>, T: Readable<Wire = T>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    json::nested_option(deserializer)
}

/// A list of draft sections inside another, read with the enclosing reader.
fn sections<'de, D: Deserializer<'de>, T: Readable<Wire = T>>(
    deserializer: D,
) -> Result<Option<Vec<T>>, D::Error> {
    Option::<Vec<Nested<T>>>::deserialize(deserializer)
        .map(|list| list.map(|list| list.into_iter().map(|Nested(value)| value).collect()))
}

#[derive(Deserialize)]
#[serde(remote = "RequestDraft", deny_unknown_fields)]
struct RequestDraftWire {
    #[serde(default, deserialize_with = "section")]
    organization: Option<OrganizationDraft>,
    #[serde(default, deserialize_with = "section")]
    project: Option<ProjectDraft>,
    #[serde(default, deserialize_with = "section")]
    legal_basis: Option<LegalBasisDraft>,
    #[serde(default)]
    scopes: Option<Vec<String>>,
    #[serde(default, deserialize_with = "section")]
    personal_data: Option<PersonalDataDraft>,
    #[serde(default, deserialize_with = "section")]
    contacts: Option<ContactsDraft>,
    #[serde(default)]
    terms_accepted: Option<bool>,
    #[serde(default)]
    dpo_informed: Option<bool>,
}

#[derive(Deserialize)]
#[serde(remote = "OrganizationDraft", deny_unknown_fields)]
struct OrganizationDraftWire {
    #[serde(default)]
    siret: Option<String>,
}

#[derive(Deserialize)]
#[serde(remote = "ProjectDraft", deny_unknown_fields)]
struct ProjectDraftWire {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    description: Option<String>,
}

#[derive(Deserialize)]
#[serde(remote = "LegalBasisDraft", deny_unknown_fields)]
struct LegalBasisDraftWire {
    #[serde(default)]
    nature: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default, deserialize_with = "sections")]
    documents: Option<Vec<DocumentDraft>>,
}

#[derive(Deserialize)]
#[serde(remote = "DocumentDraft", deny_unknown_fields)]
struct DocumentDraftWire {
    #[serde(default)]
    file_name: Option<String>,
    #[serde(default)]
    media_type: Option<String>,
    #[serde(default)]
    size_bytes: Option<u64>,
}

#[derive(Deserialize)]
#[serde(remote = "PersonalDataDraft", deny_unknown_fields)]
struct PersonalDataDraftWire {
    #[serde(default)]
    recipients: Option<Vec<String>>,
    #[serde(default)]
    retention_months: Option<i64>,
    #[serde(default)]
    retention_justification: Option<String>,
}

#[derive(Deserialize)]
#[serde(remote = "ContactsDraft", deny_unknown_fields)]
struct ContactsDraftWire {
    #[serde(default, deserialize_with = "section")]
    applicant: Option<ContactDraft>,
    #[serde(default, deserialize_with = "section")]
    data_controller: Option<ContactDraft>,
    #[serde(default, deserialize_with = "section")]
    data_protection_officer: Option<ContactDraft>,
    #[serde(default, deserialize_with = "section")]
    technical_contact: Option<ContactDraft>,
}

#[derive(Deserialize)]
#[serde(remote = "ContactDraft", deny_unknown_fields)]
struct ContactDraftWire {
    #[serde(default)]
    given_name: Option<String>,
    #[serde(default)]
    family_name: Option<String>,
    #[serde(default)]
    job_title: Option<String>,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    phone: Option<String>,
}

/// Each type is a document of the request format, read by its mirror; its public `Deserialize`
/// goes through the crate's reader.
macro_rules! read_by_mirror {
    ($($ty:ident => $wire:ident),* $(,)?) => {$(
        impl Readable for $ty {
            type Wire = Self;

            const FORMAT: &'static Format = &Format::REQUEST;

            fn read_wire<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $wire::deserialize(deserializer)
            }

            fn finish(wire: Self, _: &Options) -> Result<Self, Issue> {
                Ok(wire)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            /// Reads through the crate's reader: a structural problem is refused with its code
            /// and path, without quoting the document.
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                json::deserialize(deserializer)
            }
        }
    )*};
}

read_by_mirror!(
    RequestDraft => RequestDraftWire,
    OrganizationDraft => OrganizationDraftWire,
    ProjectDraft => ProjectDraftWire,
    LegalBasisDraft => LegalBasisDraftWire,
    DocumentDraft => DocumentDraftWire,
    PersonalDataDraft => PersonalDataDraftWire,
    ContactsDraft => ContactsDraftWire,
    ContactDraft => ContactDraftWire,
);
