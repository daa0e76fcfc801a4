//! The trait contract of every public type, checked at compile time (Rust API guidelines
//! C-COMMON-TRAITS, C-SEND-SYNC, C-CONV-TRAITS, C-SERDE, C-DEREF), in one place, plus the few
//! conversions that must keep working at run time.
//!
//! A trait check is a `const _` item: a type that loses a trait fails to compile, and no test
//! has to run for it.

use std::fmt::{Debug, Display};
use std::hash::Hash;
use std::str::FromStr;

use datapass_psc::eligibility::{
    Condition, EligibilityAnswers, EligibilityDecision, NeededItem, Outcome, RequesterKind,
    RequesterKindError,
};
use datapass_psc::lifecycle::{
    Actor, Event, EventLog, EventName, Habilitation, HabilitationEvent, HabilitationNumber,
    HabilitationNumberError, HabilitationState, HabilitationTransitionError, HistoryEntry,
    RecordError, ReplayError, RequestNumber, RequestNumberError, RequestRecord, RequestState,
    TransitionError,
};
use datapass_psc::request::{ContactRole, Scope, WizardStep};
use datapass_psc::{
    Code, Diagnostic, DigitsError, Email, EmailError, PhoneNumber, PhoneNumberError,
    RetentionPeriod, RetentionPeriodError, Siren, SirenError, Siret, SiretError,
};
use schemars::JsonSchema;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// The traits every validated type implements.
const fn assert_value_type<T>()
where
    T: Send
        + Sync
        + Unpin
        + 'static
        + Clone
        + Eq
        + Hash
        + Ord
        + Serialize
        + DeserializeOwned
        + JsonSchema
        + Debug
        + Display,
{
}

/// The string newtypes: one checked way in (`FromStr`, `TryFrom`), out as `&str` and `String`.
const fn assert_string_newtype<T, E>()
where
    T: FromStr<Err = E>
        + for<'a> TryFrom<&'a str, Error = E>
        + TryFrom<String, Error = E>
        + AsRef<str>
        + Into<String>,
    E: Diagnostic + std::error::Error + Send + Sync + 'static + Clone + PartialEq + Eq + Debug,
{
}

// The validated strings.
const _: () = {
    assert_value_type::<Siren>();
    assert_value_type::<Siret>();
    assert_value_type::<Email>();
    assert_value_type::<PhoneNumber>();
    assert_string_newtype::<Siren, SirenError>();
    assert_string_newtype::<Siret, SiretError>();
    assert_string_newtype::<Email, EmailError>();
    assert_string_newtype::<PhoneNumber, PhoneNumberError>();
};

// The retention period: a bounded number, not a string: no `FromStr`/`AsRef<str>`; `TryFrom`
// the integers, into `u16`, and `Copy`.
const _: () = {
    const fn assert_bounded<T>()
    where
        T: Copy
            + TryFrom<u16, Error = RetentionPeriodError>
            + TryFrom<i64, Error = RetentionPeriodError>
            + Into<u16>,
    {
    }
    assert_value_type::<RetentionPeriod>();
    assert_bounded::<RetentionPeriod>();
};

// SIREN and SIRET are `Copy`.
const _: () = {
    const fn assert_copy<T: Copy>() {}
    assert_copy::<Siren>();
    assert_copy::<Siret>();
};

// The identifiers' errors.
const _: () = {
    const fn assert_error<E>()
    where
        E: Diagnostic + std::error::Error + Send + Sync + 'static + Copy + Eq + Debug + Display,
    {
    }
    assert_error::<SirenError>();
    assert_error::<SiretError>();
    assert_error::<EmailError>();
    assert_error::<PhoneNumberError>();
    assert_error::<RetentionPeriodError>();
};

#[test]
fn errors_convert_into_a_boxed_error() {
    // Errors convert into `Box<dyn Error + Send + Sync>`, so `?` works in application code.
    let boxed: Box<dyn std::error::Error + Send + Sync> =
        SiretError::Digits(DigitsError::Empty).into();
    assert_eq!(boxed.to_string(), "invalid SIRET: empty number");
}

// Request and habilitation numbers: `Copy` string forms of an integer.
const _: () = {
    const fn assert_number<T>()
    where
        T: Copy
            + FromStr
            + for<'a> TryFrom<&'a str>
            + TryFrom<String>
            + TryFrom<u64>
            + Into<u64>
            + Into<String>
            + std::panic::UnwindSafe,
    {
    }
    const fn assert_number_error<E>()
    where
        E: std::error::Error + Diagnostic + Send + Sync + Copy + Eq + Hash + 'static,
    {
    }
    assert_value_type::<RequestNumber>();
    assert_value_type::<HabilitationNumber>();
    assert_number::<RequestNumber>();
    assert_number::<HabilitationNumber>();
    assert_number_error::<RequestNumberError>();
    assert_number_error::<HabilitationNumberError>();
};

// The fixed vocabularies: `Copy`, ordered, parsed from their wire string.
const _: () = {
    const fn assert_vocabulary<T>()
    where
        T: Copy + for<'a> TryFrom<&'a str> + std::panic::UnwindSafe,
    {
    }
    const fn assert_parses<T, E>()
    where
        T: FromStr<Err = E> + for<'a> TryFrom<&'a str, Error = E>,
        E: Diagnostic + Send + Sync + 'static,
    {
    }
    macro_rules! vocabularies {
        ($($ty:ty),*) => {$(
            assert_value_type::<$ty>();
            assert_vocabulary::<$ty>();
        )*};
    }
    vocabularies!(
        RequestState,
        Actor,
        EventName,
        HabilitationState,
        HabilitationEvent,
        RequesterKind,
        Condition,
        Outcome,
        NeededItem,
        Scope,
        ContactRole,
        WizardStep
    );
    assert_value_type::<Code>();
    assert_parses::<RequesterKind, RequesterKindError>();
};

// Documents: data that round-trips through serde and has a schema.
const _: () = {
    const fn assert_document<T>()
    where
        T: Send + Sync + Clone + PartialEq + Eq + Debug + Serialize + DeserializeOwned + JsonSchema,
    {
    }
    const fn assert_error<E>()
    where
        E: std::error::Error + Diagnostic + Send + Sync + Clone + Eq + 'static,
    {
    }
    const fn assert_copy<T: Copy + Hash>() {}
    assert_document::<RequestRecord>();
    assert_document::<EventLog>();
    assert_document::<Event>();
    assert_document::<HistoryEntry>();
    assert_document::<Habilitation>();
    assert_document::<EligibilityDecision>();
    assert_document::<EligibilityAnswers>();
    assert_error::<TransitionError>();
    assert_error::<ReplayError>();
    assert_error::<RecordError>();
    assert_error::<HabilitationTransitionError>();
    assert_error::<RequesterKindError>();
    assert_copy::<EligibilityAnswers>();
};

/// Compile-time "does not implement": naming `<T as Ambiguous<_>>::ok` is ambiguous, hence a
/// compile error, exactly when `T` also implements the trait tested by the second impl.
macro_rules! assert_not_impl {
    ($ty:ty: $($tr:tt)+) => {
        const _: fn() = || {
            trait Ambiguous<A> {
                fn ok() {}
            }
            impl<T: ?Sized> Ambiguous<()> for T {}
            #[allow(dead_code)]
            struct Implemented;
            impl<T: ?Sized + $($tr)+> Ambiguous<Implemented> for T {}
            let _ = <$ty as Ambiguous<_>>::ok;
        };
    };
}

// No way to change a validated value in place, nor to build one without its parser (rule 1).
assert_not_impl!(Siren: AsMut<str>);
assert_not_impl!(Siret: AsMut<str>);
assert_not_impl!(Email: AsMut<str>);
assert_not_impl!(PhoneNumber: AsMut<str>);
assert_not_impl!(Email: AsMut<String>);
assert_not_impl!(PhoneNumber: AsMut<String>);
assert_not_impl!(Siret: Default);
assert_not_impl!(Siren: Default);
assert_not_impl!(Email: Default);
assert_not_impl!(PhoneNumber: Default);
assert_not_impl!(RetentionPeriod: Default);
assert_not_impl!(Siret: From<String>);
assert_not_impl!(Email: From<String>);
assert_not_impl!(PhoneNumber: From<String>);
assert_not_impl!(RetentionPeriod: From<u16>);
// C-DEREF: no `Deref` to `str` (nor `DerefMut`, which requires it).
assert_not_impl!(Siret: std::ops::Deref);
assert_not_impl!(Email: std::ops::Deref);
assert_not_impl!(PhoneNumber: std::ops::Deref);

#[test]
fn conversions_agree_with_from_str() {
    let typed = "732 829 320 00074";
    let parsed: Siret = typed.parse().unwrap();
    assert_eq!(Siret::try_from(typed).unwrap(), parsed);
    assert_eq!(Siret::try_from(typed.to_owned()).unwrap(), parsed);
    assert_eq!(Siret::parse(typed).unwrap(), parsed);
    assert_eq!(String::from(parsed), "73282932000074");
    assert_eq!(parsed.as_ref(), "73282932000074");
    assert_eq!(
        Siret::try_from("1234567891234A"),
        Err(SiretError::Digits(DigitsError::InvalidCharacter {
            character: 'A',
            index: 13,
        }))
    );

    let email = Email::try_from(" Jean@Exemple.FR".to_owned()).unwrap();
    assert_eq!(String::from(email.clone()), "jean@exemple.fr");
    assert_eq!(email.as_ref(), email.to_string());
    assert_eq!(Email::parse("a@b"), Err(EmailError::MissingTopLevelDomain));

    let phone = PhoneNumber::try_from("06 12 34 56 78").unwrap();
    assert_eq!(String::from(phone.clone()), "+33612345678");
    assert_eq!(phone.as_ref(), "+33612345678");
    assert_eq!(PhoneNumber::parse(""), Err(PhoneNumberError::Empty));

    let siren = Siren::try_from("356 000 000").unwrap();
    assert_eq!(String::from(siren), "356000000");
    assert_eq!(
        Siren::parse("1"),
        Err(SirenError::Digits(DigitsError::InvalidLength {
            expected: 9,
            found: 1
        }))
    );
}
