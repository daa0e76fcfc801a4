//! Email addresses.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use email_address::{EmailAddress, Options};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::codes::Code;
use crate::diagnostic::{Description, Diagnostic};
use crate::newtype::string_newtype;
use crate::text::{TRIM, is_bidi_control};

/// A contact's email address, trimmed and stored in lowercase.
///
/// Parsed with the `email_address` crate in its strict mode: a top-level domain is required
/// (`a@b` is rejected), and display text (`Jean <jean@exemple.fr>`) and domain literals
/// (`jean@[127.0.0.1]`) are refused. The last domain label must contain a letter
/// (`jean@1.2.3.4` is rejected). At most 254 characters.
///
/// `Debug` masks the address (`j***@exemple.fr`); `Display` and `as_str()` give it whole.
///
/// ```
/// use datapass_psc::Email;
/// let email: Email = " Jean.Dupont@Exemple.FR ".parse()?;
/// assert_eq!(email.as_str(), "jean.dupont@exemple.fr");
/// assert_eq!(email.domain(), "exemple.fr");
/// assert_eq!(format!("{email:?}"), "Email(j***@exemple.fr)");
/// # Ok::<(), datapass_psc::EmailError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Email(String);

/// Why a string is not a valid [`Email`]. The messages never quote the address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EmailError {
    /// Nothing is left after trimming.
    #[error("empty email address")]
    Empty,
    /// Longer than 254 characters.
    #[error(
        "email address too long: at most {} characters, found {found}",
        Email::MAX_CHARS
    )]
    TooLong {
        /// The number of characters after trimming.
        found: usize,
    },
    /// No `@` separating the local part from the domain.
    #[error("email address without '@'")]
    MissingAt,
    /// A display name around the address (`Jean <jean@exemple.fr>`).
    #[error("email address with display text")]
    DisplayText,
    /// A domain literal (`jean@[127.0.0.1]`).
    #[error("email address with a domain literal")]
    DomainLiteral,
    /// A domain without a top-level domain (`jean@localhost`), or whose last label has no
    /// letter (`jean@1.2.3.4`).
    #[error("email domain without a top-level domain")]
    MissingTopLevelDomain,
    /// The part before `@` exceeds 64 bytes (the RFC 5321 limit, counted in UTF-8 bytes by
    /// `email_address`).
    #[error("email local part too long")]
    LocalPartTooLong,
    /// The domain or one of its labels is too long.
    #[error("email domain too long")]
    DomainTooLong,
    /// Any other syntax error: an invalid character, an empty part, misplaced dots, unbalanced
    /// quotes.
    #[error("invalid email address syntax")]
    Syntax,
}

impl Email {
    /// The longest address accepted, in characters (RFC 5321 path limit).
    pub const MAX_CHARS: usize = 254;

    /// Parses an address; same as [`FromStr`].
    ///
    /// # Errors
    /// `"  "` ([`EmailError::Empty`]), `"Jean <jean@exemple.fr>"` ([`EmailError::DisplayText`]),
    /// `"a@b"` ([`EmailError::MissingTopLevelDomain`]), `"jean@[127.0.0.1]"`
    /// ([`EmailError::DomainLiteral`]), `"jean..dupont@exemple.fr"` ([`EmailError::Syntax`]).
    pub fn parse(input: &str) -> Result<Self, EmailError> {
        input.parse()
    }

    /// The address, in lowercase.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The part after the last `@`.
    #[must_use]
    pub fn domain(&self) -> &str {
        self.0.rsplit_once('@').map_or("", |(_, domain)| domain)
    }

    /// The masked form used by `Debug`: first character of the local part, `***`, then the
    /// domain (`j***@exemple.fr`); a quoted local part stays quoted (`"j***"@exemple.fr`);
    /// `***` alone when the local part has two characters or fewer.
    #[must_use]
    pub fn masked(&self) -> String {
        // A local part of one or two characters would be given away by its first letter and
        // the domain: such short addresses are masked entirely.
        let Some((local, domain)) = self.0.rsplit_once('@') else {
            return "***".to_owned();
        };
        let (local, quote) = match local.strip_prefix('"').and_then(|l| l.strip_suffix('"')) {
            Some(inner) => (inner, "\""),
            None => (local, ""),
        };
        match local.chars().next() {
            Some(first) if first != '\\' && local.chars().count() > 2 => {
                format!("{quote}{first}***{quote}@{domain}")
            }
            _ => "***".to_owned(),
        }
    }
}

impl FromStr for Email {
    type Err = EmailError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(EmailError::Empty);
        }
        // A string of at most MAX_CHARS bytes has at most MAX_CHARS characters.
        if trimmed.len() > Self::MAX_CHARS {
            let found = trimmed.chars().count();
            if found > Self::MAX_CHARS {
                return Err(EmailError::TooLong { found });
            }
        }
        // Lowercase before parsing, so that the stored form is exactly what was checked (ASCII
        // lowercasing is Unicode's on ASCII text, and much cheaper).
        let lower = if trimmed.is_ascii() {
            trimmed.to_ascii_lowercase()
        } else {
            trimmed.to_lowercase()
        };
        let options = Options::default()
            .with_required_tld()
            .without_display_text()
            .without_domain_literal();
        let parsed =
            EmailAddress::parse_with_options(&lower, options).map_err(|e| map_error(&e))?;
        if has_invisible_character(&lower) {
            return Err(EmailError::Syntax);
        }
        let tld = parsed.domain().rsplit('.').next().unwrap_or_default();
        if !tld.chars().any(char::is_alphabetic) {
            return Err(EmailError::MissingTopLevelDomain);
        }
        if lower.len() > Self::MAX_CHARS && lower.chars().count() > Self::MAX_CHARS {
            return Err(EmailError::TooLong {
                found: lower.chars().count(),
            });
        }
        Ok(Self(lower))
    }
}

/// Whether the address holds whitespace, a control character or a bidi control outside a quoted
/// local part. `email_address` accepts any non-ASCII character, so `jean@exemple.fr\u{a0}x` or a
/// right-to-left override would otherwise pass.
fn has_invisible_character(address: &str) -> bool {
    let bad = |c: char| {
        c.is_whitespace()
            || c.is_control()
            || is_bidi_control(c)
            || matches!(c, '\u{200b}'..='\u{200d}' | '\u{feff}')
    };
    let unquoted = match address.strip_prefix('"') {
        // A quoted local part may hold spaces; check only what follows its closing quote.
        Some(rest) => rest
            .rsplit_once("\"@")
            .map_or(address, |(_, domain)| domain),
        None => address,
    };
    unquoted.chars().any(bad)
}

fn map_error(error: &email_address::Error) -> EmailError {
    use email_address::Error as E;
    match error {
        E::MissingSeparator => EmailError::MissingAt,
        E::UnsupportedDisplayName | E::MissingDisplayName | E::MissingEndBracket => {
            EmailError::DisplayText
        }
        E::UnsupportedDomainLiteral | E::InvalidIPAddress => EmailError::DomainLiteral,
        E::DomainTooFew => EmailError::MissingTopLevelDomain,
        E::LocalPartTooLong => EmailError::LocalPartTooLong,
        E::DomainTooLong | E::SubDomainTooLong => EmailError::DomainTooLong,
        E::InvalidCharacter
        | E::LocalPartEmpty
        | E::DomainEmpty
        | E::SubDomainEmpty
        | E::DomainInvalidSeparator
        | E::UnbalancedQuotes
        | E::InvalidComment => EmailError::Syntax,
    }
}

string_newtype!(as_str Email, EmailError, "an email address");

impl fmt::Debug for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Email({})", self.masked())
    }
}

impl JsonSchema for Email {
    fn schema_name() -> Cow<'static, str> {
        "Email".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "datapass_psc::Email".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            // The local part is a quoted string (which may hold spaces, `@`, `<`…) or unquoted text.
            "pattern": format!(r#"^{TRIM}(?:"(?:[^"\\]|\\.)+"|[^\s@<>"]+)@[^\s@<>\[\]]+\.[^\s@<>\[\]]+{TRIM}$"#),
            "description": format!(
                "Email address: trimmed and written back in lowercase, at most {} characters. The \
                 crate parses it strictly (RFC 5322 without display text or domain literal, \
                 top-level domain required); the pattern only checks its shape.",
                Email::MAX_CHARS
            ),
        })
    }
}

impl Diagnostic for EmailError {
    fn describe(&self) -> Description {
        const SUBJECT: (&str, &str) = ("l'adresse e-mail", "the email address");
        let (fr, en) = match self {
            Self::Empty => {
                return Description::new(
                    Code::EmailEmpty,
                    SUBJECT,
                    "doit être remplie",
                    "must be filled in",
                );
            }
            Self::TooLong { found } => {
                return Description::new(
                    Code::EmailInvalid,
                    SUBJECT,
                    format!(
                        "n'est pas valide : elle dépasse {} caractères ({found} caractères)",
                        Email::MAX_CHARS
                    ),
                    format!(
                        "is not valid: it exceeds {} characters ({found} characters)",
                        Email::MAX_CHARS
                    ),
                )
                .with("max", Email::MAX_CHARS)
                .with("found", *found);
            }
            Self::MissingAt => ("il manque le « @ »", "the '@' is missing"),
            Self::DisplayText => (
                "indiquez l'adresse seule, sans nom ni chevrons",
                "give the address alone, without a name or angle brackets",
            ),
            Self::DomainLiteral => (
                "une adresse IP n'est pas acceptée comme domaine",
                "an IP address is not accepted as the domain",
            ),
            Self::MissingTopLevelDomain => (
                "le domaine doit se terminer par une extension (.fr, .com…)",
                "the domain must end with a top-level domain (.fr, .com…)",
            ),
            Self::LocalPartTooLong => (
                "la partie avant « @ » est trop longue (64 octets au plus)",
                "the part before '@' is too long (at most 64 bytes)",
            ),
            Self::DomainTooLong => (
                "le nom de domaine est trop long",
                "the domain name is too long",
            ),
            Self::Syntax => (
                "elle contient un caractère ou un point mal placé",
                "it contains a misplaced character or dot",
            ),
        };
        Description::new(
            Code::EmailInvalid,
            SUBJECT,
            format!("n'est pas valide : {fr}"),
            format!("is not valid: {en}"),
        )
    }
}
