//! DataPass's own JSON: read what DataPass sends (its API's demandes, webhooks, error bodies,
//! legacy v1 enrollments), write what it accepts (`POST /demandes`, `PATCH /demandes/{id}`), and
//! check webhook signatures.
//!
//! An editor's back-end that files requests through DataPass's API
//! (`https://datapass.api.gouv.fr/api/v1`) and receives its webhooks uses this module as the
//! adapter between its own code and DataPass:
//!
//! | DataPass | The crate |
//! |---|---|
//! | `GET /demandes/{id}` body | [`Demande`]: number, state, reopening, dates, habilitations, history, and the request as a draft ([`Demande::to_draft`]) |
//! | `POST /demandes` body, `PATCH /demandes/{id}` body | [`NewDemande::from_request`], [`NewDemande::patch`], and [`not_sent`] for what DataPass does not carry |
//! | a webhook call | [`verify_signature`] on the raw body, then [`Webhook`] |
//! | an error body (HTTP 422…) | [`ApiErrors`]: DataPass's refusals as the crate's issues, at the crate's paths |
//! | a v1 enrollment, a v1 webhook | [`Enrollment`] |
//! | any of these | [`import`], which recognises the document |
//!
//! # The flat `data` keys
//!
//! DataPass holds a PSC request's fields in a flat `data` object (stored in an hstore, so every
//! value is a string or `null`, and `scopes` arrives as a JSON-encoded string from the REST API
//! and as an array from webhooks: both are read, with the same result). The keys and the
//! crate's fields they carry:
//!
//! | DataPass key | Crate field |
//! |---|---|
//! | `intitule`, `description` | `/project/name`, `/project/description` |
//! | `cadre_juridique_nature`, `cadre_juridique_url` | `/legal_basis/nature`, `/legal_basis/url` |
//! | `scopes` | `/scopes` |
//! | `contact_technique_{given_name,family_name,job_title,email,phone_number}` | `/contacts/technical_contact/*` |
//! | `responsable_traitement_*` | `/contacts/data_controller/*` |
//! | `delegue_protection_donnees_*` | `/contacts/data_protection_officer/*` |
//! | `<role>_type` | not modelled: every contact is a person (anything but `person` is a `datapass.not_person` warning) |
//!
//! Outside `data`: `organisation.siret` (REST) or `organization.siret` (webhooks, `POST`) →
//! `/organization/siret`; `applicant` → `/contacts/applicant` (its `job_title` is in webhooks
//! and `POST` bodies, not in `GET` responses). What DataPass's PSC form does not carry — the
//! personal data (recipients, retention, justification), the legal-basis documents (attachments),
//! the two checkboxes — is never invented: the imported draft's validation reports it as
//! missing, and a `POST` leaves it out.
//!
//! # A third party's format
//!
//! DataPass may add fields. Keys outside `data` that the crate does not use are ignored; an
//! unknown key inside `data` is read and reported as a `json.unknown_field` **warning** at its
//! path; what the crate maps is never dropped. Structure is still checked while reading (types,
//! duplicate keys — ignored keys included —, depth, size), with the crate's one JSON reader.

mod api_error;
mod data;
mod demande;
mod import;
mod keys;
mod new_demande;
mod v1;
mod webhook;
mod wire;

/// The JSON shapes read, for the exported schemas.
pub(crate) mod wires {
    pub(crate) use super::api_error::ErrorsWire;
    pub(crate) use super::demande::DemandeWire;
    pub(crate) use super::new_demande::NewDemandeWire;
    pub(crate) use super::v1::{EnrollmentWire, V1WebhookWire};
    pub(crate) use super::webhook::WebhookWire;
}

pub use api_error::ApiErrors;
pub use demande::{Demande, DemandeEvent, DemandeHabilitation};
pub use import::{FactHabilitation, Facts, Imported, Source, import, import_with};
pub use new_demande::{DataPatch, NewDemande, not_sent};
pub use v1::Enrollment;
pub use webhook::{SignatureError, Webhook, WebhookEvent, verify_signature};
