//! The legal basis (« Le cadre juridique »): the nature of the text, and a URL or documents.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Serialize;
use serde_json::{Value, json};
use validator::Validate;

use super::check::{Checker, Subject};
use super::draft::{DocumentDraft, LegalBasisDraft};
use super::validator_issues;
use crate::diagnostic::{Diagnostic, params};
use crate::identifiers::TRIM;
use crate::report::{Issue, Pointer};
use crate::text::LegalNature;

/// The nature of the usual legal basis of Pro Santé Connect.
pub const PSC_LEGAL_NATURE: &str = "Arrêté du 24 mars 2021";
/// The Légifrance URL of the usual legal basis of Pro Santé Connect.
pub const PSC_LEGAL_URL: &str = "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000043290292";
/// The largest document accepted: under 10 MiB (DataPass's `10.megabytes`).
pub const MAX_DOCUMENT_BYTES: u64 = 10 * 1024 * 1024 - 1;
/// The most documents accepted.
pub const MAX_DOCUMENTS: usize = 6;
/// The longest URL accepted, in characters.
pub const MAX_URL_CHARS: usize = 2000;
/// The longest file name accepted, in characters.
pub const MAX_FILE_NAME_CHARS: usize = 255;

/// The legal basis: a nature and at least one of a URL and documents.
///
/// ```
/// use datapass_psc::request::LegalBasis;
/// let basis = LegalBasis::pro_sante_connect();
/// assert_eq!(basis.nature().as_str(), "Arrêté du 24 mars 2021");
/// assert!(basis.url().is_some());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    description = "The legal basis (cadre juridique): the nature of the text, and a URL or at least one document."
)]
#[schemars(extend("anyOf" = [
    {"required": ["url"], "properties": {"url": {"type": "string", "pattern": "\\S"}}},
    {"required": ["documents"], "properties": {"documents": {"minItems": 1}}}
]))]
pub struct LegalBasis {
    /// The nature and references of the text.
    nature: LegalNature,
    /// The link to the text, as given (trimmed).
    #[serde(default)]
    url: Option<LegalBasisUrl>,
    /// The attached documents.
    #[serde(default)]
    #[schemars(length(max = 6))]
    documents: Vec<Document>,
}

impl LegalBasis {
    /// The usual legal basis of PSC: « Arrêté du 24 mars 2021 » and its Légifrance URL, as
    /// DataPass pre-fills it.
    #[must_use]
    pub fn pro_sante_connect() -> Self {
        Self {
            nature: LegalNature::from_trusted(PSC_LEGAL_NATURE),
            url: Some(LegalBasisUrl(PSC_LEGAL_URL.to_owned())),
            documents: Vec::new(),
        }
    }

    /// The same, as a draft section.
    #[must_use]
    pub fn pro_sante_connect_draft() -> LegalBasisDraft {
        LegalBasisDraft {
            nature: Some(PSC_LEGAL_NATURE.to_owned()),
            url: Some(PSC_LEGAL_URL.to_owned()),
            documents: None,
        }
    }

    /// The nature of the text.
    #[must_use]
    pub fn nature(&self) -> &LegalNature {
        &self.nature
    }

    /// The URL of the text, if given.
    #[must_use]
    pub fn url(&self) -> Option<&LegalBasisUrl> {
        self.url.as_ref()
    }

    /// The attached documents.
    #[must_use]
    pub fn documents(&self) -> &[Document] {
        &self.documents
    }
}

/// The URL of a legal text: absolute `http` or `https` with a host, at most 2,000 characters,
/// kept as given (trimmed), never rewritten.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LegalBasisUrl(String);

/// Why a string is not a valid [`LegalBasisUrl`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LegalBasisUrlError {
    /// More than 2,000 characters.
    #[error("url too long: at most 2000 characters, found {found}")]
    TooLong {
        /// Characters found after trimming.
        found: usize,
    },
    /// Not an absolute `http(s)` URL with a host.
    #[error("not an absolute http or https url")]
    Invalid,
}

impl LegalBasisUrl {
    /// The URL as given, trimmed.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for LegalBasisUrl {
    type Err = LegalBasisUrlError;
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let trimmed = input.trim();
        let found = trimmed.chars().count();
        if found > MAX_URL_CHARS {
            return Err(LegalBasisUrlError::TooLong { found });
        }
        // `url` follows the lenient WHATWG rules (`https:host`, `\\` as `/`, tabs dropped): check
        // the written form first, so that what is stored is what was validated.
        let lower_prefix = trimmed.get(..8).unwrap_or(trimmed).to_ascii_lowercase();
        let has_scheme =
            lower_prefix.starts_with("http://") || lower_prefix.starts_with("https://");
        let has_bad_char = trimmed.chars().any(|c| {
            c == '\\'
                || c.is_whitespace()
                || c.is_control()
                || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        });
        if !has_scheme || has_bad_char {
            return Err(LegalBasisUrlError::Invalid);
        }
        let url = url::Url::parse(trimmed).map_err(|_| LegalBasisUrlError::Invalid)?;
        if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none_or(str::is_empty) {
            return Err(LegalBasisUrlError::Invalid);
        }
        Ok(Self(trimmed.to_owned()))
    }
}

crate::identifiers::string_newtype!(LegalBasisUrl, LegalBasisUrlError, "an http(s) URL");

impl fmt::Debug for LegalBasisUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "LegalBasisUrl({:?})", self.0)
    }
}

impl JsonSchema for LegalBasisUrl {
    fn schema_name() -> Cow<'static, str> {
        "LegalBasisUrl".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": format!("^{TRIM}[hH][tT][tT][pP][sS]?://[^\\s\\\\]+{TRIM}$"),
            "description": "Absolute http(s) URL of the legal text, at most 2,000 characters; written back trimmed, otherwise as given.",
        })
    }
}

impl Diagnostic for LegalBasisUrlError {
    fn code(&self) -> &'static str {
        "legal_basis.url_invalid"
    }
    fn subject_fr(&self) -> &'static str {
        "le lien vers le texte relatif au cadre juridique"
    }
    fn subject_en(&self) -> &'static str {
        "the link to the legal text"
    }
    fn predicate_fr(&self) -> String {
        match self {
            Self::TooLong { found } => format!(
                "n'est pas un lien valide : il dépasse 2000 caractères ({found} caractères)"
            ),
            Self::Invalid => {
                "n'est pas un lien valide : indiquez une adresse complète commençant par https://"
                    .to_owned()
            }
        }
    }
    fn predicate_en(&self) -> String {
        match self {
            Self::TooLong { found } => {
                format!("is not a valid link: it exceeds 2000 characters ({found} characters)")
            }
            Self::Invalid => {
                "is not a valid link: give a full address starting with https://".to_owned()
            }
        }
    }
    fn params(&self) -> serde_json::Map<String, Value> {
        match self {
            Self::TooLong { found } => {
                params([("max", json!(MAX_URL_CHARS)), ("found", json!(found))])
            }
            Self::Invalid => serde_json::Map::new(),
        }
    }
}

/// An attached PDF document, described by its metadata.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// The file name (no `/` or `\`, at most 255 characters), trimmed.
    file_name: String,
    /// Always `application/pdf`.
    #[schemars(regex(
        pattern = "^[\\s\\u0085]*[aA][pP][pP][lL][iI][cC][aA][tT][iI][oO][nN]/[pP][dD][fF][\\s\\u0085]*(;[\\s\\S]*)?$"
    ))]
    media_type: String,
    /// Between 1 and 10,485,759 bytes.
    #[schemars(range(min = 1, max = 10_485_759))]
    size_bytes: u64,
}

impl Document {
    /// The file name.
    #[must_use]
    pub fn file_name(&self) -> &str {
        &self.file_name
    }

    /// The media type, `application/pdf`.
    #[must_use]
    pub fn media_type(&self) -> &str {
        &self.media_type
    }

    /// The size in bytes.
    #[must_use]
    pub fn size_bytes(&self) -> u64 {
        self.size_bytes
    }
}

/// Why a document is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DocumentError {
    /// The file name is missing, too long, or contains `/`, `\` or a control character.
    #[error("invalid document file name")]
    FileName,
    /// The media type is not `application/pdf`.
    #[error("document is not a pdf")]
    MediaType,
    /// The size is 0.
    #[error("empty document")]
    Empty,
    /// 10 MiB or more.
    #[error("document too large: at most {MAX_DOCUMENT_BYTES} bytes, found {found}")]
    TooLarge {
        /// The size given.
        found: u64,
    },
    /// More than 6 documents.
    #[error("too many documents: at most 6, found {found}")]
    TooMany {
        /// The number of documents.
        found: usize,
    },
}

impl Diagnostic for DocumentError {
    fn code(&self) -> &'static str {
        match self {
            Self::FileName => "document.file_name",
            Self::MediaType => "document.media_type",
            Self::Empty => "document.empty",
            Self::TooLarge { .. } => "document.too_large",
            Self::TooMany { .. } => "document.too_many",
        }
    }
    fn subject_fr(&self) -> &'static str {
        match self {
            Self::FileName => "le nom du fichier",
            Self::MediaType | Self::Empty | Self::TooLarge { .. } => "le fichier joint",
            Self::TooMany { .. } => "les fichiers joints",
        }
    }
    fn subject_en(&self) -> &'static str {
        match self {
            Self::FileName => "the file name",
            Self::MediaType | Self::Empty | Self::TooLarge { .. } => "the attached file",
            Self::TooMany { .. } => "the attached files",
        }
    }
    fn predicate_fr(&self) -> String {
        match self {
            Self::FileName => {
                "doit être renseigné, sans « / » ni « \\ », en 255 caractères au plus".to_owned()
            }
            Self::MediaType => "doit être au format PDF (formats supportés : pdf)".to_owned(),
            Self::Empty => "est vide".to_owned(),
            Self::TooLarge { .. } => "est trop volumineux (taille maximale : 10 Mo)".to_owned(),
            Self::TooMany { found } => {
                format!("sont trop nombreux (le maximum autorisé est 6 fichiers, obtenu {found})")
            }
        }
    }
    fn predicate_en(&self) -> String {
        match self {
            Self::FileName => {
                "must be given, without '/' or '\\', in at most 255 characters".to_owned()
            }
            Self::MediaType => "must be a PDF".to_owned(),
            Self::Empty => "is empty".to_owned(),
            Self::TooLarge { .. } => "is too large (maximum size: 10 MiB)".to_owned(),
            Self::TooMany { found } => format!("are too many (at most 6 files, found {found})"),
        }
    }
    fn params(&self) -> serde_json::Map<String, Value> {
        match self {
            Self::FileName => params([("max", json!(MAX_FILE_NAME_CHARS))]),
            Self::MediaType => params([("allowed", json!(["application/pdf"]))]),
            Self::Empty => serde_json::Map::new(),
            Self::TooLarge { found } => {
                params([("max", json!(MAX_DOCUMENT_BYTES)), ("found", json!(found))])
            }
            Self::TooMany { found } => {
                params([("max", json!(MAX_DOCUMENTS)), ("found", json!(found))])
            }
        }
    }
}

fn check_document(draft: &DocumentDraft, path: &Pointer, c: &mut Checker) -> Option<Document> {
    let error = |field: &str, e: DocumentError, c: &mut Checker| {
        c.error(Issue::from_diagnostic(
            &path.key(field),
            &e,
            e.subject_fr(),
            e.subject_en(),
        ));
    };
    let file_name = draft.file_name.as_deref().map(str::trim).filter(|name| {
        !name.is_empty()
            && name.chars().count() <= MAX_FILE_NAME_CHARS
            && !name
                .chars()
                .any(|ch| ch == '/' || ch == '\\' || ch.is_control())
    });
    if file_name.is_none() {
        error("file_name", DocumentError::FileName, c);
    }
    let media_type = match draft.media_type.as_deref().map(str::trim) {
        None | Some("") => {
            c.required(
                &path.key("media_type"),
                &Subject::new("le type du fichier", "the media type"),
            );
            None
        }
        Some(raw) => {
            let essence = raw.split(';').next().unwrap_or_default().trim();
            if essence.eq_ignore_ascii_case("application/pdf") {
                Some("application/pdf")
            } else {
                error("media_type", DocumentError::MediaType, c);
                None
            }
        }
    };
    let size_bytes = match draft.size_bytes {
        None => {
            c.required(
                &path.key("size_bytes"),
                &Subject::new("la taille du fichier", "the file size"),
            );
            None
        }
        Some(0) => {
            error("size_bytes", DocumentError::Empty, c);
            None
        }
        Some(found) if found > MAX_DOCUMENT_BYTES => {
            error("size_bytes", DocumentError::TooLarge { found }, c);
            None
        }
        Some(size) => Some(size),
    };
    Some(Document {
        file_name: file_name?.to_owned(),
        media_type: media_type?.to_owned(),
        size_bytes: size_bytes?,
    })
}

pub(crate) fn check_legal_basis(
    draft: Option<&LegalBasisDraft>,
    c: &mut Checker,
) -> Option<LegalBasis> {
    let base = Pointer::root().key("legal_basis");
    let nature = c.parse::<LegalNature>(
        draft.and_then(|d| d.nature.as_deref()),
        &base.key("nature"),
        &Subject::new(
            "la nature du cadre juridique",
            "the nature of the legal basis",
        ),
    );
    let url_raw = draft.and_then(|d| d.url.as_deref());
    let url_given = url_raw.is_some_and(|u| !u.trim().is_empty());
    let url = c
        .parse_optional::<LegalBasisUrl>(
            url_raw,
            &base.key("url"),
            &Subject::new(
                "le lien vers le texte relatif au cadre juridique",
                "the link to the legal text",
            ),
        )
        .ok();
    let raw_documents = draft
        .and_then(|d| d.documents.as_deref())
        .unwrap_or_default();
    let before = c.error_count();
    if let Some(draft) = draft {
        validator_issues(draft.validate(), &base, c, |field, found| match field {
            "documents" => Some(DocumentError::TooMany { found }),
            _ => None,
        });
    }
    let mut documents = Vec::with_capacity(raw_documents.len());
    for (i, doc) in raw_documents.iter().enumerate() {
        if let Some(doc) = check_document(doc, &base.key("documents").index(i), c) {
            documents.push(doc);
        }
    }
    if !url_given && raw_documents.is_empty() {
        c.error(Issue::new(
            "legal_basis.reference_missing",
            &base,
            "Vous devez joindre l’URL ou le document du texte relatif au traitement".to_owned(),
            "Give the URL of the legal text or attach the document".to_owned(),
            serde_json::Map::new(),
        ));
        return None;
    }
    if !c.is_clean_since(before) {
        return None;
    }
    Some(LegalBasis {
        nature: nature?,
        url: url?,
        documents,
    })
}
