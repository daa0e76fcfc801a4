//! The four contacts of a request (« Les personnes impliquées »).

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::check::{Checker, Subject};
use super::draft::{ContactDraft, ContactsDraft};
use crate::identifiers::{Email, PhoneNumber};
use crate::report::Pointer;
use crate::text::{JobTitle, PersonName};

/// The role of a contact in a request.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ContactRole {
    /// « Demandeur »: files the request; contacted about functional problems.
    Applicant,
    /// « Responsable de traitement »: determines the purposes and means of the processing.
    DataController,
    /// « Délégué à la protection des données » (DPO).
    DataProtectionOfficer,
    /// « Responsable technique »: contacted about technical problems; receives the technical
    /// access.
    TechnicalContact,
}

impl ContactRole {
    /// The four roles, in wire order.
    pub const ALL: [Self; 4] = [
        Self::Applicant,
        Self::DataController,
        Self::DataProtectionOfficer,
        Self::TechnicalContact,
    ];

    /// The key in the wire format (`technical_contact`).
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            Self::Applicant => "applicant",
            Self::DataController => "data_controller",
            Self::DataProtectionOfficer => "data_protection_officer",
            Self::TechnicalContact => "technical_contact",
        }
    }

    /// The French name with its article (« le responsable technique »).
    #[must_use]
    pub const fn label_fr(self) -> &'static str {
        match self {
            Self::Applicant => "le demandeur",
            Self::DataController => "le responsable de traitement",
            Self::DataProtectionOfficer => "le délégué à la protection des données",
            Self::TechnicalContact => "le responsable technique",
        }
    }

    /// The English name ("the technical contact").
    #[must_use]
    pub const fn label_en(self) -> &'static str {
        match self {
            Self::Applicant => "the applicant",
            Self::DataController => "the data controller",
            Self::DataProtectionOfficer => "the data protection officer",
            Self::TechnicalContact => "the technical contact",
        }
    }

    /// « du responsable technique »: the French complement naming the role.
    fn of_fr(self) -> &'static str {
        match self {
            Self::Applicant => "du demandeur",
            Self::DataController => "du responsable de traitement",
            Self::DataProtectionOfficer => "du délégué à la protection des données",
            Self::TechnicalContact => "du responsable technique",
        }
    }
}

impl fmt::Display for ContactRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A contact: five validated fields, so every combination is valid and the fields are public.
///
/// `Debug` masks every personal value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    description = "A contact: given name, family name, job title, email and phone, all required."
)]
pub struct Contact {
    /// « Prénom ».
    pub given_name: PersonName,
    /// « Nom de famille ».
    pub family_name: PersonName,
    /// « Fonction ».
    pub job_title: JobTitle,
    /// « Email », lowercase.
    pub email: Email,
    /// « Téléphone », E.164.
    pub phone: PhoneNumber,
}

impl Contact {
    /// The contact as a draft section (the canonical strings).
    #[must_use]
    pub fn to_draft(&self) -> ContactDraft {
        ContactDraft {
            given_name: Some(self.given_name.to_string()),
            family_name: Some(self.family_name.to_string()),
            job_title: Some(self.job_title.to_string()),
            email: Some(self.email.to_string()),
            phone: Some(self.phone.to_string()),
        }
    }
}

/// The four contacts of a complete request.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contacts {
    /// The applicant (« demandeur »).
    pub applicant: Contact,
    /// The data controller (« responsable de traitement »).
    pub data_controller: Contact,
    /// The data protection officer (« délégué à la protection des données »).
    pub data_protection_officer: Contact,
    /// The technical contact (« responsable technique »).
    pub technical_contact: Contact,
}

impl Contacts {
    /// The contact in `role`.
    #[must_use]
    pub fn get(&self, role: ContactRole) -> &Contact {
        match role {
            ContactRole::Applicant => &self.applicant,
            ContactRole::DataController => &self.data_controller,
            ContactRole::DataProtectionOfficer => &self.data_protection_officer,
            ContactRole::TechnicalContact => &self.technical_contact,
        }
    }
}

fn check_contact(
    role: ContactRole,
    draft: Option<&ContactDraft>,
    c: &mut Checker,
) -> Option<Contact> {
    let base = Pointer::root().key("contacts").key(role.key());
    let of_fr = role.of_fr();
    let who_en = role.label_en();
    let given_name = c.parse::<PersonName>(
        draft.and_then(|d| d.given_name.as_deref()),
        &base.key("given_name"),
        &Subject::new(
            format!("le prénom {of_fr}"),
            format!("{who_en}'s given name"),
        ),
    );
    let family_name = c.parse::<PersonName>(
        draft.and_then(|d| d.family_name.as_deref()),
        &base.key("family_name"),
        &Subject::new(
            format!("le nom de famille {of_fr}"),
            format!("{who_en}'s family name"),
        ),
    );
    let job_title = c.parse::<JobTitle>(
        draft.and_then(|d| d.job_title.as_deref()),
        &base.key("job_title"),
        &Subject::new(
            format!("la fonction {of_fr}"),
            format!("{who_en}'s job title"),
        ),
    );
    let email = c.parse::<Email>(
        draft.and_then(|d| d.email.as_deref()),
        &base.key("email"),
        &Subject::new(
            format!("l'adresse e-mail {of_fr}"),
            format!("{who_en}'s email address"),
        ),
    );
    let raw_phone = draft.and_then(|d| d.phone.as_deref());
    let stored = if c.trust_stored_phones {
        raw_phone.and_then(PhoneNumber::from_stored)
    } else {
        None
    };
    let phone = stored.or_else(|| {
        c.parse::<PhoneNumber>(
            raw_phone,
            &base.key("phone"),
            &Subject::new(
                format!("le numéro de téléphone {of_fr}"),
                format!("{who_en}'s phone number"),
            ),
        )
    });
    Some(Contact {
        given_name: given_name?,
        family_name: family_name?,
        job_title: job_title?,
        email: email?,
        phone: phone?,
    })
}

/// Checks the contacts in `roles` (all four for a submission; the wizard's contact step leaves
/// the applicant, who comes from the sign-in, to the summary).
pub(crate) fn check_contacts(
    draft: Option<&ContactsDraft>,
    roles: &[ContactRole],
    c: &mut Checker,
) -> Option<Contacts> {
    let mut checked = [None, None, None, None];
    for &role in roles {
        checked[role as usize] = check_contact(role, draft.and_then(|d| d.get(role)), c);
    }
    let [
        applicant,
        data_controller,
        data_protection_officer,
        technical_contact,
    ] = checked;
    Some(Contacts {
        applicant: applicant?,
        data_controller: data_controller?,
        data_protection_officer: data_protection_officer?,
        technical_contact: technical_contact?,
    })
}
