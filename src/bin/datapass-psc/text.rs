//! Human-readable output, French by default.

use std::fmt::Write as _;

use datapass_psc::eligibility::EligibilityDecision;
use datapass_psc::lifecycle::{RecordSummary, ReplayError};
use datapass_psc::{AuthorizationRequest, Diagnostic, Issue, ValidationReport};

use crate::Lang;

fn message(issue: &Issue, lang: Lang) -> &str {
    match lang {
        Lang::Fr => &issue.message_fr,
        Lang::En => &issue.message_en,
    }
}

fn field(issue: &Issue) -> &str {
    if issue.path.is_empty() {
        "(document)"
    } else {
        &issue.path
    }
}

/// The validation report as text.
pub(crate) fn report(
    report: &ValidationReport,
    request: Option<&AuthorizationRequest>,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let fr = lang == Lang::Fr;
    // French typography puts a space before a colon.
    let colon = if fr { " :" } else { ":" };
    if let Some(request) = request {
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
            request.project().name,
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
        for issue in report.errors() {
            let _ = writeln!(
                out,
                "  ✘ {} [{}]\n    {}",
                field(issue),
                issue.code,
                message(issue, lang)
            );
        }
    }
    if !report.warnings().is_empty() {
        let _ = writeln!(out, "{}", if fr { "Avertissements :" } else { "Warnings:" });
        for issue in report.warnings() {
            let _ = writeln!(
                out,
                "  ⚠ {} [{}]\n    {}",
                field(issue),
                issue.code,
                message(issue, lang)
            );
        }
    }
    out
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
            format!(
                "{} by {}",
                entry.entry.event.as_str(),
                entry.entry.actor.as_str()
            )
        };
        let _ = writeln!(
            out,
            "  {} — {what}",
            entry.entry.at.format("%d/%m/%Y %H:%M UTC")
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
    format!("✘ [{}] {message}\n", refused.code())
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
