//! [`Code`]: every error and warning code the crate produces, defined once.
//!
//! One macro row per code gives the variant, the wire string and the meaning (as `http` defines
//! its status codes), so the enum, its strings, [`Code::ALL`] and the table in
//! `docs/error-codes.md` cannot disagree: a test regenerates the table from [`Code::ALL`] and
//! checks that every code is produced by a sample input.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

macro_rules! codes {
    ($( $variant:ident = $wire:literal, $meaning:literal; )*) => {
        /// A stable, machine-readable error or warning code (`siret.checksum`).
        ///
        /// Codes never change meaning; new ones are added. Serialized as its string; compares
        /// with `&str`.
        ///
        /// ```
        /// use datapass_psc::Code;
        /// assert_eq!(Code::SiretChecksum.as_str(), "siret.checksum");
        /// assert_eq!(Code::SiretChecksum, "siret.checksum");
        /// assert_eq!("siret.checksum".parse::<Code>(), Ok(Code::SiretChecksum));
        /// assert!(Code::ALL.contains(&Code::Required));
        /// ```
        ///
        #[doc = include_str!("../docs/error-codes.md")]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code {
            $( #[doc = concat!("`", $wire, "`: ", $meaning, ".")] $variant, )*
        }

        impl Code {
            /// Every code, in the order of the table in the crate docs.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The wire string (`siret.checksum`).
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $wire,)* }
            }

            /// What the code means, in English.
            #[must_use]
            pub const fn meaning(self) -> &'static str {
                match self { $(Code::$variant => $meaning,)* }
            }
        }
    };
}

codes! {
    // Missing values and structural problems: the same codes in every format.
    Required = "required", "a required value is absent, `null` or blank";
    JsonSyntax = "json.syntax", "the document is not well-formed JSON (params: line, column)";
    JsonEncoding = "json.encoding", "the document is UTF-16 or UTF-32, or not UTF-8 (params: encoding)";
    JsonTooLarge = "json.too_large", "the document is larger than the reader allows (params: max, found, in bytes)";
    JsonTooDeep = "json.too_deep", "arrays and objects nested deeper than the reader allows (params: max)";
    JsonInvalidType = "json.invalid_type", "a value has the wrong JSON type (params: expected)";
    JsonUnknownField = "json.unknown_field", "a key the format does not have, reported at that key's path";
    JsonDuplicateKey = "json.duplicate_key", "the same key twice in one object, reported at the second one";
    JsonMissingField = "json.missing_field", "a key the format requires is absent, reported at the path it should have";
    // Identifiers.
    SiretEmpty = "siret.empty", "a SIRET parsed alone is blank (`required` inside a request)";
    SiretInvalidCharacter = "siret.invalid_character", "a character other than a digit or a separator (params: index, character)";
    SiretLength = "siret.length", "not 14 digits (params: expected, found)";
    SiretChecksum = "siret.checksum", "the SIREN key, or the SIRET key outside La Poste's rule, is wrong (params: key)";
    SirenEmpty = "siren.empty", "a SIREN parsed alone is blank";
    SirenInvalidCharacter = "siren.invalid_character", "a character other than a digit or a separator (params: index, character)";
    SirenLength = "siren.length", "not 9 digits (params: expected, found)";
    SirenChecksum = "siren.checksum", "the SIREN's Luhn key is wrong";
    EmailEmpty = "email.empty", "an email parsed alone is blank (`required` inside a request)";
    EmailInvalid = "email.invalid", "not a valid address: syntax, display text, domain literal, no top-level domain, over 254 characters";
    PhoneEmpty = "phone.empty", "a phone number parsed alone is blank (`required` inside a request)";
    PhoneInvalid = "phone.invalid", "not a valid number for its region, or a character that has no place in a phone number";
    PhoneExtension = "phone.extension", "a valid number followed by an extension, which E.164 cannot hold";
    RetentionOutOfRange = "retention.out_of_range", "the retention period is not within 0–1200 months (params: min, max, found)";
    TextEmpty = "text.empty", "a text parsed alone is blank (`required` inside a request)";
    TextTooLong = "text.too_long", "more characters than allowed after trimming (params: max, found)";
    TextControlCharacter = "text.control_character", "a control character, a bidi control, or a line break in a one-line field (params: index)";
    // Request sections.
    LegalBasisReferenceMissing = "legal_basis.reference_missing", "neither a URL nor a document is given for the legal basis";
    LegalBasisUrlInvalid = "legal_basis.url_invalid", "the legal basis URL is not an absolute http(s) URL of at most 2,000 characters";
    DocumentFileName = "document.file_name", "a document's file name is missing, over 255 characters, or contains `/`, `\\` or a control character";
    DocumentMediaType = "document.media_type", "a document is not a PDF";
    DocumentEmpty = "document.empty", "a document's size is 0";
    DocumentTooLarge = "document.too_large", "a document is 10 MiB or more (params: max, found)";
    DocumentTooMany = "document.too_many", "more than 6 documents (params: max, found)";
    ScopesEmpty = "scopes.empty", "no scope is selected";
    ScopesUnknown = "scopes.unknown", "a scope other than `idnat` and `donnees_sectorielles`";
    RecipientsTooMany = "recipients.too_many", "more than 20 recipients (params: max, found)";
    RetentionJustificationRequired = "retention.justification_required", "a retention period above 36 months without justification";
    RetentionAboveUsual = "retention.above_usual", "warning: the retention period exceeds the usual 36 months";
    TermsNotAccepted = "terms.not_accepted", "the terms of service are not accepted";
    DpoNotInformed = "dpo.not_informed", "the data protection officer is not confirmed informed";
    RequestInvalid = "request.invalid", "the crate-level `Error` wrapping a refused request (its report lists the issues)";
    // Eligibility.
    EligibilityUnknownRequester = "eligibility.unknown_requester", "a requester kind other than individual, company, public_administration, software_editor";
    EligibilityInvalidDecision = "eligibility.invalid_decision", "a stored decision whose codes are unknown or whose outcome is not what the crate decides";
    // Lifecycle: numbers.
    RequestNumberEmpty = "request_number.empty", "a request number is blank";
    RequestNumberInvalid = "request_number.invalid", "not `D60501`, `d60501` or `60501` (a positive integer of at most 12 digits, no leading zero): a habilitation prefix, another character, zero, a leading zero, too many digits (params: found, index, character, max)";
    HabilitationNumberEmpty = "habilitation_number.empty", "a habilitation number is blank";
    HabilitationNumberInvalid = "habilitation_number.invalid", "not `H118386`, `h118386` or `118386` (a positive integer of at most 12 digits, no leading zero): a request prefix, another character, zero, a leading zero, too many digits (params: found, index, character, max)";
    // Lifecycle: transitions, checked in this order (params: state, event, and below).
    TransitionTimeWentBackwards = "transition.time_went_backwards", "the event is dated before the request's previous event (params: at, previous)";
    TransitionNotAllowed = "transition.not_allowed", "the (state, event) pair is not in the transition table, or a state guard fails (params: cause, habilitation_number)";
    TransitionForbiddenActor = "transition.forbidden_actor", "this actor may not send this event in this state (params: actor)";
    TransitionReasonRequired = "transition.reason_required", "a required reason is missing or blank after trimming";
    TransitionInvalidRequest = "transition.invalid_request", "`submit` or `approve` with content that does not validate (params: error_count, codes)";
    TransitionUnchangedReopening = "transition.unchanged_reopening", "submitting a reopening whose data equal the active habilitation's snapshot (params: habilitation_number)";
    TransitionDuplicateHabilitationNumber = "transition.duplicate_habilitation_number", "`approve` with a habilitation number the request already holds (params: habilitation_number)";
    HabilitationTransitionNotAllowed = "habilitation_transition.not_allowed", "a habilitation event its state does not allow: any event on a revoked habilitation (params: state, event)";
    // Lifecycle: stored records and event logs.
    RecordDuplicateHabilitationNumber = "record.duplicate_habilitation_number", "two habilitations share a number (params: habilitation_number)";
    RecordSeveralActiveHabilitations = "record.several_active_habilitations", "more than one active habilitation (params: count)";
    RecordActiveNotLatest = "record.active_not_latest", "the active habilitation is not the latest (params: habilitation_number)";
    RecordMissingActiveHabilitation = "record.missing_active_habilitation", "a validated or reopening request without an active habilitation (params: state, reopening)";
    RecordUnexpectedHabilitation = "record.unexpected_habilitation", "a habilitation the request's state rules out (params: state, reopening, habilitation_number)";
    RecordReopeningState = "record.reopening_state", "`reopening` set outside draft, changes_requested and submitted (params: state)";
    RecordMissingTimestamp = "record.missing_timestamp", "a timestamp the state requires is absent (params: state, field)";
    RecordHistoryOutOfOrder = "record.history_out_of_order", "a history entry dated before the previous one (params: index)";
    RecordUnreadable = "record.unreadable", "a value of a stored record does not fit its format (version, number, state, time, snapshot), at its path";
    EventLogInvalid = "event_log.invalid", "a value of an event log does not fit its format (version, number, actor, event, time), at its path";
    EventLogTooLong = "event_log.too_long", "an event log holds more events than the reader allows (params: max, found)";
    // Reports read back.
    ReportInvalid = "report.invalid", "a validation report read back does not fit its format (an unknown code, `valid` disagreeing with `errors`), at its path";
    // DataPass.
    DataPassInvalid = "datapass.invalid", "a value of a DataPass document does not fit what DataPass sends (an id, a state, a date, the scopes), at its path";
    DataPassUnknownDocument = "datapass.unknown_document", "a JSON document of none of the DataPass shapes the crate reads";
    DataPassOtherForm = "datapass.other_form", "a DataPass document of another form than API Pro Santé Connect (params: found)";
    DataPassNotPerson = "datapass.not_person", "warning: a contact DataPass marks as an organisation, which the crate does not model (params: type)";
    DataPassUnknownEvent = "datapass.unknown_event", "warning: an event name the crate does not know, kept as it is (params: event)";
    DataPassRefused = "datapass.refused", "DataPass's API refused the request (HTTP 422, or a status without a code of its own), its French text kept as the message, at the crate's field it names or the root (params: status, title, and pointer, key or attribute)";
    DataPassBadRequest = "datapass.bad_request", "DataPass's API answered HTTP 400: a parameter is missing (params: status, title, pointer)";
    DataPassUnauthorized = "datapass.unauthorized", "DataPass's API answered HTTP 401: the access token is missing or expired (params: status, title, pointer)";
    DataPassForbidden = "datapass.forbidden", "DataPass's API answered HTTP 403: the token may not create this kind of demande (params: status, title)";
    DataPassNotFound = "datapass.not_found", "DataPass's API answered HTTP 404: no such demande or habilitation (params: status, title)";
    DataPassPlaceholder = "datapass.placeholder", "warning: a placeholder DataPass wrote for a missing value (« Non renseigné », from its v1 migration), read as absent (params: placeholder)";
    DataPassDefault = "datapass.default", "warning: DataPass fills this field with the form's default when it creates a demande (params: value)";
    WebhookSignatureMissing = "webhook.signature_missing", "the `X-Hub-Signature-256` header is absent or empty";
    WebhookSignatureAlgorithm = "webhook.signature_algorithm", "the signature does not start with `sha256=`";
    WebhookSignatureHex = "webhook.signature_hex", "the signature is not hexadecimal (params: index)";
    WebhookSignatureLength = "webhook.signature_length", "the signature is not 32 bytes long (params: expected, found)";
    WebhookSignatureMismatch = "webhook.signature_mismatch", "the signature does not match the body and the secret";
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A string that is not one of the crate's codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("unknown error code")]
#[non_exhaustive]
pub struct UnknownCode;

impl FromStr for Code {
    type Err = UnknownCode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .iter()
            .copied()
            .find(|code| code.as_str() == s)
            .ok_or(UnknownCode)
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<Code> for str {
    fn eq(&self, other: &Code) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Code> for &str {
    fn eq(&self, other: &Code) -> bool {
        *self == other.as_str()
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Code;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an error code such as siret.checksum")
            }
            crate::unquoted::refuse_unquoted!(bool, number);
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Code, E> {
                // The message does not quote the input.
                v.parse().map_err(|_| E::custom("unknown error code"))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl JsonSchema for Code {
    fn schema_name() -> Cow<'static, str> {
        "Code".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "datapass_psc::Code".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let all: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        json_schema!({
            "type": "string",
            "enum": all,
            "description": "Stable error or warning code; see docs/error-codes.md.",
        })
    }
}
