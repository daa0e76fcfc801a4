//! The sections of an authorization request: the draft a form sends, section by section, the
//! typed values validation builds, and the wizard's steps.
//!
//! [`RequestDraft`](crate::RequestDraft) and [`AuthorizationRequest`](crate::AuthorizationRequest)
//! live at the crate root; this module holds their parts. One section of the form per file
//! (organisation and project, legal basis and its documents, scopes, personal data, contacts,
//! checkboxes), each owning its typed value and its rules; validation runs them in the field
//! order of the wire format.

pub(crate) mod authorization;
mod check;
mod checkboxes;
mod contacts;
mod datapass_checks;
mod document;
pub(crate) mod draft;
mod draft_debug;
mod draft_wire;
mod legal_basis;
mod personal_data;
mod project;
mod scopes;
mod wizard;

pub use checkboxes::CheckboxError;
pub use contacts::{Contact, ContactDraft, ContactRole, Contacts, ContactsDraft};
pub use document::{
    Document, DocumentDraft, DocumentError, MAX_DOCUMENT_BYTES, MAX_DOCUMENTS, MAX_FILE_NAME_CHARS,
};
pub use legal_basis::{
    LegalBasis, LegalBasisDraft, LegalBasisUrl, LegalBasisUrlError, MAX_URL_CHARS,
    PSC_LEGAL_NATURE, PSC_LEGAL_URL,
};
pub use personal_data::{MAX_RECIPIENTS, PersonalData, PersonalDataDraft, TooManyRecipients};
pub use project::{Organization, OrganizationDraft, Project, ProjectDraft};
pub use scopes::{Scope, Scopes, UnknownScope};
pub use wizard::WizardStep;
