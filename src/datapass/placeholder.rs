//! The placeholders DataPass wrote for missing values: read as absent, never as values.

use super::finding::Finding;
use super::keys::Target;
use crate::report::Issue;

/// The texts DataPass's v1 → v2 migration wrote where a migrated request had no value
/// (`etalab/data_pass:app/migration/import/authorization_requests/base.rb`): a contact's
/// given name, job title or phone, a justification.
pub(crate) const PLACEHOLDERS: [&str; 1] = ["Non renseigné"];

/// Whether `value` is one of DataPass's placeholders, trimmed and compared case-insensitively
/// (DataPass downcases contact phones, so a phone holds « non renseigné »).
pub(crate) fn is_placeholder(value: &str) -> bool {
    let value = value.trim();
    PLACEHOLDERS.iter().any(|placeholder| {
        value.len() == placeholder.len()
            && value
                .chars()
                .flat_map(char::to_lowercase)
                .eq(placeholder.chars().flat_map(char::to_lowercase))
    })
}

/// The `datapass.placeholder` warning of each field that held a placeholder, at the crate's
/// path of the field.
pub(crate) fn placeholder_warnings(fields: &[Target]) -> impl Iterator<Item = Issue> + '_ {
    fields.iter().filter_map(|field| {
        let path = field.path()?;
        Some(Issue::from_error(
            path,
            &Finding::Placeholder {
                placeholder: PLACEHOLDERS[0],
            },
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::is_placeholder;

    #[test]
    fn placeholders_in_any_case() {
        for value in [
            "Non renseigné",
            "non renseigné",
            " NON RENSEIGNÉ ",
            "Non Renseigné",
        ] {
            assert!(is_placeholder(value), "{value}");
        }
        for value in ["Non renseignée", "Non", "", "Non renseigné."] {
            assert!(!is_placeholder(value), "{value}");
        }
    }
}
