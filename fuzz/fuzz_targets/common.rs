//! What the targets share: the properties (the same file the property tests run in CI), and a
//! structure-aware mutation driven by the fuzzer's bytes.

#[allow(dead_code)]
#[path = "../../tests/it/support/properties.rs"]
pub mod properties;

use serde_json::Value;

/// A sample file of the crate, as JSON.
#[allow(dead_code)]
pub fn sample(path: &str) -> Value {
    let path = format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_slice(&std::fs::read(path).expect("sample file")).expect("sample JSON")
}

/// `doc` mutated as the bytes say: the first eight choose the place, the rest is the new value
/// (as JSON when it is JSON, as a string otherwise).
#[allow(dead_code)]
pub fn mutated(doc: &Value, data: &[u8]) -> Value {
    let (choice, rest) = data.split_at(data.len().min(8));
    let mut bytes = [0u8; 8];
    bytes[..choice.len()].copy_from_slice(choice);
    let choice = usize::try_from(u64::from_le_bytes(bytes) % 1_000_003).unwrap_or(0);
    let replacement = serde_json::from_slice(rest)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(rest).into_owned()));
    properties::mutate(doc, choice, replacement)
}
