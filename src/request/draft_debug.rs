//! `Debug` for the draft sections: nothing a person typed appears as typed. Names show their
//! initial, emails and phones their masked canonical form, free text only its length; a SIRET,
//! a legal-basis URL, a scope or a media type shows only when it is valid (a value typed in the
//! wrong field may be anything).

use std::fmt;
use std::str::FromStr;

use super::contacts::ContactDraft;
use super::document::DocumentDraft;
use super::draft::RequestDraft;
use super::legal_basis::LegalBasisDraft;
use super::legal_basis::LegalBasisUrl;
use super::personal_data::PersonalDataDraft;
use super::project::{OrganizationDraft, ProjectDraft};
use super::scopes::Scope;
use crate::identifiers::{Email, PhoneNumber, Siret};
use crate::text::mask_name;

/// A raw value as `Debug` shows it.
enum Shown<'a> {
    /// A valid identifier, URL or word: shown.
    Valid(&'a str),
    /// Anything else: its length only.
    Redacted(usize),
    /// A masked personal value.
    Masked(String),
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Valid(value) => fmt::Debug::fmt(value, f),
            Self::Redacted(chars) => write!(f, "<{chars} chars>"),
            Self::Masked(masked) => f.write_str(masked),
        }
    }
}

/// Free text: its length.
fn text(value: Option<&String>) -> Option<Shown<'_>> {
    value.map(|v| Shown::Redacted(v.chars().count()))
}

/// A value shown when `T` reads it, its length otherwise.
fn valid<T: FromStr>(value: Option<&String>) -> Option<Shown<'_>> {
    value.map(|v| match v.parse::<T>() {
        Ok(_) => Shown::Valid(v),
        Err(_) => Shown::Redacted(v.chars().count()),
    })
}

/// A personal value, masked by `mask` when it is valid, `***` otherwise.
fn masked(value: Option<&String>, mask: impl Fn(&str) -> Option<String>) -> Option<Shown<'_>> {
    value.map(|v| Shown::Masked(mask(v).unwrap_or_else(|| "***".to_owned())))
}

impl fmt::Debug for RequestDraft {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scopes = self.scopes.as_ref().map(|scopes| {
            scopes
                .iter()
                .map(|s| match Scope::from_wire(s) {
                    Some(_) => Shown::Valid(s),
                    None => Shown::Redacted(s.chars().count()),
                })
                .collect::<Vec<_>>()
        });
        f.debug_struct("RequestDraft")
            .field("organization", &self.organization)
            .field("project", &self.project)
            .field("legal_basis", &self.legal_basis)
            .field("scopes", &scopes)
            .field("personal_data", &self.personal_data)
            .field("contacts", &self.contacts)
            .field("terms_accepted", &self.terms_accepted)
            .field("dpo_informed", &self.dpo_informed)
            .finish()
    }
}

impl fmt::Debug for OrganizationDraft {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OrganizationDraft")
            .field("siret", &valid::<Siret>(self.siret.as_ref()))
            .finish()
    }
}

impl fmt::Debug for ProjectDraft {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProjectDraft")
            .field("name", &text(self.name.as_ref()))
            .field("description", &text(self.description.as_ref()))
            .finish()
    }
}

impl fmt::Debug for LegalBasisDraft {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LegalBasisDraft")
            .field("nature", &text(self.nature.as_ref()))
            .field("url", &valid::<LegalBasisUrl>(self.url.as_ref()))
            .field("documents", &self.documents)
            .finish()
    }
}

impl fmt::Debug for DocumentDraft {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let media_type = self.media_type.as_ref().map(|m| {
            if m.eq_ignore_ascii_case("application/pdf") {
                Shown::Valid(m)
            } else {
                Shown::Redacted(m.chars().count())
            }
        });
        f.debug_struct("DocumentDraft")
            .field("file_name", &text(self.file_name.as_ref()))
            .field("media_type", &media_type)
            .field("size_bytes", &self.size_bytes)
            .finish()
    }
}

impl fmt::Debug for PersonalDataDraft {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let recipients = self
            .recipients
            .as_ref()
            .map(|r| r.iter().map(|r| text(Some(r))).collect::<Vec<_>>());
        f.debug_struct("PersonalDataDraft")
            .field("recipients", &recipients)
            .field("retention_months", &self.retention_months)
            .field(
                "retention_justification",
                &text(self.retention_justification.as_ref()),
            )
            .finish()
    }
}

impl fmt::Debug for ContactDraft {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = |v: &str| Some(mask_name(v));
        let email = |v: &str| v.parse::<Email>().ok().map(|e| e.masked());
        let phone = |v: &str| v.parse::<PhoneNumber>().ok().map(|p| p.masked());
        f.debug_struct("ContactDraft")
            .field("given_name", &masked(self.given_name.as_ref(), name))
            .field("family_name", &masked(self.family_name.as_ref(), name))
            .field("job_title", &text(self.job_title.as_ref()))
            .field("email", &masked(self.email.as_ref(), email))
            .field("phone", &masked(self.phone.as_ref(), phone))
            .finish()
    }
}
