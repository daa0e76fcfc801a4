//! The flat `data` keys of a DataPass PSC demande, one row per key: the DataPass key and the
//! field of the crate's request it carries. Reading, writing, the keys DataPass's API permits and
//! the paths of DataPass's errors all go through this table.

use crate::request::draft::RequestDraft;
use crate::request::{ContactDraft, ContactRole, ContactsDraft, LegalBasisDraft, ProjectDraft};

/// A part of a contact that DataPass carries in `data`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    GivenName,
    FamilyName,
    JobTitle,
    Email,
    Phone,
}

/// What a `data` key carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    ProjectName,
    Description,
    LegalNature,
    LegalUrl,
    Scopes,
    Contact(ContactRole, Part),
    /// `<role>_type`: `person` (the default) or `organization`. DataPass's model has it, but
    /// its API refuses the key for this form and its form never stores it; the crate models
    /// persons and reads it only to warn.
    ContactType(ContactRole),
    /// `current_build_step`: the wizard step an API call validates up to (`basic_infos`,
    /// `legal`, `scopes`, `contacts`), never stored.
    BuildStep,
}

use ContactRole::{DataController as Dc, DataProtectionOfficer as Dpo, TechnicalContact as Tc};
use Part::{Email, FamilyName, GivenName, JobTitle, Phone};
use Target::{Contact, ContactType};

/// Every `data` key of DataPass's PSC form, in the order the crate writes them (contacts' types
/// and the build step are read, never written).
#[rustfmt::skip]
pub(crate) const KEYS: [(&str, Target); 24] = [
    ("intitule",                                  Target::ProjectName),
    ("description",                               Target::Description),
    ("cadre_juridique_nature",                    Target::LegalNature),
    ("cadre_juridique_url",                       Target::LegalUrl),
    ("scopes",                                    Target::Scopes),
    ("contact_technique_given_name",              Contact(Tc, GivenName)),
    ("contact_technique_family_name",             Contact(Tc, FamilyName)),
    ("contact_technique_job_title",               Contact(Tc, JobTitle)),
    ("contact_technique_email",                   Contact(Tc, Email)),
    ("contact_technique_phone_number",            Contact(Tc, Phone)),
    ("contact_technique_type",                    ContactType(Tc)),
    ("responsable_traitement_given_name",         Contact(Dc, GivenName)),
    ("responsable_traitement_family_name",        Contact(Dc, FamilyName)),
    ("responsable_traitement_job_title",          Contact(Dc, JobTitle)),
    ("responsable_traitement_email",              Contact(Dc, Email)),
    ("responsable_traitement_phone_number",       Contact(Dc, Phone)),
    ("responsable_traitement_type",               ContactType(Dc)),
    ("delegue_protection_donnees_given_name",     Contact(Dpo, GivenName)),
    ("delegue_protection_donnees_family_name",    Contact(Dpo, FamilyName)),
    ("delegue_protection_donnees_job_title",      Contact(Dpo, JobTitle)),
    ("delegue_protection_donnees_email",          Contact(Dpo, Email)),
    ("delegue_protection_donnees_phone_number",   Contact(Dpo, Phone)),
    ("delegue_protection_donnees_type",           ContactType(Dpo)),
    ("current_build_step",                        Target::BuildStep),
];

/// The `data` keys DataPass's API permits for this form besides [`KEYS`]' fields: attachments
/// of the legal text, and `modalities`, which passes the key check for every form although this
/// one has no such field. The permitted keys are built by
/// `etalab/data_pass:app/interactors/concerns/authorization_request_permitted_keys.rb` from the
/// form's attributes, documents, scopes, build step, contacts (their five fields, not their
/// type) and modalities; any other key is refused with « Clé invalide ».
const ALSO_PERMITTED: [&str; 2] = ["cadre_juridique_document", "modalities"];

/// Whether DataPass's API accepts `key` in the `data` of a `POST` or `PATCH` for this form.
pub(crate) fn permitted(key: &str) -> bool {
    match target(key) {
        Some(Target::ContactType(_)) => false,
        Some(_) => true,
        None => ALSO_PERMITTED.contains(&key),
    }
}

/// What the `data` key `key` carries, if DataPass's PSC form has it.
pub(crate) fn target(key: &str) -> Option<Target> {
    KEYS.iter().find(|(k, _)| *k == key).map(|(_, t)| *t)
}

/// The `data` key that carries `target`.
pub(crate) fn key_of(target: Target) -> &'static str {
    KEYS.iter()
        .find(|(_, t)| *t == target)
        .map_or("", |(k, _)| k)
}

impl Part {
    /// The part's key in the crate's contact (`given_name`, `phone`).
    const fn key(self) -> &'static str {
        match self {
            Self::GivenName => "given_name",
            Self::FamilyName => "family_name",
            Self::JobTitle => "job_title",
            Self::Email => "email",
            Self::Phone => "phone",
        }
    }

    /// The part's slot in a contact draft.
    pub(crate) fn slot(self, contact: &mut ContactDraft) -> &mut Option<String> {
        match self {
            Self::GivenName => &mut contact.given_name,
            Self::FamilyName => &mut contact.family_name,
            Self::JobTitle => &mut contact.job_title,
            Self::Email => &mut contact.email,
            Self::Phone => &mut contact.phone,
        }
    }

    /// The part of a contact draft.
    pub(crate) fn get(self, contact: &ContactDraft) -> Option<&str> {
        match self {
            Self::GivenName => contact.given_name.as_deref(),
            Self::FamilyName => contact.family_name.as_deref(),
            Self::JobTitle => contact.job_title.as_deref(),
            Self::Email => contact.email.as_deref(),
            Self::Phone => contact.phone.as_deref(),
        }
    }
}

impl Target {
    /// The JSON Pointer of the crate's field (`/contacts/technical_contact/email`); `None` for
    /// a contact's type, which the crate does not model.
    pub(crate) fn path(self) -> Option<String> {
        Some(match self {
            Self::ProjectName => "/project/name".to_owned(),
            Self::Description => "/project/description".to_owned(),
            Self::LegalNature => "/legal_basis/nature".to_owned(),
            Self::LegalUrl => "/legal_basis/url".to_owned(),
            Self::Scopes => "/scopes".to_owned(),
            Self::Contact(role, part) => format!("/contacts/{role}/{}", part.key()),
            Self::ContactType(_) | Self::BuildStep => return None,
        })
    }

    /// Writes a text value into a draft (scopes and contacts' types are read apart).
    pub(crate) fn set(self, draft: &mut RequestDraft, value: Option<String>) {
        let project = || ProjectDraft::default();
        let legal = || LegalBasisDraft::default();
        match self {
            Self::ProjectName => draft.project.get_or_insert_with(project).name = value,
            Self::Description => draft.project.get_or_insert_with(project).description = value,
            Self::LegalNature => draft.legal_basis.get_or_insert_with(legal).nature = value,
            Self::LegalUrl => draft.legal_basis.get_or_insert_with(legal).url = value,
            Self::Contact(role, part) => {
                let contacts = draft.contacts.get_or_insert_with(ContactsDraft::default);
                *part.slot(
                    contacts
                        .slot(role)
                        .get_or_insert_with(ContactDraft::default),
                ) = value;
            }
            Self::Scopes | Self::ContactType(_) | Self::BuildStep => {}
        }
    }
}
