//! The worked example of the crate docs: request D60501, approved as H60501 on 2024-04-30,
//! reopened, changed, submitted and approved again as H118386 on 2024-06-19.

use crate::support::lifecycle::{d, h, renamed, sample, situation_of};
use chrono::{DateTime, TimeZone, Utc};
use datapass_psc::Diagnostic;
use datapass_psc::lifecycle::{Actor, Event, EventKind, HabilitationState, HistoryEntry};
use datapass_psc::lifecycle::{EventLog, RequestRecord, RequestState};

fn day(month: u32, day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, month, day, 10, 0, 0).unwrap()
}

/// Rows 2 to 7 of the worked example (row 1, the creation, is `RequestRecord::new`).
fn events() -> Vec<Event> {
    vec![
        Event::new(day(4, 15), Actor::Applicant, EventKind::Submit),
        Event::new(
            day(4, 30),
            Actor::Instructor,
            EventKind::Approve {
                habilitation_number: h("H60501"),
                message: None,
            },
        ),
        Event::new(day(6, 5), Actor::Applicant, EventKind::Reopen),
        Event::new(
            day(6, 6),
            Actor::Applicant,
            EventKind::Update {
                request: Box::new(renamed("HospiConnect — télé-expertise")),
            },
        ),
        Event::new(day(6, 10), Actor::Applicant, EventKind::Submit),
        Event::new(
            day(6, 19),
            Actor::Instructor,
            EventKind::Approve {
                habilitation_number: h("H118386"),
                message: None,
            },
        ),
    ]
}

fn states(record: &RequestRecord) -> Vec<(String, HabilitationState)> {
    record
        .habilitations()
        .iter()
        .map(|h| (h.number().to_string(), h.state()))
        .collect()
}

#[test]
fn d60501_step_by_step() {
    use HabilitationState::{Active, Obsolete};
    let mut record = RequestRecord::new(d("D60501"), Some(sample()));
    assert_eq!(situation_of(&record), "draft");
    let expected: [(&str, &[(&str, HabilitationState)]); 6] = [
        ("submitted", &[]),
        ("validated", &[("H60501", Active)]),
        ("draft+reopening", &[("H60501", Active)]),
        ("draft+reopening", &[("H60501", Active)]),
        ("submitted+reopening", &[("H60501", Active)]),
        ("validated", &[("H60501", Obsolete), ("H118386", Active)]),
    ];
    for (event, (situation, habilitations)) in events().into_iter().zip(expected) {
        let name = event.name();
        record
            .apply(event)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(situation_of(&record), situation, "after {name}");
        let habilitations: Vec<_> = habilitations
            .iter()
            .map(|(n, s)| ((*n).to_owned(), *s))
            .collect();
        assert_eq!(states(&record), habilitations, "after {name}");
        assert_eq!(record.request_number(), d("D60501"));
    }

    // End state.
    assert_eq!(record.state(), RequestState::Validated);
    assert!(!record.is_reopening());
    assert_eq!(record.last_validated_at(), Some(day(6, 19)));
    assert_eq!(record.last_submitted_at(), Some(day(6, 10)));
    assert_eq!(record.reopened_at(), Some(day(6, 5)));
    let active = record.active_habilitation().unwrap();
    assert_eq!(active.number(), h("H118386"));
    assert_eq!(active.title_fr(), "Habilitation H118386 du 19/06/2024");
    let old = record.habilitation(h("H60501")).unwrap();
    assert_eq!(old.state(), HabilitationState::Obsolete);
    assert_eq!(old.title_fr(), "Habilitation H60501 du 30/04/2024");
    assert_eq!(old.request(), &sample().validate().unwrap());
    assert_eq!(
        active.request(),
        &renamed("HospiConnect — télé-expertise").validate().unwrap()
    );
    assert_eq!(record.psc_connection_reference(), d("D60501"));
    assert_eq!(record.psc_connection_reference().to_string(), "D60501");
    assert_eq!(record.to_string(), "D60501 (validated)");

    assert_eq!(
        record.history_fr(),
        [
            "Le demandeur a soumis la demande.",
            "L'instructeur a approuvé la demande. Consulter l'habilitation API Pro Santé \
             Connect H60501.",
            "Le demandeur a réouvert l'habilitation.",
            "Le demandeur a mis à jour la demande.",
            "Le demandeur a soumis la demande.",
            "L'instructeur a approuvé la demande. Consulter l'habilitation API Pro Santé \
             Connect H118386.",
        ]
    );
    assert_eq!(
        english(&record),
        [
            "The applicant submitted the request.",
            "The instructor approved the request. See the API Pro Santé Connect habilitation \
             H60501.",
            "The applicant reopened the habilitation.",
            "The applicant updated the request.",
            "The applicant submitted the request.",
            "The instructor approved the request. See the API Pro Santé Connect habilitation \
             H118386.",
        ]
    );
    let names: Vec<_> = record.history().iter().map(|e| e.event.as_str()).collect();
    assert_eq!(
        names,
        ["submit", "approve", "reopen", "update", "submit", "approve"]
    );
}

/// The English summary of each history entry, oldest first.
fn english(record: &RequestRecord) -> Vec<String> {
    record
        .history()
        .iter()
        .map(HistoryEntry::summary_en)
        .collect()
}

#[test]
fn d60501_refused_at_step_7_restores_h60501() {
    let mut events = events();
    events[5] = Event::new(
        day(6, 19),
        Actor::Instructor,
        EventKind::Refuse {
            reason: Some("Le nouveau périmètre n'est pas justifié".into()),
        },
    );
    let record = EventLog::new(d("D60501"), Some(sample()), events)
        .replay()
        .unwrap();
    assert_eq!(situation_of(&record), "validated");
    assert_eq!(
        states(&record),
        [("H60501".to_owned(), HabilitationState::Active)]
    );
    assert_eq!(record.content(), &sample().validate().unwrap().to_draft());
    assert_eq!(record.last_validated_at(), Some(day(4, 30)));
    assert_eq!(
        record.history_fr().last().unwrap(),
        "L'instructeur a refusé la demande : Le nouveau périmètre n'est pas justifié"
    );
}

#[test]
fn the_event_log_replays_to_the_same_record() {
    let log = EventLog::new(d("D60501"), Some(sample()), events());
    let json = serde_json::to_string(&log).unwrap();
    let read: EventLog = serde_json::from_str(&json).unwrap();
    assert_eq!(read, log);
    let mut by_hand = RequestRecord::new(d("D60501"), Some(sample()));
    for event in events() {
        by_hand.apply(event).unwrap();
    }
    assert_eq!(read.replay().unwrap(), by_hand);
}

#[test]
fn replay_reports_the_index_of_the_first_refused_event() {
    let mut events = events();
    // The second submission without the update: the reopening is unchanged.
    events.remove(3);
    let error = EventLog::new(d("D60501"), Some(sample()), events)
        .replay()
        .unwrap_err();
    assert_eq!(error.index(), 3);
    assert_eq!(error.code(), "transition.unchanged_reopening");
    assert_eq!(error.error().state(), RequestState::Draft);
    assert_eq!(error.params()["index"], 3);
    assert_eq!(
        error.to_string(),
        "event 3 refused: submit in state draft without changes since habilitation H60501"
    );
    assert_eq!(
        error.message_fr(),
        "L'action « Soumettre la demande » n'est pas permise : les données n'ont pas changé \
         depuis l'habilitation H60501 (événement n° 4 du journal)"
    );
    assert!(std::error::Error::source(&error).is_some());

    // A log without content starts with an empty draft: the first submission is refused at
    // index 0.
    let error = EventLog::new(d("D60501"), None, self::events())
        .replay()
        .unwrap_err();
    assert_eq!(
        (error.index(), error.code().as_str()),
        (0, "transition.invalid_request")
    );
}

#[test]
fn history_summaries_of_every_event() {
    use crate::support::lifecycle::*;
    let mut record = Situation::SubmittedReopening.record();
    apply_all(
        &mut record,
        [
            request_changes(10),
            ev(
                t(11),
                Actor::Applicant,
                EventKind::CancelReopening { reason: None },
            ),
            reopen(12),
            cancel_reopening(13),
            revoke_habilitation(14, "H60501"),
            ev(t(15), Actor::System, EventKind::Archive),
        ],
    );
    let lines = record.history_fr();
    assert_eq!(
        &lines[lines.len() - 6..],
        [
            "L'instructeur a demandé des modifications sur la demande : Précisez le cadre \
             juridique",
            "Le demandeur a annulé la réouverture de l'habilitation.",
            "Le demandeur a réouvert l'habilitation.",
            "L'instructeur a annulé la réouverture de l'habilitation pour la raison suivante : \
             Demande abandonnée",
            "L'instructeur a révoqué l'habilitation H60501 : Accès retiré",
            "La demande d'habilitation a été archivée par le système.",
        ]
    );
    let lines = english(&record);
    assert_eq!(
        &lines[lines.len() - 6..],
        [
            "The instructor requested changes to the request: Précisez le cadre juridique",
            "The applicant cancelled the reopening of the habilitation.",
            "The applicant reopened the habilitation.",
            "The instructor cancelled the reopening of the habilitation for the following \
             reason: Demande abandonnée",
            "The instructor revoked habilitation H60501: Accès retiré",
            "The authorization request was archived by the system.",
        ]
    );
    let mut record = Situation::Validated.record();
    apply_all(&mut record, [revoke(10), archive(11)]);
    assert_eq!(
        &record.history_fr()[2..],
        [
            "L'instructeur a révoqué la demande : Service fermé",
            "Le demandeur a supprimé la demande.",
        ]
    );
    assert_eq!(
        &english(&record)[2..],
        [
            "The instructor revoked the request: Service fermé",
            "The applicant deleted the request.",
        ]
    );
    let mut record = Situation::Submitted.record();
    apply_all(&mut record, [refuse(10)]);
    assert_eq!(
        record.history_fr().last().unwrap(),
        "L'instructeur a refusé la demande : Hors périmètre"
    );
    assert_eq!(
        english(&record).last().unwrap(),
        "The instructor refused the request: Hors périmètre"
    );
    // Every entry's summary comes in both languages in the record's summary.
    for (entry, summary) in record.history().iter().zip(&record.summary().history) {
        assert_eq!(summary.summary_fr, entry.summary_fr());
        assert_eq!(summary.summary_en, entry.summary_en());
    }
    let json = serde_json::to_value(record.summary()).unwrap();
    assert_eq!(
        json["history"].as_array().unwrap().last().unwrap()["summary_en"],
        "The instructor refused the request: Hors périmètre"
    );
}
