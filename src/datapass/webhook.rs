//! DataPass's webhooks: the signature of a call ([`verify_signature`]) and its body
//! ([`Webhook`]).

use chrono::{DateTime, Utc};
use hmac::{Hmac, KeyInit, Mac};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};
use sha2::Sha256;

use super::demande::{Demande, DemandeWire, check_form, data_key};
use super::finding::Finding;
use super::wire::Id;
use crate::codes::Code;
use crate::diagnostic::{Description, Diagnostic};
use crate::json::format::{Format, UnknownKeys};
use crate::json::{self, Readable, Segment};
use crate::lifecycle::{EventName, RequestNumber, RequestState};
use crate::options::DocumentKind;
use crate::options::Options;
use crate::report::Issue;

/// The prefix of the `X-Hub-Signature-256` header: the algorithm.
const PREFIX: &str = "sha256=";
/// The length of an HMAC-SHA256, in hexadecimal digits.
const HEX_DIGITS: usize = 64;

/// Why a webhook call's signature is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum SignatureError {
    /// The header is absent or blank.
    #[error("missing webhook signature")]
    Missing,
    /// The header does not start with `sha256=`.
    #[error("unsupported webhook signature algorithm: expected sha256=")]
    UnsupportedAlgorithm,
    /// A character of the signature is not a hexadecimal digit.
    #[error("webhook signature is not hexadecimal at index {index}")]
    InvalidHex {
        /// Its 0-based index in the digest (after `sha256=`).
        index: usize,
    },
    /// The signature does not have the 64 hexadecimal digits of an HMAC-SHA256.
    #[error("webhook signature has {found} hexadecimal digits, expected 64")]
    WrongLength {
        /// The number of digits found.
        found: usize,
    },
    /// The signature is not the HMAC-SHA256 of this body with this secret: the body was
    /// changed, or the secret is not the webhook's.
    #[error("webhook signature does not match")]
    Mismatch,
}

impl Diagnostic for SignatureError {
    fn describe(&self) -> Description {
        const SUBJECT: (&str, &str) = ("la signature du webhook", "the webhook signature");
        match *self {
            Self::Missing => Description::new(
                Code::WebhookSignatureMissing,
                SUBJECT,
                "est absente (en-tête X-Hub-Signature-256)",
                "is missing (header X-Hub-Signature-256)",
            ),
            Self::UnsupportedAlgorithm => Description::new(
                Code::WebhookSignatureAlgorithm,
                SUBJECT,
                "doit commencer par « sha256= »",
                "must start with `sha256=`",
            ),
            Self::InvalidHex { index } => Description::new(
                Code::WebhookSignatureHex,
                SUBJECT,
                format!("n'est pas hexadécimale (position {})", index + 1),
                format!("is not hexadecimal (position {})", index + 1),
            )
            .with("index", index),
            Self::WrongLength { found } => Description::new(
                Code::WebhookSignatureLength,
                SUBJECT,
                format!("doit comporter {HEX_DIGITS} chiffres hexadécimaux ({found} trouvés)"),
                format!("must have {HEX_DIGITS} hexadecimal digits ({found} found)"),
            )
            .with("expected", HEX_DIGITS)
            .with("found", found),
            Self::Mismatch => Description::new(
                Code::WebhookSignatureMismatch,
                SUBJECT,
                "ne correspond pas au contenu reçu et au secret du webhook",
                "does not match the body received and the webhook's secret",
            ),
        }
    }
}

/// Checks the signature of a DataPass webhook call: `header` is the value of
/// `X-Hub-Signature-256`, `sha256=` followed by the hexadecimal HMAC-SHA256 of the **raw body**
/// keyed with the webhook's secret. Call it on the bytes received, before any JSON parsing.
///
/// The digest is decoded (hexadecimal digits of either case) and compared in constant time.
///
/// ```
/// use datapass_psc::datapass::{SignatureError, verify_signature};
/// use hmac::{Hmac, KeyInit, Mac};
/// let (secret, body) = (b"webhook secret", br#"{"test": true}"#);
/// let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret).unwrap();
/// mac.update(body);
/// let hex: String = mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect();
/// assert_eq!(verify_signature(secret, body, &format!("sha256={hex}")), Ok(()));
/// assert_eq!(
///     verify_signature(b"another secret", body, &format!("sha256={hex}")),
///     Err(SignatureError::Mismatch)
/// );
/// ```
///
/// # Errors
/// [`SignatureError::Missing`] for `""`, [`SignatureError::UnsupportedAlgorithm`] for `sha1=…`,
/// [`SignatureError::InvalidHex`] for `sha256=zz…`, [`SignatureError::WrongLength`] for a
/// truncated digest, [`SignatureError::Mismatch`] for a changed body or a wrong secret.
pub fn verify_signature(secret: &[u8], body: &[u8], header: &str) -> Result<(), SignatureError> {
    let header = header.trim_matches(|c: char| c.is_ascii_whitespace());
    if header.is_empty() {
        return Err(SignatureError::Missing);
    }
    let digest = header
        .strip_prefix(PREFIX)
        .ok_or(SignatureError::UnsupportedAlgorithm)?;
    let expected = decode_hex(digest)?;
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).map_err(|_| SignatureError::Mismatch)?;
    mac.update(body);
    mac.verify_slice(&expected)
        .map_err(|_| SignatureError::Mismatch)
}

/// Decodes the 64 hexadecimal digits of a digest. Hand-written: ten lines do not justify a
/// dependency, and the errors say where the digest is wrong.
fn decode_hex(digest: &str) -> Result<Vec<u8>, SignatureError> {
    let mut nibbles = Vec::with_capacity(HEX_DIGITS);
    for (index, c) in digest.chars().enumerate() {
        let nibble = c.to_digit(16).ok_or(SignatureError::InvalidHex { index })?;
        nibbles.push(u8::try_from(nibble).unwrap_or(0));
    }
    if nibbles.len() != HEX_DIGITS {
        return Err(SignatureError::WrongLength {
            found: nibbles.len(),
        });
    }
    Ok(nibbles
        .chunks(2)
        .map(|pair| pair[0] << 4 | pair[1])
        .collect())
}

/// The events a DataPass webhook may carry: those a subscription can choose
/// (`Webhook::VALID_EVENTS` in `etalab/data_pass:app/models/webhook.rb`), and `create_by_api`
/// and `update_by_api`, which DataPass's notifier knows but a subscription cannot choose at the
/// commit the crate follows (accepted without a warning, should DataPass send them).
const WEBHOOK_EVENTS: [&str; 13] = [
    "create",
    "update",
    "create_by_api",
    "update_by_api",
    "submit",
    "approve",
    "refuse",
    "revoke",
    "request_changes",
    "archive",
    "reopen",
    "cancel_reopening",
    "transfer",
];

/// The body of a DataPass webhook call, once its signature is checked
/// ([`verify_signature`]).
///
/// ```
/// use datapass_psc::datapass::Webhook;
/// let body = std::fs::read("tests/fixtures/datapass/webhook-approve-60501.json")?;
/// let Webhook::Event(event) = Webhook::from_json_slice(&body)? else { unreachable!() };
/// assert_eq!(event.event(), "approve");
/// assert_eq!(event.demande().habilitations().len(), 2);
/// let ping = Webhook::from_json_slice(br#"{"test": true, "timestamp": "2024-06-19T11:00:00+02:00"}"#)?;
/// assert!(matches!(ping, Webhook::Ping { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Webhook {
    /// The test call DataPass sends when a webhook is created and on demand:
    /// `{"test": true, "timestamp": "<ISO 8601>"}`. Answer `200` without processing it.
    Ping {
        /// When it was sent.
        timestamp: Option<DateTime<Utc>>,
    },
    /// An event of a demande.
    Event(Box<WebhookEvent>),
}

/// An event of a demande, as a webhook sends it: `{"event", "fired_at", "model_type",
/// "model_id", "data": demande}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookEvent {
    event: String,
    fired_at: DateTime<Utc>,
    model_id: Option<RequestNumber>,
    demande: Demande,
    warnings: Vec<Issue>,
}

impl WebhookEvent {
    /// DataPass's name of the event (`approve`), kept as sent, known or not.
    #[must_use]
    pub fn event(&self) -> &str {
        &self.event
    }

    /// The crate's event of the same name, when there is one.
    #[must_use]
    pub fn event_name(&self) -> Option<EventName> {
        EventName::from_wire(&self.event)
    }

    /// When DataPass fired the call (`fired_at`, Unix seconds).
    #[must_use]
    pub fn fired_at(&self) -> DateTime<Utc> {
        self.fired_at
    }

    /// The request number DataPass gives as `model_id`.
    #[must_use]
    pub fn model_id(&self) -> Option<RequestNumber> {
        self.model_id
    }

    /// The demande, in the webhook's spelling (`organization`, `authorizations`, an applicant
    /// with a `job_title`); its warnings are the event's ([`WebhookEvent::warnings`]).
    #[must_use]
    pub fn demande(&self) -> &Demande {
        &self.demande
    }

    /// The warnings of the reading: an event name the crate does not know
    /// (`datapass.unknown_event`), unknown `data` keys, contacts that are not persons.
    #[must_use]
    pub fn warnings(&self) -> &[Issue] {
        &self.warnings
    }
}

/// What a webhook call says, without the request's personal data: to log a call or answer it.
///
/// Serialized as `{"ping": true, "timestamp"}` for the test call, and as `{"event", "fired_at",
/// "request_number", "state", "warnings"}` for an event.
///
/// ```
/// use datapass_psc::datapass::Webhook;
/// let body = std::fs::read("tests/fixtures/datapass/webhook-approve-60501.json")?;
/// let webhook = Webhook::from_json_slice(&body)?;
/// let json = serde_json::to_value(webhook.summary())?;
/// assert_eq!((json["event"].as_str(), json["request_number"].as_str()), (Some("approve"), Some("D60501")));
/// assert!(!json.to_string().contains("@")); // no email, no name, no phone
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum WebhookSummary<'a> {
    /// The test call: answer `200` without processing it.
    Ping {
        /// Always `true`.
        ping: bool,
        /// When it was sent.
        timestamp: Option<DateTime<Utc>>,
    },
    /// An event of a demande.
    Event {
        /// DataPass's name of the event (`approve`).
        event: &'a str,
        /// When DataPass fired the call.
        fired_at: DateTime<Utc>,
        /// The request number (`D60501`).
        request_number: RequestNumber,
        /// The state of the demande.
        state: RequestState,
        /// The warnings of the reading (codes, paths and the crate's sentences: no value).
        warnings: &'a [Issue],
    },
}

impl Webhook {
    /// What the call says, without the request's personal data.
    #[must_use]
    pub fn summary(&self) -> WebhookSummary<'_> {
        match self {
            Self::Ping { timestamp } => WebhookSummary::Ping {
                ping: true,
                timestamp: *timestamp,
            },
            Self::Event(event) => WebhookSummary::Event {
                event: event.event(),
                fired_at: event.fired_at(),
                request_number: event.demande().number(),
                state: event.demande().state(),
                warnings: event.warnings(),
            },
        }
    }

    crate::json::readers! {
        /// Reads the body of a webhook call. Check its signature first ([`verify_signature`]).
        ///
        /// # Errors
        /// A report with one issue: `json.*` for a structural problem (an event without `event`,
        /// `fired_at` or `data`), `datapass.invalid` for a value that does not fit,
        /// `datapass.other_form` for an event of another form.
    }
}

/// The JSON of a webhook body, as read.
#[derive(Deserialize, JsonSchema)]
#[schemars(
    rename = "DataPassWebhook",
    description = "The body of a DataPass webhook call for API Pro Santé Connect: an event of a demande, or the test ping {\"test\": true, \"timestamp\": \"<ISO 8601>\"}. Only the keys the crate reads are described; others are allowed."
)]
pub(crate) struct WebhookWire {
    /// The test ping.
    #[serde(default)]
    test: Option<bool>,
    /// When the test ping was sent.
    #[serde(default)]
    #[schemars(schema_with = "crate::lifecycle::optional_time_schema")]
    timestamp: Option<DateTime<Utc>>,
    /// The event (`approve`).
    #[serde(default, deserialize_with = "present")]
    event: Option<String>,
    /// When the call was fired, Unix seconds.
    #[serde(default, deserialize_with = "present")]
    fired_at: Option<i64>,
    /// `authorization_request/api_pro_sante_connect`.
    #[serde(default)]
    model_type: Option<String>,
    /// The request number.
    #[serde(default)]
    model_id: Option<Id<RequestNumber>>,
    /// The demande.
    #[serde(default, deserialize_with = "present")]
    data: Option<DemandeWire>,
}

/// `deserialize_with` for a member that may be absent but not `null`: `null` is read as the
/// member's type, so that it is `json.invalid_type` at the member, as in every other reader.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    T::deserialize(deserializer).map(Some)
}

fn webhook_keys(path: &[Segment<'_>]) -> UnknownKeys {
    match path.first() {
        Some(Segment::Key(data)) if data == "data" && data_key(path, 1) => UnknownKeys::Warn,
        _ => UnknownKeys::Ignore,
    }
}

/// A webhook body: a third party's format, at most 1 MiB by default.
static WEBHOOK_FORMAT: Format = Format::datapass(webhook_keys);

/// A key a webhook event must have.
fn missing(key: &'static str) -> Issue {
    Issue::from_description(
        format!("/{key}"),
        json::missing_field(key, DocumentKind::DataPass),
    )
}

impl Readable for Webhook {
    type Wire = WebhookWire;

    const FORMAT: &'static Format = &WEBHOOK_FORMAT;

    fn read_wire<'de, D: Deserializer<'de>>(deserializer: D) -> Result<WebhookWire, D::Error> {
        WebhookWire::deserialize(deserializer)
    }

    fn finish(wire: WebhookWire, _: &Options) -> Result<Self, Issue> {
        if wire.test == Some(true) && wire.event.is_none() {
            return Ok(Self::Ping {
                timestamp: wire.timestamp,
            });
        }
        let event = wire.event.ok_or_else(|| missing("event"))?;
        let fired_at = wire.fired_at.ok_or_else(|| missing("fired_at"))?;
        let fired_at = DateTime::from_timestamp(fired_at, 0).ok_or_else(|| {
            Issue::from_description("/fired_at", json::invalid_value(DocumentKind::DataPass))
        })?;
        check_form(
            "",
            &[(
                "model_type",
                wire.model_type.as_deref(),
                "authorization_request/api_pro_sante_connect",
            )],
        )?;
        let mut demande = wire
            .data
            .ok_or_else(|| missing("data"))?
            .into_demande("/data")?;
        let mut warnings = Vec::new();
        if !WEBHOOK_EVENTS.contains(&event.as_str()) {
            warnings.push(Issue::from_error(
                "/event",
                &Finding::UnknownEvent { event: &event },
            ));
        }
        warnings.append(&mut demande.warnings);
        Ok(Self::Event(Box::new(WebhookEvent {
            event,
            fired_at,
            model_id: wire.model_id.map(|id| id.0),
            demande,
            warnings,
        })))
    }

    /// The reader's warnings (unknown `data` keys) come before the event's own; a ping carries
    /// no `data`, so none.
    fn with_warnings(self, mut warnings: Vec<Issue>) -> Self {
        match self {
            Self::Event(mut event) => {
                warnings.append(&mut event.warnings);
                event.warnings = warnings;
                Self::Event(event)
            }
            ping @ Self::Ping { .. } => ping,
        }
    }
}
