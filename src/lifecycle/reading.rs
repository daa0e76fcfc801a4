//! Reading event logs and stored records from JSON, with the same guarantees as requests: the
//! first structural problem is reported with its path and a message that never quotes the
//! document (serde's own messages may quote values, personal ones included).

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::report::{Issue, Pointer, ValidationReport};
use crate::request::json::{check_draft_structure, parse_strict};

/// Where requests sit inside a document: a path whose `*` segments stand for every array index.
pub(crate) type DraftPaths = &'static [&'static [&'static str]];

/// Parses `bytes` (duplicate keys refused) and checks the structure of every request found at
/// `drafts`, so that a wrong type deep inside a request is reported at its own path.
pub(crate) fn read_checked(bytes: &[u8], drafts: DraftPaths) -> Result<Value, ValidationReport> {
    let value = parse_strict(bytes).map_err(ValidationReport::single)?;
    for pattern in drafts {
        let mut found = Vec::new();
        collect(&value, pattern, Pointer::root(), &mut found);
        for (path, draft) in found {
            check_draft_structure(draft, &path).map_err(ValidationReport::single)?;
        }
    }
    Ok(value)
}

/// Deserializes a checked document into `T`; a problem gives `code` at the path where reading
/// stopped, with the given messages.
pub(crate) fn typed<T: DeserializeOwned>(
    value: Value,
    code: &str,
    message_fr: &str,
    message_en: &str,
) -> Result<T, ValidationReport> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        ValidationReport::single(Issue::new(
            code,
            &pointer_of(e.path()),
            message_fr.to_owned(),
            message_en.to_owned(),
            Map::new(),
        ))
    })
}

fn collect<'a>(
    value: &'a Value,
    pattern: &[&str],
    at: Pointer,
    out: &mut Vec<(Pointer, &'a Value)>,
) {
    let Some((first, rest)) = pattern.split_first() else {
        if !value.is_null() {
            out.push((at, value));
        }
        return;
    };
    match (*first, value) {
        ("*", Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                collect(item, rest, at.index(i), out);
            }
        }
        (key, Value::Object(map)) => {
            if let Some(child) = map.get(key) {
                collect(child, rest, at.key(key), out);
            }
        }
        _ => {}
    }
}

/// The JSON Pointer of a `serde_path_to_error` path.
fn pointer_of(path: &serde_path_to_error::Path) -> Pointer {
    use serde_path_to_error::Segment;
    path.iter()
        .fold(Pointer::root(), |pointer, segment| match segment {
            Segment::Seq { index } => pointer.index(*index),
            Segment::Map { key } => pointer.key(key),
            Segment::Enum { variant } => pointer.key(variant),
            Segment::Unknown => pointer,
        })
}
