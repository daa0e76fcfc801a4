//! Human-readable output, French by default.

use std::fmt::Write as _;

use datapass_psc::datapass::{Imported, SignatureError, Webhook};
use datapass_psc::eligibility::EligibilityDecision;
use datapass_psc::lifecycle::{RecordSummary, ReplayError};
use datapass_psc::{AuthorizationRequest, Diagnostic, Issue, Rules, ValidationReport};

use crate::Lang;

fn message(issue: &Issue, lang: Lang) -> String {
    escape(match lang {
        Lang::Fr => &issue.message_fr,
        Lang::En => &issue.message_en,
    })
}

fn field(issue: &Issue) -> String {
    if issue.path.is_empty() {
        "(document)".to_owned()
    } else {
        escape(&issue.path)
    }
}

/// Text from a document, with its control and bidirectional characters escaped.
pub(crate) fn escape(text: &str) -> String {
    datapass_psc::text::escape_controls(text).into_owned()
}

/// The validation report as text.
pub(crate) fn report(
    report: &ValidationReport,
    request: Option<&AuthorizationRequest>,
    rules: Rules,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let fr = lang == Lang::Fr;
    // French typography puts a space before a colon.
    let colon = if fr { " :" } else { ":" };
    if request.is_none() && report.is_valid() {
        // Valid under DataPass's rules, not under the strict ones.
        let _ = writeln!(
            out,
            "{}",
            if fr {
                "✔ Demande valide pour DataPass (règles de DataPass)"
            } else {
                "✔ Valid request for DataPass (DataPass's rules)"
            }
        );
    } else if let Some(request) = request {
        let _ = writeln!(
            out,
            "{}",
            if fr {
                "✔ Demande valide"
            } else {
                "✔ Valid request"
            }
        );
        let scopes: Vec<&str> = request
            .scopes()
            .iter()
            .map(datapass_psc::request::Scope::as_str)
            .collect();
        let _ = writeln!(
            out,
            "  SIRET{colon} {}\n  {}{colon} {}\n  {}{colon} {}",
            request.organization().siret.grouped(),
            if fr { "Projet" } else { "Project" },
            escape(request.project().name.as_str()),
            if fr { "Données" } else { "Scopes" },
            scopes.join(", "),
        );
    } else {
        let n = report.errors().len();
        let _ = writeln!(
            out,
            "✘ {}{colon} {n} {}",
            if fr {
                "Demande invalide"
            } else {
                "Invalid request"
            },
            match (fr, n > 1) {
                (true, true) => "erreurs",
                (true, false) => "erreur",
                (false, true) => "errors",
                (false, false) => "error",
            }
        );
        list(&mut out, "✘", report.errors(), rules, lang);
    }
    if !report.warnings().is_empty() {
        let _ = writeln!(out, "{}", if fr { "Avertissements :" } else { "Warnings:" });
        list(&mut out, "⚠", report.warnings(), rules, lang);
    }
    out
}

/// Issues as text, one per two lines: the path and code (and, under DataPass's rules, whose rule
/// it is), then the message.
fn list(out: &mut String, mark: &str, issues: &[Issue], rules: Rules, lang: Lang) {
    for issue in issues {
        let origin = if rules == Rules::DataPass {
            format!(
                " ({})",
                match lang {
                    Lang::Fr => issue.origin.label_fr(),
                    Lang::En => issue.origin.label_en(),
                }
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "  {mark} {} [{}]{origin}\n    {}",
            field(issue),
            issue.code,
            message(issue, lang)
        );
    }
}

/// The eligibility decision as text.
pub(crate) fn decision(decision: &EligibilityDecision, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let mut out = String::new();
    let (heading, message) = if fr {
        (decision.heading_fr(), decision.message_fr())
    } else {
        (decision.heading_en(), decision.message_en())
    };
    let _ = writeln!(out, "{heading}\n{message}");
    if !decision.unmet_conditions().is_empty() {
        let intro = match (fr, decision.outcome()) {
            (true, datapass_psc::eligibility::Outcome::NotEligible) => {
                "Condition(s) non remplie(s) :"
            }
            (true, _) => "Condition(s) à confirmer :",
            (false, datapass_psc::eligibility::Outcome::NotEligible) => "Unmet condition(s):",
            (false, _) => "Condition(s) to confirm:",
        };
        let _ = writeln!(out, "{intro}");
        for condition in decision.unmet_conditions() {
            let _ = writeln!(
                out,
                "  - {}",
                if fr {
                    condition.text_fr()
                } else {
                    condition.text_en()
                }
            );
        }
    }
    let intro = if fr {
        decision.needed_intro_fr()
    } else {
        decision.needed_intro_en()
    };
    if let Some(intro) = intro {
        let _ = writeln!(out, "{intro}");
        for item in decision.needed() {
            let _ = writeln!(
                out,
                "  - {}",
                if fr { item.text_fr() } else { item.text_en() }
            );
        }
    }
    out
}

/// A replayed record as text.
pub(crate) fn summary(summary: &RecordSummary, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let mut out = String::new();
    let reopening = match (summary.reopening, fr) {
        (true, true) => " (mise à jour en cours)",
        (true, false) => " (being reopened)",
        (false, _) => "",
    };
    if fr {
        let _ = writeln!(
            out,
            "Demande {} : {}{reopening}",
            summary.request_number, summary.state_fr
        );
        let _ = writeln!(
            out,
            "Numéro à communiquer à Pro Santé Connect : {}",
            summary.psc_connection_reference
        );
    } else {
        let _ = writeln!(
            out,
            "Request {}: {}{reopening}",
            summary.request_number,
            summary.state.as_str()
        );
        let _ = writeln!(
            out,
            "Number to give Pro Santé Connect: {}",
            summary.psc_connection_reference
        );
    }
    if !summary.habilitations.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            if fr {
                "Habilitations :"
            } else {
                "Habilitations:"
            }
        );
        for h in summary.habilitations.iter().rev() {
            let state = if fr {
                h.state.label_fr()
            } else {
                h.state.as_str()
            };
            let _ = writeln!(
                out,
                "  {} — {state} — {}",
                h.number,
                h.created_at.format("%d/%m/%Y %H:%M UTC")
            );
        }
    }
    let _ = writeln!(out, "{}", if fr { "Historique :" } else { "History:" });
    for entry in &summary.history {
        let what = if fr {
            entry.summary_fr.clone()
        } else {
            entry.summary_en.clone()
        };
        let _ = writeln!(
            out,
            "  {} — {}",
            entry.entry.at.format("%d/%m/%Y %H:%M UTC"),
            escape(&what)
        );
    }
    out
}

/// A refused event as text.
pub(crate) fn refusal(refused: &ReplayError, lang: Lang) -> String {
    let message = match lang {
        Lang::Fr => refused.message_fr(),
        Lang::En => refused.message_en(),
    };
    format!("✘ [{}] {}\n", refused.code(), escape(&message))
}

/// An unreadable event log as text.
pub(crate) fn unreadable_log(issue: &Issue, lang: Lang) -> String {
    format!(
        "✘ {} [{}]\n    {}\n",
        field(issue),
        issue.code,
        message(issue, lang)
    )
}

/// An imported DataPass document as text: DataPass's facts, then what DataPass refuses (an
/// error body, a body it would refuse) or what a `--check` finds, what is absent, and the
/// warnings with whose rule each is.
pub(crate) fn imported(imported: &Imported, check: Option<Rules>, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let colon = if fr { " :" } else { ":" };
    let mut out = String::new();
    let source = if fr {
        imported.source().label_fr().to_owned()
    } else {
        imported.source().as_str().replace('_', " ")
    };
    let _ = writeln!(out, "Import DataPass{colon} {source}");
    let facts = imported.facts();
    if let Some(number) = facts.request_number {
        let state = facts
            .state
            .map(|state| {
                let label = if fr { state.label_fr() } else { state.as_str() };
                let reopening = match (facts.reopening, fr) {
                    (Some(true), true) => " (mise à jour en cours)",
                    (Some(true), false) => " (being reopened)",
                    _ => "",
                };
                format!("{colon} {label}{reopening}")
            })
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{} {number}{state}",
            if fr { "Demande" } else { "Request" }
        );
        let _ = writeln!(
            out,
            "{}{colon} {number}",
            if fr {
                "Numéro à communiquer à Pro Santé Connect"
            } else {
                "Number to give Pro Santé Connect"
            },
        );
    }
    if let Some(event) = &facts.event {
        let _ = writeln!(
            out,
            "{}{colon} {}",
            if fr { "Événement" } else { "Event" },
            escape(event)
        );
    }
    if facts.ping {
        let _ = writeln!(
            out,
            "{}",
            if fr {
                "Appel de test (ping) : répondre 200 sans le traiter"
            } else {
                "Test call (ping): answer 200 without processing it"
            }
        );
    }
    if let Some(step) = &facts.current_build_step {
        let _ = writeln!(
            out,
            "{}{colon} {}",
            if fr {
                "Étape à valider (current_build_step)"
            } else {
                "Step to validate (current_build_step)"
            },
            escape(step)
        );
    }
    if let Some(habilitations) = facts.habilitations.as_ref().filter(|h| !h.is_empty()) {
        let _ = writeln!(out, "Habilitations{colon}");
        for h in habilitations {
            let state = if fr {
                h.state.label_fr()
            } else {
                h.state.as_str()
            };
            let _ = writeln!(out, "  {} — {state}{}", h.number, date(h.created_at));
        }
    }
    if let Some(events) = &facts.events {
        let _ = writeln!(out, "{}", if fr { "Historique :" } else { "History:" });
        for event in events {
            let _ = writeln!(out, "  {}{}", escape(&event.name), date(event.created_at));
        }
    }
    let report = imported.report();
    let rules = check.unwrap_or(Rules::DataPass);
    if !report.errors().is_empty() {
        let title = match (check, fr) {
            (Some(_), true) => format!("✘ Erreurs ({}) :", rules.label_fr()),
            (Some(_), false) => format!("✘ Errors ({} rules):", rules.as_str()),
            (None, true) => "✘ Refusé par DataPass :".to_owned(),
            (None, false) => "✘ Refused by DataPass:".to_owned(),
        };
        let _ = writeln!(out, "{title}");
        list(&mut out, "✘", report.errors(), rules, lang);
    }
    if !imported.to_complete().is_empty() {
        let _ = writeln!(
            out,
            "{}",
            if fr {
                "À compléter (absent de ce que DataPass transmet) :"
            } else {
                "To complete (absent from what DataPass carries):"
            }
        );
        list(&mut out, "…", imported.to_complete(), rules, lang);
    }
    if !report.warnings().is_empty() {
        let _ = writeln!(out, "{}", if fr { "Avertissements :" } else { "Warnings:" });
        list(&mut out, "⚠", report.warnings(), rules, lang);
    }
    if report.is_valid() {
        let _ = writeln!(
            out,
            "{}",
            match (check, fr) {
                (Some(rules), true) =>
                    format!("✔ Demande complète et valide ({})", rules.label_fr()),
                (Some(rules), false) =>
                    format!("✔ Complete and valid request ({} rules)", rules.as_str()),
                (None, true) => "✔ Aucune erreur : c'est ce que DataPass transmet".to_owned(),
                (None, false) => "✔ No error: this is what DataPass sends".to_owned(),
            }
        );
    }
    out
}

/// The text of an empty list of demandes.
pub(crate) fn empty_list(lang: Lang) -> String {
    match lang {
        Lang::Fr => "Import DataPass : liste de demandes DataPass v2\nAucune demande\n".to_owned(),
        Lang::En => "Import DataPass: v2 demandes\nNo demande\n".to_owned(),
    }
}

/// ` — 30/04/2024 12:20 UTC`, or nothing.
fn date(at: Option<chrono::DateTime<chrono::Utc>>) -> String {
    at.map(|d| format!(" — {}", d.format("%d/%m/%Y %H:%M UTC")))
        .unwrap_or_default()
}

/// The paths a `POST` leaves out, for stderr.
pub(crate) fn not_sent(paths: &[&str], lang: Lang) -> String {
    let list = paths.join(", ");
    match lang {
        Lang::Fr => format!(
            "datapass-psc : non transmis à DataPass (le formulaire PSC ne les porte pas) : {list}\n"
        ),
        Lang::En => format!(
            "datapass-psc: not sent to DataPass (the PSC form does not carry them): {list}\n"
        ),
    }
}

/// A refused webhook signature as text.
pub(crate) fn signature_refused(refused: &SignatureError, lang: Lang) -> String {
    let message = match lang {
        Lang::Fr => refused.message_fr(),
        Lang::En => refused.message_en(),
    };
    format!("✘ [{}] {message}\n", refused.code())
}

/// A verified webhook call as text.
pub(crate) fn webhook(webhook: &Webhook, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let colon = if fr { " :" } else { ":" };
    let mut out = String::from(if fr {
        "✔ Signature valide\n"
    } else {
        "✔ Valid signature\n"
    });
    match webhook {
        Webhook::Ping { .. } => {
            let _ = writeln!(
                out,
                "{}",
                if fr {
                    "Appel de test (ping) : répondre 200 sans le traiter"
                } else {
                    "Test call (ping): answer 200 without processing it"
                }
            );
        }
        Webhook::Event(event) => {
            let demande = event.demande();
            let state = if fr {
                demande.state().label_fr()
            } else {
                demande.state().as_str()
            };
            let _ = writeln!(
                out,
                "{}{colon} {} — {} {}{colon} {state}",
                if fr { "Événement" } else { "Event" },
                escape(event.event()),
                if fr { "demande" } else { "request" },
                demande.number(),
            );
            for warning in event.warnings() {
                let _ = writeln!(
                    out,
                    "  ⚠ {} [{}]\n    {}",
                    field(warning),
                    warning.code,
                    message(warning, lang)
                );
            }
        }
        _ => {}
    }
    out
}
