//! The four contacts of a request (« Les personnes impliquées »).

use schemars::JsonSchema;
use serde::Serialize;

use super::check::{Checker, DataPassCheck, Subject};
use crate::identifiers::{Email, PhoneNumber};
use crate::report::Path;
use crate::text::{JobTitle, PersonName};
use crate::vocabulary::vocabulary;

/// The four contacts of a request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactsDraft {
    /// The applicant (« demandeur »), from the signed-in account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applicant: Option<ContactDraft>,
    /// The data controller (« responsable de traitement »).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_controller: Option<ContactDraft>,
    /// The data protection officer (« délégué à la protection des données »).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_protection_officer: Option<ContactDraft>,
    /// The technical contact (« responsable technique »).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technical_contact: Option<ContactDraft>,
}

/// One contact, as typed. `Debug` masks every personal value.
#[derive(Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactDraft {
    /// « Prénom ».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given_name: Option<String>,
    /// « Nom de famille ».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family_name: Option<String>,
    /// « Fonction » / « Poste occupé ».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_title: Option<String>,
    /// « Email ».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// « Téléphone ».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

impl ContactsDraft {
    /// « C'est moi » : fills `role` with the applicant's five fields. Does nothing when `role` is
    /// the applicant itself.
    ///
    /// ```
    /// use datapass_psc::request::{ContactDraft, ContactsDraft, ContactRole};
    /// let mut contacts = ContactsDraft {
    ///     applicant: Some(ContactDraft { given_name: Some("Inès".into()), ..Default::default() }),
    ///     ..Default::default()
    /// };
    /// contacts.fill_from_applicant(ContactRole::TechnicalContact);
    /// assert_eq!(contacts.technical_contact, contacts.applicant);
    /// ```
    pub fn fill_from_applicant(&mut self, role: ContactRole) {
        if role != ContactRole::Applicant {
            *self.slot(role) = self.applicant.clone();
        }
    }

    /// The contact in `role`.
    #[must_use]
    pub fn get(&self, role: ContactRole) -> Option<&ContactDraft> {
        use ContactRole as R;
        match role {
            R::Applicant => self.applicant.as_ref(),
            R::DataController => self.data_controller.as_ref(),
            R::DataProtectionOfficer => self.data_protection_officer.as_ref(),
            R::TechnicalContact => self.technical_contact.as_ref(),
        }
    }

    /// The slot of the contact in `role`.
    pub(crate) fn slot(&mut self, role: ContactRole) -> &mut Option<ContactDraft> {
        use ContactRole as R;
        match role {
            R::Applicant => &mut self.applicant,
            R::DataController => &mut self.data_controller,
            R::DataProtectionOfficer => &mut self.data_protection_officer,
            R::TechnicalContact => &mut self.technical_contact,
        }
    }
}

vocabulary! {
    /// The role of a contact in a request.
    pub enum ContactRole: "contact role" {
        labels {
            /// The French name with its article (« le responsable technique »).
            pub fn label_fr;
            /// The English name ("the technical contact").
            pub fn label_en;
            /// « du responsable technique »: the French complement naming the role.
            fn of_fr;
        }
        variants {
            /// « Demandeur »: files the request; contacted about functional problems.
            Applicant = "applicant" {
                label_fr: "le demandeur",
                label_en: "the applicant",
                of_fr: "du demandeur",
            },
            /// « Responsable de traitement »: determines the purposes and means of the processing.
            DataController = "data_controller" {
                label_fr: "le responsable de traitement",
                label_en: "the data controller",
                of_fr: "du responsable de traitement",
            },
            /// « Délégué à la protection des données » (DPO).
            DataProtectionOfficer = "data_protection_officer" {
                label_fr: "le délégué à la protection des données",
                label_en: "the data protection officer",
                of_fr: "du délégué à la protection des données",
            },
            /// « Responsable technique »: contacted about technical problems; receives the technical
            /// access.
            TechnicalContact = "technical_contact" {
                label_fr: "le responsable technique",
                label_en: "the technical contact",
                of_fr: "du responsable technique",
            },
        }
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
#[non_exhaustive]
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
#[non_exhaustive]
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
    let contacts = Path::ROOT.key("contacts");
    let base = contacts.key(role.as_str());
    let (of_fr, who_en) = (role.of_fr(), role.label_en());
    // DataPass checks the applicant's email only (its `User`); the other contacts' five fields
    // are its form's, the applicant's names, job title and phone the Pro Santé Connect form's.
    let text = if role == ContactRole::Applicant {
        DataPassCheck::None
    } else {
        DataPassCheck::Text
    };
    let subject = |fr: &'static str, en: &'static str| Subject::joined([fr, of_fr], [who_en, en]);
    let given_name = c.parse::<PersonName>(
        draft.and_then(|d| d.given_name.as_deref()),
        &base.key("given_name"),
        subject("le prénom ", "'s given name"),
        text,
    );
    let family_name = c.parse::<PersonName>(
        draft.and_then(|d| d.family_name.as_deref()),
        &base.key("family_name"),
        subject("le nom de famille ", "'s family name"),
        text,
    );
    let job_title = c.parse::<JobTitle>(
        draft.and_then(|d| d.job_title.as_deref()),
        &base.key("job_title"),
        subject("la fonction ", "'s job title"),
        text,
    );
    let email = c.parse::<Email>(
        draft.and_then(|d| d.email.as_deref()),
        &base.key("email"),
        subject("l'adresse e-mail ", "'s email address"),
        DataPassCheck::Email,
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
            subject("le numéro de téléphone ", "'s phone number"),
            text,
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
