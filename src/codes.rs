//! Every error and warning code the crate produces, with its meaning.
//!
//! Codes are stable: a code never changes meaning, and new codes are added to this list. The
//! table below is generated from the code itself (each example message is produced by running
//! the rule on a sample input) and kept in sync by a test.
#![doc = include_str!("../docs/error-codes.md")]

/// Every code, with its meaning in English, in the order of the table above.
pub const ALL: &[(&str, &str)] = &[
    // Report-level codes.
    ("required", "a required value is absent, `null` or blank"),
    (
        "json.syntax",
        "the document is not well-formed JSON (params: line, column)",
    ),
    (
        "json.invalid_type",
        "a value has the wrong JSON type (params: expected)",
    ),
    (
        "json.unknown_field",
        "a key the format does not have, reported at that key's path",
    ),
    ("json.duplicate_key", "the same key twice in one object"),
    // Identifiers.
    (
        "siret.empty",
        "a SIRET parsed alone is blank (`required` inside a request)",
    ),
    (
        "siret.invalid_character",
        "a character other than a digit or a separator (params: index, character)",
    ),
    ("siret.length", "not 14 digits (params: expected, found)"),
    (
        "siret.checksum",
        "the SIREN key, or the SIRET key outside La Poste's rule, is wrong (params: key)",
    ),
    ("siren.empty", "a SIREN parsed alone is blank"),
    (
        "siren.invalid_character",
        "a character other than a digit or a separator (params: index, character)",
    ),
    ("siren.length", "not 9 digits (params: expected, found)"),
    ("siren.checksum", "the SIREN's Luhn key is wrong"),
    (
        "email.empty",
        "an email parsed alone is blank (`required` inside a request)",
    ),
    (
        "email.invalid",
        "not a valid address: syntax, display text, domain literal, no top-level domain, over 254 characters",
    ),
    (
        "phone.empty",
        "a phone number parsed alone is blank (`required` inside a request)",
    ),
    (
        "phone.invalid",
        "not a valid number for its region, or a character that has no place in a phone number",
    ),
    (
        "phone.extension",
        "a valid number followed by an extension, which E.164 cannot hold",
    ),
    (
        "retention.out_of_range",
        "the retention period is not within 0–1200 months (params: min, max, found)",
    ),
    (
        "text.empty",
        "a text parsed alone is blank (`required` inside a request)",
    ),
    (
        "text.too_long",
        "more characters than allowed after trimming (params: max, found)",
    ),
    (
        "text.control_character",
        "a control character, a bidi control, or a line break in a one-line field (params: index)",
    ),
    // Request sections.
    (
        "legal_basis.reference_missing",
        "neither a URL nor a document is given for the legal basis",
    ),
    (
        "legal_basis.url_invalid",
        "the legal basis URL is not an absolute http(s) URL of at most 2,000 characters",
    ),
    (
        "document.file_name",
        "a document's file name is missing, over 255 characters, or contains `/`, `\\` or a control character",
    ),
    ("document.media_type", "a document is not a PDF"),
    ("document.empty", "a document's size is 0"),
    (
        "document.too_large",
        "a document is 10 MiB or more (params: max, found)",
    ),
    (
        "document.too_many",
        "more than 6 documents (params: max, found)",
    ),
    ("scopes.empty", "no scope is selected"),
    (
        "scopes.unknown",
        "a scope other than `idnat` and `donnees_sectorielles`",
    ),
    (
        "recipients.too_many",
        "more than 20 recipients (params: max, found)",
    ),
    (
        "retention.justification_required",
        "a retention period above 36 months without justification",
    ),
    (
        "retention.above_usual",
        "warning: the retention period exceeds the usual 36 months",
    ),
    (
        "terms.not_accepted",
        "the terms of service are not accepted",
    ),
    (
        "dpo.not_informed",
        "the data protection officer is not confirmed informed",
    ),
    (
        "request.invalid",
        "the crate-level `Error` wrapping a refused request (its report lists the issues)",
    ),
    // Eligibility.
    (
        "eligibility.unknown_requester",
        "a requester kind other than individual, company, public_administration, software_editor",
    ),
    // Lifecycle: numbers.
    ("request_number.empty", "a request number is blank"),
    (
        "request_number.invalid",
        "not `D60501`, `d60501` or `60501` (a positive integer of at most 12 digits, no leading zero): \
         a habilitation prefix, another character, zero, a leading zero, too many digits \
         (params: found, index, character, max)",
    ),
    (
        "habilitation_number.empty",
        "a habilitation number is blank",
    ),
    (
        "habilitation_number.invalid",
        "not `H118386`, `h118386` or `118386` (a positive integer of at most 12 digits, no leading \
         zero): a request prefix, another character, zero, a leading zero, too many digits \
         (params: found, index, character, max)",
    ),
    // Lifecycle: transitions, checked in this order (params: state, event, and below).
    (
        "transition.time_went_backwards",
        "the event is dated before the request's previous event (params: at, previous)",
    ),
    (
        "transition.not_allowed",
        "the (state, event) pair is not in the transition table, or a state guard fails \
         (params: cause, habilitation_number)",
    ),
    (
        "transition.forbidden_actor",
        "this actor may not send this event in this state (params: actor)",
    ),
    (
        "transition.reason_required",
        "a required reason is missing or blank after trimming",
    ),
    (
        "transition.invalid_request",
        "`submit` or `approve` with content that does not validate (params: error_count, codes)",
    ),
    (
        "transition.unchanged_reopening",
        "submitting a reopening whose data equal the active habilitation's snapshot \
         (params: habilitation_number)",
    ),
    (
        "transition.duplicate_habilitation_number",
        "`approve` with a habilitation number the request already holds \
         (params: habilitation_number)",
    ),
    (
        "habilitation_transition.not_allowed",
        "a habilitation event its state does not allow: any event on a revoked habilitation \
         (params: state, event)",
    ),
    // Lifecycle: stored records whose parts contradict each other.
    (
        "record.duplicate_habilitation_number",
        "two habilitations share a number (params: habilitation_number)",
    ),
    (
        "record.several_active_habilitations",
        "more than one active habilitation (params: count)",
    ),
    (
        "record.active_not_latest",
        "the active habilitation is not the latest (params: habilitation_number)",
    ),
    (
        "record.missing_active_habilitation",
        "a validated or reopening request without an active habilitation (params: state, reopening)",
    ),
    (
        "record.unexpected_habilitation",
        "a habilitation the request's state rules out (params: state, reopening, habilitation_number)",
    ),
    (
        "record.reopening_state",
        "`reopening` set outside draft, changes_requested and submitted (params: state)",
    ),
    (
        "record.missing_timestamp",
        "a timestamp the state requires is absent (params: state, field)",
    ),
    (
        "record.history_out_of_order",
        "a history entry dated before the previous one (params: index)",
    ),
    (
        "record.unreadable",
        "a stored record does not follow its format (unknown key, bad value), at the path where reading stopped",
    ),
    (
        "event_log.invalid",
        "an event log does not follow its format (unknown key, bad number, unknown event), at the path where reading stopped",
    ),
];
