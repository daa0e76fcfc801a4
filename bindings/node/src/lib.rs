//! The native half of the Node.js package `datapass-psc`: napi-rs functions over the
//! `datapass-psc` crate, loaded by `index.js`, which checks JavaScript types, turns refusals
//! into `DatapassPscError`s and parses the JSON these functions return.
//!
//! The crate holds every rule. Every call into it is in [`api`] (the operations) and
//! [`refusal`] (its refusals, as thrown errors); this file only declares what JavaScript sees.
//! Each function catches panics (`catch_unwind`): a panic becomes a thrown `Error`, never an
//! abort of the Node process.

mod api;
mod refusal;

use napi_derive::napi;

use crate::refusal::Result;

/// The validation report of a request, as the command line's `validate --format json` prints
/// it. `rules` is `strict` or `datapass`.
#[napi(catch_unwind)]
pub fn validate(document: &[u8], rules: String) -> Result<String> {
    api::validate(document, &rules)
}

/// The canonical request (JSON), or a refusal whose report lists every problem.
#[napi(catch_unwind)]
pub fn parse_request(document: &[u8]) -> Result<String> {
    api::parse_request(document)
}

/// `{"siret", "siren"}` in canonical form.
#[napi(catch_unwind)]
pub fn parse_siret(raw: String) -> Result<String> {
    api::parse_siret(&raw)
}

/// The SIREN in canonical form.
#[napi(catch_unwind)]
pub fn parse_siren(raw: String) -> Result<String> {
    api::parse_siren(&raw)
}

/// The email in canonical form.
#[napi(catch_unwind)]
pub fn parse_email(raw: String) -> Result<String> {
    api::parse_email(&raw)
}

/// `{"e164", "region", "isMobile"}`.
#[napi(catch_unwind)]
pub fn parse_phone_number(raw: String) -> Result<String> {
    api::parse_phone_number(&raw)
}

/// `{"months", "requiresJustification"}`.
#[napi(catch_unwind)]
pub fn retention_period(months: i64) -> Result<String> {
    api::retention_period(months)
}

/// The eligibility decision, as `eligibility --format json` prints it.
#[napi(catch_unwind)]
pub fn eligibility(
    requester: String,
    french: Option<bool>,
    web_solution: Option<bool>,
    health_professionals: Option<bool>,
) -> Result<String> {
    api::eligibility(&requester, french, web_solution, health_professionals)
}

/// Where a replayed event log leaves the request, as `lifecycle --format json` prints it.
#[napi(catch_unwind)]
pub fn replay(event_log: &[u8]) -> Result<String> {
    api::replay(event_log)
}

/// A DataPass document imported, as `import --format json` prints it.
#[napi(catch_unwind)]
pub fn import_datapass(
    document: &[u8],
    source: Option<String>,
    check: Option<String>,
) -> Result<String> {
    api::import_datapass(document, source.as_deref(), check.as_deref())
}

/// DataPass's `POST /demandes` body (or `PATCH /demandes/{id}` body) of a valid request.
#[napi(catch_unwind)]
pub fn export_datapass(request: &[u8], patch: bool) -> Result<String> {
    api::export_datapass(request, patch)
}

/// Checks a webhook call's `X-Hub-Signature-256` against its raw body.
#[napi(catch_unwind)]
pub fn verify_signature(secret: &[u8], body: &[u8], header: String) -> Result<()> {
    api::verify_signature(secret, body, &header)
}

/// Checks a webhook call's signature, then imports its body.
#[napi(catch_unwind)]
pub fn webhook(
    secret: &[u8],
    body: &[u8],
    header: String,
    source: Option<String>,
    check: Option<String>,
) -> Result<String> {
    api::webhook(secret, body, &header, source.as_deref(), check.as_deref())
}

/// Every JSON Schema, `{file name: schema}`.
#[napi(catch_unwind)]
pub fn schemas() -> Result<String> {
    api::schemas()
}

/// The crate's closed lists (codes, states, …), `{TypeScript type name: [wire strings]}`: the
/// source of the string literal unions of `vocabulary.d.ts`.
#[napi(catch_unwind)]
pub fn vocabulary() -> Result<String> {
    api::vocabulary()
}

/// Panics, for the test that checks that a panic becomes a thrown error.
///
/// # Panics
/// Always.
#[napi(catch_unwind, js_name = "__panicForTests")]
pub fn panic_for_tests() {
    panic!("a panic in datapass-psc's native module, on purpose (test)");
}
