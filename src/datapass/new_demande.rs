//! What the crate sends DataPass: the body of `POST /demandes` ([`NewDemande`]) and of
//! `PATCH /demandes/{id}` ([`DataPatch`]), and the paths of what DataPass does not carry.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

use super::data::{Data, DataOut};
use super::demande::{FORM_UID, TYPE, check_form};
use super::finding::Finding;
use super::keys::{Target, permitted};
use super::placeholder::placeholder_warnings;
use super::wire::{ApplicantWire, OrganizationWire};
use crate::codes::Code;
use crate::diagnostic::Params;
use crate::json::format::{Format, UnknownKeys};
use crate::json::{Readable, Segment};
use crate::options::Options;
use crate::report::{Issue, Pointer, ValidationReport};

use crate::request::authorization::AuthorizationRequest;
use crate::request::draft::RequestDraft;
use crate::request::{
    ContactRole, ContactsDraft, OrganizationDraft, PSC_LEGAL_NATURE, PSC_LEGAL_URL,
};

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
/// let request = RequestDraft::from_json_slice(json.as_bytes())?.validate()?;
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
    read: BodyRead,
}

/// The body of `PATCH /demandes/{id}`: `{"demande": {"data": {…}}}`, the `data` keys of a
/// request (DataPass refuses updates in validated, refused, revoked and archived). Written from
/// a valid request ([`NewDemande::patch`]) or read back ([`DataPatch::from_json_slice`]): a
/// `PATCH` carries only what changes, so reading one reports only what it carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataPatch {
    content: RequestDraft,
    read: BodyRead,
}

/// What reading a body found: DataPass's refusals of its keys, the warnings, the build step, and
/// the crate's paths of the fields whose key the body holds (`null` or blank included).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct BodyRead {
    refusals: Vec<Issue>,
    warnings: Vec<Issue>,
    build_step: Option<String>,
    given: Vec<String>,
}

impl BodyRead {
    /// The reading as a report: DataPass's refusals as errors, then the warnings.
    fn report(&self) -> ValidationReport {
        ValidationReport::from_parts(self.refusals.clone(), self.warnings.clone())
    }
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
            read: BodyRead::default(),
        }
    }

    crate::json::readers! {
        /// Reads a `POST /demandes` body back, as DataPass would take it: a legal-basis key the
        /// body leaves out gets the form's default (« Arrêté du 24 mars 2021 » and its
        /// Légifrance URL, which DataPass fills before the body's data), with a `datapass.default`
        /// warning; a `data` key DataPass's API does not permit for this form (a `<role>_type`,
        /// an unknown key) is a refusal ([`NewDemande::refusals`]).
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
            read: BodyRead::default(),
        }
    }

    /// The warnings of reading a body back: keys DataPass permits but this form has no field
    /// for (`modalities`, attachments), the form's defaults DataPass fills, placeholders.
    #[must_use]
    pub fn warnings(&self) -> &[Issue] {
        &self.read.warnings
    }

    /// What DataPass's API would refuse in this body, as it answers it (« Clé invalide » for a
    /// key it does not permit, « Formulaire introuvable » without `form_uid` nor `type`), with
    /// origin `datapass`, at the path of the key in the body.
    #[must_use]
    pub fn refusals(&self) -> &[Issue] {
        &self.read.refusals
    }

    /// The wizard step DataPass validates the body up to (`current_build_step`), if any.
    #[must_use]
    pub fn build_step(&self) -> Option<&str> {
        self.read.build_step.as_deref()
    }

    /// The reading as a report: [`NewDemande::refusals`] as errors, then the warnings.
    pub(crate) fn reading(&self) -> ValidationReport {
        self.read.report()
    }
}

impl DataPatch {
    crate::json::readers! {
        /// Reads a `PATCH /demandes/{id}` body: `{"demande": {"data": {…}}}`. A `data` key DataPass's
        /// API does not permit for this form is a refusal ([`DataPatch::refusals`]).
        ///
        /// # Errors
        /// A report with one issue: `json.*` for a structural problem, `datapass.invalid` for a
        /// value that does not fit.
    }

    /// What the body carries, as a draft.
    #[must_use]
    pub fn to_draft(&self) -> RequestDraft {
        self.content.clone()
    }

    /// The warnings of reading the body (as [`NewDemande::warnings`]).
    #[must_use]
    pub fn warnings(&self) -> &[Issue] {
        &self.read.warnings
    }

    /// What DataPass's API would refuse in this body (as [`NewDemande::refusals`]).
    #[must_use]
    pub fn refusals(&self) -> &[Issue] {
        &self.read.refusals
    }

    /// The wizard step DataPass validates the demande up to (`current_build_step`), if any.
    #[must_use]
    pub fn build_step(&self) -> Option<&str> {
        self.read.build_step.as_deref()
    }

    /// The crate's paths of the fields the body gives, `null` or blank included: a `PATCH`
    /// that blanks a field makes it absent on DataPass.
    pub(crate) fn given(&self) -> &[String] {
        &self.read.given
    }

    /// The reading as a report: [`DataPatch::refusals`] as errors, then the warnings.
    pub(crate) fn reading(&self) -> ValidationReport {
        self.read.report()
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
    /// `AuthorizationRequest::APIProSanteConnect`, instead of `form_uid`.
    #[serde(default, rename = "type")]
    kind: Option<String>,
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

/// The JSON of a `PATCH /demandes/{id}` body, as read.
#[derive(Deserialize, JsonSchema)]
#[schemars(
    rename = "DataPassDataPatch",
    description = "The body of DataPass's PATCH /demandes/{id} for API Pro Santé Connect: the data that changes."
)]
pub(crate) struct DataPatchWire {
    demande: DataPatchIn,
}

#[derive(Deserialize, JsonSchema)]
#[schemars(rename = "DataPassDataPatchBody")]
struct DataPatchIn {
    /// The flat data.
    #[serde(default)]
    data: Data,
}

/// Unknown keys of a body: ignored by the reader, since the body's own reading says which ones
/// DataPass refuses and which it permits without a field here.
fn body_keys(_: &[Segment<'_>]) -> UnknownKeys {
    UnknownKeys::Ignore
}

/// What reading a body's `data` finds: « Clé invalide » for each key DataPass's API refuses, a
/// warning for each permitted key the form has no field for, and the placeholders.
fn read_data(data: &Data) -> BodyRead {
    let mut read = BodyRead {
        build_step: data.build_step.clone(),
        given: data.seen.iter().filter_map(|t| t.path()).collect(),
        ..BodyRead::default()
    };
    let data_path = Pointer::root().key("demande").key("data");
    for key in data
        .type_keys
        .iter()
        .copied()
        .chain(data.unmapped.iter().map(String::as_str))
    {
        if permitted(key) {
            read.warnings.push(Issue::from_error(
                data_path.key(key).as_str(),
                &Finding::UnreadKey { key },
            ));
        } else {
            read.refusals.push(key_refused(key));
        }
    }
    read.warnings
        .extend(placeholder_warnings(&data.placeholders));
    read
}

/// DataPass's answer to a key its API does not permit for this form, as [`ApiErrors`] reads it
/// from DataPass's error body: « Clé invalide », at the root, the key in `params`.
///
/// [`ApiErrors`]: super::ApiErrors
fn key_refused(key: &str) -> Issue {
    Issue::quoting_datapass(
        Code::DataPassRefused,
        "",
        format!("La clé « {key} » n’existe pas pour ce type de demande."),
        format!("DataPass refuses the key `{key}` for this form (« Clé invalide »)"),
        Params::new()
            .with("status", "422")
            .with("title", "Clé invalide")
            .with("pointer", format!("/data/{key}"))
            .with("key", key),
    )
}

/// A `POST` or `PATCH` body: a third party's format, at most 1 MiB by default.
static BODY_FORMAT: Format = Format::datapass(body_keys);

impl Readable for NewDemande {
    type Wire = NewDemandeWire;

    const FORMAT: &'static Format = &BODY_FORMAT;

    fn read_wire<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NewDemandeWire, D::Error> {
        NewDemandeWire::deserialize(deserializer)
    }

    fn finish(wire: NewDemandeWire, _: &Options) -> Result<Self, Issue> {
        let body = wire.demande;
        check_form(
            "/demande",
            &[
                ("form_uid", body.form_uid.as_deref(), FORM_UID),
                ("type", body.kind.as_deref(), TYPE),
            ],
        )?;
        let mut read = read_data(&body.data);
        if body.form_uid.is_none() && body.kind.is_none() {
            read.refusals.insert(
                0,
                Issue::quoting_datapass(
                    Code::DataPassRefused,
                    "/demande",
                    "Le formulaire demandé est introuvable.".to_owned(),
                    "DataPass finds no form: the body names neither `form_uid` nor `type` \
                     (« Formulaire introuvable »)"
                        .to_owned(),
                    Params::new()
                        .with("status", "422")
                        .with("title", "Formulaire introuvable"),
                ),
            );
        }
        let mut content = body.data.draft;
        // DataPass fills the form's defaults first, then the body's data overrides them.
        let seen = &body.data.seen;
        for (target, value, pointer) in [
            (Target::LegalNature, PSC_LEGAL_NATURE, "/legal_basis/nature"),
            (Target::LegalUrl, PSC_LEGAL_URL, "/legal_basis/url"),
        ] {
            if !seen.contains(&target) {
                target.set(&mut content, Some(value.to_owned()));
                read.warnings
                    .push(Issue::from_error(pointer, &Finding::FormDefault { value }));
            }
        }
        if let Some(siret) = body.organization.and_then(|o| o.siret) {
            content.organization = Some(OrganizationDraft { siret: Some(siret) });
        }
        if let Some(applicant) = body.applicant {
            let mut placeholders = Vec::new();
            *content
                .contacts
                .get_or_insert_with(ContactsDraft::default)
                .slot(ContactRole::Applicant) = Some(applicant.into_contact(&mut placeholders));
            read.warnings.extend(placeholder_warnings(&placeholders));
        }
        Ok(Self { content, read })
    }
}

impl Readable for DataPatch {
    type Wire = DataPatchWire;

    const FORMAT: &'static Format = &BODY_FORMAT;

    fn read_wire<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DataPatchWire, D::Error> {
        DataPatchWire::deserialize(deserializer)
    }

    fn finish(wire: DataPatchWire, _: &Options) -> Result<Self, Issue> {
        let data = wire.demande.data;
        let read = read_data(&data);
        Ok(Self {
            content: data.draft,
            read,
        })
    }
}
