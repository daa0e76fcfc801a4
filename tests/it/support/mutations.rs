//! The one table of single-field mutations: each turns any valid request (the shipped sample or
//! a generated one) into a request with exactly one error, with this code, at this path.
//! The example-based tests run every row on the sample, the property test runs them on
//! generated requests, and the code table takes its request samples from here.

use serde_json::{Value, json};

use super::request::set;

/// One mutation: the values to set (JSON Pointer, value), and the one error it gives.
#[derive(Debug, Clone)]
pub struct Mutation {
    pub code: &'static str,
    /// Whose rule the error is (`datapass`, `psc_form`, `strict`).
    pub origin: &'static str,
    pub path: &'static str,
    pub sets: Vec<(&'static str, Value)>,
}

impl Mutation {
    /// Applies the mutation to a valid request.
    #[track_caller]
    pub fn apply(&self, doc: &mut Value) {
        for (pointer, value) in &self.sets {
            set(doc, pointer, value.clone());
        }
    }
}

fn text(n: usize) -> Value {
    Value::String("a".repeat(n))
}

fn document(field: &str, value: Value) -> Value {
    let mut doc = json!({"file_name": "a.pdf", "media_type": "application/pdf", "size_bytes": 10});
    doc[field] = value;
    json!([doc])
}

/// DataPass's rule, the Pro Santé Connect form's, the crate's own.
const D: &str = "datapass";
const P: &str = "psc_form";
const S: &str = "strict";

/// Every mutation, grouped by field in wire order.
#[rustfmt::skip]
pub fn mutations() -> Vec<Mutation> {
    let one = |code, origin, path, value: Value| Mutation { code, origin, path, sets: vec![(path, value)] };
    let doc = |code, origin, path, field, value| Mutation {
        code, origin, path, sets: vec![("/legal_basis/documents", document(field, value))],
    };
    vec![
        one("required", D,                "/organization/siret", json!(null)),
        one("required", D,                "/organization/siret", json!("  ")),
        one("siret.checksum", D,          "/organization/siret", json!("12345678901234")),
        one("siret.checksum", S,          "/organization/siret", json!("35600000049838")),
        one("siret.invalid_character", D, "/organization/siret", json!("1234567891234A")),
        one("siret.length", D,            "/organization/siret", json!("1300252650001")),
        one("required", D,                "/project/name", json!("")),
        // DataPass strips HTML before it checks that a value is there.
        one("required", D,                "/project/name", json!("<p> </p>")),
        one("text.too_long", S,           "/project/name", text(201)),
        one("text.control_character", S,  "/project/name", json!("Hospi\nConnect")),
        one("text.control_character", S,  "/project/name", json!("Hospi\u{202e}Connect")),
        one("required", D,                "/project/description", json!(null)),
        one("text.too_long", S,           "/project/description", text(10_001)),
        one("text.control_character", S,  "/project/description", json!("Ligne\u{0}")),
        one("required", D,                "/legal_basis/nature", json!(null)),
        one("text.too_long", S,           "/legal_basis/nature", text(501)),
        one("legal_basis.url_invalid", S, "/legal_basis/url", json!("www.legifrance.gouv.fr")),
        // The crate accepts these; DataPass's pattern refuses a port and an IP address.
        one("legal_basis.url_invalid", D, "/legal_basis/url", json!("https://www.legifrance.gouv.fr:443/loda")),
        one("legal_basis.url_invalid", D, "/legal_basis/url", json!("http://192.168.1.10/arrete.pdf")),
        one("legal_basis.url_invalid", D, "/legal_basis/url", json!("ftp://legifrance.gouv.fr/texte")),
        one("legal_basis.url_invalid", D, "/legal_basis/url", json!("mailto:x@y.fr")),
        // Forms the lenient WHATWG parser would repair: refused, since the URL is stored as given.
        one("legal_basis.url_invalid", D, "/legal_basis/url", json!("https:example.com")),
        one("legal_basis.url_invalid", D, "/legal_basis/url", json!("http:/www.legifrance.gouv.fr/x")),
        one("legal_basis.url_invalid", D, "/legal_basis/url", json!(r"https:\\example.com\a")),
        one("legal_basis.url_invalid", D, "/legal_basis/url", json!("https://ex\tample.com")),
        one("legal_basis.url_invalid", D, "/legal_basis/url", json!("https://example.com/a b")),
        one("legal_basis.url_invalid", D, "/legal_basis/url", json!("https://")),
        one("legal_basis.url_invalid", S, "/legal_basis/url", Value::String(format!("https://x.fr/{}", "a".repeat(2000)))),
        Mutation {
            code: "legal_basis.reference_missing", origin: D, path: "/legal_basis",
            sets: vec![("/legal_basis/url", json!(null)), ("/legal_basis/documents", json!([]))],
        },
        doc("document.media_type", D, "/legal_basis/documents/0/media_type", "media_type", json!("image/png")),
        doc("required", D,            "/legal_basis/documents/0/media_type", "media_type", json!(null)),
        doc("document.too_large", D,  "/legal_basis/documents/0/size_bytes", "size_bytes", json!(10_485_760)),
        doc("document.empty", S,      "/legal_basis/documents/0/size_bytes", "size_bytes", json!(0)),
        doc("required", D,            "/legal_basis/documents/0/size_bytes", "size_bytes", json!(null)),
        doc("document.file_name", S,  "/legal_basis/documents/0/file_name", "file_name", json!("../arrete.pdf")),
        doc("document.file_name", S,  "/legal_basis/documents/0/file_name", "file_name", json!(null)),
        doc("document.file_name", S,  "/legal_basis/documents/0/file_name", "file_name", text(256)),
        one("document.too_many", D,   "/legal_basis/documents", Value::Array(vec![document("size_bytes", json!(10))[0].clone(); 7])),
        one("scopes.empty", D,        "/scopes", json!([])),
        one("scopes.empty", D,        "/scopes", json!(null)),
        Mutation { code: "scopes.unknown", origin: S, path: "/scopes/0", sets: vec![("/scopes", json!(["rpps"]))] },
        Mutation { code: "scopes.unknown", origin: S, path: "/scopes/1", sets: vec![("/scopes", json!(["idnat", "foo"]))] },
        one("required", P,            "/personal_data/recipients", json!([])),
        one("recipients.too_many", S, "/personal_data/recipients", Value::Array(vec![json!("Agents"); 21])),
        Mutation { code: "required", origin: P, path: "/personal_data/recipients/1", sets: vec![("/personal_data/recipients", json!(["Agents", " "]))] },
        Mutation { code: "text.too_long", origin: S, path: "/personal_data/recipients/0", sets: vec![("/personal_data/recipients", Value::Array(vec![text(501)]))] },
        one("retention.out_of_range", P, "/personal_data/retention_months", json!(1300)),
        one("retention.out_of_range", P, "/personal_data/retention_months", json!(-1)),
        one("required", P,               "/personal_data/retention_months", json!(null)),
        one("text.too_long", S,          "/personal_data/retention_justification", text(2001)),
        Mutation {
            code: "retention.justification_required", origin: P, path: "/personal_data/retention_justification",
            sets: vec![("/personal_data/retention_months", json!(37)), ("/personal_data/retention_justification", json!(null))],
        },
        one("required", P,               "/contacts/applicant/given_name", json!("")),
        one("text.too_long", S,          "/contacts/applicant/family_name", text(101)),
        one("text.control_character", S, "/contacts/data_controller/job_title", json!("Directeur\tgénéral")),
        one("text.too_long", S,          "/contacts/technical_contact/job_title", text(101)),
        one("email.invalid", S,          "/contacts/data_protection_officer/email", json!("a@b")),
        one("email.invalid", D,          "/contacts/data_protection_officer/email", json!("Claire <dpo@exemple.fr>")),
        one("required", D,               "/contacts/applicant/email", json!(" ")),
        one("email.invalid", S,          "/contacts/applicant/email", json!("jean@localhost")),
        // The crate accepts accents; DataPass's pattern is ASCII only.
        one("email.invalid", D,          "/contacts/technical_contact/email", json!("inès.moreau@exemple.fr")),
        one("email.invalid", D,          "/contacts/applicant/email", json!("\"jean dupont\"@exemple.fr")),
        one("email.invalid", S,          "/contacts/technical_contact/email", Value::String(format!("{}@exemple.fr", "a".repeat(250)))),
        one("phone.invalid", S,          "/contacts/technical_contact/phone", json!("06 12 34 56")),
        one("phone.invalid", S,          "/contacts/technical_contact/phone", json!("abc")),
        one("phone.invalid", S,          "/contacts/data_controller/phone", json!("07 00 12 34 56")),
        one("phone.extension", S,        "/contacts/technical_contact/phone", json!("06 12 34 56 78 ext. 12")),
        one("phone.extension", S,        "/contacts/data_protection_officer/phone", json!("01 42 68 53 00 poste 12")),
        one("required", P,               "/contacts/applicant/phone", json!(null)),
        one("required", D,               "/contacts/technical_contact/given_name", json!(null)),
        one("terms.not_accepted", D,     "/terms_accepted", json!(false)),
        one("terms.not_accepted", D,     "/terms_accepted", json!(null)),
        one("dpo.not_informed", D,       "/dpo_informed", json!(false)),
        one("dpo.not_informed", D,       "/dpo_informed", json!(null)),
    ]
}
