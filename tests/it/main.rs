//! The integration tests of `datapass-psc`, in one binary (one build, one link).
//!
//! One module per concept; shared helpers, samples and the table of single-field mutations are
//! in `support`. The CLI is tested on its own (`tests/cli.rs`, feature `cli`).

mod support;

mod codes;
mod datapass;
mod datapass_emitted;
mod eligibility;
mod email;
mod examples;
#[cfg(feature = "proptest")]
mod fuzz_properties;
mod hardening;
mod json_reader;
mod lifecycle_serde;
mod no_quoting;
mod numbers;
mod phone;
mod phone_fast_path;
mod phone_round_trip;
mod proptest_identifiers;
mod proptest_lifecycle;
#[cfg(feature = "proptest")]
mod proptest_request;
mod request_json;
mod request_validation;
mod retention;
mod rule_origins;
mod schemas;
mod sentences;
mod serde_schema;
mod siret;
mod timeline;
mod traits;
mod transitions;
