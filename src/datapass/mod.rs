//! DataPass's own JSON: read what DataPass sends (its API's demandes, lists, histories and
//! habilitations, webhooks and their test ping, error bodies, legacy v1 enrollments), read and
//! write what it accepts (`POST /demandes`, `PATCH /demandes/{id}`), and check webhook
//! signatures.
//!
//! An editor's back-end that files requests through DataPass's API
//! (`https://datapass.api.gouv.fr/api/v1`) and receives its webhooks uses this module as the
//! adapter between its own code and DataPass:
//!
//! | DataPass | The crate |
//! |---|---|
//! | `GET /demandes/{id}` body | [`Demande`]: number, state, reopening, dates, habilitations, history, and the request as a draft ([`Demande::to_draft`]) |
//! | `GET /demandes` body | [`DemandeList`] |
//! | `GET /demandes/{id}/events` body | [`EventList`] |
//! | `GET /habilitations/{id}` body | [`DetailedHabilitation`] |
//! | `POST /demandes` body, `PATCH /demandes/{id}` body | written by [`NewDemande::from_request`] and [`NewDemande::patch`] ([`not_sent`] lists what DataPass does not carry); read by [`NewDemande`] and [`DataPatch`] |
//! | a webhook call | [`verify_signature`] on the raw body, then [`Webhook`] |
//! | an error body (HTTP 422, 400, 401, 403, 404) | [`ApiErrors`]: DataPass's refusals as the crate's issues, on the crate's fields where DataPass names them |
//! | a v1 enrollment, a v1 webhook | [`Enrollment`] |
//! | any of these | [`import`], which recognises the document |
//!
//! # DataPass is the authority on its own data
//!
//! The crate is stricter than DataPass when an editor checks its own form, and says which rule
//! is whose (every issue has an [`Origin`](crate::Origin)). But what DataPass stored is
//! DataPass's truth: [`import`] never calls it an error. A value DataPass does not carry for this
//! form, left empty in a draft, absent from a v1 or migrated request, or a migration placeholder
//! (« Non renseigné », read as absent) is listed as [to complete](Imported::to_complete); a
//! finding of the crate's rules on a value DataPass carries is a warning with its origin (a
//! phone stored with its extension: `phone.extension`, `strict`). Errors are DataPass's own
//! refusals only: an error body, and a `POST` or `PATCH` body DataPass would refuse.
//!
//! What DataPass does not send is inferred only where DataPass's own code says how: a webhook
//! has no `reopening`, and for this single-stage form DataPass's `reopening?` holds exactly when
//! the request was validated once (`last_validated_at`) and is draft, submitted or changes
//! requested again. A `POST` without legal basis gets the form's defaults (« Arrêté du 24 mars
//! 2021 » and its Légifrance URL), as DataPass fills them before the body's data, with a
//! `datapass.default` warning.
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
//! | `current_build_step` | not a field: the wizard step an API call validates up to (`basic_infos`, `legal`, `scopes`, `contacts`), in the facts |
//! | `<role>_type` | not modelled: DataPass's API refuses these keys for this form and its form never stores them; read in a demande, anything but `person` is a `datapass.not_person` warning |
//!
//! Outside `data`: `organisation.siret` (REST) or `organization.siret` (webhooks, `POST`) →
//! `/organization/siret`; `applicant` → `/contacts/applicant` (its `job_title` is in webhooks
//! and `POST` bodies, not in `GET` responses, and `null` for every ProConnect user). What
//! DataPass's PSC form does not carry — the personal data (recipients, retention,
//! justification), the legal-basis documents (attachments), the two checkboxes — is never
//! invented: the import lists it as to complete, and a `POST` leaves it out.
//!
//! The `data` keys DataPass's API permits for this form, from which [`NewDemande`] and
//! [`DataPatch`] write only the form's fields, are those of
//! `etalab/data_pass:app/interactors/concerns/authorization_request_permitted_keys.rb`: the
//! fields above, `cadre_juridique_document` (attachments), `current_build_step` and
//! `modalities` (which passes the key check although this form has no such field). Any other
//! key, `<role>_type` included, is refused with « Clé invalide ».
//!
//! # A third party's format
//!
//! DataPass may add fields. Keys outside `data` that the crate does not use are ignored; an
//! unknown key inside the `data` of a document DataPass sends is read and reported as a
//! `json.unknown_field` **warning** at its path; what the crate maps is never dropped.
//! Structure is still checked while reading (types, duplicate keys — ignored keys included —,
//! depth, size), with the crate's one JSON reader.

mod api_error;
mod data;
mod demande;
mod detect;
mod facts;
mod finding;
mod import;
mod keys;
mod lists;
mod new_demande;
mod placeholder;
mod source;
mod v1;
mod webhook;
mod wire;

/// The JSON shapes read, for the exported schemas.
pub(crate) mod wires {
    pub(crate) use super::api_error::ErrorsWire;
    pub(crate) use super::demande::{DemandeWire, EventWire};
    pub(crate) use super::lists::DetailedHabilitationWire;
    pub(crate) use super::new_demande::{DataPatchWire, NewDemandeWire};
    pub(crate) use super::v1::{EnrollmentWire, V1WebhookWire};
    pub(crate) use super::webhook::WebhookWire;
}

pub use api_error::ApiErrors;
pub use demande::{Demande, DemandeEvent, DemandeHabilitation};
pub use facts::{FactEvent, FactHabilitation, Facts};
pub use import::{Import, Imported, import, import_with};
pub use lists::{DemandeList, DetailedHabilitation, EventList};
pub use new_demande::{DataPatch, NewDemande, not_sent};
pub use source::Source;
pub use v1::Enrollment;
pub use webhook::{SignatureError, Webhook, WebhookEvent, WebhookSummary, verify_signature};
