//! No `Deserialize` impl of the crate quotes the input in its error: whatever the value, the key
//! or the type, through `serde_json` directly (not only through the crate's reader).

use datapass_psc::eligibility::{EligibilityAnswers, EligibilityDecision, RequesterKind};
use datapass_psc::lifecycle::{
    Actor, Event, EventLog, EventName, Habilitation, HabilitationNumber, HabilitationState,
    HistoryEntry, RequestNumber, RequestRecord, RequestState,
};
use datapass_psc::request::{
    ContactDraft, ContactRole, ContactsDraft, DocumentDraft, LegalBasisDraft, LegalBasisUrl,
    OrganizationDraft, PersonalDataDraft, ProjectDraft, Scope, WizardStep,
};
use datapass_psc::text::{PersonName, ProjectName};
use datapass_psc::{
    AuthorizationRequest, Code, Email, Issue, PhoneNumber, RequestDraft, RetentionPeriod, Siren,
    Siret, ValidationReport,
};
use serde::de::DeserializeOwned;

/// A personal value that must never appear in a message.
const MARKER: &str = "zorglub.marker@exemple.fr";
/// A phone number typed as a JSON number.
const NUMBER: &str = "612345678";

/// The inputs that must be refused without being quoted: the marker as a string, as a key, and a
/// number where a string or an object is expected.
fn hostile() -> Vec<String> {
    vec![
        format!("{MARKER:?}"),
        NUMBER.to_owned(),
        format!("-{NUMBER}"),
        format!("{NUMBER}.5"),
        format!("{{{MARKER:?}: 1}}"),
        format!("[{MARKER:?}]"),
        format!("{{\"given_name\": {NUMBER}}}"),
        format!("{{\"email\": {NUMBER}}}"),
        format!("{{\"size_bytes\": {MARKER:?}}}"),
        format!("{{\"retention_months\": {MARKER:?}}}"),
        format!("{{\"recipients\": [{NUMBER}]}}"),
        format!("{{\"siret\": {NUMBER}}}"),
        format!("{{\"code\": {MARKER:?}}}"),
        format!("{{\"event\": {MARKER:?}}}"),
        format!("{{\"requester\": {MARKER:?}}}"),
        format!("{{\"reason\": {NUMBER}}}"),
    ]
}

fn check<T: DeserializeOwned>(name: &str) {
    for input in hostile() {
        if let Err(error) = serde_json::from_str::<T>(&input) {
            // An unknown key is named by its path, the pointer to what is wrong, and nowhere
            // else.
            let message = error.to_string().replacen(&format!("\"/{MARKER}\""), "", 1);
            for secret in [MARKER, "zorglub", NUMBER] {
                assert!(
                    !message.contains(secret),
                    "{name} quotes {secret} reading {input}: {message}"
                );
            }
        }
    }
}

#[test]
fn no_deserialize_impl_quotes_the_input() {
    macro_rules! every {
        ($($ty:ty),* $(,)?) => { $( check::<$ty>(stringify!($ty)); )* };
    }
    every!(
        // Identifiers and texts.
        Siren,
        Siret,
        Email,
        PhoneNumber,
        RetentionPeriod,
        RequestNumber,
        HabilitationNumber,
        LegalBasisUrl,
        PersonName,
        ProjectName,
        // Vocabularies.
        Scope,
        RequestState,
        HabilitationState,
        Actor,
        EventName,
        RequesterKind,
        ContactRole,
        WizardStep,
        Code,
        // Documents and their parts.
        RequestDraft,
        OrganizationDraft,
        ProjectDraft,
        LegalBasisDraft,
        DocumentDraft,
        PersonalDataDraft,
        ContactsDraft,
        ContactDraft,
        AuthorizationRequest,
        RequestRecord,
        EventLog,
        Event,
        HistoryEntry,
        Habilitation,
        EligibilityAnswers,
        EligibilityDecision,
        Issue,
        ValidationReport,
    );
}
