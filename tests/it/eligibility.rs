//! The eligibility questionnaire: the decision table, the exact texts, serde and the schema.

use std::collections::BTreeSet;

use datapass_psc::Diagnostic;
use datapass_psc::eligibility::{Condition, NeededItem, Outcome, QUESTION_EN, QUESTION_FR};
use datapass_psc::eligibility::{
    EligibilityAnswers, EligibilityDecision, RequesterKind, RequesterKindError,
};
use proptest::prelude::*;
use serde_json::{Value, json};

use crate::support::parse::params_of;

const ANSWERS: [Option<bool>; 3] = [None, Some(true), Some(false)];

/// Every set of answers: 4 requester kinds × 3³ answer combinations.
fn every_answers() -> Vec<EligibilityAnswers> {
    let mut all = Vec::new();
    for requester in RequesterKind::ALL {
        for french in ANSWERS {
            for web_solution in ANSWERS {
                for health_professionals in ANSWERS {
                    all.push(EligibilityAnswers {
                        requester,
                        french,
                        web_solution,
                        health_professionals,
                    });
                }
            }
        }
    }
    all
}

#[track_caller]
fn decide_for(
    requester: RequesterKind,
    french: Option<bool>,
    web_solution: Option<bool>,
    health_professionals: Option<bool>,
) -> EligibilityDecision {
    EligibilityAnswers {
        requester,
        french,
        web_solution,
        health_professionals,
    }
    .decide()
}

#[track_caller]
fn assert_decision(decision: &EligibilityDecision, outcome: Outcome, unmet: &[Condition]) {
    assert_eq!(decision.outcome(), outcome, "{decision:?}");
    assert_eq!(decision.unmet_conditions(), unmet, "{decision:?}");
    if outcome == Outcome::NotEligible {
        assert!(decision.needed().is_empty(), "{decision:?}");
    } else {
        assert_eq!(decision.needed(), NeededItem::ALL, "{decision:?}");
    }
}

const CONDITIONAL: [RequesterKind; 2] = [RequesterKind::Company, RequesterKind::SoftwareEditor];
use Condition::OffersWebSolution as Web;
use Condition::{AddressedToHealthProfessionals as Health, FrenchOrganisation as French};

// ---------------------------------------------------------------------------------------------
// The decision table
// ---------------------------------------------------------------------------------------------

#[test]
fn individual_is_not_eligible_whatever_the_answers() {
    for answers in every_answers() {
        if answers.requester == RequesterKind::Individual {
            assert_decision(&answers.decide(), Outcome::NotEligible, &[]);
        }
    }
}

#[test]
fn public_administration_is_eligible_whatever_the_answers() {
    for answers in every_answers() {
        if answers.requester == RequesterKind::PublicAdministration {
            assert_decision(&answers.decide(), Outcome::Eligible, &[]);
        }
    }
}

#[test]
fn company_and_editor_all_true_are_eligible() {
    let t = Some(true);
    for requester in CONDITIONAL {
        assert_decision(&decide_for(requester, t, t, t), Outcome::Eligible, &[]);
    }
}

#[test]
fn company_and_editor_with_one_false_answer_are_not_eligible() {
    let (t, f, u) = (Some(true), Some(false), None);
    for requester in CONDITIONAL {
        let not = Outcome::NotEligible;
        assert_decision(&decide_for(requester, f, t, t), not, &[French]);
        assert_decision(&decide_for(requester, t, f, t), not, &[Web]);
        assert_decision(&decide_for(requester, t, t, f), not, &[Health]);
        // Unanswered conditions are not named when one is false.
        assert_decision(&decide_for(requester, u, f, u), not, &[Web]);
        assert_decision(&decide_for(requester, f, u, f), not, &[French, Health]);
        assert_decision(&decide_for(requester, f, f, f), not, &[French, Web, Health]);
        assert_decision(&decide_for(requester, t, f, f), not, &[Web, Health]);
    }
}

#[test]
fn company_and_editor_with_unanswered_conditions_are_maybe_eligible() {
    let (t, u) = (Some(true), None);
    for requester in CONDITIONAL {
        let maybe = Outcome::MaybeEligible;
        assert_decision(&decide_for(requester, u, t, t), maybe, &[French]);
        assert_decision(&decide_for(requester, t, u, t), maybe, &[Web]);
        assert_decision(&decide_for(requester, t, t, u), maybe, &[Health]);
        assert_decision(&decide_for(requester, u, t, u), maybe, &[French, Health]);
    }
}

#[test]
fn company_and_editor_with_no_answer_are_maybe_eligible_with_all_three_conditions() {
    for requester in CONDITIONAL {
        let decision = EligibilityAnswers::new(requester).decide();
        assert_decision(&decision, Outcome::MaybeEligible, &Condition::ALL);
    }
}

/// An answer written `T` (true), `F` (false) or `?` (not answered).
fn answer(c: u8) -> Option<bool> {
    match c {
        b'T' => Some(true),
        b'F' => Some(false),
        _ => None,
    }
}

/// Conditions written with their initials: `F` French, `W` web, `H` health professionals.
fn conditions(initials: &str) -> Vec<Condition> {
    initials
        .bytes()
        .map(|c| match c {
            b'F' => Condition::FrenchOrganisation,
            b'W' => Condition::OffersWebSolution,
            _ => Condition::AddressedToHealthProfessionals,
        })
        .collect()
}

/// A company's answers (French, web, health professionals) and the decision they give, every
/// combination written out: the answers answered false name the unmet conditions of a refusal,
/// the unanswered ones those of a « maybe ».
#[rustfmt::skip]
const COMPANY: [(&str, Outcome, &str); 27] = [
    ("TTT", Outcome::Eligible, ""),       ("TT?", Outcome::MaybeEligible, "H"),  ("TTF", Outcome::NotEligible, "H"),
    ("T?T", Outcome::MaybeEligible, "W"), ("T??", Outcome::MaybeEligible, "WH"), ("T?F", Outcome::NotEligible, "H"),
    ("TFT", Outcome::NotEligible, "W"),   ("TF?", Outcome::NotEligible, "W"),    ("TFF", Outcome::NotEligible, "WH"),
    ("?TT", Outcome::MaybeEligible, "F"), ("?T?", Outcome::MaybeEligible, "FH"), ("?TF", Outcome::NotEligible, "H"),
    ("??T", Outcome::MaybeEligible, "FW"),("???", Outcome::MaybeEligible, "FWH"),("??F", Outcome::NotEligible, "H"),
    ("?FT", Outcome::NotEligible, "W"),   ("?F?", Outcome::NotEligible, "W"),    ("?FF", Outcome::NotEligible, "WH"),
    ("FTT", Outcome::NotEligible, "F"),   ("FT?", Outcome::NotEligible, "F"),    ("FTF", Outcome::NotEligible, "FH"),
    ("F?T", Outcome::NotEligible, "F"),   ("F??", Outcome::NotEligible, "F"),    ("F?F", Outcome::NotEligible, "FH"),
    ("FFT", Outcome::NotEligible, "FW"),  ("FF?", Outcome::NotEligible, "FW"),   ("FFF", Outcome::NotEligible, "FWH"),
];

#[test]
fn every_combination_follows_the_table() {
    for (written, outcome, unmet) in COMPANY {
        let [f, w, h] = written.as_bytes() else {
            unreachable!()
        };
        for requester in [RequesterKind::Company, RequesterKind::SoftwareEditor] {
            let decision = decide_for(requester, answer(*f), answer(*w), answer(*h));
            assert_eq!(decision.requester(), requester);
            assert_eq!(decision.outcome(), outcome, "{requester} {written}");
            assert_eq!(
                decision.unmet_conditions(),
                conditions(unmet),
                "{requester} {written}"
            );
        }
        // The answers do not matter for an individual or an administration.
        let individual = decide_for(
            RequesterKind::Individual,
            answer(*f),
            answer(*w),
            answer(*h),
        );
        assert_decision(&individual, Outcome::NotEligible, &[]);
        let administration = decide_for(
            RequesterKind::PublicAdministration,
            answer(*f),
            answer(*w),
            answer(*h),
        );
        assert_decision(&administration, Outcome::Eligible, &[]);
    }
}

#[test]
fn needed_goes_with_eligible_and_maybe_eligible_only() {
    for answers in every_answers() {
        let decision = answers.decide();
        let can_apply = decision.outcome() != Outcome::NotEligible;
        assert_eq!(decision.outcome().can_apply(), can_apply);
        assert_eq!(!decision.needed().is_empty(), can_apply);
        assert_eq!(decision.needed_intro_fr().is_some(), can_apply);
        assert_eq!(decision.needed_intro_en().is_some(), can_apply);
    }
}

#[test]
fn answers_builder_and_accessors() {
    let answers = EligibilityAnswers::new(RequesterKind::Company)
        .with_answer(French, true)
        .with_answer(Health, false);
    assert_eq!(
        answers,
        EligibilityAnswers {
            requester: RequesterKind::Company,
            french: Some(true),
            web_solution: None,
            health_professionals: Some(false),
        }
    );
    assert_eq!(answers.answer(French), Some(true));
    assert_eq!(answers.answer(Web), None);
    assert_eq!(answers.answer(Health), Some(false));
    let mut changed = answers;
    *changed.answer_mut(Health) = None;
    assert_eq!(changed.health_professionals, None);
    assert_eq!(
        EligibilityAnswers::from(RequesterKind::SoftwareEditor),
        EligibilityAnswers::new(RequesterKind::SoftwareEditor)
    );
    assert!(RequesterKind::Company.has_conditions());
    assert!(RequesterKind::SoftwareEditor.has_conditions());
    assert!(!RequesterKind::Individual.has_conditions());
    assert!(!RequesterKind::PublicAdministration.has_conditions());
}

// ---------------------------------------------------------------------------------------------
// Exact texts, quoted as api.gouv.fr and DataPass publish them
// ---------------------------------------------------------------------------------------------

#[test]
fn requester_labels_are_the_api_gouv_fr_options() {
    let labels: Vec<_> = RequesterKind::ALL.iter().map(|k| k.label_fr()).collect();
    assert_eq!(
        labels,
        [
            "Un particulier",
            "Une entreprise",
            "Une collectivité ou une administration",
            "Un éditeur de logiciels",
        ]
    );
    let labels: Vec<_> = RequesterKind::ALL.iter().map(|k| k.label_en()).collect();
    assert_eq!(
        labels,
        [
            "A private individual",
            "A company",
            "A local authority or an administration",
            "A software editor",
        ]
    );
    assert_eq!(
        QUESTION_FR,
        "Vérifions si vous êtes éligible. Qui êtes-vous :"
    );
    assert_eq!(
        QUESTION_EN,
        "Let's check whether you are eligible. Who are you:"
    );
}

#[test]
fn headings_are_quoted_exactly() {
    assert_eq!(Outcome::Eligible.heading_fr(), "Vous êtes éligible 👌");
    assert_eq!(
        Outcome::MaybeEligible.heading_fr(),
        "Vous êtes peut-être éligible 🧐"
    );
    // With a typographic apostrophe (U+2019), as published.
    assert_eq!(
        Outcome::NotEligible.heading_fr(),
        "Désolé, vous n\u{2019}êtes pas éligible 🚫"
    );
    assert_eq!(Outcome::Eligible.heading_en(), "You are eligible 👌");
    assert_eq!(
        Outcome::MaybeEligible.heading_en(),
        "You may be eligible 🧐"
    );
    assert_eq!(
        Outcome::NotEligible.heading_en(),
        "Sorry, you are not eligible 🚫"
    );
    for answers in every_answers() {
        let decision = answers.decide();
        assert_eq!(decision.heading_fr(), decision.outcome().heading_fr());
        assert_eq!(decision.heading_en(), decision.outcome().heading_en());
    }
}

#[test]
fn messages_are_quoted_exactly() {
    let individual = "Seules les administrations et les éditeurs de logiciels sont habilitées à \
                      utiliser l'API Pro Santé Connect ou intégrer le bouton Pro Santé Connect.";
    let company = "Seuls les éditeurs de logiciels français proposant une solution web adressée \
                   aux professionnels de santé peuvent demander à se raccorder à Pro Santé \
                   Connect.";
    let administration = "Vous pouvez réaliser une demande d'habilitation à l'API.";
    let editor = "Tout éditeur français proposant une solution web adressée aux professionnels de \
                  santé et qui souhaite pouvoir authentifier des professionnels de santé peut \
                  demander à se raccorder à Pro Santé Connect.";
    assert_eq!(RequesterKind::Individual.message_fr(), individual);
    assert_eq!(RequesterKind::Company.message_fr(), company);
    assert_eq!(
        RequesterKind::PublicAdministration.message_fr(),
        administration
    );
    assert_eq!(RequesterKind::SoftwareEditor.message_fr(), editor);
    assert_eq!(
        RequesterKind::PublicAdministration.message_en(),
        "You can submit an authorization request (demande d'habilitation) for the API."
    );
    for answers in every_answers() {
        let decision = answers.decide();
        assert_eq!(decision.message_fr(), answers.requester.message_fr());
        assert_eq!(decision.message_en(), answers.requester.message_en());
    }
}

#[test]
fn condition_texts() {
    let texts: Vec<_> = Condition::ALL
        .iter()
        .map(|c| (c.as_str(), c.text_fr(), c.text_en()))
        .collect();
    assert_eq!(
        texts,
        [
            (
                "french_organisation",
                "être un éditeur de logiciels français",
                "be a French software editor"
            ),
            (
                "offers_web_solution",
                "proposer une solution web",
                "offer a web solution"
            ),
            (
                "addressed_to_health_professionals",
                "proposer une solution adressée aux professionnels de santé",
                "offer a solution addressed to health professionals"
            ),
        ]
    );
}

#[test]
fn needed_items_are_quoted_exactly() {
    assert_eq!(
        NeededItem::INTRO_FR,
        "Pour remplir votre demande, vous aurez besoin :"
    );
    assert_eq!(
        NeededItem::INTRO_EN,
        "To fill in your request, you will need:"
    );
    let french: Vec<_> = NeededItem::ALL.iter().map(|n| n.text_fr()).collect();
    assert_eq!(
        french,
        [
            "de votre numéro SIRET",
            "de la description du service justifiant une simplification pour les usagers",
            "du cadre juridique",
            "des coordonnées de l'équipe",
            "des coordonnées de votre délégué à la protection des données et responsable de \
             traitement",
        ]
    );
    let english: Vec<_> = NeededItem::ALL.iter().map(|n| n.text_en()).collect();
    assert_eq!(
        english,
        [
            "your SIRET number",
            "the description of the service, showing how it makes things simpler for users",
            "the legal framework",
            "the team's contact details",
            "the contact details of your data protection officer and of the data controller",
        ]
    );
    let decision = EligibilityAnswers::new(RequesterKind::PublicAdministration).decide();
    assert_eq!(decision.needed_intro_fr(), Some(NeededItem::INTRO_FR));
    assert_eq!(decision.needed_intro_en(), Some(NeededItem::INTRO_EN));
}

#[test]
fn every_text_is_non_empty_and_trimmed() {
    let mut texts: Vec<&str> = vec![QUESTION_FR, QUESTION_EN, NeededItem::INTRO_FR];
    for kind in RequesterKind::ALL {
        texts.extend([
            kind.label_fr(),
            kind.label_en(),
            kind.message_fr(),
            kind.message_en(),
        ]);
    }
    for outcome in Outcome::ALL {
        texts.extend([outcome.heading_fr(), outcome.heading_en()]);
    }
    for c in Condition::ALL {
        texts.extend([c.text_fr(), c.text_en()]);
    }
    for n in NeededItem::ALL {
        texts.extend([n.text_fr(), n.text_en()]);
    }
    for text in texts {
        assert!(!text.is_empty());
        assert_eq!(text.trim(), text);
        assert!(!text.contains("  "), "{text:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Codes, FromStr, Display
// ---------------------------------------------------------------------------------------------

#[test]
fn codes_are_the_serde_names_and_display() {
    for kind in RequesterKind::ALL {
        assert_eq!(serde_json::to_value(kind).unwrap(), json!(kind.as_str()));
        assert_eq!(kind.to_string(), kind.as_str());
    }
    for c in Condition::ALL {
        assert_eq!(serde_json::to_value(c).unwrap(), json!(c.as_str()));
        assert_eq!(c.to_string(), c.as_str());
    }
    for o in Outcome::ALL {
        assert_eq!(serde_json::to_value(o).unwrap(), json!(o.as_str()));
        assert_eq!(o.to_string(), o.as_str());
    }
    for n in NeededItem::ALL {
        assert_eq!(serde_json::to_value(n).unwrap(), json!(n.as_str()));
        assert_eq!(n.to_string(), n.as_str());
    }
    let codes: Vec<_> = RequesterKind::ALL.iter().map(|k| k.as_str()).collect();
    assert_eq!(
        codes,
        [
            "individual",
            "company",
            "public_administration",
            "software_editor"
        ]
    );
    let codes: Vec<_> = Outcome::ALL.iter().map(|o| o.as_str()).collect();
    assert_eq!(codes, ["eligible", "maybe_eligible", "not_eligible"]);
    let codes: Vec<_> = NeededItem::ALL.iter().map(|n| n.as_str()).collect();
    assert_eq!(
        codes,
        [
            "siret",
            "service_description",
            "legal_framework",
            "team_contacts",
            "dpo_and_data_controller_contacts"
        ]
    );
}

#[test]
fn requester_kind_parses_its_codes() {
    for (input, kind) in [
        ("individual", RequesterKind::Individual),
        ("company", RequesterKind::Company),
        ("public_administration", RequesterKind::PublicAdministration),
        ("software_editor", RequesterKind::SoftwareEditor),
    ] {
        assert_eq!(input.parse::<RequesterKind>(), Ok(kind));
        assert_eq!(RequesterKind::try_from(input), Ok(kind));
    }
    for kind in RequesterKind::ALL {
        assert_eq!(kind.to_string().parse::<RequesterKind>(), Ok(kind));
    }
}

#[test]
fn requester_kind_rejects_other_forms() {
    for input in [
        "",
        "Company",
        " company",
        "company ",
        "publicadministration",
        "public administration",
        "particulier",
        "entreprise",
        "software--editor",
        // The command line's kebab-case spelling is the command line's: the type reads codes.
        "public-administration",
    ] {
        let err = input.parse::<RequesterKind>().unwrap_err();
        assert_eq!(err, RequesterKindError::Unknown);
    }
    let err = "editor".parse::<RequesterKind>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown requester kind: expected individual, company, public_administration or \
         software_editor"
    );
    assert_eq!(err.code(), "eligibility.unknown_requester");
    assert_eq!(
        err.message_fr(),
        "Le type de demandeur n'est pas reconnu (valeurs possibles : individual, company, \
         public_administration, software_editor)"
    );
    assert_eq!(
        err.message_en(),
        "The requester kind is not recognised (possible values: individual, company, \
         public_administration, software_editor)"
    );
    assert_eq!(
        params_of(&err),
        json!({"expected": ["individual", "company", "public_administration", "software_editor"]})
    );
}

// ---------------------------------------------------------------------------------------------
// serde
// ---------------------------------------------------------------------------------------------

#[test]
fn answers_serialize_every_key() {
    let answers = EligibilityAnswers::new(RequesterKind::Company).with_answer(Web, false);
    assert_eq!(
        serde_json::to_value(answers).unwrap(),
        json!({
            "requester": "company",
            "french": null,
            "web_solution": false,
            "health_professionals": null,
        })
    );
}

#[test]
fn answers_round_trip() {
    for answers in every_answers() {
        let json = serde_json::to_string(&answers).unwrap();
        let back: EligibilityAnswers = serde_json::from_str(&json).unwrap();
        assert_eq!(back, answers);
    }
}

#[test]
fn answers_missing_or_null_are_unanswered() {
    let answers: EligibilityAnswers =
        serde_json::from_value(json!({"requester": "software_editor"})).unwrap();
    assert_eq!(
        answers,
        EligibilityAnswers::new(RequesterKind::SoftwareEditor)
    );
    let answers: EligibilityAnswers = serde_json::from_value(json!({
        "requester": "company", "french": null, "web_solution": true
    }))
    .unwrap();
    assert_eq!(answers.french, None);
    assert_eq!(answers.web_solution, Some(true));
}

#[test]
fn answers_reject_unknown_fields_and_bad_values() {
    let read = |text: &str| {
        let report = EligibilityAnswers::from_json_slice(text.as_bytes()).unwrap_err();
        let issue = report.errors()[0].clone();
        (issue.code.to_string(), issue.path)
    };
    let issue = |code: &str, path: &str| (code.to_owned(), path.to_owned());
    assert_eq!(
        read(r#"{"requester": "company", "editor": true}"#),
        issue("json.unknown_field", "/editor")
    );
    assert_eq!(
        read(r#"{"requester": "zorglub@exemple.fr"}"#),
        issue("eligibility.unknown_requester", "/requester")
    );
    assert_eq!(
        read(r#"{"requester": "company", "french": "yes"}"#),
        issue("json.invalid_type", "/french")
    );
    assert_eq!(
        read(r#"["company", null, null, null]"#),
        issue("json.invalid_type", "")
    );
    assert_eq!(read("{}"), issue("json.missing_field", "/requester"));
    // Through serde directly, the same checks, and no message quotes the input.
    let err =
        serde_json::from_value::<EligibilityAnswers>(json!({"requester": "zorglub@exemple.fr"}))
            .unwrap_err();
    assert!(!err.to_string().contains("zorglub"), "{err}");
    for bad in [
        json!({}),
        json!({"requester": "public-administration"}),
        json!({"requester": "Company"}),
        json!({"requester": "company", "french": "yes"}),
        json!({"requester": "company", "french": 1}),
        json!(["company"]),
        json!(["company", null, null, null]),
        json!("company"),
        json!(null),
    ] {
        assert!(
            serde_json::from_value::<EligibilityAnswers>(bad.clone()).is_err(),
            "{bad}"
        );
    }
}

#[test]
fn decision_json_shape() {
    let decision = decide_for(RequesterKind::Company, Some(true), Some(false), None);
    assert_eq!(
        serde_json::to_value(&decision).unwrap(),
        json!({
            "requester": "company",
            "outcome": "not_eligible",
            "unmet_conditions": [
                {
                    "code": "offers_web_solution",
                    "text_fr": "proposer une solution web",
                    "text_en": "offer a web solution"
                }
            ],
            "heading_fr": "Désolé, vous n’êtes pas éligible 🚫",
            "heading_en": "Sorry, you are not eligible 🚫",
            "message_fr": "Seuls les éditeurs de logiciels français proposant une solution web adressée aux professionnels de santé peuvent demander à se raccorder à Pro Santé Connect.",
            "message_en": "Only French software editors offering a web solution addressed to health professionals can apply to connect to Pro Santé Connect.",
            "needed_intro_fr": null,
            "needed_intro_en": null,
            "needed": []
        })
    );
    // Key order is the documented one.
    let text = serde_json::to_string(&decision).unwrap();
    let order = [
        "requester",
        "outcome",
        "unmet_conditions",
        "heading_fr",
        "heading_en",
        "message_fr",
        "message_en",
        "needed_intro_fr",
        "needed_intro_en",
        "needed",
    ];
    let positions: Vec<_> = order
        .iter()
        .map(|k| text.find(&format!("\"{k}\":")).unwrap())
        .collect();
    assert!(positions.is_sorted(), "{text}");
}

#[test]
fn maybe_decision_json_lists_needed_items() {
    let decision = EligibilityAnswers::new(RequesterKind::SoftwareEditor)
        .with_answer(French, true)
        .with_answer(Web, true)
        .decide();
    let value = serde_json::to_value(&decision).unwrap();
    assert_eq!(value["outcome"], "maybe_eligible");
    assert_eq!(
        value["unmet_conditions"],
        json!([{
            "code": "addressed_to_health_professionals",
            "text_fr": "proposer une solution adressée aux professionnels de santé",
            "text_en": "offer a solution addressed to health professionals"
        }])
    );
    assert_eq!(
        value["needed_intro_fr"],
        "Pour remplir votre demande, vous aurez besoin :"
    );
    assert_eq!(value["needed"].as_array().unwrap().len(), 5);
    assert_eq!(
        value["needed"][0],
        json!({"code": "siret", "text_fr": "de votre numéro SIRET", "text_en": "your SIRET number"})
    );
}

#[test]
fn decision_round_trip() {
    for answers in every_answers() {
        let decision = answers.decide();
        let json = serde_json::to_string(&decision).unwrap();
        let back: EligibilityDecision = serde_json::from_str(&json).unwrap();
        assert_eq!(back, decision);
        assert_eq!(serde_json::to_string(&back).unwrap(), json);
    }
}

/// A serialized decision with one change applied.
fn tampered(edit: impl FnOnce(&mut serde_json::Map<String, Value>)) -> Value {
    let decision = decide_for(RequesterKind::Company, Some(true), None, Some(false));
    let Value::Object(mut map) = serde_json::to_value(&decision).unwrap() else {
        unreachable!()
    };
    edit(&mut map);
    Value::Object(map)
}

/// Reads a decision that must be refused, with this code at this path.
#[track_caller]
fn assert_rejected(value: &Value, code: &str, path: &str) {
    let report = EligibilityDecision::from_json_slice(value.to_string().as_bytes()).unwrap_err();
    let issue = &report.errors()[0];
    assert_eq!(
        (issue.code.as_str(), issue.path.as_str()),
        (code, path),
        "{value}"
    );
    // `serde_json` goes through the same reader.
    let err = serde_json::from_value::<EligibilityDecision>(value.clone()).unwrap_err();
    assert!(
        err.to_string().starts_with(&format!("{code} at {path:?}")),
        "{err}"
    );
}

/// Reads a decision that must be accepted.
#[track_caller]
fn assert_read(value: &Value) -> EligibilityDecision {
    EligibilityDecision::from_json_slice(value.to_string().as_bytes()).unwrap()
}

#[test]
fn decision_rejects_inconsistent_codes() {
    // The untouched document loads.
    assert_read(&tampered(|_| {}));
    let invalid = "eligibility.invalid_decision";
    assert_rejected(
        &tampered(|m| {
            m.insert("outcome".into(), json!("eligible"));
        }),
        invalid,
        "/outcome",
    );
    assert_rejected(
        &tampered(|m| {
            m.insert("requester".into(), json!("public_administration"));
        }),
        invalid,
        "/outcome",
    );
    assert_rejected(
        &tampered(|m| {
            m.insert("unmet_conditions".into(), json!([]));
        }),
        invalid,
        "/outcome",
    );
    assert_rejected(
        &tampered(|m| {
            let unmet = m["unmet_conditions"][0].clone();
            m.insert("unmet_conditions".into(), json!([unmet, unmet]));
        }),
        invalid,
        "/unmet_conditions",
    );
    assert_rejected(
        &tampered(|m| {
            m.insert(
                "needed".into(),
                json!([{"code": "siret", "text_fr": "", "text_en": ""}]),
            );
        }),
        invalid,
        "/needed",
    );
    assert_rejected(
        &tampered(|m| {
            m.insert("outcome".into(), json!("peut-être"));
        }),
        invalid,
        "/outcome",
    );
}

#[test]
fn decision_texts_are_read_but_not_compared() {
    // The texts are the crate's wording for people: a decision written by another version,
    // whose wording differs, still reads, and reads as what the codes say.
    let original = assert_read(&tampered(|_| {}));
    for edited in [
        tampered(|m| {
            m["unmet_conditions"][0]["text_fr"] = json!("autre chose");
        }),
        tampered(|m| {
            m.insert("heading_fr".into(), json!("Vous êtes éligible 👌"));
        }),
        tampered(|m| {
            m.insert("needed_intro_en".into(), json!("x"));
        }),
    ] {
        let read = assert_read(&edited);
        assert_eq!(read, original);
        assert_ne!(serde_json::to_value(&read).unwrap(), edited);
    }
    // Another requester with the same conditions gives the same outcome: its texts are its own.
    let editor = assert_read(&tampered(|m| {
        m.insert("requester".into(), json!("software_editor"));
    }));
    assert_eq!(editor.requester(), RequesterKind::SoftwareEditor);
    // A text must still be a string.
    assert_rejected(
        &tampered(|m| {
            m.insert("heading_fr".into(), json!(1));
        }),
        "json.invalid_type",
        "/heading_fr",
    );
}

#[test]
fn decision_rejects_unknown_and_missing_keys() {
    assert_rejected(
        &tampered(|m| {
            m.insert("eligible".into(), json!(true));
        }),
        "json.unknown_field",
        "/eligible",
    );
    assert_rejected(
        &tampered(|m| {
            m["unmet_conditions"][0]["note"] = json!("");
        }),
        "json.unknown_field",
        "/unmet_conditions/0/note",
    );
    for key in [
        "requester",
        "outcome",
        "unmet_conditions",
        "heading_fr",
        "message_en",
        "needed_intro_fr",
        "needed_intro_en",
        "needed",
    ] {
        assert_rejected(
            &tampered(|m| {
                m.remove(key);
            }),
            "json.missing_field",
            &format!("/{key}"),
        );
    }
}

#[test]
fn decision_conditions_must_be_in_canonical_order() {
    let decision = EligibilityAnswers::new(RequesterKind::Company).decide();
    let mut value = serde_json::to_value(&decision).unwrap();
    value["unmet_conditions"].as_array_mut().unwrap().swap(0, 2);
    assert_rejected(&value, "eligibility.invalid_decision", "/unmet_conditions");
}

// ---------------------------------------------------------------------------------------------
// JSON Schema
// ---------------------------------------------------------------------------------------------

fn validator<T: schemars::JsonSchema>() -> jsonschema::Validator {
    let schema = serde_json::to_value(schemars::schema_for!(T)).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

#[test]
fn decision_schema_accepts_every_decision() {
    let schema = schemars::schema_for!(EligibilityDecision);
    assert_eq!(schema.get("title"), Some(&json!("EligibilityDecision")));
    let validator = validator::<EligibilityDecision>();
    for answers in every_answers() {
        let value = serde_json::to_value(answers.decide()).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{value}: {errors:?}");
    }
}

#[test]
fn decision_schema_rejects_structural_errors() {
    let validator = validator::<EligibilityDecision>();
    let broken = [
        tampered(|m| {
            m.insert("eligible".into(), json!(true));
        }),
        tampered(|m| {
            m.remove("needed_intro_fr");
        }),
        tampered(|m| {
            m.insert("outcome".into(), json!("maybe"));
        }),
        tampered(|m| {
            m.insert("requester".into(), json!("software-editor"));
        }),
        tampered(|m| {
            m["unmet_conditions"][0]["code"] = json!("french");
        }),
        tampered(|m| {
            m.insert("needed".into(), json!(["siret"]));
        }),
        json!([]),
        // serde's derived structs would take sequences of field values; the crate does not.
        tampered(|m| {
            m["unmet_conditions"][0] = json!([
                "addressed_to_health_professionals",
                Health.text_fr(),
                Health.text_en()
            ]);
        }),
        Value::Array(
            tampered(|_| {})
                .as_object()
                .unwrap()
                .values()
                .cloned()
                .collect(),
        ),
    ];
    for value in broken {
        assert!(!validator.is_valid(&value), "{value}");
        assert!(serde_json::from_value::<EligibilityDecision>(value).is_err());
    }
}

#[test]
fn decision_schema_lists_every_key_as_required() {
    let schema = serde_json::to_value(schemars::schema_for!(EligibilityDecision)).unwrap();
    let required: BTreeSet<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let properties: BTreeSet<&str> = schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(required, properties);
    assert_eq!(schema["additionalProperties"], json!(false));
    assert_eq!(
        schema["$defs"]["Outcome"]["oneOf"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["const"].clone())
            .collect::<Vec<_>>(),
        [
            json!("eligible"),
            json!("maybe_eligible"),
            json!("not_eligible")
        ]
    );
}

#[test]
fn answers_schema_agrees_with_serde() {
    let validator = validator::<EligibilityAnswers>();
    for answers in every_answers() {
        let value = serde_json::to_value(answers).unwrap();
        assert!(validator.is_valid(&value), "{value}");
    }
    for accepted in [
        json!({"requester": "individual"}),
        json!({"requester": "company", "french": null, "health_professionals": false}),
    ] {
        assert!(validator.is_valid(&accepted), "{accepted}");
        serde_json::from_value::<EligibilityAnswers>(accepted).unwrap();
    }
    for rejected in [
        json!({}),
        json!({"requester": "company", "editor": true}),
        json!({"requester": "public-administration"}),
        json!({"requester": "company", "french": "oui"}),
    ] {
        assert!(!validator.is_valid(&rejected), "{rejected}");
        assert!(serde_json::from_value::<EligibilityAnswers>(rejected).is_err());
    }
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

// The decision's input space (4 requester kinds × 3³ answers) is tested whole above, against a
// table written out by hand: a property over random answers would only run part of it again.

proptest! {
    #[test]
    fn prop_requester_kind_from_arbitrary_strings_never_panics(input in any::<String>()) {
        if let Ok(kind) = input.parse::<RequesterKind>() {
            prop_assert_eq!(kind.as_str(), input);
        }
    }
}
