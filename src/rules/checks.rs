//! [`Check`]: every check of the crate with whose rule it is, one row per fact. The origin of
//! every [`Issue`](crate::Issue) comes from this table, and `docs/rule-origins.md` is generated
//! from it (a test keeps both in sync).

use super::origin::Origin;
use crate::codes::Code;

/// One check of the crate: the code it reports, where, whose rule it is, and for DataPass's
/// rules the DataPass file that holds it.
///
/// Rows are read in order; the first row whose code and path match gives the origin. A row
/// marked [`datapass_refuses`](Check::datapass_refuses) is taken only for a value DataPass's own
/// check refuses too: where a value fails both DataPass's check and a stricter one of the crate,
/// the one issue reported for it is DataPass's.
///
/// ```
/// use datapass_psc::{Check, Code, Origin};
/// let phone = Check::ALL
///     .iter()
///     .find(|c| c.code == Code::Required && c.path == "/contacts/applicant/*")
///     .unwrap();
/// assert_eq!(phone.origin, Origin::PscForm);
/// assert!(Check::ALL.iter().any(|c| c.origin == Origin::DataPass && c.source.ends_with("siret_validator.rb")));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Check {
    /// The code the check reports.
    pub code: Code,
    /// Where: a JSON Pointer pattern, `*` standing for one segment (a role, an index), `**` for
    /// any path.
    pub path: &'static str,
    /// Whose rule it is.
    pub origin: Origin,
    /// Whether the row applies only to a value DataPass's own check refuses too.
    pub datapass_refuses: bool,
    /// What is checked, in English.
    pub rule: &'static str,
    /// For DataPass's rules, the file of `etalab/data_pass` (at the commit the crate follows)
    /// that holds it; empty otherwise.
    pub source: &'static str,
}

const ORGANIZATION_RB: &str = "app/models/organization.rb";
const SIRET_RB: &str = "app/validators/siret_validator.rb";
const BASIC_INFOS_RB: &str = "app/models/concerns/authorization_extensions/basic_infos.rb";
const CADRE_JURIDIQUE_RB: &str = "app/models/concerns/authorization_extensions/cadre_juridique.rb";
const DOCUMENTS_RB: &str = "app/models/concerns/authorization_core/documents.rb";
const PSC_RB: &str = "app/models/authorization_request/api_pro_sante_connect.rb";
const CONTACTS_RB: &str = "app/models/concerns/authorization_core/contacts.rb";
const USER_RB: &str = "app/models/user.rb";
const REQUEST_RB: &str = "app/models/authorization_request.rb";
const ERRORS_RB: &str = "app/facades/api_errors_facade.rb";
const MIGRATION_RB: &str = "app/migration/import/authorization_requests/base.rb";
const FORMS_YML: &str = "config/authorization_request_forms/others.yml";
const WEBHOOKS_MD: &str = "docs/webhooks.md";

/// A row that always applies.
const fn row(code: Code, path: &'static str, origin: Origin, rule: &'static str) -> Check {
    Check {
        code,
        path,
        origin,
        datapass_refuses: false,
        rule,
        source: "",
    }
}

/// A row of DataPass's that always applies.
const fn dp(code: Code, path: &'static str, rule: &'static str, source: &'static str) -> Check {
    Check {
        code,
        path,
        origin: Origin::DataPass,
        datapass_refuses: false,
        rule,
        source,
    }
}

/// A row of DataPass's taken when DataPass's own check refuses the value.
const fn dp_too(code: Code, path: &'static str, rule: &'static str, source: &'static str) -> Check {
    Check {
        datapass_refuses: true,
        ..dp(code, path, rule, source)
    }
}

use Origin::{Format, PscForm, Strict};

impl Check {
    /// The commit of `etalab/data_pass` the `source` files were read at.
    pub const DATAPASS_COMMIT: &'static str = "c3a17f129ff3f0471c94953ef2e813c9b7de4281";

    /// Every check, in the order rows are matched.
    #[rustfmt::skip]
    pub const ALL: &'static [Check] = &[
        // The organisation.
        dp(Code::Required, "/organization/siret", "the SIRET is present", ORGANIZATION_RB),
        dp(Code::SiretInvalidCharacter, "/organization/siret", "14 digits once spaces and dots between digits are dropped", SIRET_RB),
        dp(Code::SiretLength, "/organization/siret", "14 digits once spaces and dots between digits are dropped", SIRET_RB),
        dp_too(Code::SiretChecksum, "/organization/siret", "the Luhn key of the 14 digits, unless the SIRET starts with La Poste's 356000000", SIRET_RB),
        row(Code::SiretChecksum, "/organization/siret", Strict, "the SIREN's own Luhn key, and INSEE's digit-sum rule for La Poste, which DataPass does not check"),
        // The project.
        dp(Code::Required, "/project/name", "the project name is present (HTML tags stripped)", BASIC_INFOS_RB),
        dp(Code::Required, "/project/description", "the project description is present (HTML tags stripped)", BASIC_INFOS_RB),
        // The legal basis.
        dp(Code::Required, "/legal_basis/nature", "the nature of the legal text is present (HTML tags stripped)", CADRE_JURIDIQUE_RB),
        dp(Code::LegalBasisReferenceMissing, "/legal_basis", "a URL or a document of the legal text", CADRE_JURIDIQUE_RB),
        dp_too(Code::LegalBasisUrlInvalid, "/legal_basis/url", "DataPass's URL pattern: an optional http(s)://, a host name with a top-level domain (no port, IP address or localhost), then a path of ASCII characters", CADRE_JURIDIQUE_RB),
        row(Code::LegalBasisUrlInvalid, "/legal_basis/url", Strict, "an absolute http(s) URL with a host (DataPass makes the scheme optional), at most 2,000 characters"),
        dp(Code::Required, "/legal_basis/documents/*/media_type", "a document's content type is PDF", CADRE_JURIDIQUE_RB),
        dp(Code::DocumentMediaType, "/legal_basis/documents/*/media_type", "a document's content type is PDF", CADRE_JURIDIQUE_RB),
        dp(Code::Required, "/legal_basis/documents/*/size_bytes", "a document is smaller than 10 MiB", CADRE_JURIDIQUE_RB),
        dp(Code::DocumentTooLarge, "/legal_basis/documents/*/size_bytes", "a document is smaller than 10 MiB", CADRE_JURIDIQUE_RB),
        row(Code::DocumentEmpty, "/legal_basis/documents/*/size_bytes", Strict, "a document is not empty"),
        row(Code::DocumentFileName, "/legal_basis/documents/*/file_name", Strict, "a document's file name is given, at most 255 characters, without / or \\ or control characters"),
        dp(Code::DocumentTooMany, "/legal_basis/documents", "at most 6 documents", DOCUMENTS_RB),
        // The scopes.
        dp(Code::ScopesEmpty, "/scopes", "at least one scope (blank entries dropped)", PSC_RB),
        row(Code::ScopesUnknown, "/scopes/*", Strict, "each scope is idnat or donnees_sectorielles (DataPass checks presence only)"),
        // The personal data: the Pro Santé Connect form's block, not in DataPass v2's form.
        row(Code::Required, "/personal_data/recipients", PscForm, "at least one recipient of the data"),
        row(Code::Required, "/personal_data/recipients/*", PscForm, "each recipient is filled in"),
        row(Code::RecipientsTooMany, "/personal_data/recipients", Strict, "at most 20 recipients"),
        row(Code::Required, "/personal_data/retention_months", PscForm, "the retention period is given"),
        row(Code::RetentionOutOfRange, "/personal_data/retention_months", PscForm, "the retention period is 0 to 1,200 months"),
        row(Code::RetentionAboveUsual, "/personal_data/retention_months", PscForm, "warning: a retention period above the usual 36 months"),
        row(Code::RetentionJustificationRequired, "/personal_data/retention_justification", PscForm, "a justification above 36 months"),
        // The applicant: the signed-in user, of whom DataPass validates the email only.
        dp(Code::Required, "/contacts/applicant/email", "the applicant's email is present", USER_RB),
        dp_too(Code::EmailInvalid, "/contacts/applicant/email", "the applicant's email matches URI::MailTo::EMAIL_REGEXP", USER_RB),
        row(Code::EmailInvalid, "/contacts/applicant/email", Strict, "an email address with a top-level domain, without display text or domain literal, at most 254 characters"),
        row(Code::Required, "/contacts/applicant/*", PscForm, "the applicant's names, job title and phone are filled in"),
        // The data controller, the data protection officer and the technical contact.
        dp(Code::Required, "/contacts/*/*", "the five fields of the data controller, the data protection officer and the technical contact are present (HTML tags stripped)", CONTACTS_RB),
        dp_too(Code::EmailInvalid, "/contacts/*/email", "a contact's email matches URI::MailTo::EMAIL_REGEXP", CONTACTS_RB),
        row(Code::EmailInvalid, "/contacts/*/email", Strict, "an email address with a top-level domain, without display text or domain literal, at most 254 characters"),
        row(Code::PhoneInvalid, "/contacts/*/phone", Strict, "a phone number libphonenumber's metadata knows, with an E.164 form (DataPass checks presence only)"),
        row(Code::PhoneExtension, "/contacts/*/phone", Strict, "no extension, which E.164 cannot hold"),
        // Every text.
        row(Code::TextTooLong, "**", Strict, "the crate's length limits (DataPass has none)"),
        row(Code::TextControlCharacter, "**", Strict, "no control character, bidirectional control, or line break in a one-line field"),
        // The two boxes, at submission.
        dp(Code::TermsNotAccepted, "/terms_accepted", "the terms of service are accepted at submission", REQUEST_RB),
        dp(Code::DpoNotInformed, "/dpo_informed", "the data protection officer is informed, at submission", REQUEST_RB),
        // The document's structure, in every format.
        row(Code::JsonSyntax, "**", Format, "well-formed JSON"),
        row(Code::JsonEncoding, "**", Format, "UTF-8"),
        row(Code::JsonTooLarge, "**", Format, "the reader's size limit"),
        row(Code::JsonTooDeep, "**", Format, "the reader's nesting limit"),
        row(Code::JsonInvalidType, "**", Format, "each value has its JSON type"),
        row(Code::JsonUnknownField, "**", Format, "each key belongs to the format"),
        row(Code::JsonDuplicateKey, "**", Format, "no key twice in an object"),
        row(Code::JsonMissingField, "**", Format, "the keys the format requires"),
        row(Code::ReportInvalid, "**", Format, "a report read back fits its format"),
        row(Code::RecordUnreadable, "**", Format, "a stored record's values fit its format"),
        row(Code::RecordDuplicateHabilitationNumber, "**", Format, "a stored record's invariants"),
        row(Code::RecordSeveralActiveHabilitations, "**", Format, "a stored record's invariants"),
        row(Code::RecordActiveNotLatest, "**", Format, "a stored record's invariants"),
        row(Code::RecordMissingActiveHabilitation, "**", Format, "a stored record's invariants"),
        row(Code::RecordUnexpectedHabilitation, "**", Format, "a stored record's invariants"),
        row(Code::RecordReopeningState, "**", Format, "a stored record's invariants"),
        row(Code::RecordMissingTimestamp, "**", Format, "a stored record's invariants"),
        row(Code::RecordHistoryOutOfOrder, "**", Format, "a stored record's invariants"),
        row(Code::EventLogInvalid, "**", Format, "an event log's values fit its format"),
        row(Code::EventLogTooLong, "**", Format, "the reader's limit on events"),
        row(Code::EligibilityUnknownRequester, "**", Format, "the eligibility answers name a requester kind"),
        row(Code::EligibilityInvalidDecision, "**", Format, "a stored eligibility decision is the crate's"),
        row(Code::DataPassInvalid, "**", Format, "a value of a DataPass document fits what DataPass sends"),
        row(Code::DataPassUnknownDocument, "**", Format, "a DataPass document the crate reads"),
        row(Code::DataPassOtherForm, "**", Format, "a DataPass document of the API Pro Santé Connect form"),
        row(Code::DataPassUnknownEvent, "**", Format, "warning: an event name the crate does not know"),
        // What DataPass says.
        dp(Code::DataPassNotPerson, "**", "warning: DataPass marks a contact as an organisation", CONTACTS_RB),
        dp(Code::DataPassPlaceholder, "**", "warning: a placeholder DataPass's v1 migration wrote for a missing value, read as absent", MIGRATION_RB),
        dp(Code::DataPassDefault, "**", "warning: DataPass fills the form's default legal basis on creation", FORMS_YML),
        dp(Code::DataPassRefused, "**", "DataPass's API refused the request (HTTP 422, or another status)", ERRORS_RB),
        dp(Code::DataPassBadRequest, "**", "DataPass's API answered 400: a parameter is missing", "app/controllers/api/v1_controller.rb"),
        dp(Code::DataPassUnauthorized, "**", "DataPass's API answered 401: the access token is missing or expired", "app/controllers/api/v1_controller.rb"),
        dp(Code::DataPassForbidden, "**", "DataPass's API answered 403: the token may not create this kind of demande", ERRORS_RB),
        dp(Code::DataPassNotFound, "**", "DataPass's API answered 404: no such resource", "app/controllers/api/v1_controller.rb"),
        dp(Code::WebhookSignatureMissing, "**", "DataPass signs each webhook call with X-Hub-Signature-256", WEBHOOKS_MD),
        dp(Code::WebhookSignatureAlgorithm, "**", "DataPass signs each webhook call with X-Hub-Signature-256", WEBHOOKS_MD),
        dp(Code::WebhookSignatureHex, "**", "DataPass signs each webhook call with X-Hub-Signature-256", WEBHOOKS_MD),
        dp(Code::WebhookSignatureLength, "**", "DataPass signs each webhook call with X-Hub-Signature-256", WEBHOOKS_MD),
        dp(Code::WebhookSignatureMismatch, "**", "DataPass signs each webhook call with X-Hub-Signature-256", WEBHOOKS_MD),
        // The lifecycle: DataPass's state machine, and the crate's checks of an event log.
        dp(Code::TransitionNotAllowed, "**", "the transitions of DataPass's state machine", REQUEST_RB),
        dp(Code::TransitionForbiddenActor, "**", "who may send each event (DataPass's policies)", "app/policies/authorization_request_policy.rb"),
        dp(Code::TransitionReasonRequired, "**", "a reason for request_changes, refuse, revoke and an instructor's cancel_reopening", REQUEST_RB),
        dp(Code::TransitionUnchangedReopening, "**", "a reopening is submitted with changed data", REQUEST_RB),
        dp(Code::HabilitationTransitionNotAllowed, "**", "the transitions of a habilitation", "app/models/authorization.rb"),
        row(Code::TransitionTimeWentBackwards, "**", Strict, "an event log's events in time order"),
        row(Code::TransitionInvalidRequest, "**", Strict, "submit and approve need a request valid under the strict rules"),
        row(Code::TransitionDuplicateHabilitationNumber, "**", Strict, "each approval has a new habilitation number"),
        // The crate's types parsed alone.
        row(Code::RequestInvalid, "**", Strict, "a complete request read through serde validates (strict rules)"),
        row(Code::SiretEmpty, "**", Strict, "a SIRET parsed alone is not blank"),
        row(Code::SiretInvalidCharacter, "**", Strict, "a SIRET parsed alone: digits and separators"),
        row(Code::SiretLength, "**", Strict, "a SIRET parsed alone: 14 digits"),
        row(Code::SiretChecksum, "**", Strict, "a SIRET parsed alone: both keys"),
        row(Code::SirenEmpty, "**", Strict, "a SIREN parsed alone is not blank"),
        row(Code::SirenInvalidCharacter, "**", Strict, "a SIREN parsed alone: digits and separators"),
        row(Code::SirenLength, "**", Strict, "a SIREN parsed alone: 9 digits"),
        row(Code::SirenChecksum, "**", Strict, "a SIREN parsed alone: its Luhn key"),
        row(Code::EmailEmpty, "**", Strict, "an email parsed alone is not blank"),
        row(Code::EmailInvalid, "**", Strict, "an email parsed alone"),
        row(Code::PhoneEmpty, "**", Strict, "a phone number parsed alone is not blank"),
        row(Code::PhoneInvalid, "**", Strict, "a phone number parsed alone"),
        row(Code::PhoneExtension, "**", Strict, "a phone number parsed alone has no extension"),
        row(Code::RetentionOutOfRange, "**", Strict, "a retention period parsed alone: 0 to 1,200 months"),
        row(Code::TextEmpty, "**", Strict, "a text parsed alone is not blank"),
        row(Code::RequestNumberEmpty, "**", Strict, "a request number is not blank"),
        row(Code::RequestNumberInvalid, "**", Strict, "a request number: D followed by a positive integer"),
        row(Code::HabilitationNumberEmpty, "**", Strict, "a habilitation number is not blank"),
        row(Code::HabilitationNumberInvalid, "**", Strict, "a habilitation number: H followed by a positive integer"),
        row(Code::Required, "**", Strict, "a value the crate needs"),
    ];

    /// Whose rule the issue `code` at `path` is; `datapass_refuses` says that DataPass's own
    /// check refuses the value too.
    pub(crate) fn origin_of(code: Code, path: &str, datapass_refuses: bool) -> Origin {
        Self::find(code, path, datapass_refuses).map_or(Strict, |check| check.origin)
    }

    /// The row that gives the origin of `code` at `path`.
    #[must_use]
    pub fn find(code: Code, path: &str, datapass_refuses: bool) -> Option<&'static Check> {
        Self::ALL.iter().find(|check| {
            check.code == code
                && (datapass_refuses || !check.datapass_refuses)
                && matches(check.path, path)
        })
    }
}

/// Whether a JSON Pointer matches a pattern (`*` one segment, `**` anything).
fn matches(pattern: &str, path: &str) -> bool {
    if pattern == "**" {
        return true;
    }
    let mut segments = path.split('/');
    for expected in pattern.split('/') {
        match segments.next() {
            Some(found) if expected == "*" || expected == found => {}
            _ => return false,
        }
    }
    segments.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn patterns_match_whole_segments() {
        assert!(matches("/contacts/*/email", "/contacts/applicant/email"));
        assert!(!matches("/contacts/*/email", "/contacts/applicant/email/x"));
        assert!(!matches("/contacts/*/email", "/contacts/email"));
        assert!(matches("/scopes/*", "/scopes/0"));
        assert!(!matches("/scopes", "/scopes/0"));
        assert!(matches("**", ""));
        assert!(matches("", ""));
    }
}
