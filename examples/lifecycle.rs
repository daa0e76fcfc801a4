//! Walk the D60501 timeline of the lifecycle spec with the library: approved, reopened, updated,
//! submitted again and approved again. Run with `cargo run --example lifecycle`.

use chrono::{DateTime, Utc};
use datapass_psc::RequestDraft;
use datapass_psc::lifecycle::{
    Actor, Event, EventKind, HabilitationState, HistoryEntry, RequestRecord, RequestState,
};

fn at(time: &str) -> Result<DateTime<Utc>, chrono::ParseError> {
    Ok(DateTime::parse_from_rfc3339(time)?.with_timezone(&Utc))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let json = std::fs::read_to_string("examples/requests/hospiconnect.json")?;
    let mut first = RequestDraft::from_json_slice(json.as_bytes())?;
    first.scopes = Some(vec!["idnat".to_owned()]);
    let second = RequestDraft::from_json_slice(json.as_bytes())?;

    let mut record = RequestRecord::new("D60501".parse()?, Some(first));
    let steps = [
        ("2024-04-15T07:30:00Z", Actor::Applicant, EventKind::Submit),
        (
            "2024-04-30T12:20:05Z",
            Actor::Instructor,
            EventKind::Approve {
                habilitation_number: "H60501".parse()?,
                message: None,
            },
        ),
        ("2024-06-05T08:41:27Z", Actor::Applicant, EventKind::Reopen),
        (
            "2024-06-06T09:20:00Z",
            Actor::Applicant,
            EventKind::Update {
                request: Box::new(second),
            },
        ),
        ("2024-06-10T14:03:10Z", Actor::Applicant, EventKind::Submit),
        (
            "2024-06-19T09:00:00Z",
            Actor::Instructor,
            EventKind::Approve {
                habilitation_number: "H118386".parse()?,
                message: None,
            },
        ),
    ];
    for (time, actor, kind) in steps {
        record.apply(Event {
            at: at(time)?,
            actor,
            kind,
        })?;
        println!(
            "{:<34} → {}",
            record
                .history()
                .last()
                .map(HistoryEntry::summary_fr)
                .unwrap_or_default(),
            record.state().label_fr()
        );
    }

    assert_eq!(record.state(), RequestState::Validated);
    let active = record
        .active_habilitation()
        .ok_or("no active habilitation")?;
    assert_eq!(active.number().to_string(), "H118386");
    let first_habilitation = record
        .habilitation("H60501".parse()?)
        .ok_or("H60501 is missing")?;
    assert_eq!(first_habilitation.state(), HabilitationState::Obsolete);
    println!("{}", active.title_fr());
    println!(
        "Numéro à communiquer à Pro Santé Connect : {}",
        record.psc_connection_reference()
    );
    Ok(())
}
