//! What the crate sends DataPass: the body of `POST /demandes` ([`NewDemande`]) and of
//! `PATCH /demandes/{id}` ([`DataPatch`]), and the paths of what DataPass does not carry.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

use super::data::{Data, DataOut};
use super::demande::{FORM_UID, check_form, data_key, not_person_warnings};
use super::wire::{ApplicantWire, OrganizationWire};
use crate::json::format::{Format, FormatName, UnknownKeys};
use crate::json::{Document, ReadOptions, Segment};
use crate::report::Issue;
use crate::request::authorization::AuthorizationRequest;
use crate::request::draft::RequestDraft;
use crate::request::{ContactRole, ContactsDraft, OrganizationDraft};

/// The body of `POST /demandes`: creates a draft demande of the PSC form on DataPass.
///
/// ```json
/// {"demande": {"form_uid": "api-pro-sante-connect",
///              "organization": {"siret": "13002526500013"},
///              "applicant": {"email", "given_name", "family_name", "job_title", "phone_number"},
///              "data": {"intitule": "…", "scopes": ["donnees_sectorielles", "idnat"], …}}}
/// ```
///
/// Built from a valid request ([`NewDemande::from_request`]), it holds canonical values (phones
/// in E.164) and only what DataPass's PSC form accepts: never `modalities` nor the
/// personal-data keys, which the form refuses with « Clé invalide »; [`not_sent`] lists the
/// crate's paths left out. It can also be read back ([`NewDemande::from_json_slice`]), which
/// gives the same draft on every field DataPass carries.
///
/// ```
/// use datapass_psc::RequestDraft;
/// use datapass_psc::datapass::NewDemande;
/// let json = std::fs::read_to_string("examples/requests/hospiconnect.json")?;
/// let request = RequestDraft::from_json(&json)?.validate()?;
/// let body = NewDemande::from_request(&request);
/// let text = serde_json::to_string(&body)?;
/// assert!(text.starts_with(r#"{"demande":{"form_uid":"api-pro-sante-connect""#));
/// assert!(text.contains(r#""contact_technique_phone_number":"+33612345678""#));
/// assert!(datapass_psc::datapass::not_sent(&request).contains(&"/personal_data/recipients"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// [`not_sent`]: super::not_sent
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDemande {
    content: RequestDraft,
    warnings: Vec<Issue>,
}

/// The body of `PATCH /demandes/{id}`: `{"demande": {"data": {…}}}`, the `data` keys of a
/// request (DataPass refuses updates in validated, refused, revoked and archived).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataPatch {
    content: RequestDraft,
}

/// The paths of the crate's request that DataPass's PSC form does not carry and that this
/// request fills: the personal data, the legal-basis documents, the two checkboxes. A `POST` or
/// `PATCH` leaves them out.
#[must_use]
pub fn not_sent(request: &AuthorizationRequest) -> Vec<&'static str> {
    let mut paths = vec![
        "/personal_data/recipients",
        "/personal_data/retention_months",
    ];
    if request.personal_data().retention_justification().is_some() {
        paths.push("/personal_data/retention_justification");
    }
    if !request.legal_basis().documents().is_empty() {
        paths.push("/legal_basis/documents");
    }
    paths.extend(["/terms_accepted", "/dpo_informed"]);
    paths
}

impl NewDemande {
    /// The `POST /demandes` body of a valid request.
    #[must_use]
    pub fn from_request(request: &AuthorizationRequest) -> Self {
        Self {
            content: carried(request.to_draft()),
            warnings: Vec::new(),
        }
    }

    crate::json::readers! {
        /// Reads a `POST /demandes` body back.
        ///
        /// # Errors
        /// A report with one issue: `json.*` for a structural problem, `datapass.invalid` for a
        /// value that does not fit, `datapass.other_form` for a body of another form.
    }

    /// The request as a draft: what the body carries.
    #[must_use]
    pub fn to_draft(&self) -> RequestDraft {
        self.content.clone()
    }

    /// The `PATCH /demandes/{id}` body with the same `data`.
    #[must_use]
    pub fn patch(&self) -> DataPatch {
        DataPatch {
            content: self.content.clone(),
        }
    }

    /// The warnings of reading a body back (unknown `data` keys, contacts that are not persons).
    #[must_use]
    pub fn warnings(&self) -> &[Issue] {
        &self.warnings
    }
}

/// What DataPass carries of a draft: the personal data, the documents and the checkboxes left
/// out.
pub(crate) fn carried(mut draft: RequestDraft) -> RequestDraft {
    draft.personal_data = None;
    if let Some(legal) = &mut draft.legal_basis {
        legal.documents = None;
    }
    draft.terms_accepted = None;
    draft.dpo_informed = None;
    draft
}

/// The JSON of a `POST /demandes` body, as read.
#[derive(Deserialize, JsonSchema)]
#[schemars(
    rename = "DataPassNewDemande",
    description = "The body of DataPass's POST /demandes for API Pro Santé Connect, as the crate writes and reads it."
)]
pub(crate) struct NewDemandeWire {
    demande: NewDemandeIn,
}

#[derive(Deserialize, JsonSchema)]
#[schemars(rename = "DataPassNewDemandeBody")]
struct NewDemandeIn {
    /// `api-pro-sante-connect`.
    #[serde(default)]
    form_uid: Option<String>,
    /// The organisation, by its SIRET.
    #[serde(default)]
    organization: Option<OrganizationWire>,
    /// The applicant (DataPass fills it from the account; the API takes it in the body).
    #[serde(default)]
    applicant: Option<ApplicantWire>,
    /// The flat data.
    #[serde(default)]
    data: Data,
}

impl Serialize for NewDemande {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Out<'a> {
            demande: Body<'a>,
        }
        #[derive(Serialize)]
        struct Body<'a> {
            form_uid: &'static str,
            #[serde(skip_serializing_if = "Option::is_none")]
            organization: Option<OrganizationWire>,
            #[serde(skip_serializing_if = "Option::is_none")]
            applicant: Option<ApplicantWire>,
            data: DataOut<'a>,
        }
        let content = &self.content;
        Out {
            demande: Body {
                form_uid: FORM_UID,
                organization: content.organization.as_ref().map(|o| OrganizationWire {
                    siret: o.siret.clone(),
                }),
                applicant: content
                    .contacts
                    .as_ref()
                    .and_then(|c| c.applicant.as_ref())
                    .map(ApplicantWire::from_contact),
                data: DataOut(content),
            },
        }
        .serialize(serializer)
    }
}

impl Serialize for DataPatch {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Patch<'a> {
            demande: PatchBody<'a>,
        }
        #[derive(Serialize)]
        struct PatchBody<'a> {
            data: DataOut<'a>,
        }
        Patch {
            demande: PatchBody {
                data: DataOut(&self.content),
            },
        }
        .serialize(serializer)
    }
}

fn new_demande_keys(path: &[Segment<'_>]) -> UnknownKeys {
    match path.first() {
        Some(Segment::Key(demande)) if demande == "demande" && data_key(path, 1) => {
            UnknownKeys::Warn
        }
        _ => UnknownKeys::Ignore,
    }
}

/// A `POST` body: a third party's format, at most 1 MiB by default.
static NEW_DEMANDE_FORMAT: Format = Format {
    name: FormatName::DataPass,
    max_bytes: ReadOptions::DEFAULT_MAX_BYTES,
    unknown_keys: new_demande_keys,
};

impl Document for NewDemande {
    type Wire = NewDemandeWire;

    const FORMAT: &'static Format = &NEW_DEMANDE_FORMAT;

    fn read_wire<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NewDemandeWire, D::Error> {
        NewDemandeWire::deserialize(deserializer)
    }

    fn finish(wire: NewDemandeWire, _: &ReadOptions) -> Result<Self, Issue> {
        let body = wire.demande;
        check_form(
            "/demande",
            &[("form_uid", body.form_uid.as_deref(), FORM_UID)],
        )?;
        let warnings = not_person_warnings(&body.data, "/demande/data");
        let mut content = body.data.draft;
        if let Some(siret) = body.organization.and_then(|o| o.siret) {
            content.organization = Some(OrganizationDraft { siret: Some(siret) });
        }
        if let Some(applicant) = body.applicant {
            *content
                .contacts
                .get_or_insert_with(ContactsDraft::default)
                .slot(ContactRole::Applicant) = Some(applicant.into_contact());
        }
        Ok(Self { content, warnings })
    }

    /// The reader's warnings (unknown `data` keys) come first: they are found first.
    fn with_warnings(mut self, mut warnings: Vec<Issue>) -> Self {
        warnings.append(&mut self.warnings);
        self.warnings = warnings;
        self
    }
}
