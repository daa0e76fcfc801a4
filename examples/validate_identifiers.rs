//! Parses a few identifiers as a user would type them and prints what the crate makes of them.
//!
//! Run with `cargo run --example validate_identifiers [VALUE…]`: without arguments it checks
//! a built-in sample of SIRETs, emails and phone numbers.

use datapass_psc::{Diagnostic, Email, PhoneNumber, Siret};

fn report<T: std::fmt::Display, E: Diagnostic>(kind: &str, input: &str, result: Result<T, E>) {
    match result {
        Ok(value) => println!("{kind:<6} {input:?} -> ok: {value}"),
        Err(e) => println!("{kind:<6} {input:?} -> {}: {}", e.code(), e.message_fr()),
    }
}

fn check(input: &str) {
    if input.contains('@') {
        report("email", input, input.parse::<Email>());
    } else if input.starts_with('+')
        || input.starts_with('0') && input.len() < 20 && !input.starts_with("00000")
    {
        report("phone", input, input.parse::<PhoneNumber>());
    } else {
        report("siret", input, input.parse::<Siret>());
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        for siret in [
            "13002526500013",
            "732 829 320 00074",
            "35600000009075",
            "12345678901234",
            "1234567891234A",
            "11122233344455",
        ] {
            report("siret", siret, siret.parse::<Siret>());
        }
        for email in [" Jean.Dupont@Exemple.FR ", "Jean <jean@exemple.fr>", "a@b"] {
            report("email", email, email.parse::<Email>());
        }
        for phone in [
            "06 12 34 56 78",
            "+33 (0)6 12 34 56 78",
            "0692 12 34 56",
            "+1 650 253 0000",
            "06 12 34 56",
            "06 12 34 56 78 ext. 12",
            "abc",
        ] {
            report("phone", phone, phone.parse::<PhoneNumber>());
        }
    } else {
        for arg in &args {
            check(arg);
        }
    }
}
