//! DataPass's own checks of a value, as its model runs them for this form, applied to the
//! crate's normalised values: its email and URL patterns, its SIRET validator, and presence
//! once HTML is stripped. The crate's rules include these: where DataPass refuses a value, the
//! issue is DataPass's (origin `datapass`), even when the crate refuses it for a reason of its
//! own too.

use crate::codes::Code;
use crate::diagnostic::{Description, Diagnostic};
use crate::identifiers::{luhn, scan_digits};

/// Whether DataPass sees no value: blank once HTML tags are stripped and entities decoded, as its
/// attribute writers do before the presence check (`sanitize_html` in
/// `etalab/data_pass:app/models/concerns/authorization_core/attributes.rb`).
///
/// A value without `<` or `&` is blank exactly when it is blank after trimming; otherwise tags
/// (`<b>`, `</p>`, `<br/>`, comments) are dropped and the whitespace entities (`&nbsp;`,
/// `&#160;`, `&#xa0;`) read as spaces. This follows Loofah's stripping for the markup people
/// type; it is not a full HTML parser.
pub(crate) fn blank(value: &str) -> bool {
    if !has_markup(value) {
        return value.trim().is_empty();
    }
    let mut rest = value;
    while let Some(c) = rest.chars().next() {
        if c.is_whitespace() {
            rest = &rest[c.len_utf8()..];
        } else if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
        } else if c == '<'
            && rest[1..]
                .chars()
                .next()
                .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?'))
        {
            rest = rest.find('>').map_or("", |end| &rest[end + 1..]);
        } else if c == '&' {
            let Some(after) = ["&nbsp;", "&#160;", "&#xa0;", "&#xA0;", "&#32;", "&#x20;"]
                .iter()
                .find_map(|entity| rest.strip_prefix(entity))
            else {
                return false;
            };
            rest = after;
        } else {
            return false;
        }
    }
    true
}

/// Whether `value` holds a `<` or a `&`, without which stripping HTML changes nothing.
pub(crate) fn has_markup(value: &str) -> bool {
    memchr::memchr2(b'<', b'&', value.as_bytes()).is_some()
}

/// Whether `email` (trimmed) matches Ruby's `URI::MailTo::EMAIL_REGEXP`, which DataPass applies
/// to the contacts' and the applicant's emails (`etalab/data_pass:app/models/user.rb`,
/// `app/models/concerns/authorization_core/contacts.rb`): an ASCII local part of
/// `a-z A-Z 0-9 .!#$%&'*+/=?^_`{|}~-`, then `@`, then labels of letters, digits and inner
/// hyphens of at most 63 characters, separated by dots. No top-level domain is needed.
pub(crate) fn email_accepted(email: &str) -> bool {
    let Some((local, domain)) = email.trim().split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._!#$%&'*+/=?^`{|}~-".contains(&b));
    local_ok && domain.split('.').all(label_accepted)
}

/// A domain label of DataPass's email pattern: 1 to 63 letters, digits and hyphens, starting and
/// ending with a letter or a digit.
fn label_accepted(label: &str) -> bool {
    let bytes = label.as_bytes();
    (1..=63).contains(&bytes.len())
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
        && bytes.first().is_some_and(u8::is_ascii_alphanumeric)
        && bytes.last().is_some_and(u8::is_ascii_alphanumeric)
}

/// Whether `url` (trimmed) matches the pattern DataPass checks a legal-basis URL with
/// (`etalab/data_pass:app/models/concerns/authorization_extensions/cadre_juridique.rb`):
/// `\A((http|https)://)?[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}(/[\w\-._~:/?#\[\]@!$&'()*+,;%=]*)?\z`.
/// The scheme is optional; a port, an IP address, `localhost`, a query without a path or a
/// character outside ASCII is refused.
pub(crate) fn url_accepted(url: &str) -> bool {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let (host, path) = rest.find('/').map_or((rest, ""), |i| rest.split_at(i));
    let host_ok = host
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        && host.rsplit_once('.').is_some_and(|(name, tld)| {
            !name.is_empty() && tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic())
        });
    let path_ok = path
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"_-.~:/?#[]@!$&'()*+,;%=".contains(&b));
    host_ok && path_ok
}

/// Whether DataPass's SIRET validator accepts the digits of `siret` once the crate's
/// normalisation dropped its separators (`etalab/data_pass:app/validators/siret_validator.rb`):
/// 14 digits, and either the Luhn key of the 14 digits or La Poste's SIREN `356000000`, whatever
/// its NIC.
pub(crate) fn siret_accepted(siret: &str) -> bool {
    scan_digits::<14>(siret).is_ok_and(|digits| digits.starts_with(b"356000000") || luhn(&digits))
}

/// A value the crate accepts but DataPass's own check refuses: DataPass would not let the
/// request be submitted with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub(crate) enum DataPassRefusal {
    /// An email DataPass's pattern refuses: accents or other characters outside ASCII, a quoted
    /// local part.
    #[error("email address refused by DataPass's pattern")]
    Email,
    /// A legal-basis URL DataPass's pattern refuses: a port, an IP address or `localhost`, no
    /// top-level domain, a query without a path, a character outside ASCII, an uppercase scheme.
    #[error("url refused by DataPass's pattern")]
    Url,
}

impl Diagnostic for DataPassRefusal {
    fn describe(&self) -> Description {
        match self {
            Self::Email => Description::new(
                Code::EmailInvalid,
                ("l'adresse e-mail", "the email address"),
                "n'est pas valide pour DataPass, qui n'accepte que les caractères ASCII, sans \
                 accents ni guillemets",
                "is not valid for DataPass, which accepts ASCII characters only, without accents \
                 or quotes",
            ),
            Self::Url => Description::new(
                Code::LegalBasisUrlInvalid,
                (
                    "le lien vers le texte relatif au cadre juridique",
                    "the link to the legal text",
                ),
                "n'est pas un lien valide pour DataPass : indiquez un nom de domaine (ni port, ni \
                 adresse IP, ni localhost) et un chemin en caractères ASCII",
                "is not a valid link for DataPass: give a domain name (no port, IP address or \
                 localhost) and a path of ASCII characters",
            ),
        }
        .with("rule", "datapass")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_once_html_is_stripped() {
        for value in [
            "",
            "  ",
            "<b></b>",
            "<p> </p>",
            "&nbsp;",
            "<br/>&#160;<!-- x -->",
        ] {
            assert!(blank(value), "{value:?}");
        }
        for value in ["a", "<b>a</b>", "a < b", "&amp;", "<3", "R&D"] {
            assert!(!blank(value), "{value:?}");
        }
    }

    #[test]
    fn emails_by_datapass_pattern() {
        for ok in [
            "jean@exemple.fr",
            "a@b",
            "j.o'b+x@sub-d.exemple.fr",
            "x@1.2.3.4",
        ] {
            assert!(email_accepted(ok), "{ok}");
        }
        for refused in [
            "josé@exemple.fr",
            "\"a b\"@exemple.fr",
            "a@-b.fr",
            "a@b-.fr",
            "a@b..fr",
            "a@",
            "@b.fr",
            "a@b@c.fr",
            "a@exemple.fr.",
            "a@bé.fr",
        ] {
            assert!(!email_accepted(refused), "{refused}");
        }
    }

    #[test]
    fn urls_by_datapass_pattern() {
        for ok in [
            "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000043290292",
            "legifrance.gouv.fr/jorf/id/JORFTEXT000043290292",
            "http://exemple.fr",
            "https://exemple.fr/a?b=c#d",
        ] {
            assert!(url_accepted(ok), "{ok}");
        }
        for refused in [
            "https://exemple.fr:8080/a",
            "https://127.0.0.1/a",
            "http://localhost/a",
            "https://exemple.fr?a=1",
            "https://exemple.fr/é",
            "HTTPS://exemple.fr",
            "ftp://exemple.fr",
            "https://exemple.f",
            "https://.fr",
        ] {
            assert!(!url_accepted(refused), "{refused}");
        }
    }

    #[test]
    fn siret_by_datapass_validator() {
        assert!(siret_accepted("732 829 320 00074"));
        assert!(siret_accepted("11122233344455")); // the SIREN key fails: DataPass does not check it
        assert!(siret_accepted("35600000049838")); // any La Poste NIC
        assert!(!siret_accepted("73282932000075"));
        assert!(!siret_accepted("7328293200007"));
    }
}
