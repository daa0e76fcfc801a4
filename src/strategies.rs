//! [`proptest`](mod@proptest) strategies that build valid values **by construction**, for downstream property
//! tests (feature `proptest`).
//!
//! Identifiers get correct check digits (the Luhn key is computed, La Poste SIRETs are completed
//! to a digit sum that is a multiple of 5), phones and emails are drawn from their grammar, and
//! requests are assembled from valid parts — so nothing is filtered and no property is vacuous.
//! The `*_input` strategies render a value the way a person types it (spaces, dots, uppercase),
//! which the crate must accept and normalise.
//!
//! ```
//! use datapass_psc::strategies;
//! use proptest::prelude::*;
//! use proptest::test_runner::TestRunner;
//!
//! let mut runner = TestRunner::default();
//! runner.run(&strategies::request_draft(), |draft| {
//!     let request = draft.validate().expect("generated drafts are valid");
//!     prop_assert_eq!(request.to_draft().validate().unwrap(), request);
//!     Ok(())
//! })?;
//! # Ok::<(), proptest::test_runner::TestError<datapass_psc::RequestDraft>>(())
//! ```

use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

use crate::identifiers::{Email, PhoneNumber, RetentionPeriod, Siren, Siret, luhn_check_digit};
use crate::request::authorization::AuthorizationRequest;
use crate::request::draft::RequestDraft;
use crate::request::{
    ContactDraft, ContactsDraft, DocumentDraft, LegalBasisDraft, OrganizationDraft,
    PersonalDataDraft, ProjectDraft,
};

fn digits(n: usize) -> impl Strategy<Value = Vec<u8>> {
    vec(b'0'..=b'9', n)
}

fn to_string(digits: &[u8]) -> String {
    digits.iter().map(|d| char::from(*d)).collect()
}

/// The 9 ASCII digits of a valid SIREN.
fn siren_digits() -> impl Strategy<Value = Vec<u8>> {
    digits(8).prop_map(|mut d| {
        let check = luhn_check_digit(&d);
        d.push(check);
        d
    })
}

/// A valid SIREN (8 random digits and the computed Luhn key).
pub fn siren() -> impl Strategy<Value = Siren> {
    siren_digits().prop_filter_map("valid by construction", |d| to_string(&d).parse().ok())
}

/// A valid SIRET whose 14 digits pass the Luhn check (any SIREN, including La Poste's).
pub fn luhn_siret() -> impl Strategy<Value = Siret> {
    (siren_digits(), digits(4)).prop_filter_map("valid by construction", |(mut d, nic)| {
        d.extend(nic);
        let check = luhn_check_digit(&d);
        d.push(check);
        to_string(&d).parse().ok()
    })
}

/// A valid La Poste SIRET (`356000000…`) accepted through the digit-sum rule: the last digit
/// makes the sum of the 14 digits a multiple of 5.
pub fn la_poste_siret() -> impl Strategy<Value = Siret> {
    digits(4).prop_filter_map("valid by construction", |nic| {
        let mut d = b"356000000".to_vec();
        d.extend(nic);
        let sum: u32 = d.iter().map(|x| u32::from(x - b'0')).sum();
        let last = u8::try_from((5 - sum % 5) % 5).unwrap_or(0);
        d.push(b'0' + last);
        to_string(&d).parse().ok()
    })
}

/// A valid SIRET: mostly Luhn-valid ones, sometimes a La Poste one.
pub fn siret() -> impl Strategy<Value = Siret> {
    prop_oneof![4 => luhn_siret(), 1 => la_poste_siret()]
}

/// A valid SIRET as a person may type it: digits grouped 3-3-3-5 with spaces, no-break spaces
/// or dots, or plain, with surrounding whitespace.
pub fn siret_input() -> impl Strategy<Value = String> {
    (siret(), 0..5usize, any::<bool>()).prop_map(|(siret, style, padded)| {
        let s = siret.as_str();
        let body = match style {
            0 => s.to_owned(),
            1 => siret.grouped(),
            2 => siret.grouped().replace(' ', "\u{a0}"),
            3 => format!("{}.{}.{}.{}", &s[..3], &s[3..6], &s[6..9], &s[9..]),
            _ => format!("{} {}", &s[..9], &s[9..]),
        };
        if padded { format!("  {body}\t") } else { body }
    })
}

/// A valid email address, in its canonical lowercase form.
pub fn email() -> impl Strategy<Value = Email> {
    (
        "[a-z][a-z0-9]{0,10}",
        option::of("[a-z0-9]{1,8}"),
        "[a-z][a-z0-9-]{0,10}[a-z0-9]",
        prop::sample::select(vec!["fr", "com", "org", "gouv.fr", "sante.fr", "example"]),
    )
        .prop_filter_map("valid by construction", |(local, sub, domain, tld)| {
            let local = match sub {
                Some(sub) => format!("{local}.{sub}"),
                None => local,
            };
            format!("{local}@{domain}.{tld}").parse().ok()
        })
}

/// A valid email as a person may type it: random uppercase letters and surrounding spaces.
pub fn email_input() -> impl Strategy<Value = String> {
    (email(), vec(any::<bool>(), 64), any::<bool>()).prop_map(|(email, upper, padded)| {
        let typed: String = email
            .as_str()
            .chars()
            .zip(upper.iter().cycle())
            .map(|(c, up)| if *up { c.to_ascii_uppercase() } else { c })
            .collect();
        if padded { format!(" {typed} ") } else { typed }
    })
}

/// The 9 national digits of a valid French number: a mobile (`6[0-24-8]…`) or a Paris-area
/// fixed line (`1 4x…`, `1 99 00…`).
fn french_national() -> impl Strategy<Value = String> {
    prop_oneof![
        ("[0-24-8]", "[0-9]{7}").prop_map(|(a, b)| format!("6{a}{b}")),
        "[0-9]{7}".prop_map(|b| format!("14{b}")),
        "[0-9]{4}".prop_map(|b| format!("19900{b}")),
    ]
}

/// A valid phone number (French mobile or fixed line), in E.164.
pub fn phone_number() -> impl Strategy<Value = PhoneNumber> {
    french_national().prop_filter_map("valid by construction", |n| format!("+33{n}").parse().ok())
}

/// A valid French phone number as a person may type it: `06 12 34 56 78`, `06.12.34.56.78`,
/// `+33 6 12 34 56 78`, `0033612345678`, `+33 (0)6 12 34 56 78`…
pub fn phone_input() -> impl Strategy<Value = String> {
    (french_national(), 0..7usize).prop_map(|(n, style)| {
        let domestic = format!("0{n}");
        let pairs: Vec<&str> = (0..5).map(|i| &domestic[2 * i..2 * i + 2]).collect();
        match style {
            0 => domestic.clone(),
            1 => pairs.join(" "),
            2 => pairs.join("."),
            3 => pairs.join("-"),
            4 => format!("+33 {} {}", &n[..1], pairs[1..].join(" ")),
            5 => format!("0033{n}"),
            _ => format!("+33 (0){} {}", &n[..1], pairs[1..].join(" ")),
        }
    })
}

/// A valid retention period (0–1200 months), mostly within the usual 36 months.
pub fn retention_period() -> impl Strategy<Value = RetentionPeriod> {
    prop_oneof![3 => 0u16..=36, 1 => 37u16..=1200]
        .prop_filter_map("valid by construction", |m| RetentionPeriod::new(m).ok())
}

/// A one-line text of 1 to `max_words` words, possibly with surrounding spaces.
fn line(max_words: usize) -> impl Strategy<Value = String> {
    (vec("[A-Za-zÀ-ÿ0-9'’-]{1,12}", 1..=max_words), any::<bool>()).prop_map(|(words, padded)| {
        let text = words.join(" ");
        if padded { format!("  {text} ") } else { text }
    })
}

/// A person's name as typed: letters with accents, hyphens, apostrophes.
fn name() -> impl Strategy<Value = String> {
    "[A-ZÉÈ][a-zéèêëïîôûç'-]{0,14}( [A-Z][a-zé]{1,10})?"
}

/// A complete contact, as a person may type it.
pub fn contact_draft() -> impl Strategy<Value = ContactDraft> {
    (name(), name(), line(4), email_input(), phone_input()).prop_map(
        |(given_name, family_name, job_title, email, phone)| ContactDraft {
            given_name: Some(given_name),
            family_name: Some(family_name),
            job_title: Some(job_title),
            email: Some(email),
            phone: Some(phone),
        },
    )
}

fn document() -> impl Strategy<Value = DocumentDraft> {
    (
        "[a-z0-9-]{1,30}",
        prop::sample::select(vec![
            "application/pdf",
            "Application/PDF",
            "application/pdf; name=x.pdf",
        ]),
        1u64..=10_485_759,
    )
        .prop_map(|(stem, media_type, size)| DocumentDraft {
            file_name: Some(format!("{stem}.pdf")),
            media_type: Some(media_type.to_owned()),
            size_bytes: Some(size),
        })
}

fn legal_basis() -> impl Strategy<Value = LegalBasisDraft> {
    (
        line(8),
        option::of("[a-z]{2,12}".prop_map(|p| format!("https://www.legifrance.gouv.fr/{p}"))),
        vec(document(), 0..=3),
    )
        .prop_map(|(nature, url, mut documents)| {
            if url.is_none() && documents.is_empty() {
                documents.push(DocumentDraft {
                    file_name: Some("cadre.pdf".to_owned()),
                    media_type: Some("application/pdf".to_owned()),
                    size_bytes: Some(1024),
                });
            }
            LegalBasisDraft {
                nature: Some(nature),
                url,
                documents: Some(documents),
            }
        })
}

fn scopes() -> impl Strategy<Value = Vec<String>> {
    vec(
        prop::sample::select(vec!["idnat", "donnees_sectorielles"]),
        1..=3,
    )
    .prop_map(|v| v.into_iter().map(str::to_owned).collect())
}

fn personal_data() -> impl Strategy<Value = PersonalDataDraft> {
    (
        vec(line(6), 1..=5),
        retention_period(),
        option::of(line(12)),
    )
        .prop_map(|(recipients, period, justification)| {
            let justification = if period.requires_justification() {
                Some(justification.unwrap_or_else(|| "Obligation légale d'archivage".to_owned()))
            } else {
                justification
            };
            PersonalDataDraft {
                recipients: Some(recipients),
                retention_months: Some(i64::from(period.months())),
                retention_justification: justification,
            }
        })
}

/// A complete, valid request draft, with values typed the way people type them (spaced SIRET,
/// uppercase emails, phones in any common format, untrimmed text). `validate()` accepts it.
pub fn request_draft() -> impl Strategy<Value = RequestDraft> {
    (
        siret_input(),
        line(6),
        vec(line(10), 1..=3),
        legal_basis(),
        scopes(),
        personal_data(),
        [
            contact_draft(),
            contact_draft(),
            contact_draft(),
            contact_draft(),
        ],
    )
        .prop_map(
            |(siret, name, paragraphs, legal_basis, scopes, personal_data, contacts)| {
                let [
                    applicant,
                    data_controller,
                    data_protection_officer,
                    technical_contact,
                ] = contacts;
                RequestDraft {
                    organization: Some(OrganizationDraft { siret: Some(siret) }),
                    project: Some(ProjectDraft {
                        name: Some(name),
                        description: Some(paragraphs.join("\n")),
                    }),
                    legal_basis: Some(legal_basis),
                    scopes: Some(scopes),
                    personal_data: Some(personal_data),
                    contacts: Some(ContactsDraft {
                        applicant: Some(applicant),
                        data_controller: Some(data_controller),
                        data_protection_officer: Some(data_protection_officer),
                        technical_contact: Some(technical_contact),
                    }),
                    terms_accepted: Some(true),
                    dpo_informed: Some(true),
                }
            },
        )
}

/// A valid, typed request (a validated [`request_draft`]).
pub fn authorization_request() -> impl Strategy<Value = AuthorizationRequest> {
    request_draft().prop_filter_map("valid by construction", |d| d.validate().ok())
}
