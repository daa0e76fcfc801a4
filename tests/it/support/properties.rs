//! The properties every reader keeps on any input, checked by the property tests
//! (`tests/it/fuzz_properties.rs`, in CI) and by the cargo-fuzz targets (`fuzz/`, which include
//! this file): no panic, the same answer twice, every code in the code table with both messages,
//! every path a JSON Pointer that resolves in the input or names members missing from an object
//! that exists, and canonical forms that read back to themselves.
//!
//! Each function panics when a property does not hold.

use datapass_psc::datapass::{self, Demande, Enrollment, NewDemande, Webhook};
use datapass_psc::lifecycle::{EventLog, HabilitationNumber, RequestNumber, RequestRecord};
use datapass_psc::request::LegalBasisUrl;
use datapass_psc::text::PersonName;
use datapass_psc::{
    Code, Diagnostic, Email, Issue, PhoneNumber, RequestDraft, RetentionPeriod, Siren, Siret,
    ValidationReport,
};
use serde_json::Value;

/// The DataPass fixtures, in `tests/fixtures/datapass/`: the samples of DataPass's documents,
/// one of each kind the crate reads.
pub const DATAPASS_FIXTURES: [&str; 15] = [
    "get-demande-60501-scopes-string.json",
    "get-demande-60501-scopes-array.json",
    "webhook-approve-60501.json",
    "webhook-ping.json",
    "v1-enrollment.json",
    "v1-webhook.json",
    "api-error-422.json",
    "emitted/get-demande-48213-migrated-placeholders.json",
    "emitted/get-demandes-list.json",
    "emitted/get-demande-60501-events.json",
    "emitted/get-habilitation-118386.json",
    "emitted/webhook-reopen-60501.json",
    "emitted/post-demande-refused-role-type.json",
    "emitted/patch-demande-91234-current-build-step.json",
    "emitted/error-422-cle-invalide.json",
];

/// Whether `path` is a JSON Pointer that resolves in `doc`, or whose unresolved tail starts at an
/// object (or `null`) that lacks the next member: the path of a missing value.
pub fn pointer_fits(doc: &Value, path: &str) -> bool {
    if path.is_empty() {
        return true;
    }
    let Some(rest) = path.strip_prefix('/') else {
        return false;
    };
    let mut current = doc;
    for segment in rest.split('/') {
        let key = segment.replace("~1", "/").replace("~0", "~");
        match current {
            Value::Object(map) => match map.get(&key) {
                Some(child) => current = child,
                None => return true,
            },
            Value::Array(items) => match key.parse::<usize>().ok().and_then(|i| items.get(i)) {
                Some(child) => current = child,
                None => return false,
            },
            Value::Null => return true,
            _ => return false,
        }
    }
    true
}

/// An issue's code is in the table and reads back, its messages are not empty, and its path
/// fits `doc` when there is one.
pub fn check_issue(issue: &Issue, doc: Option<&Value>) {
    assert!(Code::ALL.contains(&issue.code), "{issue:?}");
    assert_eq!(issue.code.as_str().parse::<Code>(), Ok(issue.code));
    assert!(
        !issue.message_fr.is_empty() && !issue.message_en.is_empty(),
        "{issue:?}"
    );
    if let Some(doc) = doc {
        assert!(
            pointer_fits(doc, &issue.path),
            "{} at {:?} in {doc}",
            issue.code,
            issue.path
        );
    }
}

/// Every issue of a report, against `doc`.
pub fn check_report(report: &ValidationReport, doc: Option<&Value>) {
    for issue in report.errors().iter().chain(report.warnings()) {
        check_issue(issue, doc);
    }
}

/// Every issue's origin is the one the table of checks gives it; DataPass's rules report the
/// same issues as the strict ones, only `datapass` and `format` ones as errors, so a strictly
/// valid draft is valid for DataPass and DataPass's errors are a subset of the strict errors.
pub fn check_rule_sets(draft: &RequestDraft, strict: &ValidationReport) {
    use datapass_psc::{Check, Options, Origin, Rules};
    for issue in strict.errors().iter().chain(strict.warnings()) {
        let row = Check::find(issue.code, &issue.path, issue.origin == Origin::DataPass);
        assert_eq!(
            row.map(|r| r.origin),
            Some(issue.origin),
            "no row of the table gives {issue:?}"
        );
    }
    let relaxed = draft.report_with(&Options::default().with_rules(Rules::DataPass));
    if strict.is_valid() {
        assert!(relaxed.is_valid(), "{relaxed:?}");
    }
    for error in relaxed.errors() {
        assert!(Rules::DataPass.blocks(error.origin), "{error:?}");
        assert!(
            strict.errors().contains(error),
            "{error:?} is not a strict error"
        );
    }
    let mut all_strict: Vec<&Issue> = strict.errors().iter().chain(strict.warnings()).collect();
    let mut all_relaxed: Vec<&Issue> = relaxed.errors().iter().chain(relaxed.warnings()).collect();
    all_strict.sort_by(|a, b| (&a.path, a.code).cmp(&(&b.path, b.code)));
    all_relaxed.sort_by(|a, b| (&a.path, a.code).cmp(&(&b.path, b.code)));
    assert_eq!(
        all_strict, all_relaxed,
        "the two rule sets report different issues"
    );
}

/// A refusal of a reader: one issue, at a path of the input when the input is JSON.
fn check_refusal(report: &ValidationReport, bytes: &[u8]) {
    assert_eq!(report.errors().len(), 1, "{report:?}");
    check_report(report, json_of(bytes).as_ref());
}

/// The input as JSON, when `serde_json` reads it (a leading UTF-8 byte-order mark skipped).
pub fn json_of(bytes: &[u8]) -> Option<Value> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    serde_json::from_slice(bytes).ok()
}

/// A request's bytes: read, validated, written back.
pub fn request_bytes(bytes: &[u8]) {
    let first = RequestDraft::from_json_slice(bytes);
    assert_eq!(
        first,
        RequestDraft::from_json_slice(bytes),
        "not deterministic"
    );
    let draft = match first {
        Ok(draft) => draft,
        Err(report) => return check_refusal(&report, bytes),
    };
    let doc = json_of(bytes).unwrap_or_else(|| serde_json::to_value(&draft).unwrap());
    let report = draft.report();
    assert_eq!(report, draft.report(), "not deterministic");
    check_report(&report, Some(&doc));
    check_rule_sets(&draft, &report);
    // The draft writes back to what it read.
    let written = serde_json::to_string(&draft).unwrap();
    assert_eq!(
        RequestDraft::from_json_slice(written.as_bytes()).unwrap(),
        draft
    );
    if let Ok(request) = draft.validate() {
        assert!(report.is_valid());
        let canonical = serde_json::to_string(&request).unwrap();
        let again = RequestDraft::from_json_slice(canonical.as_bytes())
            .unwrap()
            .validate()
            .unwrap();
        assert_eq!(again, request);
        assert_eq!(serde_json::to_string(&again).unwrap(), canonical);
        assert_eq!(request.to_draft().validate().unwrap(), request);
    } else {
        assert!(!report.is_valid());
    }
}

/// Parses `text` as `T` twice; an accepted value's canonical form reads back to itself, through
/// `FromStr` and through serde; a refusal has a code in the table.
fn identifier<T>(text: &str)
where
    T: std::str::FromStr + std::fmt::Display + PartialEq + std::fmt::Debug,
    T: serde::Serialize + serde::de::DeserializeOwned,
    T::Err: Diagnostic + PartialEq + std::fmt::Debug,
{
    let first = text.parse::<T>();
    assert_eq!(first, text.parse::<T>(), "not deterministic");
    match first {
        Ok(value) => {
            let canonical = value.to_string();
            let again = canonical
                .parse::<T>()
                .unwrap_or_else(|e| panic!("{text:?} → {canonical:?} does not read back: {e:?}"));
            assert_eq!(again, value, "{text:?} → {canonical:?}");
            assert_eq!(again.to_string(), canonical);
            let json = serde_json::to_string(&value).unwrap();
            assert_eq!(serde_json::from_str::<T>(&json).unwrap(), value);
        }
        Err(error) => {
            assert!(Code::ALL.contains(&error.code()), "{error:?}");
            assert!(!error.message_fr().is_empty() && !error.message_en().is_empty());
        }
    }
}

/// Every identifier type on one input.
pub fn identifiers(text: &str) {
    identifier::<Siret>(text);
    identifier::<Siren>(text);
    identifier::<Email>(text);
    identifier::<PhoneNumber>(text);
    identifier::<RequestNumber>(text);
    identifier::<HabilitationNumber>(text);
    identifier::<LegalBasisUrl>(text);
    identifier::<PersonName>(text);
    if let Ok(months) = text.trim().parse::<i64>() {
        let first = RetentionPeriod::try_from(months);
        assert_eq!(first, RetentionPeriod::try_from(months));
        if let Ok(period) = first {
            assert_eq!(i64::from(period.months()), months);
        }
    }
}

/// An event log's bytes: read, replayed, the record written and read back; the same bytes as a
/// stored record.
pub fn lifecycle_bytes(bytes: &[u8]) {
    let first = EventLog::from_json_slice(bytes);
    assert_eq!(first, EventLog::from_json_slice(bytes), "not deterministic");
    match first {
        Err(report) => check_refusal(&report, bytes),
        Ok(log) => {
            let replayed = log.replay();
            assert_eq!(replayed, log.replay(), "not deterministic");
            if let Ok(record) = replayed {
                record_round_trip(&record);
            }
        }
    }
    match RequestRecord::from_json_slice(bytes) {
        Err(report) => check_refusal(&report, bytes),
        Ok(record) => record_round_trip(&record),
    }
}

fn record_round_trip(record: &RequestRecord) {
    let json = serde_json::to_string(record).unwrap();
    let back = RequestRecord::from_json_slice(json.as_bytes())
        .unwrap_or_else(|r| panic!("a record does not read back: {r}"));
    assert_eq!(&back, record);
    assert_eq!(serde_json::to_string(&back).unwrap(), json);
    let _summary = record.summary();
}

/// An imported document: DataPass's truth never gives an error; what is absent is listed apart,
/// as absences; every issue is in the code table.
pub fn check_imported(imported: &datapass::Imported) {
    use datapass::Source;
    check_report(imported.report(), None);
    for issue in imported.to_complete() {
        check_issue(issue, None);
        assert!(
            matches!(
                issue.code,
                Code::Required
                    | Code::ScopesEmpty
                    | Code::LegalBasisReferenceMissing
                    | Code::TermsNotAccepted
                    | Code::DpoNotInformed
            ),
            "{issue:?} is not an absence"
        );
    }
    match imported.source() {
        // A body DataPass would refuse, an error body: DataPass's refusals, DataPass's origin.
        Source::V2Post | Source::V2Patch | Source::V2Errors => {
            for issue in imported.report().errors() {
                assert_eq!(issue.origin, datapass_psc::Origin::DataPass, "{issue:?}");
            }
        }
        _ => assert!(
            imported.report().is_valid(),
            "DataPass's own document gives errors: {:?}",
            imported.report()
        ),
    }
    if let Some(request) = imported.request() {
        let value = serde_json::to_value(request).unwrap();
        check_report(&request.report(), Some(&value));
    }
}

/// A DataPass document's bytes, through every DataPass reader.
pub fn datapass_bytes(bytes: &[u8]) {
    let doc = json_of(bytes);
    let first = datapass::import(bytes, None);
    assert_eq!(first, datapass::import(bytes, None), "not deterministic");
    match first {
        Err(report) => check_refusal(&report, bytes),
        Ok(import) => {
            for imported in import.items() {
                check_imported(imported);
            }
            let _ = doc;
        }
    }
    let refusals = [
        Demande::from_json_slice(bytes).err(),
        Webhook::from_json_slice(bytes).err(),
        NewDemande::from_json_slice(bytes).err(),
        Enrollment::from_json_slice(bytes).err(),
        Enrollment::from_webhook_json_slice(bytes).err(),
        datapass::ApiErrors::from_json_slice(bytes).err(),
        datapass::DataPatch::from_json_slice(bytes).err(),
        datapass::DemandeList::from_json_slice(bytes).err(),
        datapass::EventList::from_json_slice(bytes).err(),
        datapass::DetailedHabilitation::from_json_slice(bytes).err(),
    ];
    for report in refusals.iter().flatten() {
        check_refusal(report, bytes);
    }
}

/// A webhook signature check: the same answer twice, and a verified body whose last byte
/// changes is refused.
pub fn webhook_signature(secret: &[u8], body: &[u8], header: &str) {
    let first = datapass::verify_signature(secret, body, header);
    assert_eq!(first, datapass::verify_signature(secret, body, header));
    if first.is_ok() {
        let mut changed = body.to_vec();
        match changed.last_mut() {
            Some(last) => *last ^= 1,
            None => changed.push(b' '),
        }
        assert!(datapass::verify_signature(secret, &changed, header).is_err());
    }
}

/// The `X-Hub-Signature-256` header DataPass sends for `body` signed with `secret`.
pub fn sign(secret: &[u8], body: &[u8]) -> String {
    use hmac::{KeyInit, Mac};
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(secret).unwrap();
    mac.update(body);
    let digest = mac.finalize().into_bytes();
    let hex = digest
        .iter()
        .fold(String::new(), |hex, b| hex + &format!("{b:02x}"));
    format!("sha256={hex}")
}

/// The JSON Pointers of every value of `doc`, the root included.
pub fn pointers(doc: &Value, pointer: &str, out: &mut Vec<String>) {
    out.push(pointer.to_owned());
    match doc {
        Value::Object(map) => {
            for (key, child) in map {
                let key = key.replace('~', "~0").replace('/', "~1");
                pointers(child, &format!("{pointer}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                pointers(child, &format!("{pointer}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// A structure-aware mutation: the value at the `choice`-th pointer of `doc` replaced by
/// `replacement` (or, for an odd `choice` on a member, the member removed).
pub fn mutate(doc: &Value, choice: usize, replacement: Value) -> Value {
    let mut all = Vec::new();
    pointers(doc, "", &mut all);
    let target = &all[choice % all.len()];
    let mut mutated = doc.clone();
    if choice % 2 == 1
        && let Some((parent, key)) = target.rsplit_once('/')
        && let Some(Value::Object(map)) = mutated.pointer_mut(parent)
    {
        map.remove(&key.replace("~1", "/").replace("~0", "~"));
        return mutated;
    }
    if let Some(slot) = mutated.pointer_mut(target) {
        *slot = replacement;
    }
    mutated
}
