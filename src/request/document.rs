//! The documents attached to a legal basis: PDF files described by their metadata.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Serialize;

use super::check::{Checker, Subject};
use crate::codes::Code;
use crate::diagnostic::{Description, Diagnostic};
use crate::report::Path;
use crate::text::TRIM;

/// An attached document, described by its metadata (the crate never sees the file's bytes).
#[derive(Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentDraft {
    /// The file name, without any directory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
    /// The media type, such as `application/pdf`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    /// The size in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = unsigned)]
    pub size_bytes: Option<u64>,
}

/// The largest document accepted: under 10 MiB (DataPass's `10.megabytes`).
pub const MAX_DOCUMENT_BYTES: u64 = 10 * 1024 * 1024 - 1;
/// The most documents accepted.
pub const MAX_DOCUMENTS: usize = 6;
/// The longest file name accepted, in characters.
pub const MAX_FILE_NAME_CHARS: usize = 255;

/// An attached PDF document, described by its metadata.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// The file name (no `/` or `\`, at most 255 characters), trimmed.
    file_name: String,
    /// Always `application/pdf`.
    #[schemars(schema_with = "media_type_schema")]
    media_type: String,
    /// Between 1 and 10,485,759 bytes.
    #[schemars(range(min = 1, max = MAX_DOCUMENT_BYTES))]
    #[schemars(transform = unsigned)]
    size_bytes: u64,
}

/// Shows the file name's length only: a name may say whom the document is about.
impl std::fmt::Debug for Document {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Document")
            .field(
                "file_name",
                &format_args!("<{} chars>", self.file_name.chars().count()),
            )
            .field("media_type", &self.media_type)
            .field("size_bytes", &self.size_bytes)
            .finish()
    }
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

/// `application/pdf` in any case, with parameters: the media types the crate reads as PDF.
fn media_type_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "string",
        "description": "Always `application/pdf`.",
        "pattern": format!(
            "^{TRIM}[aA][pP][pP][lL][iI][cC][aA][tT][iI][oO][nN]/[pP][dD][fF]{TRIM}(;[\\s\\S]*)?$"
        ),
    })
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
    #[error("too many documents: at most {MAX_DOCUMENTS}, found {found}")]
    TooMany {
        /// The number of documents.
        found: usize,
    },
}

impl Diagnostic for DocumentError {
    fn describe(&self) -> Description {
        const FILE: (&str, &str) = ("le fichier joint", "the attached file");
        match *self {
            Self::FileName => Description::new(
                Code::DocumentFileName,
                ("le nom du fichier", "the file name"),
                format!(
                    "doit être renseigné, sans « / » ni « \\ », en {MAX_FILE_NAME_CHARS} caractères \
                     au plus"
                ),
                format!(
                    "must be given, without '/' or '\\', in at most {MAX_FILE_NAME_CHARS} characters"
                ),
            )
            .with("max", MAX_FILE_NAME_CHARS),
            Self::MediaType => Description::new(
                Code::DocumentMediaType,
                FILE,
                "doit être au format PDF (formats supportés : pdf)",
                "must be a PDF",
            )
            .with("allowed", vec!["application/pdf"]),
            Self::Empty => Description::new(Code::DocumentEmpty, FILE, "est vide", "is empty"),
            Self::TooLarge { found } => Description::new(
                Code::DocumentTooLarge,
                FILE,
                "est trop volumineux (taille maximale : 10 Mo)",
                "is too large (maximum size: 10 MiB)",
            )
            .with("max", MAX_DOCUMENT_BYTES)
            .with("found", found),
            Self::TooMany { found } => Description::new(
                Code::DocumentTooMany,
                ("les fichiers joints", "the attached files"),
                format!(
                    "sont trop nombreux (le maximum autorisé est {MAX_DOCUMENTS} fichiers, obtenu \
                     {found})"
                ),
                format!("are too many (at most {MAX_DOCUMENTS} files, found {found})"),
            )
            .with("max", MAX_DOCUMENTS)
            .with("found", found),
        }
    }
}

pub(super) fn check_document(
    draft: &DocumentDraft,
    path: &Path<'_>,
    c: &mut Checker,
) -> Option<Document> {
    let error = |field: &str, e: DocumentError, c: &mut Checker| {
        c.error_at(&path.key(field), &e);
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
                Subject::new("le type du fichier", "the media type"),
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
                Subject::new("la taille du fichier", "the file size"),
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

/// A field transform for unsigned integers (`#[schemars(transform = unsigned)]`): drops the
/// `uint8`…`uint64` formats schemars gives them, which no JavaScript validator knows (Ajv refuses
/// to compile a schema with an unknown `format`), and keeps what they meant as numbers: `minimum`
/// 0 and, unless the field has its own, the type's `maximum`.
fn unsigned(schema: &mut Schema) {
    let max = match schema.get("format").and_then(serde_json::Value::as_str) {
        Some("uint8") => u64::from(u8::MAX),
        Some("uint16") => u64::from(u16::MAX),
        Some("uint32") => u64::from(u32::MAX),
        Some("uint64" | "uint") => u64::MAX,
        _ => return,
    };
    schema.remove("format");
    if schema.get("minimum").is_none() {
        schema.insert("minimum".to_owned(), 0.into());
    }
    if schema.get("maximum").is_none() {
        schema.insert("maximum".to_owned(), max.into());
    }
}
