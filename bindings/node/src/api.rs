//! Every operation of the package, as the crate does it: read the bytes, call the crate, write
//! its answer as JSON in the crate's wire names (what the command line's `--format json`
//! prints). Nothing here decides anything about a request.

use datapass_psc::datapass::{self, NewDemande, Source};
use datapass_psc::eligibility::{
    Condition, EligibilityAnswers, NeededItem, Outcome as EligibilityOutcome, RequesterKind,
};
use datapass_psc::lifecycle::{
    Actor, EventLog, EventName, HabilitationEvent, HabilitationState, RequestState,
};
use datapass_psc::request::{ContactRole, Scope, WizardStep};
use datapass_psc::{
    Code, Email, Options, Origin, PhoneNumber, RequestDraft, RetentionPeriod, Rules, Siren, Siret,
};
use serde::Serialize;

use crate::refusal::{self, Result};

/// The value as JSON.
fn json(value: &impl Serialize) -> Result<String> {
    serde_json::to_string(value).map_err(|e| refusal::internal(&e))
}

/// A word of one of the crate's vocabularies, or a `TypeError` with the crate's message (which
/// lists the accepted words).
fn word<T: std::str::FromStr<Err = datapass_psc::UnknownWord>>(
    option: &str,
    value: &str,
) -> Result<T> {
    value
        .parse()
        .map_err(|e: datapass_psc::UnknownWord| refusal::type_error(format!("{option}: {e}")))
}

pub fn validate(document: &[u8], rules: &str) -> Result<String> {
    let options = Options::default().with_rules(word::<Rules>("rules", rules)?);
    let report = match RequestDraft::from_json_slice_with(document, &options) {
        Ok(draft) => draft.report_with(&options),
        Err(report) => report,
    };
    json(&report)
}

pub fn parse_request(document: &[u8]) -> Result<String> {
    let request = RequestDraft::from_json_slice_with(document, &Options::default())
        .and_then(|draft| draft.validate())
        .map_err(refusal::request)?;
    json(&request)
}

pub fn parse_siret(raw: &str) -> Result<String> {
    #[derive(Serialize)]
    struct Parsed<'a> {
        siret: &'a str,
        siren: &'a str,
    }
    let siret: Siret = raw.parse().map_err(|e| refusal::diagnostic(&e))?;
    json(&Parsed {
        siret: siret.as_str(),
        siren: siret.siren().as_str(),
    })
}

pub fn parse_siren(raw: &str) -> Result<String> {
    let siren: Siren = raw.parse().map_err(|e| refusal::diagnostic(&e))?;
    Ok(siren.as_str().to_owned())
}

pub fn parse_email(raw: &str) -> Result<String> {
    let email: Email = raw.parse().map_err(|e| refusal::diagnostic(&e))?;
    Ok(email.as_str().to_owned())
}

pub fn parse_phone_number(raw: &str) -> Result<String> {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Parsed<'a> {
        e164: &'a str,
        region: Option<&'a str>,
        is_mobile: bool,
    }
    let phone: PhoneNumber = raw.parse().map_err(|e| refusal::diagnostic(&e))?;
    json(&Parsed {
        e164: phone.as_str(),
        region: phone.region(),
        is_mobile: phone.is_mobile(),
    })
}

pub fn retention_period(months: i64) -> Result<String> {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Parsed {
        months: u16,
        requires_justification: bool,
    }
    let period = RetentionPeriod::try_from(months).map_err(|e| refusal::diagnostic(&e))?;
    json(&Parsed {
        months: period.months(),
        requires_justification: period.requires_justification(),
    })
}

pub fn eligibility(
    requester: &str,
    french: Option<bool>,
    web_solution: Option<bool>,
    health_professionals: Option<bool>,
) -> Result<String> {
    let requester: RequesterKind = requester.parse().map_err(|e| refusal::diagnostic(&e))?;
    let answers = EligibilityAnswers {
        requester,
        french,
        web_solution,
        health_professionals,
    };
    json(&answers.decide())
}

pub fn replay(event_log: &[u8]) -> Result<String> {
    let log = EventLog::from_json_slice_with(event_log, &Options::default())
        .map_err(|report| refusal::unreadable(&report))?;
    let record = log.replay().map_err(|e| refusal::replay(&e))?;
    json(&record.summary())
}

pub fn import_datapass(
    document: &[u8],
    source: Option<&str>,
    check: Option<&str>,
) -> Result<String> {
    let source = source.map(|s| word::<Source>("source", s)).transpose()?;
    let check = check.map(|c| word::<Rules>("check", c)).transpose()?;
    let import = datapass::import_with(document, source, &Options::default())
        .map_err(|report| refusal::unreadable(&report))?;
    match check {
        Some(rules) => json(&import.check(rules)),
        None => json(&import),
    }
}

pub fn export_datapass(request: &[u8], patch: bool) -> Result<String> {
    let request = RequestDraft::from_json_slice_with(request, &Options::default())
        .and_then(|draft| draft.validate())
        .map_err(refusal::request)?;
    let body = NewDemande::from_request(&request);
    if patch {
        json(&body.patch())
    } else {
        json(&body)
    }
}

pub fn verify_signature(secret: &[u8], body: &[u8], header: &str) -> Result<()> {
    datapass::verify_signature(secret, body, header).map_err(|e| refusal::diagnostic(&e))
}

pub fn webhook(
    secret: &[u8],
    body: &[u8],
    header: &str,
    source: Option<&str>,
    check: Option<&str>,
) -> Result<String> {
    verify_signature(secret, body, header)?;
    import_datapass(body, source, check)
}

pub fn schemas() -> Result<String> {
    let all: serde_json::Map<String, serde_json::Value> = datapass_psc::schema::all()
        .into_iter()
        .map(|(name, schema)| (name.to_owned(), schema))
        .collect();
    json(&all)
}

pub fn vocabulary() -> Result<String> {
    let codes: Vec<&str> = Code::ALL.iter().map(|code| code.as_str()).collect();
    let schema_files: Vec<&str> = datapass_psc::schema::all()
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    let lists: [(&str, &[&str]); 17] = [
        ("Code", &codes),
        ("Origin", &Origin::WIRE),
        ("Rules", &Rules::WIRE),
        ("RequestState", &RequestState::WIRE),
        ("Actor", &Actor::WIRE),
        ("EventName", &EventName::WIRE),
        ("HabilitationState", &HabilitationState::WIRE),
        ("HabilitationEvent", &HabilitationEvent::WIRE),
        ("Outcome", &EligibilityOutcome::WIRE),
        ("Condition", &Condition::WIRE),
        ("NeededItem", &NeededItem::WIRE),
        ("RequesterKind", &RequesterKind::WIRE),
        ("Source", &Source::WIRE),
        ("Scope", &Scope::WIRE),
        ("ContactRole", &ContactRole::WIRE),
        ("WizardStep", &WizardStep::WIRE),
        ("SchemaFile", &schema_files),
    ];
    json(&lists)
}
