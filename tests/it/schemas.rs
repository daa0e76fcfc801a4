//! The exported JSON Schemas: the committed files in `schemas/` match the code, and the schemas
//! agree with the library — every crate-valid request is schema-valid, and structurally broken
//! documents are rejected by both.

use std::path::Path;

use datapass_psc::{RequestDraft, schema, validate_json};
use serde_json::{Value, json};

use crate::support::request::sample;

fn validator(file: &str) -> jsonschema::Validator {
    let schema = schema::all()
        .into_iter()
        .find(|(name, _)| *name == file)
        .map(|(_, s)| s)
        .unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{file} is not a valid schema: {e}"))
}

#[test]
fn committed_schemas_match_the_code() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut drift = Vec::new();
    let generated = schema::all();
    for (name, value) in &generated {
        let path = dir.join(name);
        let expected = schema::to_file_contents(value);
        let committed = std::fs::read_to_string(&path)
            .unwrap_or_default()
            .replace("\r\n", "\n");
        if committed != expected {
            if update {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&path, &expected).unwrap();
            } else {
                let first = committed
                    .lines()
                    .zip(expected.lines())
                    .position(|(a, b)| a != b)
                    .unwrap_or(committed.lines().count().min(expected.lines().count()));
                drift.push(format!(
                    "schemas/{name} differs from the code, first at line {}:\n- {}\n+ {}",
                    first + 1,
                    committed.lines().nth(first).unwrap_or("<end of file>"),
                    expected.lines().nth(first).unwrap_or("<end of file>"),
                ));
            }
        }
    }
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut names: Vec<String> = generated.iter().map(|(n, _)| (*n).to_owned()).collect();
    names.sort();
    assert_eq!(
        on_disk, names,
        "schemas/ holds exactly the exported schemas"
    );
    assert!(
        drift.is_empty(),
        "{}\nRegenerate with: cargo run --features cli -- schema --out schemas",
        drift.join("\n")
    );
}

#[test]
fn every_schema_is_draft_2020_12() {
    for (name, value) in schema::all() {
        assert_eq!(
            value["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{name}"
        );
        jsonschema::draft202012::meta::validate(&value).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn the_samples_validate_against_the_schemas() {
    let request = validator("request.schema.json");
    let draft = validator("draft.schema.json");
    assert!(request.is_valid(&sample()));
    assert!(draft.is_valid(&sample()));
    // Every sample, valid or not, is a structurally valid draft except the unknown-field one.
    for entry in
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/requests")).unwrap()
    {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let value: Value = serde_json::from_str(&text).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".report.json") {
            assert!(
                validator("validation-report.schema.json").is_valid(&value),
                "{name}"
            );
        } else {
            let structural = RequestDraft::from_json_slice(text.as_bytes()).is_ok();
            assert_eq!(draft.is_valid(&value), structural, "{name}");
        }
    }
}

#[test]
fn canonical_output_validates_too() {
    let request = RequestDraft::from_json_slice(sample().to_string().as_bytes())
        .unwrap()
        .validate()
        .unwrap();
    assert!(validator("request.schema.json").is_valid(&serde_json::to_value(&request).unwrap()));
    let report = validate_json("{}");
    assert!(
        validator("validation-report.schema.json")
            .is_valid(&serde_json::to_value(&report).unwrap())
    );
}

/// A change to the sample document.
type Mutation = Box<dyn Fn(&mut Value)>;

/// Structurally broken documents: both the schema of a complete request and the library refuse
/// them.
#[test]
fn structurally_broken_documents_are_rejected_by_both() {
    let request = validator("request.schema.json");
    let cases: Vec<(&str, Mutation)> = vec![
        (
            "missing organization",
            Box::new(|d| {
                d.as_object_mut().unwrap().remove("organization");
            }),
        ),
        (
            "missing phone",
            Box::new(|d| {
                d["contacts"]["applicant"]
                    .as_object_mut()
                    .unwrap()
                    .remove("phone");
            }),
        ),
        (
            "unknown top-level field",
            Box::new(|d| d["extra"] = json!(1)),
        ),
        (
            "unknown contact field",
            Box::new(|d| d["contacts"]["applicant"]["fax"] = json!("01")),
        ),
        (
            "siret as number",
            Box::new(|d| d["organization"]["siret"] = json!(13_002_526_500_013_u64)),
        ),
        (
            "retention as string",
            Box::new(|d| d["personal_data"]["retention_months"] = json!("12")),
        ),
        (
            "retention as float",
            Box::new(|d| d["personal_data"]["retention_months"] = json!(12.5)),
        ),
        (
            "scopes as string",
            Box::new(|d| d["scopes"] = json!("idnat")),
        ),
        (
            "siret with letters",
            Box::new(|d| d["organization"]["siret"] = json!("1300252650001A")),
        ),
        (
            "siret too short",
            Box::new(|d| d["organization"]["siret"] = json!("130 025 265")),
        ),
        (
            "phone with letters",
            Box::new(|d| d["contacts"]["applicant"]["phone"] = json!("zero six")),
        ),
        (
            "email with display name",
            Box::new(|d| d["contacts"]["applicant"]["email"] = json!("Inès <ines@exemple.fr>")),
        ),
        ("unknown scope", Box::new(|d| d["scopes"] = json!(["rpps"]))),
        ("no scope", Box::new(|d| d["scopes"] = json!([]))),
        (
            "terms refused",
            Box::new(|d| d["terms_accepted"] = json!(false)),
        ),
        (
            "retention over 1200",
            Box::new(|d| d["personal_data"]["retention_months"] = json!(1300)),
        ),
        (
            "no url nor document",
            Box::new(|d| {
                d["legal_basis"]["url"] = json!(null);
                d["legal_basis"]["documents"] = json!([]);
            }),
        ),
        (
            "ftp url",
            Box::new(|d| d["legal_basis"]["url"] = json!("ftp://example.fr/texte")),
        ),
        (
            "blank project name",
            Box::new(|d| d["project"]["name"] = json!("   ")),
        ),
        (
            "not a PDF",
            Box::new(|d| d["legal_basis"]["documents"][0]["media_type"] = json!("image/png")),
        ),
        (
            "document too large",
            Box::new(|d| d["legal_basis"]["documents"][0]["size_bytes"] = json!(10_485_760)),
        ),
    ];
    for (name, mutate) in cases {
        let mut doc = sample();
        mutate(&mut doc);
        assert!(!request.is_valid(&doc), "schema accepted: {name}");
        assert!(
            !validate_json(&doc.to_string()).is_valid(),
            "library accepted: {name}"
        );
    }
}

#[cfg(feature = "proptest")]
use proptest::prelude::*;

#[cfg(feature = "proptest")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Crate-valid ⇒ schema-valid, on generated requests typed the way people type them
    /// (spaced SIRETs, phones in every common format, uppercase emails, untrimmed text).
    #[test]
    fn prop_crate_valid_drafts_are_schema_valid(draft in datapass_psc::strategies::request_draft()) {
        prop_assert!(draft.validate().is_ok());
        let value = serde_json::to_value(&draft).unwrap();
        if let Err(error) = REQUEST_VALIDATOR.validate(&value) {
            return Err(TestCaseError::fail(format!("{error} at {}", error.instance_path())));
        }
        prop_assert!(DRAFT_VALIDATOR.is_valid(&value));
    }
}

/// Compiled once for the 2,000 cases above: compiling a schema (its patterns and formats) costs
/// far more than validating one request with it.
#[cfg(feature = "proptest")]
static REQUEST_VALIDATOR: std::sync::LazyLock<jsonschema::Validator> =
    std::sync::LazyLock::new(|| validator("request.schema.json"));
#[cfg(feature = "proptest")]
static DRAFT_VALIDATOR: std::sync::LazyLock<jsonschema::Validator> =
    std::sync::LazyLock::new(|| validator("draft.schema.json"));

#[test]
fn the_schema_accepts_every_url_form_the_crate_keeps() {
    let request = validator("request.schema.json");
    for url in [
        "https://www.Legifrance.gouv.fr/loda/id/JORFTEXT000043290292?x=1#a",
        "http://exemple.fr/texte%20officiel",
        " https://www.legifrance.gouv.fr/ ",
    ] {
        let mut doc = sample();
        doc["legal_basis"]["url"] = json!(url);
        assert!(validate_json(&doc.to_string()).is_valid(), "{url}");
        assert!(request.is_valid(&doc), "{url}");
    }
    let mut doc = sample();
    doc["legal_basis"]["documents"][0]["media_type"] = json!("application/pdf\u{85}");
    assert!(validate_json(&doc.to_string()).is_valid());
    assert!(request.is_valid(&doc));
}

#[test]
fn the_datapass_fixtures_validate_against_their_schemas() {
    let fixture = |name: &str| -> Value {
        let path = format!(
            "{}/tests/fixtures/datapass/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
    };
    for (schema, fixtures) in [
        (
            "datapass-demande.schema.json",
            &[
                "get-demande-60501-scopes-string.json",
                "get-demande-60501-scopes-array.json",
            ][..],
        ),
        (
            "datapass-webhook.schema.json",
            &["webhook-approve-60501.json", "webhook-ping.json"],
        ),
        ("datapass-api-errors.schema.json", &["api-error-422.json"]),
        (
            "datapass-v1-enrollment.schema.json",
            &["v1-enrollment.json"],
        ),
        ("datapass-v1-webhook.schema.json", &["v1-webhook.json"]),
    ] {
        let validator = validator(schema);
        for name in fixtures {
            let value = fixture(name);
            assert!(validator.is_valid(&value), "{schema} rejects {name}");
        }
    }
    // The demande schema and the crate agree on a structurally broken demande.
    let mut broken = fixture("get-demande-60501-scopes-string.json");
    broken["data"]["intitule"] = json!(12);
    assert!(!validator("datapass-demande.schema.json").is_valid(&broken));
    assert!(
        datapass_psc::datapass::Demande::from_json_slice(broken.to_string().as_bytes()).is_err()
    );
    // What the crate writes for POST /demandes is valid for the schema of what it reads.
    let request = RequestDraft::from_json_slice(sample().to_string().as_bytes())
        .unwrap()
        .validate()
        .unwrap();
    let body =
        serde_json::to_value(datapass_psc::datapass::NewDemande::from_request(&request)).unwrap();
    assert!(validator("datapass-new-demande.schema.json").is_valid(&body));
}

/// The formats ajv-formats 3 gives Ajv 8: any other `format` makes Ajv refuse to compile.
const AJV_FORMATS: &str = "date time date-time iso-time iso-date-time duration uri uri-reference \
    uri-template url email hostname ipv4 ipv6 regex uuid json-pointer json-pointer-uri-fragment \
    relative-json-pointer byte int32 int64 float double password binary";

/// The keywords that apply to one JSON type only, by that type.
const TYPE_SPECIFIC: &[(&str, &str)] = &[
    (
        "array",
        "items prefixItems minItems maxItems uniqueItems contains minContains maxContains \
         unevaluatedItems",
    ),
    (
        "object",
        "properties required additionalProperties patternProperties propertyNames \
         minProperties maxProperties dependentRequired dependentSchemas unevaluatedProperties",
    ),
    ("string", "minLength maxLength pattern"),
    (
        "number",
        "minimum maximum exclusiveMinimum exclusiveMaximum multipleOf",
    ),
];

/// The problems strict JavaScript validators find in `schema` (at `at`) and its subschemas.
fn strict_problems(schema: &Value, at: &str, found: &mut Vec<String>) {
    let Some(object) = schema.as_object() else {
        return;
    };
    let types: Vec<&str> = match object.get("type") {
        Some(Value::String(one)) => vec![one.as_str()],
        Some(Value::Array(many)) => many.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    if types.iter().filter(|t| **t != "null").count() > 1 {
        found.push(format!("{at}: union type {types:?} (write anyOf branches)"));
    }
    if let Some(format) = object.get("format").and_then(Value::as_str)
        && !AJV_FORMATS.split_whitespace().any(|known| known == format)
    {
        found.push(format!("{at}: format {format:?} unknown to ajv-formats"));
    }
    for (json_type, keywords) in TYPE_SPECIFIC {
        let declared =
            types.contains(json_type) || (*json_type == "number" && types.contains(&"integer"));
        for keyword in keywords
            .split_whitespace()
            .filter(|k| object.contains_key(*k))
        {
            if !declared {
                found.push(format!("{at}: {keyword} without \"type\": \"{json_type}\""));
            }
        }
    }
    for (keyword, value) in object {
        let here = format!("{at}/{keyword}");
        match keyword.as_str() {
            "$defs" | "properties" | "patternProperties" | "dependentSchemas" => {
                for (name, sub) in value.as_object().into_iter().flatten() {
                    strict_problems(sub, &format!("{here}/{name}"), found);
                }
            }
            "anyOf" | "allOf" | "oneOf" | "prefixItems" => {
                for (i, sub) in value.as_array().into_iter().flatten().enumerate() {
                    strict_problems(sub, &format!("{here}/{i}"), found);
                }
            }
            "items"
            | "additionalProperties"
            | "not"
            | "if"
            | "then"
            | "else"
            | "contains"
            | "propertyNames"
            | "unevaluatedItems"
            | "unevaluatedProperties" => {
                strict_problems(value, &here, found);
            }
            _ => {}
        }
    }
}

/// What Ajv 8's strict mode needs, checked here so that `cargo test` finds it before the
/// JavaScript clients do (`tests/clients/js/` compiles the files with Ajv itself): every `format`
/// known to ajv-formats (`uint64` is not), a `type` beside every type-specific keyword, and no
/// union type but a nullable one (`["string", "null"]`).
#[test]
fn schemas_compile_in_strict_javascript_validators() {
    let mut found = Vec::new();
    for (name, value) in schema::all() {
        strict_problems(&value, name, &mut found);
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
