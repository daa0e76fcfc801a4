//! The JSON Schemas the crate exports (draft 2020-12), for tools in other languages.
//!
//! The schemas describe the **accepted input**: they never reject what the crate accepts
//! (human-typed phones and SIRETs with spaces validate), but they cannot check everything the
//! crate checks (Luhn keys, phone metadata, cross-field rules); their descriptions say so and
//! state the canonical form the crate writes back. The committed copies live in `schemas/` at
//! the repository root and are kept in sync by a test. They compile in Ajv 8's strict mode (no
//! unknown `format`, a `type` beside every type-specific keyword, no union type but a nullable
//! one), and json-schema-to-typescript types the request without `unknown`.
//!
//! ```
//! let schemas = datapass_psc::schema::all();
//! let (file, request) = &schemas[0];
//! assert_eq!(*file, "request.schema.json");
//! assert_eq!(request["$schema"], "https://json-schema.org/draft/2020-12/schema");
//! ```

use schemars::{JsonSchema, generate::SchemaSettings};
use serde_json::Value;

use crate::datapass::wires::{
    DataPatchWire, DemandeWire, DetailedHabilitationWire, EnrollmentWire, ErrorsWire, EventWire,
    NewDemandeWire, V1WebhookWire, WebhookWire,
};
use crate::eligibility::EligibilityDecision;
use crate::lifecycle::{EventLog, RequestRecord};
use crate::report::ValidationReport;
use crate::request::authorization::AuthorizationRequest;
use crate::request::draft::RequestDraft;

/// The schema of `T`, draft 2020-12, as JSON (keys in sorted order: the crate does not turn on
/// `serde_json`'s `preserve_order`, which would change `serde_json::Map` for every crate of the
/// build).
#[must_use]
pub fn schema_of<T: JsonSchema>() -> Value {
    SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value()
}

/// Every exported schema, with its file name, in a stable order: the complete request first.
#[must_use]
pub fn all() -> Vec<(&'static str, Value)> {
    vec![
        ("request.schema.json", schema_of::<AuthorizationRequest>()),
        ("draft.schema.json", schema_of::<RequestDraft>()),
        (
            "validation-report.schema.json",
            schema_of::<ValidationReport>(),
        ),
        (
            "eligibility-decision.schema.json",
            schema_of::<EligibilityDecision>(),
        ),
        ("request-record.schema.json", schema_of::<RequestRecord>()),
        ("event-log.schema.json", schema_of::<EventLog>()),
        ("datapass-demande.schema.json", schema_of::<DemandeWire>()),
        (
            "datapass-demandes.schema.json",
            titled(
                schema_of::<Vec<DemandeWire>>(),
                "DataPassDemandes",
                "The answer of DataPass's GET /demandes: a bare array of demandes, newest first.",
            ),
        ),
        (
            "datapass-events.schema.json",
            titled(
                schema_of::<Vec<EventWire>>(),
                "DataPassEvents",
                "The answer of DataPass's GET /demandes/{id}/events: the history of a demande, \
                 newest first.",
            ),
        ),
        (
            "datapass-habilitation.schema.json",
            schema_of::<DetailedHabilitationWire>(),
        ),
        (
            "datapass-new-demande.schema.json",
            schema_of::<NewDemandeWire>(),
        ),
        (
            "datapass-data-patch.schema.json",
            schema_of::<DataPatchWire>(),
        ),
        ("datapass-webhook.schema.json", schema_of::<WebhookWire>()),
        ("datapass-api-errors.schema.json", schema_of::<ErrorsWire>()),
        (
            "datapass-v1-enrollment.schema.json",
            schema_of::<EnrollmentWire>(),
        ),
        (
            "datapass-v1-webhook.schema.json",
            schema_of::<V1WebhookWire>(),
        ),
    ]
}

/// A schema with its title and description (the schema of a list has none of its own).
fn titled(mut schema: Value, title: &str, description: &str) -> Value {
    if let Some(object) = schema.as_object_mut() {
        object.insert("title".to_owned(), Value::from(title));
        object.insert("description".to_owned(), Value::from(description));
    }
    schema
}

/// A schema as written to its file: pretty JSON with a final newline.
#[must_use]
pub fn to_file_contents(schema: &Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}
